/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VGA text grid (vga_text.c), shared by the console driver and its
 * tests.
 */
#ifndef _DRIVERS_VIDEO_VGA_TEXT_H
#define _DRIVERS_VIDEO_VGA_TEXT_H

#include <kernel/types.h>

#define VGA_COLS      80
#define VGA_ROWS      25
#define VGA_TAB_WIDTH 8

struct vga_text {
	u16 *cells;	       /* VGA_ROWS * VGA_COLS: character | attribute << 8 */
	unsigned int row, col; /* where the next character goes */
	u8 blank_attr;	       /* attribute of cleared cells */
};

/* Clear the grid and put the cursor top left. */
void vga_text_clear(struct vga_text *vt);

/* Write @len characters in attribute @attr, interpreting \n \r \t \b. */
void vga_text_write(struct vga_text *vt, const char *text, size_t len, u8 attr);

#endif
