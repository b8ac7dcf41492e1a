// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the shell's line editor: byte streams as terminals send them,
 * the lines and events they must give, and what a terminal shows after
 * the echo.  The terminal is a model (term_*): one row and a cursor,
 * "\b" moves left, "\n" starts a new row.  After every byte the row must
 * show exactly the line the editor holds, and nothing after it, whatever
 * was erased or recalled.  Runs in the kernel and on the host; the host
 * also fuzzes the editor with the same model (kshell_fuzz.c).
 */
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "line_edit.h"
#include "line_edit_test.h"

void term_echo(void *ctx, const char *text, size_t len)
{
	struct term *term = ctx;
	size_t i;

	for (i = 0; i < len; i++) {
		char c = text[i];

		if (c == '\n') {
			term->rows++;
			term->cursor = term->width = 0;
		} else if (c == '\b') {
			if (term->cursor)
				term->cursor--;
		} else if (term->cursor < TERM_COLS) {
			term->row[term->cursor++] = c;
			if (term->cursor > term->width)
				term->width = term->cursor;
		} else {
			term->overrun = true;
		}
	}
}

bool term_shows_line(const struct term *term, const struct line_edit *le)
{
	unsigned int i;

	if (term->overrun || term->cursor != le->len || strlen(le->buf) != le->len ||
	    le->len > LINE_EDIT_MAX || memcmp(term->row, le->buf, le->len))
		return false;
	for (i = term->cursor; i < term->width; i++)
		if (term->row[i] != ' ')
			return false;
	return true;
}

struct edit_case {
	const char *what;
	const char *in;
	const char *events; /* "D:line" done, "C" cancelled, "L" too long; '|' between */
};

static const struct edit_case edit_cases[] = {
	{ "a line", "ps\n", "D:ps" },
	{ "carriage return ends it", "ps\r", "D:ps" },
	{ "\\r\\n is one end of line", "a\r\nb\n", "D:a|D:b" },
	{ "\\n\\r is two", "a\n\rb\n", "D:a|D:|D:b" },
	{ "backspace", "lx\bs\n", "D:ls" },
	{ "DEL erases too", "lx\x7fs\n", "D:ls" },
	{ "erasing an empty line", "\b\x7f\bab\n", "D:ab" },
	{ "Ctrl-U kills the line",
	  "abc\x15"
	  "de\n",
	  "D:de" },
	{ "Ctrl-C cancels",
	  "abc\x03"
	  "d\n",
	  "C|D:d" },
	{ "other bytes are ignored", "a\x01\x80\xff\tb\x04\n", "D:ab" },
	{ "blanks are kept", " a  b \n", "D: a  b " },
	{ "unknown escape sequences are skipped",
	  "a\x1b[Cb\x1b[1;5Ac\x1b"
	  "xd\x1b[3~e\n",
	  "D:abcde" },
	{ "nine parameter bytes and a final one are one sequence", "a\x1b[123456789b\n", "D:a" },
	{ "a long sequence is skipped whole", "a\x1b[999999999999Ab\n", "D:ab" },
	{ "intermediate bytes too", "a\x1b[1 !\"#$%&'()*+,-./0123456789:;<=>?pb\n", "D:ab" },
	{ "a long Ctrl+Up is not Up", "one\n\x1b[1;5;1;5;1;5;1;5;1;5A\n", "D:one|D:" },
	{ "Enter ends a sequence and the line", "ab\x1b[12\r", "D:ab" },
	{ "Enter right after ESC", "ab\x1b\n", "D:ab" },
	{ "Ctrl-C inside a sequence cancels", "ab\x1b[1;2\x03", "C" },
	{ "Backspace inside a sequence erases", "ab\x1b[1\x7f\x1bO\bc\n", "D:c" },
	{ "ESC inside a sequence starts another", "one\n\x1b[12\x1b[A\n", "D:one|D:one" },
	{ "a byte above 0x7e ends a sequence",
	  "a\x1b[1\x80"
	  "b\n",
	  "D:ab" },
	{ "up recalls", "one\ntwo\n\x1b[A\x1b[A\n", "D:one|D:two|D:one" },
	{ "up stops at the oldest", "one\n\x1b[A\x1b[A\x1b[A\n", "D:one|D:one" },
	{ "down comes back to the draft", "one\nxy\x1b[A\x1b[B\n", "D:one|D:xy" },
	{ "application-mode arrows", "one\ntwo\n\x1bOA\x1bOA\x1bOB\n", "D:one|D:two|D:two" },
	{ "empty lines and repeats are not kept", "a\n\na\nb\n\x1b[A\x1b[A\x1b[A\n",
	  "D:a|D:|D:a|D:b|D:a" },
	{ "a recalled line can be edited", "make\n\x1b[A\bx\n", "D:make|D:makx" },
	{ "too long: refused whole",
	  "0123456789012345678901234567890123456789012345678901234567890123456789X\n", "L" },
	{ "too long, then erased back to fit",
	  "0123456789012345678901234567890123456789012345678901234567890123456789X\bY\b\n",
	  "D:0123456789012345678901234567890123456789012345678901234567890123456789" },
	{ "too long, then killed",
	  "0123456789012345678901234567890123456789012345678901234567"
	  "890123456789XYZ\x15ok\n",
	  "D:ok" },
	{ "too long lines are not kept",
	  "a\n01234567890123456789012345678901234567890123456789"
	  "012345678901234567890\n\x1b[A\n",
	  "D:a|L|D:a" },
};

/* Feed @in; the events as "D:line|C|L", or NULL if the screen ever disagreed. */
static const char *run_edit(const char *in, char *out, size_t size, struct term *term)
{
	struct line_edit le;
	size_t n = 0;

	memset(term, 0, sizeof(*term));
	line_edit_init(&le, term_echo, term);
	out[0] = '\0';
	for (; *in; in++) {
		enum line_event ev = line_edit_feed(&le, *in);

		if (ev == LINE_MORE) {
			if (!term_shows_line(term, &le))
				return NULL;
			continue;
		}
		n += scnprintf(out + n, size - n, "%s%s%s", n ? "|" : "",
			       ev == LINE_DONE	   ? "D:"
			       : ev == LINE_CANCEL ? "C"
						   : "L",
			       ev == LINE_DONE ? le.buf : "");
		line_edit_start(&le);
	}
	return out;
}

static void edit_table(struct ktest *t)
{
	struct term term;
	char out[512];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(edit_cases); i++) {
		const struct edit_case *c = &edit_cases[i];
		const char *got = run_edit(c->in, out, sizeof(out), &term);

		if (!got) {
			ktest_check(t, false, __FILE__, __LINE__,
				    "%s: the screen showed \"%.*s\", not the line", c->what,
				    (int)term.width, term.row);
			continue;
		}
		ktest_check(t, !strcmp(got, c->events), __FILE__, __LINE__,
			    "%s: \"%s\", expected \"%s\"", c->what, got, c->events);
	}
}

/* The history keeps the last LINE_HISTORY lines; older ones go. */
static void history_keeps_the_newest(struct ktest *t)
{
	char in[256], out[512];
	struct term term;
	size_t n = 0;
	int i;

	for (i = 0; i <= LINE_HISTORY; i++)
		n += scnprintf(in + n, sizeof(in) - n, "l%d\n", i);
	for (i = 0; i <= LINE_HISTORY; i++)
		n += scnprintf(in + n, sizeof(in) - n, "\x1b[A");
	scnprintf(in + n, sizeof(in) - n, "\n");
	KTEST_ASSERT_TRUE(t, run_edit(in, out, sizeof(out), &term) != NULL);
	KTEST_EXPECT_STREQ(t, strrchr(out, '|') + 1, "D:l1");
}

/* Ctrl-C prints ^C, and both it and Enter leave the cursor on a new row. */
static void cancel_and_enter_echo(struct ktest *t)
{
	struct term term;
	char out[64];

	KTEST_ASSERT_TRUE(t, run_edit("ab\x03", out, sizeof(out), &term) != NULL);
	KTEST_EXPECT_EQ(t, term.rows, 1);
	KTEST_ASSERT_TRUE(t, run_edit("ab\r\n", out, sizeof(out), &term) != NULL);
	KTEST_EXPECT_EQ(t, term.rows, 1);
}

static const struct ktest_case line_edit_cases[] = {
	KTEST_CASE(edit_table),
	KTEST_CASE(history_keeps_the_newest),
	KTEST_CASE(cancel_and_enter_echo),
	{},
};
KTEST_SUITE(kshell_line_edit, line_edit_cases);
