/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shell's line editor (line_edit.c): bytes as a terminal sends them
 * in, the line being typed and its echo out.
 *
 * It is pure state, with no console and no input queue behind it: the
 * echo goes through a callback, so the host tests can replay any byte
 * stream and check what a terminal would show against the line held.
 * The echo uses only printable characters, "\b \b" to erase one and
 * "\n", which every console here understands, so the line never needs
 * cursor addressing: a line is at most LINE_EDIT_MAX characters, which fits
 * one row of the VGA screen beside the prompt.
 */
#ifndef _KERNEL_KSHELL_LINE_EDIT_H
#define _KERNEL_KSHELL_LINE_EDIT_H

#include <kernel/types.h>

#define LINE_EDIT_MAX 70 /* characters of a line; 80 columns less the prompt */
#define LINE_HISTORY  8	 /* lines the up arrow goes back through */

enum line_event {
	LINE_MORE,     /* keep feeding */
	LINE_DONE,     /* Enter: the line is in buf */
	LINE_CANCEL,   /* Ctrl-C: nothing to run */
	LINE_TOO_LONG, /* Enter on a line that did not fit: refused whole */
};

enum esc_state { ESC_NONE, ESC_START, ESC_CSI, ESC_SS3 };

struct line_edit {
	char buf[LINE_EDIT_MAX + 1]; /* NUL-terminated */
	unsigned int len;
	unsigned int overflow; /* typed past LINE_EDIT_MAX: counted, not kept */
	bool after_cr;	       /* a "\n" right after "\r" ends no line */
	enum esc_state esc;
	bool esc_params; /* the sequence has parameter or intermediate bytes */

	char history[LINE_HISTORY][LINE_EDIT_MAX + 1];
	unsigned int nr_history;       /* lines kept, at most LINE_HISTORY */
	unsigned int newest;	       /* slot of the newest line */
	unsigned int back;	       /* 0: the line being typed; n: n lines back */
	char draft[LINE_EDIT_MAX + 1]; /* the line being typed, while back > 0 */

	void (*echo)(void *ctx, const char *text, size_t len);
	void *ctx;
};

/* An editor with an empty history that echoes through @echo(@ctx, ...). */
void line_edit_init(struct line_edit *le, void (*echo)(void *ctx, const char *text, size_t len),
		    void *ctx);
/* Start a new, empty line (after the prompt). */
void line_edit_start(struct line_edit *le);
/*
 * Feed one byte.  Printable ASCII is typed; Backspace and DEL erase,
 * Ctrl-U erases the line, Ctrl-C cancels it, "\r", "\n" and "\r\n" end
 * it, the up and down arrows ("\e[A", "\e[B", "\eOA", "\eOB") walk the
 * history.  Other escape sequences, however long, and other bytes are
 * ignored.
 */
enum line_event line_edit_feed(struct line_edit *le, u8 c);

#endif
