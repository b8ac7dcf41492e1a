// SPDX-License-Identifier: GPL-2.0
/*
 * Text cells on a linear framebuffer: what the loader's framebuffer must
 * be for a console to draw on it, the 16 VGA colors in its pixel format,
 * and glyphs drawn in them.
 *
 * Every cell is drawn whole from the font and two colors, and nothing is
 * ever read back: video memory is slow to read (uncached, across a bus),
 * so the console keeps what the screen shows in RAM (text_grid.c) and
 * redraws the cells that changed.  At 32 bits per pixel a glyph row of 8
 * pixels is four 64-bit stores: each pixel pair is the background XOR
 * (the two colors' difference AND a mask of the pair's two bits), the
 * masks of all 256 bytes in one table.  Other depths and glyph widths go
 * pixel by pixel.
 */
#include <kernel/compiler.h>
#include <kernel/string.h>

#include "fb.h"

/* The VGA palette as 8-bit red, green and blue. */
static const u8 vga_rgb[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0x00, 0x00, 0xaa }, { 0x00, 0xaa, 0x00 }, { 0x00, 0xaa, 0xaa },
	{ 0xaa, 0x00, 0x00 }, { 0xaa, 0x00, 0xaa }, { 0xaa, 0x55, 0x00 }, { 0xaa, 0xaa, 0xaa },
	{ 0x55, 0x55, 0x55 }, { 0x55, 0x55, 0xff }, { 0x55, 0xff, 0x55 }, { 0x55, 0xff, 0xff },
	{ 0xff, 0x55, 0x55 }, { 0xff, 0x55, 0xff }, { 0xff, 0xff, 0x55 }, { 0xff, 0xff, 0xff },
};

/*
 * byte_masks[b]: glyph row byte @b as four 64-bit pixel-pair masks, the
 * leftmost pixel (bit 7) in the low half of the first (little-endian).
 */
#define PX(bit) ((bit) ? 0xffffffffULL : 0)
#define M2(b)	(PX((b)&2) | PX((b)&1) << 32)
#define M8(n)                                                               \
	{                                                                   \
		M2((n) >> 6), M2((n) >> 4 & 3), M2((n) >> 2 & 3), M2((n)&3) \
	}
#define R4(n)  M8(n), M8((n) + 1), M8((n) + 2), M8((n) + 3)
#define R16(n) R4(n), R4((n) + 4), R4((n) + 8), R4((n) + 12)
#define R64(n) R16(n), R16((n) + 16), R16((n) + 32), R16((n) + 48)
static const u64 byte_masks[256][4] = { R64(0), R64(64), R64(128), R64(192) };

/* A color field: 1 to 8 bits from bit @pos, inside a pixel of @bpp bits. */
static bool field_fits(unsigned int pos, unsigned int size, unsigned int bpp)
{
	return size >= 1 && size <= 8 && pos + size <= bpp;
}

static u32 field_mask(unsigned int pos, unsigned int size)
{
	return ((1U << size) - 1) << pos;
}

const char *fb_unusable(const struct boot_framebuffer *bf, const struct font *font)
{
	u32 red, green, blue;
	u64 bytes;

	if (bf->type == BOOT_FB_INDEXED)
		return "indexed color (a palette) is not drawn, only direct color";
	if (bf->type != BOOT_FB_RGB)
		return "not a pixel framebuffer";
	if (bf->bpp != 24 && bf->bpp != 32)
		return "only 24 and 32 bits per pixel are drawn";
	if (!field_fits(bf->red_pos, bf->red_size, bf->bpp) ||
	    !field_fits(bf->green_pos, bf->green_size, bf->bpp) ||
	    !field_fits(bf->blue_pos, bf->blue_size, bf->bpp))
		return "a color field is empty, wider than 8 bits or outside the pixel";
	red = field_mask(bf->red_pos, bf->red_size);
	green = field_mask(bf->green_pos, bf->green_size);
	blue = field_mask(bf->blue_pos, bf->blue_size);
	if ((red & green) || (red & blue) || (green & blue))
		return "color fields overlap";
	if (bf->width < font->width || bf->height < font->height)
		return "smaller than one glyph";
	if (bf->width > FB_MAX_SIDE || bf->height > FB_MAX_SIDE)
		return "wider or higher than 16384 pixels";
	if ((u64)bf->pitch < (u64)bf->width * (bf->bpp / 8))
		return "pitch is shorter than a line";
	bytes = (u64)bf->pitch * bf->height;
	if (bytes > FB_MAX_BYTES)
		return "larger than 256 MiB";
	if (!bf->addr || bf->addr + bytes < bf->addr)
		return "address is 0 or its range wraps";
	return NULL;
}

static u32 pixel(const struct boot_framebuffer *bf, const u8 rgb[3])
{
	return (u32)(rgb[0] >> (8 - bf->red_size)) << bf->red_pos |
	       (u32)(rgb[1] >> (8 - bf->green_size)) << bf->green_pos |
	       (u32)(rgb[2] >> (8 - bf->blue_size)) << bf->blue_pos;
}

void fb_init(struct fb *fb, const struct boot_framebuffer *bf, void *base, const struct font *font)
{
	unsigned int i;

	fb->base = base;
	fb->width = bf->width;
	fb->height = bf->height;
	fb->pitch = bf->pitch;
	fb->bytes_pp = bf->bpp / 8;
	fb->font = font;
	/* As the VGA's default cursor: the bottom eighth of the cell, 2 of 16 lines. */
	fb->cursor_rows = font->height / 8 ?: 1;
	for (i = 0; i < 16; i++)
		fb->palette[i] = pixel(bf, vga_rgb[i]);
}

/* Pixels at any byte address: a plain store, that UBSan knows may be unaligned. */
typedef u64 __attribute__((aligned(1), may_alias)) u64_any;
typedef u32 __attribute__((aligned(1), may_alias)) u32_any;

static void put_pixel(const struct fb *fb, u8 *p, u32 color)
{
	if (fb->bytes_pp == 4) {
		*(u32_any *)p = color;
	} else {
		p[0] = color;
		p[1] = color >> 8;
		p[2] = color >> 16;
	}
}

/* Eight pixels at 32 bpp: the pairs of @m, each bg2 or bg2 ^ diff = fg2. */
static __always_inline void put8(u8 *dst, const u64 *m, u64 bg2, u64 diff)
{
	((u64_any *)dst)[0] = bg2 ^ (diff & m[0]);
	((u64_any *)dst)[1] = bg2 ^ (diff & m[1]);
	((u64_any *)dst)[2] = bg2 ^ (diff & m[2]);
	((u64_any *)dst)[3] = bg2 ^ (diff & m[3]);
}

/*
 * Glyph rows [0, @under) from the font and the rest (the cursor) solid,
 * @bytes bytes a row: a constant where it is inlined, so that the row's
 * stores are unrolled.
 */
static __always_inline void draw_rows(u8 *dst, unsigned int pitch, const u8 *glyph,
				      unsigned int under, unsigned int height, unsigned int bytes,
				      u64 bg2, u64 diff)
{
	unsigned int y, b;

	for (y = 0; y < under; y++, dst += pitch, glyph += bytes)
		for (b = 0; b < bytes; b++)
			put8(dst + b * 32, byte_masks[glyph[b]], bg2, diff);
	for (; y < height; y++, dst += pitch)
		for (b = 0; b < bytes; b++)
			put8(dst + b * 32, byte_masks[0xff], bg2, diff);
}

/* 32 bits per pixel, a glyph a whole number of bytes wide: 8 pixels a store group. */
static void draw_fast(const struct fb *fb, u8 *dst, const u8 *glyph, u32 fg, u32 bg,
		      unsigned int under)
{
	const struct font *f = fb->font;
	u64 bg2 = bg | (u64)bg << 32, diff = bg2 ^ (fg | (u64)fg << 32);

	if (f->row_bytes == 1)
		draw_rows(dst, fb->pitch, glyph, under, f->height, 1, bg2, diff);
	else if (f->row_bytes == 2)
		draw_rows(dst, fb->pitch, glyph, under, f->height, 2, bg2, diff);
	else
		draw_rows(dst, fb->pitch, glyph, under, f->height, f->row_bytes, bg2, diff);
}

/* Any depth and width: pixel by pixel. */
static void draw_slow(const struct fb *fb, u8 *dst, const u8 *glyph, u32 fg, u32 bg,
		      unsigned int under)
{
	const struct font *f = fb->font;
	unsigned int x, y;

	for (y = 0; y < f->height; y++, dst += fb->pitch, glyph += f->row_bytes) {
		for (x = 0; x < f->width; x++) {
			bool on = y >= under || glyph[x / 8] & (0x80 >> x % 8);

			put_pixel(fb, dst + x * fb->bytes_pp, on ? fg : bg);
		}
	}
}

void fb_draw_cell(const struct fb *fb, unsigned int col, unsigned int row, u16 cell, bool cursor)
{
	const struct font *f = fb->font;
	u8 *dst = fb->base + (size_t)row * f->height * fb->pitch +
		  (size_t)col * f->width * fb->bytes_pp;
	u32 fg = fb->palette[cell >> 8 & 0xf], bg = fb->palette[cell >> 12];
	unsigned int under = cursor ? f->height - fb->cursor_rows : f->height;

	if (fb->bytes_pp == 4 && f->width == f->row_bytes * 8)
		draw_fast(fb, dst, font_glyph(f, (u8)cell), fg, bg, under);
	else
		draw_slow(fb, dst, font_glyph(f, (u8)cell), fg, bg, under);
}

void fb_fill(const struct fb *fb, unsigned int color)
{
	u32 c = fb->palette[color & 0xf];
	unsigned int x, y;

	for (y = 0; y < fb->height; y++) {
		u8 *line = fb->base + (size_t)y * fb->pitch;

		for (x = 0; x < fb->width; x++)
			put_pixel(fb, line + x * fb->bytes_pp, c);
	}
}
