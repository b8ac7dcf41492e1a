/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Drawing text cells on a linear framebuffer (fb.c), for the framebuffer
 * console and its tests.  The framebuffer is any memory: the tests draw
 * into a buffer of their own and read the pixels back.
 */
#ifndef _DRIVERS_VIDEO_FB_H
#define _DRIVERS_VIDEO_FB_H

#include <kernel/bootinfo.h>
#include <kernel/types.h>

#include "font.h"

#define FB_MAX_SIDE  16384	 /* pixels: more is not a screen */
#define FB_MAX_BYTES (256 << 20) /* what one ioremap() may take of its window */

struct fb {
	u8 *base; /* the first pixel, mapped */
	u32 width, height, pitch;
	u8 bytes_pp;	 /* 3 or 4 */
	u32 palette[16]; /* the VGA colors as pixels of this framebuffer */
	const struct font *font;
	unsigned int cursor_rows; /* the underline cursor's height */
};

/*
 * Why a console cannot draw @font's glyphs on @bf, or NULL if it can:
 * anything but direct color of 24 or 32 bits per pixel, fields that do
 * not fit their pixel or overlap, a pitch shorter than a line, a screen
 * smaller than a glyph or larger than FB_MAX_SIDE or FB_MAX_BYTES, an
 * address range that wraps.  The reason is a phrase for a message.
 */
const char *fb_unusable(const struct boot_framebuffer *bf, const struct font *font);

/* Set up @fb for a framebuffer fb_unusable() accepted, mapped at @base. */
void fb_init(struct fb *fb, const struct boot_framebuffer *bf, void *base, const struct font *font);

/* Text columns and rows that fit on @fb. */
static inline unsigned int fb_cols(const struct fb *fb)
{
	return fb->width / fb->font->width;
}

static inline unsigned int fb_rows(const struct fb *fb)
{
	return fb->height / fb->font->height;
}

/*
 * Draw text cell @cell (a character and a VGA attribute, as the text grid
 * holds it) at column @col, row @row; with @cursor, the underline cursor
 * in its foreground color.  Reads nothing of the framebuffer.
 */
void fb_draw_cell(const struct fb *fb, unsigned int col, unsigned int row, u16 cell, bool cursor);

/* Paint the whole framebuffer VGA color @color (0-15). */
void fb_fill(const struct fb *fb, unsigned int color);

/*
 * fbcon.c, for the console benchmark (console_bench.c): the cells drawn
 * so far (counted with CONFIG_CONSOLE_BENCH), and the pixels of one.
 */
extern unsigned long fbcon_cells_drawn;
unsigned int fbcon_cell_pixels(void);

#endif
