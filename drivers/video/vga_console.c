// SPDX-License-Identifier: GPL-2.0
/*
 * VGA text-mode console.
 *
 * The BIOS leaves the adapter in 80x25 text mode: each screen cell is two
 * bytes at 0xb8000, the character (code page 437) and its attribute, the
 * background color in the high nibble and the foreground in the low one.
 * text_grid.c lays text out on that grid; this file adds the hardware (the
 * cursor the CRT controller shows, the blink bit); colors.c picks the
 * colors.  Rows that scroll off the
 * top are kept (CONFIG_VGA_SCROLLBACK_ROWS of them) for Shift-PgUp and
 * Shift-PgDn to page through; while the view is back there, the hardware
 * cursor is hidden, since what it would point at is not on screen.
 *
 * Text mode is the BIOS's: UEFI has none, and a boot loader may have set a
 * graphics mode.  The console starts only when the loader's framebuffer
 * tag says the screen is 80x25 text at 0xb8000, or when there is no tag at
 * all on a BIOS (a loader that says nothing of the screen leaves the
 * BIOS's mode).
 */
#include <asm/io.h>
#include <asm/page.h>
#include <kernel/bootinfo.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>

#include "colors.h"
#include "text_grid.h"

#define VGA_TEXT_PHYS 0xb8000
#define VGA_COLS      80
#define VGA_ROWS      25

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

#define CURSOR_HIDDEN (VGA_ROWS * VGA_COLS) /* past the last cell */

/* Changed only under printk's lock (console_write(), console_scroll()). */
static u16 history[(CONFIG_VGA_SCROLLBACK_ROWS ?: 1) * VGA_COLS];
static u16 saved_screen[VGA_ROWS * VGA_COLS];
static struct text_grid screen = {
	.cols = VGA_COLS,
	.rows = VGA_ROWS,
	.history = history,
	.history_rows = CONFIG_VGA_SCROLLBACK_ROWS,
	.saved = saved_screen,
};

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
	text_grid_write(&screen, text, len, console_attr(level));
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
	text_grid_scroll_page(&screen, dir);
	update_cursor();
}

static struct console vga_console = {
	.name = "vga",
	.write = vga_write,
	.scroll = vga_scroll,
};

/* Whether the loader left the screen in the text mode this console drives. */
static bool text_mode(void)
{
	const struct boot_framebuffer *fb = &boot_info.fb;

	if (!boot_info.has_fb) {
		if (boot_info.firmware != BOOT_FIRMWARE_UEFI)
			return true;
		pr_info("vga: UEFI has no VGA text mode, no VGA console\n");
		return false;
	}
	if (fb->type != BOOT_FB_EGA_TEXT) {
		pr_info("vga: the screen is not in text mode (%ux%u pixels), no VGA console\n",
			fb->width, fb->height);
		return false;
	}
	if (fb->addr != VGA_TEXT_PHYS || fb->width != VGA_COLS || fb->height != VGA_ROWS) {
		pr_err("vga: text mode of %ux%u at %#llx is not 80x25 at 0xb8000, no VGA console\n",
		       fb->width, fb->height, (unsigned long long)fb->addr);
		return false;
	}
	return true;
}

static int vga_console_init(void)
{
	if (!text_mode())
		return -ENODEV;
	if (IS_ENABLED(CONFIG_VGA_COLORS))
		disable_blink();
	screen.cells = phys_to_virt(VGA_TEXT_PHYS);
	screen.blank_attr = console_attr(LOGLEVEL_INFO);
	text_grid_clear(&screen);
	update_cursor();
	register_console(&vga_console);
	return 0;
}
console_initcall(vga_console_init);
