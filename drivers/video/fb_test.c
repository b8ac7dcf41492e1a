// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of framebuffer drawing on framebuffers in memory: which ones the
 * console refuses, the VGA colors in a framebuffer's pixel format, and
 * glyphs drawn pixel-exact (cursor included) at 32 and 24 bits per pixel,
 * on a pitch that is no multiple of 8, with nothing written outside the
 * cell.  The fonts here are the tests' own, so the cases mean the same
 * whatever font Kconfig chose.  (The real screen is checked from the
 * host by the screen tests, against the kernel's own font.)
 */
#include <kernel/ktest.h>
#include <kernel/string.h>

#include "fb.h"

#define GLYPH_ROWS 6
#define SENTINEL   0x5a

static u8 glyphs8[256 * GLYPH_ROWS], glyphs16[256 * GLYPH_ROWS * 2];
static u8 glyphs12[256 * GLYPH_ROWS * 2];
static const struct font font8 = { 8, GLYPH_ROWS, 1, glyphs8 };
static const struct font font16 = { 16, GLYPH_ROWS, 2, glyphs16 };
static const struct font font12 = { 12, GLYPH_ROWS, 2, glyphs12 }; /* pixel by pixel */

static u8 pixels[8192]; /* 4x3 cells of 16x6 at 32 bpp, padded: 4698 bytes */

/* A 32 bpp XRGB framebuffer of @w x @h pixels, @pad bytes more per line. */
static struct boot_framebuffer xrgb(u32 w, u32 h, u32 bpp, u32 pad)
{
	return (struct boot_framebuffer){
		.addr = 0xfd000000,
		.pitch = w * (bpp / 8) + pad,
		.width = w,
		.height = h,
		.bpp = bpp,
		.type = BOOT_FB_RGB,
		.red_pos = 16,
		.red_size = 8,
		.green_pos = 8,
		.green_size = 8,
		.blue_pos = 0,
		.blue_size = 8,
	};
}

static void make_fonts(void)
{
	static const u8 a8[GLYPH_ROWS] = { 0x81, 0x42, 0x24, 0x18, 0xff, 0x01 };
	unsigned int r;

	memset(glyphs8, 0, sizeof(glyphs8));
	memset(glyphs16, 0, sizeof(glyphs16));
	memset(glyphs12, 0, sizeof(glyphs12));
	for (r = 0; r < GLYPH_ROWS; r++) {
		glyphs8['A' * GLYPH_ROWS + r] = a8[r];
		glyphs16[('A' * GLYPH_ROWS + r) * 2] = a8[r];
		glyphs16[('A' * GLYPH_ROWS + r) * 2 + 1] = ~a8[r];
		glyphs12[('A' * GLYPH_ROWS + r) * 2] = a8[r];
		glyphs12[('A' * GLYPH_ROWS + r) * 2 + 1] = 0xa0; /* bits 8 and 10 of 12 */
	}
}

struct refusal {
	const char *what;
	void (*spoil)(struct boot_framebuffer *bf);
	const char *reason; /* the start of fb_unusable()'s phrase */
};

static void indexed(struct boot_framebuffer *bf)
{
	bf->type = BOOT_FB_INDEXED;
}

static void ega_text(struct boot_framebuffer *bf)
{
	bf->type = BOOT_FB_EGA_TEXT;
}

static void type_unknown(struct boot_framebuffer *bf)
{
	bf->type = 7;
}

static void bpp16(struct boot_framebuffer *bf)
{
	bf->bpp = 16;
}

static void bpp8(struct boot_framebuffer *bf)
{
	bf->bpp = 8;
}

static void red_empty(struct boot_framebuffer *bf)
{
	bf->red_size = 0;
}

static void green_too_wide(struct boot_framebuffer *bf)
{
	bf->green_size = 9;
}

static void blue_outside(struct boot_framebuffer *bf)
{
	bf->blue_pos = 30;
}

static void blue_far_outside(struct boot_framebuffer *bf)
{
	bf->blue_pos = 250; /* pos + size wraps a u8 */
	bf->blue_size = 8;
}

static void fields_overlap(struct boot_framebuffer *bf)
{
	bf->green_pos = 12;
}

static void narrower_than_a_glyph(struct boot_framebuffer *bf)
{
	bf->width = 7;
}

static void lower_than_a_glyph(struct boot_framebuffer *bf)
{
	bf->height = GLYPH_ROWS - 1;
}

static void huge_side(struct boot_framebuffer *bf)
{
	bf->width = 16385;
	bf->pitch = 16385 * 4;
}

static void short_pitch(struct boot_framebuffer *bf)
{
	bf->pitch = bf->width * 4 - 1;
}

static void pitch_wraps(struct boot_framebuffer *bf)
{
	bf->width = 16384;
	bf->pitch = 0xffffffff;
	bf->height = 16384;
}

static void too_many_bytes(struct boot_framebuffer *bf)
{
	bf->width = 16384;
	bf->height = 16384;
	bf->pitch = 16384 * 4;
}

static void at_zero(struct boot_framebuffer *bf)
{
	bf->addr = 0;
}

static void wraps(struct boot_framebuffer *bf)
{
	bf->addr = ~0ULL - 4096;
}

static const struct refusal refusals[] = {
	{ "indexed color", indexed, "indexed color" },
	{ "VGA text", ega_text, "not a pixel framebuffer" },
	{ "an unknown type", type_unknown, "not a pixel framebuffer" },
	{ "16 bpp", bpp16, "only 24 and 32" },
	{ "8 bpp", bpp8, "only 24 and 32" },
	{ "an empty red field", red_empty, "a color field" },
	{ "a 9-bit green field", green_too_wide, "a color field" },
	{ "a blue field past bit 31", blue_outside, "a color field" },
	{ "a blue field at bit 250", blue_far_outside, "a color field" },
	{ "overlapping fields", fields_overlap, "color fields overlap" },
	{ "7 pixels wide", narrower_than_a_glyph, "smaller than one glyph" },
	{ "5 pixels high", lower_than_a_glyph, "smaller than one glyph" },
	{ "16385 pixels wide", huge_side, "wider or higher" },
	{ "a pitch short of a line", short_pitch, "pitch is shorter" },
	{ "a 4 GiB pitch", pitch_wraps, "larger than 256 MiB" },
	{ "1 GiB in all", too_many_bytes, "larger than 256 MiB" },
	{ "address 0", at_zero, "address is 0" },
	{ "a range that wraps", wraps, "address is 0" },
};

static void unusable_framebuffers_are_refused(struct ktest *t)
{
	const struct boot_framebuffer good = xrgb(1024, 768, 32, 0);
	struct boot_framebuffer bf;
	size_t i;

	KTEST_EXPECT_NULL(t, fb_unusable(&good, &font8));
	bf = xrgb(800, 600, 24, 3); /* 24 bpp, a pitch of no round size */
	KTEST_EXPECT_NULL(t, fb_unusable(&bf, &font8));
	bf = xrgb(8, GLYPH_ROWS, 32, 0); /* exactly one glyph */
	KTEST_EXPECT_NULL(t, fb_unusable(&bf, &font8));
	for (i = 0; i < ARRAY_SIZE(refusals); i++) {
		const char *why;

		bf = good;
		refusals[i].spoil(&bf);
		why = fb_unusable(&bf, &font8);
		ktest_check(t, why && !strncmp(why, refusals[i].reason, strlen(refusals[i].reason)),
			    __FILE__, __LINE__, "%s: got \"%s\", want \"%s...\"", refusals[i].what,
			    why ?: "(accepted)", refusals[i].reason);
	}
}

/* The VGA colors, wherever the fields lie and whatever their widths. */
static void palette_follows_the_fields(struct ktest *t)
{
	struct boot_framebuffer bf = xrgb(64, 48, 32, 0);
	struct fb fb;

	fb_init(&fb, &bf, pixels, &font8);
	KTEST_EXPECT_EQ(t, fb.palette[0], 0);
	KTEST_EXPECT_EQ(t, fb.palette[4], 0xaa0000);  /* red */
	KTEST_EXPECT_EQ(t, fb.palette[6], 0xaa5500);  /* brown */
	KTEST_EXPECT_EQ(t, fb.palette[15], 0xffffff); /* white */
	bf.red_pos = 0; /* blue, green, red in memory order reversed */
	bf.blue_pos = 16;
	fb_init(&fb, &bf, pixels, &font8);
	KTEST_EXPECT_EQ(t, fb.palette[6], 0x0055aa);
	bf = xrgb(64, 48, 24, 0); /* 5-6-5 inside 24 bits */
	bf.red_pos = 11;
	bf.red_size = 5;
	bf.green_pos = 5;
	bf.green_size = 6;
	bf.blue_size = 5;
	fb_init(&fb, &bf, pixels, &font8);
	KTEST_EXPECT_EQ(t, fb.palette[15], 0xffff);
	KTEST_EXPECT_EQ(t, fb.palette[9], (0x55 >> 3) << 11 | (0x55 >> 2) << 5 | 0x1f);
	KTEST_EXPECT_EQ(t, fb.cursor_rows, 1); /* a glyph 6 high: one line */
}

/*
 * Draw 'A' in attribute 0x1e (yellow on blue) at column 1, row 1 of a
 * 4x3-cell framebuffer and check every byte of the buffer: the cell's
 * pixels from the glyph, everything else untouched.
 */
static void draw_and_check(struct ktest *t, const struct font *f, unsigned int bpp, bool cursor)
{
	const unsigned int bytes_pp = bpp / 8, pad = 5;
	struct boot_framebuffer bf = xrgb(4 * f->width, 3 * f->height, bpp, pad);
	unsigned int x, y, b, bad = 0, under, first = 0;
	struct fb fb;

	KTEST_ASSERT_TRUE(t, bf.pitch * bf.height <= sizeof(pixels));
	KTEST_ASSERT_TRUE(t, !fb_unusable(&bf, f));
	memset(pixels, SENTINEL, sizeof(pixels));
	fb_init(&fb, &bf, pixels, f);
	fb.cursor_rows = 2;
	under = cursor ? f->height - 2 : f->height;
	fb_draw_cell(&fb, 1, 1, 0x1e00 | 'A', cursor);
	for (y = 0; y < bf.height; y++) {
		for (x = 0; x < bf.pitch; x++) {
			unsigned int px = x / bytes_pp, cy = y - f->height, cx = px - f->width;
			u8 want = SENTINEL, got = pixels[y * bf.pitch + x];

			if (px < bf.width && y >= f->height && y < 2u * f->height &&
			    px >= f->width && px < 2u * f->width) {
				const u8 *row = font_glyph(f, 'A') + cy * f->row_bytes;
				bool on = cy >= under || row[cx / 8] & (0x80 >> cx % 8);

				b = x % bytes_pp;
				want = (on ? fb.palette[0xe] : fb.palette[0x1]) >> (8 * b);
			}
			if (got != want && !bad++)
				first = y * bf.pitch + x;
		}
	}
	ktest_check(t, !bad, __FILE__, __LINE__,
		    "%u bpp, %u wide%s: %u bytes wrong, the first byte %u of line %u", bpp,
		    f->width, cursor ? ", cursor" : "", bad, first % bf.pitch, first / bf.pitch);
}

static void glyphs_are_drawn_pixel_exact(struct ktest *t)
{
	make_fonts();
	draw_and_check(t, &font8, 32, false);
	draw_and_check(t, &font16, 32, false);
	draw_and_check(t, &font12, 32, false);
	draw_and_check(t, &font8, 24, false);
	draw_and_check(t, &font16, 24, false);
}

static void cursor_is_an_underline(struct ktest *t)
{
	make_fonts();
	draw_and_check(t, &font8, 32, true);
	draw_and_check(t, &font16, 32, true);
	draw_and_check(t, &font12, 24, true);
}

/*
 * Sizes a hostile loader may give that fb_unusable() accepts: exactly one
 * glyph, a screen no whole number of glyphs wide or high, 24 bpp with an
 * odd pitch, a pitch exactly one line long.  The last cell drawn (with
 * the cursor), the first and a fill write nothing past pitch * height.
 */
static void drawing_stays_inside_the_framebuffer(struct ktest *t)
{
	static const struct {
		u32 w, h, bpp, pad;
	} sizes[] = {
		{ 8, 6, 32, 0 },   { 12, 6, 24, 0 }, { 15, 11, 32, 0 }, { 23, 17, 24, 1 },
		{ 31, 13, 32, 3 }, { 16, 6, 24, 0 }, { 47, 7, 24, 0 },
	};
	const struct font *fonts[] = { &font8, &font16, &font12 };
	unsigned int i, j, k, checked = 0, bad = 0;

	make_fonts();
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (j = 0; j < ARRAY_SIZE(fonts); j++) {
			struct boot_framebuffer bf =
				xrgb(sizes[i].w, sizes[i].h, sizes[i].bpp, sizes[i].pad);
			size_t end = (size_t)bf.pitch * bf.height;
			struct fb fb;

			if (fb_unusable(&bf, fonts[j]))
				continue;
			KTEST_ASSERT_TRUE(t, end + 64 <= sizeof(pixels));
			memset(pixels, SENTINEL, sizeof(pixels));
			fb_init(&fb, &bf, pixels, fonts[j]);
			fb_draw_cell(&fb, fb_cols(&fb) - 1, fb_rows(&fb) - 1, 0x1e00 | 'A', true);
			fb_draw_cell(&fb, 0, 0, 0x1e00 | 'A', false);
			for (k = end; k < end + 64; k++)
				bad += pixels[k] != SENTINEL;
			fb_fill(&fb, 1);
			for (k = end; k < end + 64; k++)
				bad += pixels[k] != SENTINEL;
			checked++;
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_GE(t, checked, 12); /* the sizes are not all refused */
}

/* A fill covers every pixel of every line, and not the padding past it. */
static void fill_paints_every_pixel(struct ktest *t)
{
	struct boot_framebuffer bf = xrgb(30, 7, 24, 6);
	unsigned int x, y, bad = 0;
	struct fb fb;

	memset(pixels, SENTINEL, sizeof(pixels));
	fb_init(&fb, &bf, pixels, &font8);
	fb_fill(&fb, 4);
	for (y = 0; y < bf.height; y++)
		for (x = 0; x < bf.pitch; x++)
			bad += pixels[y * bf.pitch + x] !=
			       (x < 30 * 3 ? (u8)(0xaa0000 >> 8 * (x % 3)) : SENTINEL);
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, pixels[bf.pitch * bf.height], SENTINEL);
}

static const struct ktest_case fb_cases[] = {
	KTEST_CASE(unusable_framebuffers_are_refused),
	KTEST_CASE(palette_follows_the_fields),
	KTEST_CASE(glyphs_are_drawn_pixel_exact),
	KTEST_CASE(cursor_is_an_underline),
	KTEST_CASE(fill_paints_every_pixel),
	KTEST_CASE(drawing_stays_inside_the_framebuffer),
	{},
};
KTEST_SUITE(fb, fb_cases);
