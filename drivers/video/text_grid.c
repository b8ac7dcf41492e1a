// SPDX-License-Identifier: GPL-2.0
/*
 * The text grid: cells of a character and a VGA attribute (80x25 on the
 * VGA console, as many as the framebuffer holds on the other), and the
 * terminal behaviour on top of them — newline, carriage return, tab stops
 * every 8 columns, backspace, wrapping at the right edge and scrolling at
 * the bottom, and the few control sequences of text_grid_escape.c.  It
 * knows nothing of the hardware (vga_console.c and fbcon.c do), so tests
 * can run it on a grid in ordinary memory.  Every change widens the dirty
 * range, which tells the framebuffer console what to redraw.
 *
 * Rows that scroll off the top go into a history ring, which a view can
 * page back through (Shift-PgUp, as Linux's vgacon had): the live screen
 * is put aside while the grid shows older rows, and comes back whole
 * before anything new is written, so output never lands in the past.
 */
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#include "text_grid.h"

void text_grid_free(struct text_grid *vt)
{
	kfree(vt->cells);
	kfree(vt->saved);
	kfree(vt->history);
	vt->cells = vt->saved = vt->history = NULL;
	vt->history_rows = 0;
}

int text_grid_alloc(struct text_grid *vt, unsigned int cols, unsigned int rows,
		    unsigned int history_rows)
{
	size_t screen = (size_t)cols * rows * sizeof(u16);

	*vt = (struct text_grid){ .cols = cols, .rows = rows };
	vt->cells = kmalloc(screen);
	if (!vt->cells)
		return -ENOMEM;
	if (!history_rows)
		return 0;
	vt->saved = kmalloc(screen);
	/*
	 * A wide screen's history can be larger than one allocation may be
	 * (4 MiB of the slab heap): half as many rows, until they fit.
	 */
	for (; vt->saved && history_rows; history_rows /= 2) {
		vt->history = kmalloc((size_t)cols * history_rows * sizeof(u16));
		if (vt->history) {
			vt->history_rows = history_rows;
			return 0;
		}
	}
	kfree(vt->saved);
	vt->saved = NULL; /* no scrollback, the screen alone */
	return 0;
}

static u16 blank(const struct text_grid *vt)
{
	return (u16)vt->blank_attr << 8 | ' ';
}

void text_grid_touch(struct text_grid *vt, unsigned int from, unsigned int to)
{
	if (from >= to)
		return;
	if (vt->dirty_from == vt->dirty_to) {
		vt->dirty_from = from;
		vt->dirty_to = to;
		return;
	}
	if (from < vt->dirty_from)
		vt->dirty_from = from;
	if (to > vt->dirty_to)
		vt->dirty_to = to;
}

static unsigned int grid_size(const struct text_grid *vt)
{
	return vt->rows * vt->cols;
}

void text_grid_erase(struct text_grid *vt, unsigned int from, unsigned int to)
{
	if (to > grid_size(vt))
		to = grid_size(vt);
	text_grid_touch(vt, from, to);
	for (; from < to; from++)
		vt->cells[from] = blank(vt);
}

static void clear_row(struct text_grid *vt, unsigned int row)
{
	text_grid_erase(vt, row * vt->cols, (row + 1) * vt->cols);
}

void text_grid_clear(struct text_grid *vt)
{
	unsigned int row;

	for (row = 0; row < vt->rows; row++)
		clear_row(vt, row);
	vt->row = vt->col = 0;
	vt->view_back = 0; /* what the view put aside is cleared too */
}

static size_t row_bytes(const struct text_grid *vt)
{
	return vt->cols * sizeof(u16);
}

/* Keep the top row, about to scroll away, as the newest history row. */
static void save_top_row(struct text_grid *vt)
{
	if (!vt->history_rows)
		return;
	memcpy(vt->history + vt->history_next * vt->cols, vt->cells, row_bytes(vt));
	vt->history_next = (vt->history_next + 1) % vt->history_rows;
	if (vt->history_len < vt->history_rows)
		vt->history_len++;
}

static void newline(struct text_grid *vt)
{
	vt->col = 0;
	if (vt->row + 1 < vt->rows) {
		vt->row++;
		return;
	}
	save_top_row(vt);
	memmove(vt->cells, vt->cells + vt->cols, (vt->rows - 1) * row_bytes(vt));
	text_grid_touch(vt, 0, grid_size(vt));
	clear_row(vt, vt->rows - 1);
}

/* The history row @back rows before the live screen (1: the newest). */
static const u16 *history_row(const struct text_grid *vt, unsigned int back)
{
	unsigned int i = (vt->history_next + vt->history_rows - back) % vt->history_rows;

	return vt->history + i * vt->cols;
}

/* Show the view @view_back rows back: history rows, then the live screen's top. */
static void draw_view(struct text_grid *vt)
{
	unsigned int r;

	for (r = 0; r < vt->rows; r++) {
		const u16 *src = r < vt->view_back ? history_row(vt, vt->view_back - r)
						   : vt->saved + (r - vt->view_back) * vt->cols;

		memcpy(vt->cells + r * vt->cols, src, row_bytes(vt));
	}
}

int text_grid_scroll_view(struct text_grid *vt, int rows)
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
		memcpy(vt->saved, vt->cells, vt->rows * row_bytes(vt));
	vt->view_back = back;
	if (back)
		draw_view(vt);
	else
		memcpy(vt->cells, vt->saved, vt->rows * row_bytes(vt));
	text_grid_touch(vt, 0, grid_size(vt));
	return moved;
}

int text_grid_scroll_page(struct text_grid *vt, int dir)
{
	/* A grid one row high pages by its row, or never pages at all. */
	int half = vt->rows / 2 ?: 1;

	return text_grid_scroll_view(vt, dir < 0 ? half : -half);
}

static void put_char(struct text_grid *vt, char c, u8 attr)
{
	unsigned int i;

	if (text_grid_escape(vt, c))
		return;
	switch (c) {
	case '\n':
		newline(vt);
		return;
	case '\r':
		vt->col = 0;
		return;
	case '\t':
		/*
		 * To the next stop or the right edge, whichever is first: a
		 * grid need not be a whole number of stops wide, and one
		 * narrower than a stop would otherwise wrap for ever.
		 */
		do {
			put_char(vt, ' ', attr);
		} while (vt->col % GRID_TAB_WIDTH && vt->col < vt->cols);
		return;
	case '\b':
		if (vt->col > 0) {
			i = vt->row * vt->cols + --vt->col;
			vt->cells[i] = blank(vt);
			text_grid_touch(vt, i, i + 1);
		}
		return;
	}
	/*
	 * Wrap only when a character arrives past the right edge, so that a
	 * line of exactly 80 characters and its newline take one row, not two.
	 */
	if (vt->col == vt->cols)
		newline(vt);
	i = vt->row * vt->cols + vt->col++;
	vt->cells[i] = (u16)attr << 8 | (u8)c;
	text_grid_touch(vt, i, i + 1);
}

void text_grid_write(struct text_grid *vt, const char *text, size_t len, u8 attr)
{
	if (vt->view_back)
		text_grid_scroll_view(vt, -(int)vt->view_back);
	while (len--)
		put_char(vt, *text++, attr);
}
