// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the text grid on a grid in memory: control characters,
 * wrapping, scrolling, paging back through the scrollback, and the dirty
 * range the framebuffer console redraws from.  Most cases use the VGA
 * console's 80x25; one uses a framebuffer's 128x48.  (The real screens
 * are checked from the host by the screen tests in scripts/test-kernel.)
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "text_grid.h"

#define ATTR  0x1e
#define BLANK 0x07

#define HISTORY 40 /* rows of scrollback in these tests */

#define VGA_COLS 80
#define VGA_ROWS 25
#define FB_COLS	 128 /* 1024x768 in 8x16 glyphs */
#define FB_ROWS	 48

static u16 cells[FB_ROWS * FB_COLS];
static u16 history[HISTORY * FB_COLS], saved[FB_ROWS * FB_COLS];
static struct text_grid vt;

static void reset_size(unsigned int cols, unsigned int rows)
{
	vt = (struct text_grid){ .cells = cells, .cols = cols, .rows = rows, .blank_attr = BLANK };
	text_grid_clear(&vt);
}

static void reset(void)
{
	reset_size(VGA_COLS, VGA_ROWS);
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
	text_grid_write(&vt, s, strlen(s), ATTR);
}

/* The characters of a row, trailing blanks removed. */
static const char *row_text(unsigned int row)
{
	static char text[FB_COLS + 1];
	unsigned int col, end = 0;

	for (col = 0; col < vt.cols; col++) {
		text[col] = cells[row * vt.cols + col] & 0xff;
		if (text[col] != ' ')
			end = col + 1;
	}
	text[end] = '\0';
	return text;
}

static u8 attr_at(unsigned int row, unsigned int col)
{
	return cells[row * vt.cols + col] >> 8;
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

/*
 * A framebuffer grid need not be a whole number of tab stops wide: the
 * last stop is the right edge, as on Linux's console, and a tab never
 * runs on into the next row.
 */
static void tab_stops_at_the_right_edge(struct ktest *t)
{
	reset_size(12, 3);
	put("0123456789\tX");
	KTEST_EXPECT_STREQ(t, row_text(0), "0123456789");
	KTEST_EXPECT_STREQ(t, row_text(1), "X");
	KTEST_EXPECT_EQ(t, vt.col, 1);
	/* narrower than one stop: the tab filled rows for ever, scrolling */
	reset_size(5, 3);
	put("a\tb\tc");
	KTEST_EXPECT_STREQ(t, row_text(0), "a");
	KTEST_EXPECT_STREQ(t, row_text(1), "b");
	KTEST_EXPECT_STREQ(t, row_text(2), "c");
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
	const size_t screen = sizeof(live);

	reset_with_history(HISTORY);
	put_lines(35); /* lines 0..10 scrolled off; line 11 on row 0 */
	memcpy(live, cells, screen);
	KTEST_EXPECT_EQ(t, vt.history_len, 11);
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, 5), 5);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 6");
	KTEST_EXPECT_STREQ(t, row_text(5), "line 11");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "line 30");
	/* only as far as there is history, and back to exactly the live screen */
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, 100), 6);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 0");
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, 1), 0);
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, -100), -11);
	KTEST_EXPECT_EQ(t, memcmp(live, cells, screen), 0);
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, -1), 0);
}

/* Output while the view is back: the live screen returns, then the text lands on it. */
static void output_returns_to_the_live_screen(struct ktest *t)
{
	reset_with_history(HISTORY);
	put_lines(30);
	text_grid_scroll_view(&vt, 3);
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
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, HISTORY + 1), HISTORY);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 36");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "line 60");
	text_grid_scroll_view(&vt, -(HISTORY - VGA_ROWS));
	KTEST_EXPECT_STREQ(t, row_text(0), "line 51");
	KTEST_EXPECT_STREQ(t, row_text(VGA_ROWS - 1), "line 75");
}

/* No history (or no place for the live screen): the view never moves. */
static void no_scrollback_without_history(struct ktest *t)
{
	reset_with_history(0);
	put_lines(40);
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, 5), 0);
	KTEST_EXPECT_STREQ(t, row_text(0), "line 16");
	reset();
	put_lines(40);
	KTEST_EXPECT_EQ(t, text_grid_scroll_view(&vt, 5), 0);
	/* and a clear while the view is back leaves nothing to restore */
	reset_with_history(HISTORY);
	put_lines(30);
	text_grid_scroll_view(&vt, 2);
	text_grid_clear(&vt);
	put("x");
	KTEST_EXPECT_STREQ(t, row_text(0), "x");
	KTEST_EXPECT_STREQ(t, row_text(1), "");
}

/*
 * Shift-PgUp pages half a screen, and at least a row: a framebuffer only
 * one glyph high (which fb_unusable() accepts) has a one-row grid.
 */
static void paging_moves_half_a_screen(struct ktest *t)
{
	reset_with_history(HISTORY);
	put_lines(60); /* 36 rows of history */
	KTEST_EXPECT_EQ(t, text_grid_scroll_page(&vt, -1), VGA_ROWS / 2);
	KTEST_EXPECT_EQ(t, text_grid_scroll_page(&vt, 1), -(VGA_ROWS / 2));
	reset_size(VGA_COLS, 1);
	vt.history = history;
	vt.history_rows = HISTORY;
	vt.saved = saved;
	put("one\ntwo\nthree");
	KTEST_EXPECT_EQ(t, text_grid_scroll_page(&vt, -1), 1);
	KTEST_EXPECT_STREQ(t, row_text(0), "two");
	KTEST_EXPECT_EQ(t, text_grid_scroll_page(&vt, 1), -1);
	KTEST_EXPECT_STREQ(t, row_text(0), "three");
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

/* The same behaviour on a framebuffer console's grid, 128x48. */
static void any_grid_size(struct ktest *t)
{
	char line[FB_COLS + 4];
	int i;

	reset_size(FB_COLS, FB_ROWS);
	memset(line, 'w', FB_COLS);
	strscpy(line + FB_COLS, "END", 4);
	put(line);
	KTEST_EXPECT_EQ(t, strlen(row_text(0)), FB_COLS);
	KTEST_EXPECT_STREQ(t, row_text(1), "END");
	for (i = 0; i < FB_ROWS - 1; i++) /* the last one scrolls the w's away */
		put("\nmore");
	KTEST_EXPECT_STREQ(t, row_text(0), "END");
	KTEST_EXPECT_STREQ(t, row_text(FB_ROWS - 1), "more");
	put("\033[99;999H");
	KTEST_EXPECT_EQ(t, vt.row, FB_ROWS - 1);
	KTEST_EXPECT_EQ(t, vt.col, FB_COLS - 1);
	put("\033[2J");
	KTEST_EXPECT_STREQ(t, row_text(FB_ROWS - 1), "");
}

/*
 * A wide screen's full scrollback can be more than one allocation may
 * take (4 MiB of the slab heap: 4096 rows of a 5K screen's 640 columns
 * are 5 MiB): the console then starts with fewer rows, not without a
 * screen.
 */
static void alloc_keeps_the_screen_without_all_the_history(struct ktest *t)
{
	struct text_grid big;
	unsigned int cols = 640, rows = 180, history_rows = 4096;

	KTEST_ASSERT_EQ(t, text_grid_alloc(&big, cols, rows, history_rows), 0);
	KTEST_EXPECT_NOT_NULL(t, big.cells);
	KTEST_EXPECT_EQ(t, big.cols, cols);
	KTEST_EXPECT_EQ(t, big.rows, rows);
	KTEST_EXPECT_GT(t, big.history_rows, 0);
	KTEST_EXPECT_LE(t, big.history_rows, history_rows);
	KTEST_EXPECT_TRUE(t, big.history && big.saved);
	text_grid_free(&big);
	/* no room for the screen: nothing */
	KTEST_EXPECT_EQ(t, text_grid_alloc(&big, 1U << 16, 1U << 16, 0), -ENOMEM);
	KTEST_EXPECT_NULL(t, big.cells);
	KTEST_EXPECT_NULL(t, big.history);
}

static void clean(void)
{
	vt.dirty_from = vt.dirty_to = 0;
}

/* What changed is in the dirty range, and nothing that did not. */
static void dirty_range_covers_changes(struct ktest *t)
{
	reset();
	KTEST_EXPECT_EQ(t, vt.dirty_from, 0);
	KTEST_EXPECT_EQ(t, vt.dirty_to, VGA_ROWS * VGA_COLS); /* the clear */
	put("x\n\n");
	clean();
	put("ab");
	KTEST_EXPECT_EQ(t, vt.dirty_from, 2 * VGA_COLS);
	KTEST_EXPECT_EQ(t, vt.dirty_to, 2 * VGA_COLS + 2);
	clean();
	put("\b\r\033[1;1H"); /* one cell blanked; the cursor moves change none */
	KTEST_EXPECT_EQ(t, vt.dirty_from, 2 * VGA_COLS + 1);
	KTEST_EXPECT_EQ(t, vt.dirty_to, 2 * VGA_COLS + 2);
	clean();
	put("\033[3;5H\033[K");
	KTEST_EXPECT_EQ(t, vt.dirty_from, 2 * VGA_COLS + 4);
	KTEST_EXPECT_EQ(t, vt.dirty_to, 3 * VGA_COLS);
	clean();
	put_lines(VGA_ROWS); /* scrolls: every cell moved */
	KTEST_EXPECT_EQ(t, vt.dirty_from, 0);
	KTEST_EXPECT_EQ(t, vt.dirty_to, VGA_ROWS * VGA_COLS);
	reset_with_history(HISTORY);
	put_lines(30);
	clean();
	text_grid_scroll_view(&vt, 2);
	KTEST_EXPECT_EQ(t, vt.dirty_to - vt.dirty_from, VGA_ROWS * VGA_COLS);
	clean();
	text_grid_scroll_view(&vt, 100); /* only 4 more rows: still a redraw */
	KTEST_EXPECT_EQ(t, vt.dirty_to - vt.dirty_from, VGA_ROWS * VGA_COLS);
	clean();
	text_grid_scroll_view(&vt, 1); /* nowhere to go: nothing to redraw */
	KTEST_EXPECT_EQ(t, vt.dirty_to, vt.dirty_from);
}

static const struct ktest_case text_grid_cases[] = {
	KTEST_CASE(text_with_attribute),
	KTEST_CASE(newline_and_carriage_return),
	KTEST_CASE(tab_goes_to_next_stop),
	KTEST_CASE(tab_stops_at_the_right_edge),
	KTEST_CASE(backspace_erases),
	KTEST_CASE(long_line_wraps),
	KTEST_CASE(bottom_line_scrolls),
	KTEST_CASE(scrollback_pages_back_and_forward),
	KTEST_CASE(output_returns_to_the_live_screen),
	KTEST_CASE(history_keeps_the_newest_rows),
	KTEST_CASE(no_scrollback_without_history),
	KTEST_CASE(paging_moves_half_a_screen),
	KTEST_CASE(cursor_position_and_erase),
	KTEST_CASE(other_sequences_draw_nothing),
	KTEST_CASE(redraw_in_place),
	KTEST_CASE(any_grid_size),
	KTEST_CASE(dirty_range_covers_changes),
	KTEST_CASE(alloc_keeps_the_screen_without_all_the_history),
	{},
};
KTEST_SUITE(text_grid, text_grid_cases);
