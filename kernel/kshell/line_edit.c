// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's line editor; see line_edit.h.
 *
 * A line that grows past LINE_EDIT_MAX is not cut: the characters beyond are
 * counted in overflow (and not echoed, so the screen shows the line that
 * is kept), Backspace takes them back first, and Enter refuses the whole
 * line.  A command is therefore run exactly as typed, or not at all.
 *
 * Escape sequences follow ECMA-48 far enough to skip any of them whole,
 * however long: ESC [, parameter (0x30-0x3f) and intermediate (0x20-0x2f)
 * bytes, then a final byte in 0x40-0x7e; or ESC O and one byte; or ESC and
 * one byte.  A byte that no sequence can hold (a control character, DEL,
 * a byte above 0x7e) ends the sequence and then counts as typed, as a
 * terminal executes a control character met inside a sequence: Enter,
 * Backspace or Ctrl-C after a stray ESC still work.  Only the up and down
 * arrows mean something here.
 */
#include <kernel/string.h>
#include "line_edit.h"

#define CTRL(c) ((c)&0x1f)
#define DEL	0x7f
#define ESC	0x1b

static void echo(struct line_edit *le, const char *text, size_t len)
{
	le->echo(le->ctx, text, len);
}

void line_edit_start(struct line_edit *le)
{
	le->len = 0;
	le->overflow = 0;
	le->buf[0] = '\0';
	le->esc = ESC_NONE;
	le->back = 0;
}

void line_edit_init(struct line_edit *le, void (*fn)(void *ctx, const char *text, size_t len),
		    void *ctx)
{
	memset(le, 0, sizeof(*le));
	le->echo = fn;
	le->ctx = ctx;
	line_edit_start(le);
}

/* Take the whole line off the screen and out of the buffer. */
static void erase_line(struct line_edit *le)
{
	while (le->len) {
		echo(le, "\b \b", 3);
		le->len--;
	}
	le->overflow = 0;
	le->buf[0] = '\0';
}

/* Replace the line with @text (at most LINE_EDIT_MAX characters), on screen too. */
static void set_line(struct line_edit *le, const char *text)
{
	erase_line(le);
	le->len = strscpy(le->buf, text, sizeof(le->buf));
	echo(le, le->buf, le->len);
}

static void type_char(struct line_edit *le, char c)
{
	if (le->len == LINE_EDIT_MAX) {
		le->overflow++;
		return;
	}
	le->buf[le->len++] = c;
	le->buf[le->len] = '\0';
	echo(le, &c, 1);
}

static void erase_char(struct line_edit *le)
{
	if (le->overflow) {
		le->overflow--;
	} else if (le->len) {
		le->buf[--le->len] = '\0';
		echo(le, "\b \b", 3);
	}
}

static const char *history_line(const struct line_edit *le, unsigned int back)
{
	return le->history[(le->newest + LINE_HISTORY - (back - 1)) % LINE_HISTORY];
}

/* Keep a finished line, unless it is empty or repeats the newest. */
static void remember(struct line_edit *le)
{
	if (!le->len || (le->nr_history && !strcmp(history_line(le, 1), le->buf)))
		return;
	le->newest = (le->newest + 1) % LINE_HISTORY;
	strscpy(le->history[le->newest], le->buf, sizeof(le->history[0]));
	if (le->nr_history < LINE_HISTORY)
		le->nr_history++;
}

static void history_up(struct line_edit *le)
{
	if (le->back == le->nr_history)
		return;
	if (le->back == 0)
		strscpy(le->draft, le->buf, sizeof(le->draft));
	le->back++;
	set_line(le, history_line(le, le->back));
}

static void history_down(struct line_edit *le)
{
	if (le->back == 0)
		return;
	le->back--;
	set_line(le, le->back ? history_line(le, le->back) : le->draft);
}

/*
 * The byte after ESC, or one inside a sequence.  Returns false, ending the
 * sequence, for a byte that cannot be part of one: the caller treats it
 * as typed.
 */
static bool feed_escape(struct line_edit *le, u8 c)
{
	if (c < 0x20 || c > 0x7e) {
		le->esc = ESC_NONE;
		return false;
	}
	switch (le->esc) {
	case ESC_START:
		le->esc = c == '[' ? ESC_CSI : c == 'O' ? ESC_SS3 : ESC_NONE;
		le->esc_params = false;
		return true;
	case ESC_CSI:
		if (c < 0x40) { /* a parameter or intermediate byte */
			le->esc_params = true;
			return true;
		}
		break;
	default:
		break;
	}
	le->esc = ESC_NONE;
	if (le->esc_params) /* "\e[1;5A" is Ctrl+Up: not ours */
		return true;
	if (c == 'A')
		history_up(le);
	else if (c == 'B')
		history_down(le);
	return true;
}

static enum line_event end_line(struct line_edit *le)
{
	echo(le, "\n", 1);
	if (le->overflow)
		return LINE_TOO_LONG;
	remember(le);
	return LINE_DONE;
}

enum line_event line_edit_feed(struct line_edit *le, u8 c)
{
	bool after_cr = le->after_cr;

	le->after_cr = c == '\r';
	if (le->esc != ESC_NONE && feed_escape(le, c))
		return LINE_MORE;
	switch (c) {
	case '\n':
		if (after_cr)
			return LINE_MORE;
		return end_line(le);
	case '\r':
		return end_line(le);
	case '\b':
	case DEL:
		erase_char(le);
		return LINE_MORE;
	case CTRL('U'):
		erase_line(le);
		return LINE_MORE;
	case CTRL('C'):
		echo(le, "^C\n", 3);
		return LINE_CANCEL;
	case ESC:
		le->esc = ESC_START;
		return LINE_MORE;
	}
	if (c >= ' ' && c < DEL)
		type_char(le, c);
	return LINE_MORE;
}
