/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The text grid (text_grid.c): what a text console shows, as cells of a
 * character and a VGA attribute.  The VGA console's grid is the adapter's
 * own memory; the framebuffer console's is a shadow in RAM that it draws
 * from.  Shared by both consoles and their tests.
 */
#ifndef _DRIVERS_VIDEO_TEXT_GRID_H
#define _DRIVERS_VIDEO_TEXT_GRID_H

#include <kernel/types.h>

#define GRID_TAB_WIDTH	    8
#define GRID_ESC_MAX_PARAMS 4

struct text_grid {
	u16 *cells;		 /* rows * cols: character | attribute << 8 */
	unsigned int cols, rows; /* at least 1 each */
	unsigned int row, col;	 /* where the next character goes */
	u8 blank_attr;		 /* attribute of cleared cells */
	/*
	 * The cells changed since the console last drew, as one range of
	 * indexes [dirty_from, dirty_to), empty when they are equal: what a
	 * console that draws from the grid must redraw.  Its owner empties
	 * it; the VGA console, whose grid is the screen, never looks.
	 */
	unsigned int dirty_from, dirty_to;
	/*
	 * Scrollback, if @history_rows: the rows that scrolled off the top,
	 * the newest @history_len of them, in a ring of @history_rows rows
	 * (@history_next is where the next one goes).  While the view is
	 * @view_back rows back in it, @saved holds the live screen.
	 */
	u16 *history; /* history_rows * cols */
	unsigned int history_rows, history_len, history_next;
	unsigned int view_back;
	u16 *saved; /* rows * cols */
	/* A control sequence being read (text_grid_escape.c). */
	u8 esc_state;
	u8 esc_nparams;
	u16 esc_params[GRID_ESC_MAX_PARAMS];
};

/*
 * Allocate @vt's cells, @cols x @rows, and @history_rows rows of
 * scrollback, or as many as the heap gives: a console without its
 * scrollback is better than none.  0, or -ENOMEM (and nothing kept)
 * without memory for the screen itself.  Freed by text_grid_free().
 */
int text_grid_alloc(struct text_grid *vt, unsigned int cols, unsigned int rows,
		    unsigned int history_rows);
void text_grid_free(struct text_grid *vt);

/* Clear the grid (not the history) and put the cursor top left. */
void text_grid_clear(struct text_grid *vt);

/*
 * Write @len characters in attribute @attr, interpreting \n \r \t \b.
 * A view back in the history returns to the live screen first.
 */
void text_grid_write(struct text_grid *vt, const char *text, size_t len, u8 attr);

/*
 * Move the view @rows rows back into the history (negative: forward, to
 * the live screen), as far as there is history; the rows moved.
 */
int text_grid_scroll_view(struct text_grid *vt, int rows);

/*
 * Page the view: @dir -1 back (Shift-PgUp), 1 forward (Shift-PgDn), half
 * a screen at a time as Linux's vgacon did, and at least a row; the rows
 * moved, as text_grid_scroll_view().
 */
int text_grid_scroll_page(struct text_grid *vt, int dir);

/* Blank the cells from @from to before @to (indexes into the grid). */
void text_grid_erase(struct text_grid *vt, unsigned int from, unsigned int to);

/* Add the cells [@from, @to) to the dirty range. */
void text_grid_touch(struct text_grid *vt, unsigned int from, unsigned int to);

/*
 * text_grid_escape.c: take @c if it starts or continues a control
 * sequence (ESC, CSI ... final byte), acting on the sequence at its end;
 * false for an ordinary character, which the caller puts on the grid.
 */
bool text_grid_escape(struct text_grid *vt, char c);

#endif
