// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the VGA text grid on a grid in memory: control characters,
 * wrapping, scrolling, and paging back through the scrollback.  (The real
 * screen is checked from the host by the screen tests in
 * scripts/test-kernel.)
 */
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "vga_text.h"

#define ATTR  0x1e
#define BLANK 0x07

#define HISTORY 40 /* rows of scrollback in these tests */

static u16 cells[VGA_ROWS * VGA_COLS];
static u16 history[HISTORY * VGA_COLS], saved[VGA_ROWS * VGA_COLS];
static struct vga_text vt = { .cells = cells, .blank_attr = BLANK };

static void reset(void)
{
	vt = (struct vga_text){ .cells = cells, .blank_attr = BLANK };
	vga_text_clear(&vt);
}

/* A grid with @rows of scrollback (0: none). */
static void reset_with_history(unsigned int rows)
{
	reset();
	vt.history = history;
	vt.history_rows = rows;
	vt.saved = saved;
}

/* Write a string in ATTR. */
static void put(const char *s)
{
	vga_text_write(&vt, s, strlen(s), ATTR);
}

/* The characters of a row, trailing blanks removed. */
static const char *row_text(unsigned int row)
{
	static char text[VGA_COLS + 1];
	int col, end = 0;

	for (col = 0; col < VGA_COLS; col++) {
		text[col] = cells[row * VGA_COLS + col] & 0xff;
		if (text[col] != ' ')
			end = col + 1;
	}
	text[end] = '\0';
	return text;
}

static u8 attr_at(unsigned int row, unsigned int col)
{
	return cells[row * VGA_COLS + col] >> 8;
}

static void text_with_attribute(struct ktest *t)
{
	reset();
	put("Kestrel");
	KTEST_EXPECT_STREQ(t, row_text(0), "Kestrel");
	KTEST_EXPECT_EQ(t, attr_at(0, 0), ATTR);
	KTEST_EXPECT_EQ(t, attr_at(0, 7), BLANK);
	KTEST_EXPECT_EQ(t, vt.col, 7);
}

static void newline_and_carriage_return(struct ktest *t)
{
	reset();
	put("one\ntwo\rT");
	KTEST_EXPECT_STREQ(t, row_text(0), "one");
	KTEST_EXPECT_STREQ(t, row_text(1), "Two");
	KTEST_EXPECT_EQ(t, vt.row, 1);
	KTEST_EXPECT_EQ(t, vt.col, 1);
}

static void tab_goes_to_next_stop(struct ktest *t)
{
	reset();
	put("a\tb\t\tc");
	KTEST_EXPECT_STREQ(t, row_text(0), "a       b               c");
	put("\n12345678\tx");
	KTEST_EXPECT_STREQ(t, row_text(1), "12345678        x");
}

static void backspace_erases(struct ktest *t)
{
	reset();
	put("abc\b\bX");
	KTEST_EXPECT_STREQ(t, row_text(0), "aX");
	put("\n\b"); /* at column 0: nothing to erase */
	KTEST_EXPECT_EQ(t, vt.col, 0);
	KTEST_EXPECT_EQ(t, vt.row, 1);
}

static void long_line_wraps(struct ktest *t)
{
	char line[VGA_COLS + 4];

	reset();
	memset(line, 'w', VGA_COLS);
	strscpy(line + VGA_COLS, "END", 4);
	put(line);
	KTEST_EXPECT_EQ(t, strlen(row_text(0)), VGA_COLS);
	KTEST_EXPECT_STREQ(t, row_text(1), "END");

	/* A full row and its newline take one row, not two. */
	reset();
	line[VGA_COLS] = '\n';
	line[VGA_COLS + 1] = '\0';
	put(line);
	put("next");
	KTEST_EXPECT_STREQ(t, row_text(1), "next");
}

static void bottom_line_scrolls(struct ktest *t)
{
	char line[16];
	int i;

	reset();
	for (i = 0; i < VGA_ROWS + 2; i++) {
		snprintf(line, sizeof(line), "line %d\n", i);
		put(line);
	}
	/* 27 lines and a newline: lines 0..2 scrolled off, the last row blank. */
	KTEST_EXPECT_STREQ(t, row_text(0), "line 3");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 2), "line 26");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "");
	KTEST_EXPECT_EQ(t, attr_at(VGA_ROWS - 1, 0), BLANK);
	KTEST_EXPECT_EQ(t, vt.row, VGA_ROWS - 1);
}

/* "line 0\n" ... "line N-1\n": line i is on row i - (N - 24) when N > 24. */
static void put_lines(int n)
{
	char line[16];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "line %d\n", i);
		put(line);
	}
}

static void scrollback_pages_back_and_forward(struct ktest *t)
{
	/* Static, as the grid is: 4000 bytes are a quarter of a task's stack. */
	static u16 live[VGA_ROWS * VGA_COLS];

	reset_with_history(HISTORY);
	put_lines(35); /* lines 0..10 scrolled off; line 11 on row 0 */
	memcpy(live, cells, sizeof(cells));
	KTEST_EXPECT_EQ(t, vt.history_len, 11);
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, 5), 5);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 6");
	KTEST_EXPECT_STREQ(t, row_text(5), "line 11");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "line 30");
	/* only as far as there is history, and back to exactly the live screen */
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, 100), 6);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 0");
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, 1), 0);
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, -100), -11);
	KTEST_EXPECT_EQ(t, memcmp(live, cells, sizeof(cells)), 0);
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, -1), 0);
}

/* Output while the view is back: the live screen returns, then the text lands on it. */
static void output_returns_to_the_live_screen(struct ktest *t)
{
	reset_with_history(HISTORY);
	put_lines(30);
	vga_text_scroll_view(&vt, 3);
	put("new");
	KTEST_EXPECT_EQ(t, vt.view_back, 0);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 6");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 2), "line 29");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "new");
}

/* A full ring keeps the newest rows; the oldest are gone. */
static void history_keeps_the_newest_rows(struct ktest *t)
{
	reset_with_history(HISTORY);
	put_lines(HISTORY + 60); /* 76 rows scrolled off, 40 kept: lines 36..75 */
	KTEST_EXPECT_EQ(t, vt.history_len, HISTORY);
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, HISTORY + 1), HISTORY);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 36");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "line 60");
	vga_text_scroll_view(&vt, -(HISTORY - VGA_ROWS));
	KTEST_EXPECT_STREQ(t, row_text(0), "line 51");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "line 75");
}

/* No history (or no place for the live screen): the view never moves. */
static void no_scrollback_without_history(struct ktest *t)
{
	reset_with_history(0);
	put_lines(40);
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, 5), 0);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 16");
	reset();
	put_lines(40);
	KTEST_EXPECT_EQ(t, vga_text_scroll_view(&vt, 5), 0);
	/* and a clear while the view is back leaves nothing to restore */
	reset_with_history(HISTORY);
	put_lines(30);
	vga_text_scroll_view(&vt, 2);
	vga_text_clear(&vt);
	put("x");
	KTEST_EXPECT_STREQ(t, row_text(0), "x");
	KTEST_EXPECT_STREQ(t, row_text(1), "");
}

static void cursor_position_and_erase(struct ktest *t)
{
	reset();
	put("first\nsecond\nthird");
	put("\033[2;4HX"); /* row 2, column 4, from 1 */
	KTEST_EXPECT_STREQ(t, row_text(1), "secXnd");
	put("\033[K"); /* to the end of the line */
	KTEST_EXPECT_STREQ(t, row_text(1), "secX");
	KTEST_EXPECT_STREQ(t, row_text(2), "third");
	put("\033[1;3H\033[J"); /* to the end of the screen */
	KTEST_EXPECT_STREQ(t, row_text(0), "fi");
	KTEST_EXPECT_STREQ(t, row_text(1), "");
	KTEST_EXPECT_STREQ(t, row_text(2), "");
	put("\033[Htop\033[2K"); /* home; the whole line */
	KTEST_EXPECT_STREQ(t, row_text(0), "");
	KTEST_EXPECT_EQ(t, vt.col, 3);
	put("\033[99;200H"); /* past the edges: the last cell */
	KTEST_EXPECT_EQ(t, vt.row, VGA_ROWS - 1);
	KTEST_EXPECT_EQ(t, vt.col, VGA_COLS - 1);
	put("\033[;5H\033[2J"); /* a left-out row is 1; 2J keeps the cursor */
	KTEST_EXPECT_EQ(t, vt.row, 0);
	KTEST_EXPECT_EQ(t, vt.col, 4);
	KTEST_EXPECT_STREQ(t, row_text(0), "");
}

/* Colours, private modes and unknown sequences draw nothing. */
static void other_sequences_draw_nothing(struct ktest *t)
{
	reset();
	put("\033[1;31mred\033[0m \033[?25lon\033[5n\0337x\033[1;2;3;4;5;6Hy");
	KTEST_EXPECT_STREQ(t, row_text(0), "red onxy");
	/* a control character cuts a sequence short and acts */
	reset();
	put("ab\033[\nc\033\rd");
	KTEST_EXPECT_STREQ(t, row_text(0), "ab");
	KTEST_EXPECT_STREQ(t, row_text(1), "d");
	/* and so does a byte over 0x7e: drawn, not swallowed */
	reset();
	put("A\033[1\xe9Z");
	KTEST_EXPECT_EQ(t, cells[1] & 0xff, 0xe9);
	KTEST_EXPECT_EQ(t, cells[2] & 0xff, 'Z');
	/* a sequence split over two writes is one sequence */
	reset();
	put("x\033[");
	put("1;1Hy");
	KTEST_EXPECT_STREQ(t, row_text(0), "y");
}

/* What top does: home, the frame, erase below; the second frame replaces the first. */
static void redraw_in_place(struct ktest *t)
{
	reset();
	put("prompt\n");
	put("\033[H\033[2Jframe 1 line a\033[K\nline b\033[K\nline c\033[K\n\033[J");
	put("\033[Hframe 2\033[K\nline b\033[K\n\033[J");
	KTEST_EXPECT_STREQ(t, row_text(0), "frame 2");
	KTEST_EXPECT_STREQ(t, row_text(1), "line b");
	KTEST_EXPECT_STREQ(t, row_text(2), "");
	KTEST_EXPECT_EQ(t, vt.row, 2);
}

static const struct ktest_case vga_text_cases[] = {
	KTEST_CASE(text_with_attribute),
	KTEST_CASE(newline_and_carriage_return),
	KTEST_CASE(tab_goes_to_next_stop),
	KTEST_CASE(backspace_erases),
	KTEST_CASE(long_line_wraps),
	KTEST_CASE(bottom_line_scrolls),
	KTEST_CASE(scrollback_pages_back_and_forward),
	KTEST_CASE(output_returns_to_the_live_screen),
	KTEST_CASE(history_keeps_the_newest_rows),
	KTEST_CASE(no_scrollback_without_history),
	KTEST_CASE(cursor_position_and_erase),
	KTEST_CASE(other_sequences_draw_nothing),
	KTEST_CASE(redraw_in_place),
	{},
};
KTEST_SUITE(vga_text, vga_text_cases);
