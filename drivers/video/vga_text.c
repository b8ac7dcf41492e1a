// SPDX-License-Identifier: GPL-2.0
/*
 * The VGA text grid: 80x25 cells of a character and an attribute, and the
 * terminal behaviour on top of them — newline, carriage return, tab stops
 * every 8 columns, backspace, wrapping at the right edge and scrolling at
 * the bottom.  It knows nothing of the hardware (vga_console.c does), so
 * tests can run it on a grid in ordinary memory.
 */
#include <kernel/string.h>

#include "vga_text.h"

static u16 blank(const struct vga_text *vt)
{
	return (u16)vt->blank_attr << 8 | ' ';
}

static void clear_row(struct vga_text *vt, unsigned int row)
{
	unsigned int col;

	for (col = 0; col < VGA_COLS; col++)
		vt->cells[row * VGA_COLS + col] = blank(vt);
}

void vga_text_clear(struct vga_text *vt)
{
	unsigned int row;

	for (row = 0; row < VGA_ROWS; row++)
		clear_row(vt, row);
	vt->row = vt->col = 0;
}

static void newline(struct vga_text *vt)
{
	vt->col = 0;
	if (vt->row + 1 < VGA_ROWS) {
		vt->row++;
		return;
	}
	memmove(vt->cells, vt->cells + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	clear_row(vt, VGA_ROWS - 1);
}

static void put_char(struct vga_text *vt, char c, u8 attr)
{
	switch (c) {
	case '\n':
		newline(vt);
		return;
	case '\r':
		vt->col = 0;
		return;
	case '\t':
		do {
			put_char(vt, ' ', attr);
		} while (vt->col % VGA_TAB_WIDTH);
		return;
	case '\b':
		if (vt->col > 0)
			vt->cells[vt->row * VGA_COLS + --vt->col] = blank(vt);
		return;
	}
	/*
	 * Wrap only when a character arrives past the right edge, so that a
	 * line of exactly 80 characters and its newline take one row, not two.
	 */
	if (vt->col == VGA_COLS)
		newline(vt);
	vt->cells[vt->row * VGA_COLS + vt->col++] = (u16)attr << 8 | (u8)c;
}

void vga_text_write(struct vga_text *vt, const char *text, size_t len, u8 attr)
{
	while (len--)
		put_char(vt, *text++, attr);
}
