/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VGA text grid (vga_text.c), shared by the console driver and its
 * tests.
 */
#ifndef _DRIVERS_VIDEO_VGA_TEXT_H
#define _DRIVERS_VIDEO_VGA_TEXT_H

#include <kernel/types.h>

#define VGA_COLS	   80
#define VGA_ROWS	   25
#define VGA_TAB_WIDTH	   8
#define VGA_ESC_MAX_PARAMS 4

struct vga_text {
	u16 *cells;	       /* VGA_ROWS * VGA_COLS: character | attribute << 8 */
	unsigned int row, col; /* where the next character goes */
	u8 blank_attr;	       /* attribute of cleared cells */
	/*
	 * Scrollback, if @history_rows: the rows that scrolled off the top,
	 * the newest @history_len of them, in a ring of @history_rows rows
	 * (@history_next is where the next one goes).  While the view is
	 * @view_back rows back in it, @saved holds the live screen.
	 */
	u16 *history;
	unsigned int history_rows, history_len, history_next;
	unsigned int view_back;
	u16 *saved; /* VGA_ROWS * VGA_COLS */
	/* A control sequence being read (vga_escape.c). */
	u8 esc_state;
	u8 esc_nparams;
	u16 esc_params[VGA_ESC_MAX_PARAMS];
};

/* Clear the grid (not the history) and put the cursor top left. */
void vga_text_clear(struct vga_text *vt);

/*
 * Write @len characters in attribute @attr, interpreting \n \r \t \b.
 * A view back in the history returns to the live screen first.
 */
void vga_text_write(struct vga_text *vt, const char *text, size_t len, u8 attr);

/*
 * Move the view @rows rows back into the history (negative: forward, to
 * the live screen), as far as there is history; the rows moved.
 */
int vga_text_scroll_view(struct vga_text *vt, int rows);

/* Blank the cells from @from to before @to (indexes into the grid). */
void vga_text_erase(struct vga_text *vt, unsigned int from, unsigned int to);

/*
 * vga_escape.c: take @c if it starts or continues a control sequence
 * (ESC, CSI ... final byte), acting on the sequence at its end; false for
 * an ordinary character, which the caller puts on the grid.
 */
bool vga_escape(struct vga_text *vt, char c);

#endif
