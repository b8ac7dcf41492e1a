/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The terminal model of the line editor's tests (line_edit_test.c), which
 * the host's fuzzer (arch/host/kernel/kshell_fuzz.c) drives too.
 */
#ifndef _KERNEL_KSHELL_LINE_EDIT_TEST_H
#define _KERNEL_KSHELL_LINE_EDIT_TEST_H

#include <kernel/types.h>
#include "line_edit.h"

#define TERM_COLS (2 * LINE_EDIT_MAX)

struct term {
	char row[TERM_COLS];
	unsigned int cursor, width; /* width: columns written on this row */
	unsigned int rows;	    /* rows finished with "\n" */
	bool overrun;		    /* the echo ran past TERM_COLS */
};

/* The echo callback for line_edit_init(), with a struct term as @ctx. */
void term_echo(void *ctx, const char *text, size_t len);
/* Does the row show the line @le holds, the cursor after it, blanks beyond? */
bool term_shows_line(const struct term *term, const struct line_edit *le);

#endif
