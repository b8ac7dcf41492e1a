/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The framebuffer console's font: 256 glyphs in code page 437 order, the
 * bytes the VGA console shows, converted at build time from a PSF font of
 * Debian's console-setup-linux (scripts/psf.py writes font.c; Kconfig's
 * CONFIG_FONT_FILE names the font).
 */
#ifndef _DRIVERS_VIDEO_FONT_H
#define _DRIVERS_VIDEO_FONT_H

#include <kernel/types.h>

struct font {
	u8 width, height; /* pixels */
	u8 row_bytes;	  /* (width + 7) / 8: a glyph row, the leftmost pixel in the top bit */
	const u8 *glyphs; /* 256 glyphs of height rows each */
};

extern const struct font font;

static inline const u8 *font_glyph(const struct font *f, u8 c)
{
	return f->glyphs + (size_t)c * f->height * f->row_bytes;
}

#endif
