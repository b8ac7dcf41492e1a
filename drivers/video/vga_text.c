// SPDX-License-Identifier: GPL-2.0
/*
 * The VGA text grid: 80x25 cells of a character and an attribute, and the
 * terminal behaviour on top of them — newline, carriage return, tab stops
 * every 8 columns, backspace, wrapping at the right edge and scrolling at
 * the bottom, and the few control sequences of vga_escape.c.  It knows
 * nothing of the hardware (vga_console.c does), so tests can run it on a
 * grid in ordinary memory.
 *
 * Rows that scroll off the top go into a history ring, which a view can
 * page back through (Shift-PgUp, as Linux's vgacon had): the live screen
 * is put aside while the grid shows older rows, and comes back whole
 * before anything new is written, so output never lands in the past.
 */
#include <kernel/string.h>

#include "vga_text.h"

static u16 blank(const struct vga_text *vt)
{
	return (u16)vt->blank_attr << 8 | ' ';
}

void vga_text_erase(struct vga_text *vt, unsigned int from, unsigned int to)
{
	for (; from < to && from < VGA_ROWS * VGA_COLS; from++)
		vt->cells[from] = blank(vt);
}

static void clear_row(struct vga_text *vt, unsigned int row)
{
	vga_text_erase(vt, row * VGA_COLS, (row + 1) * VGA_COLS);
}

void vga_text_clear(struct vga_text *vt)
{
	unsigned int row;

	for (row = 0; row < VGA_ROWS; row++)
		clear_row(vt, row);
	vt->row = vt->col = 0;
	vt->view_back = 0; /* what the view put aside is cleared too */
}

#define ROW_BYTES (VGA_COLS * sizeof(u16))

/* Keep the top row, about to scroll away, as the newest history row. */
static void save_top_row(struct vga_text *vt)
{
	if (!vt->history_rows)
		return;
	memcpy(vt->history + vt->history_next * VGA_COLS, vt->cells, ROW_BYTES);
	vt->history_next = (vt->history_next + 1) % vt->history_rows;
	if (vt->history_len < vt->history_rows)
		vt->history_len++;
}

static void newline(struct vga_text *vt)
{
	vt->col = 0;
	if (vt->row + 1 < VGA_ROWS) {
		vt->row++;
		return;
	}
	save_top_row(vt);
	memmove(vt->cells, vt->cells + VGA_COLS, (VGA_ROWS - 1) * ROW_BYTES);
	clear_row(vt, VGA_ROWS - 1);
}

/* The history row @back rows before the live screen (1: the newest). */
static const u16 *history_row(const struct vga_text *vt, unsigned int back)
{
	unsigned int i = (vt->history_next + vt->history_rows - back) % vt->history_rows;

	return vt->history + i * VGA_COLS;
}

/* Show the view @view_back rows back: history rows, then the live screen's top. */
static void draw_view(struct vga_text *vt)
{
	unsigned int r;

	for (r = 0; r < VGA_ROWS; r++) {
		const u16 *src = r < vt->view_back ? history_row(vt, vt->view_back - r)
						   : vt->saved + (r - vt->view_back) * VGA_COLS;

		memcpy(vt->cells + r * VGA_COLS, src, ROW_BYTES);
	}
}

int vga_text_scroll_view(struct vga_text *vt, int rows)
{
	int back = (int)vt->view_back + rows, moved;

	if (!vt->history_rows || !vt->saved)
		return 0;
	if (back < 0)
		back = 0;
	if (back > (int)vt->history_len)
		back = vt->history_len;
	moved = back - (int)vt->view_back;
	if (!moved)
		return 0;
	if (!vt->view_back)
		memcpy(vt->saved, vt->cells, VGA_ROWS * ROW_BYTES);
	vt->view_back = back;
	if (back)
		draw_view(vt);
	else
		memcpy(vt->cells, vt->saved, VGA_ROWS * ROW_BYTES);
	return moved;
}

static void put_char(struct vga_text *vt, char c, u8 attr)
{
	if (vga_escape(vt, c))
		return;
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
	if (vt->view_back)
		vga_text_scroll_view(vt, -(int)vt->view_back);
	while (len--)
		put_char(vt, *text++, attr);
}
