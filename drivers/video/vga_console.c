// SPDX-License-Identifier: GPL-2.0
/*
 * VGA text-mode console.
 *
 * The BIOS leaves the adapter in 80x25 text mode: each screen cell is two
 * bytes at 0xb8000, the character (code page 437) and its attribute, the
 * background color in the high nibble and the foreground in the low one.
 * vga_text.c lays text out on that grid; this file adds the hardware (the
 * cursor the CRT controller shows, the blink bit) and the colors: with
 * CONFIG_VGA_COLORS each log level gets its own foreground color,
 * otherwise everything is light grey on black.  Rows that scroll off the
 * top are kept (CONFIG_VGA_SCROLLBACK_ROWS of them) for Shift-PgUp and
 * Shift-PgDn to page through; while the view is back there, the hardware
 * cursor is hidden, since what it would point at is not on screen.
 */
#include <asm/io.h>
#include <asm/page.h>
#include <kernel/console.h>
#include <kernel/printk.h>

#include "vga_text.h"

#define VGA_TEXT_PHYS 0xb8000

#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA  0x3d5
#define CRTC_CURSOR_HI 0x0e
#define CRTC_CURSOR_LO 0x0f

#define VGA_ATTR_INDEX	0x3c0 /* index and data, by a flip-flop */
#define VGA_ATTR_READ	0x3c1
#define VGA_INPUT_STAT1 0x3da /* reading resets the flip-flop */
#define ATTR_MODE_CTRL	0x10
#define ATTR_PAS	0x20 /* keep the palette enabled */
#define ATTR_BLINK	0x08

#define VGA_MONO_ATTR 0x07 /* light grey on black */

#define CURSOR_HIDDEN (VGA_ROWS * VGA_COLS) /* past the last cell */

/* Changed only under printk's lock (console_write(), console_scroll()). */
static u16 history[(CONFIG_VGA_SCROLLBACK_ROWS ?: 1) * VGA_COLS];
static u16 saved_screen[VGA_ROWS * VGA_COLS];
static struct vga_text screen = {
	.history = history,
	.history_rows = CONFIG_VGA_SCROLLBACK_ROWS,
	.saved = saved_screen,
};

static u8 attr_for_level(int level)
{
	u8 fg;

	if (!IS_ENABLED(CONFIG_VGA_COLORS))
		return VGA_MONO_ATTR;
	if (level <= LOGLEVEL_CRIT)
		fg = CONFIG_VGA_COLOR_EMERG;
	else if (level == LOGLEVEL_ERR)
		fg = CONFIG_VGA_COLOR_ERR;
	else if (level == LOGLEVEL_WARNING)
		fg = CONFIG_VGA_COLOR_WARN;
	else if (level == LOGLEVEL_NOTICE)
		fg = CONFIG_VGA_COLOR_NOTICE;
	else if (level == LOGLEVEL_DEBUG)
		fg = CONFIG_VGA_COLOR_DEBUG;
	else
		fg = CONFIG_VGA_FG_COLOR;
	return CONFIG_VGA_BG_COLOR << 4 | fg;
}

static void update_cursor(void)
{
	/* Past the right edge (a wrap is pending) shows as the next row's start. */
	unsigned int pos = screen.view_back ? CURSOR_HIDDEN : screen.row * VGA_COLS + screen.col;

	outb(VGA_CRTC_INDEX, CRTC_CURSOR_HI);
	outb(VGA_CRTC_DATA, pos >> 8);
	outb(VGA_CRTC_INDEX, CRTC_CURSOR_LO);
	outb(VGA_CRTC_DATA, pos & 0xff);
}

static void vga_write(struct console *con, const char *text, size_t len, int level)
{
	vga_text_write(&screen, text, len, attr_for_level(level));
	update_cursor();
}

/*
 * With the blink attribute on (the BIOS default), bit 7 of an attribute
 * blinks the character instead of brightening the background; turn it off
 * so that all 16 background colors can be chosen.
 */
static void disable_blink(void)
{
	u8 mode;

	inb(VGA_INPUT_STAT1);
	outb(VGA_ATTR_INDEX, ATTR_PAS | ATTR_MODE_CTRL);
	mode = inb(VGA_ATTR_READ);
	outb(VGA_ATTR_INDEX, mode & ~ATTR_BLINK);
}

static void vga_scroll(struct console *con, int dir)
{
	vga_text_scroll_view(&screen, -dir * VGA_ROWS / 2);
	update_cursor();
}

static struct console vga_console = {
	.name = "vga",
	.write = vga_write,
	.scroll = vga_scroll,
};

static int vga_console_init(void)
{
	if (IS_ENABLED(CONFIG_VGA_COLORS))
		disable_blink();
	screen.cells = phys_to_virt(VGA_TEXT_PHYS);
	screen.blank_attr = attr_for_level(LOGLEVEL_INFO);
	vga_text_clear(&screen);
	update_cursor();
	register_console(&vga_console);
	return 0;
}
console_initcall(vga_console_init);
