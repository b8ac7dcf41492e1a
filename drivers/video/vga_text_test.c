// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the VGA text grid on a grid in memory: control characters,
 * wrapping and scrolling.  (The real screen is checked from the host by
 * the screen tests in scripts/test-kernel.)
 */
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "vga_text.h"

#define ATTR  0x1e
#define BLANK 0x07

static u16 cells[VGA_ROWS * VGA_COLS];
static struct vga_text vt = { .cells = cells, .blank_attr = BLANK };

static void reset(void)
{
	vga_text_clear(&vt);
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

static const struct ktest_case vga_text_cases[] = {
	KTEST_CASE(text_with_attribute),
	KTEST_CASE(newline_and_carriage_return),
	KTEST_CASE(tab_goes_to_next_stop),
	KTEST_CASE(backspace_erases),
	KTEST_CASE(long_line_wraps),
	KTEST_CASE(bottom_line_scrolls),
	{},
};
KTEST_SUITE(vga_text, vga_text_cases);
