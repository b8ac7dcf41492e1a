// SPDX-License-Identifier: GPL-2.0
/*
 * The framebuffer console: kernel messages and the shell drawn in pixels,
 * on the linear framebuffer the boot loader set up (UEFI's GOP, or a VESA
 * mode GRUB set on a BIOS), for machines that have no VGA text mode.
 *
 * It is the VGA console with a different screen: the same text grid
 * (text_grid.c) with the same colors (colors.c), scrollback and control
 * sequences, only the grid is a shadow in RAM, and each write ends by
 * drawing the cells that changed.  The grid says which cells may have
 * changed (its dirty range); a copy of what each cell on screen shows
 * (@drawn) turns that range into the cells that really did, so a scroll
 * of half-empty lines redraws only the characters, and nothing is read
 * back from video memory, which is slow to read.  The cursor is the VGA's
 * underline, in the cell's foreground color.
 *
 * The framebuffer must be mapped (ioremap_wc(): write-combining, as its
 * stores go out in bursts) and the grid allocated for
 * the screen's size, so the console starts after mm_init(), from a
 * console_late_initcall; it is first sent the whole log, so the screen
 * shows the boot from its start.  Drawing happens under printk's lock
 * with interrupts off, as every console's writes do: a scroll of a
 * 1024x768 screen costs a few million instructions there.
 */
#define pr_fmt(fmt) "fbcon: " fmt

#include <asm/pgtable.h>
#include <kernel/bootinfo.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/tty.h>

#include "colors.h"
#include "fb.h"
#include "font.h"
#include "text_grid.h"

#define NO_CURSOR (~0U)

/* Changed only under printk's lock (console_write(), console_scroll()). */
static struct fb fb;
static struct text_grid grid;
static u16 *drawn;			   /* what each cell on screen shows */
static unsigned int cursor_at = NO_CURSOR; /* the cell drawn with the cursor */

/* Where the cursor shows: nowhere while the view is back in the history. */
static unsigned int cursor_cell(void)
{
	if (grid.view_back)
		return NO_CURSOR;
	if (grid.col < grid.cols)
		return grid.row * grid.cols + grid.col;
	/* A wrap is pending: the next row's start, as the VGA's cursor shows it. */
	return grid.row + 1 < grid.rows ? (grid.row + 1) * grid.cols : NO_CURSOR;
}

unsigned long fbcon_cells_drawn;

unsigned int fbcon_cell_pixels(void)
{
	return fb.font->width * fb.font->height;
}

static void draw(unsigned int i, bool cursor)
{
	fb_draw_cell(&fb, i % grid.cols, i / grid.cols, grid.cells[i], cursor);
	drawn[i] = grid.cells[i];
	if (IS_ENABLED(CONFIG_CONSOLE_BENCH))
		fbcon_cells_drawn++;
}

/* Draw what changed since the last time, and move the cursor. */
static void refresh(void)
{
	unsigned int i, cursor = cursor_cell();

	for (i = grid.dirty_from; i < grid.dirty_to; i++)
		if (grid.cells[i] != drawn[i])
			draw(i, i == cursor);
	grid.dirty_from = grid.dirty_to = 0;
	if (cursor != cursor_at) {
		if (cursor_at != NO_CURSOR)
			draw(cursor_at, false);
		if (cursor != NO_CURSOR)
			draw(cursor, true);
		cursor_at = cursor;
	}
}

static void fbcon_write(struct console *con, const char *text, size_t len, int level)
{
	text_grid_write(&grid, text, len, console_attr(level));
	refresh();
}

static void fbcon_scroll(struct console *con, int dir)
{
	text_grid_scroll_page(&grid, dir);
	refresh();
}

static struct console fbcon = {
	.name = "fbcon",
	.write = fbcon_write,
	.scroll = fbcon_scroll,
};

/*
 * The grid's memory for @cols x @rows, with as much of the scrollback as
 * the heap gives, or false (and nothing kept) without it.
 */
static bool alloc_grid(unsigned int cols, unsigned int rows)
{
	if (text_grid_alloc(&grid, cols, rows, CONFIG_VGA_SCROLLBACK_ROWS))
		return false;
	drawn = kmalloc((size_t)cols * rows * sizeof(u16));
	if (drawn)
		return true;
	text_grid_free(&grid);
	return false;
}

static int fbcon_init(void)
{
	const struct boot_framebuffer *bf = &boot_info.fb;
	const char *why;
	void *base;

	if (!boot_info.has_fb || bf->type == BOOT_FB_EGA_TEXT)
		return -ENODEV; /* no pixels: the VGA console's screen, if any */
	why = fb_unusable(bf, &font);
	if (why) {
		pr_err("framebuffer %ux%u, %u bpp, pitch %u, type %u at %#llx: %s; "
		       "no framebuffer console\n",
		       bf->width, bf->height, bf->bpp, bf->pitch, bf->type,
		       (unsigned long long)bf->addr, why);
		return -EINVAL;
	}
	base = ioremap_wc(bf->addr, (size_t)bf->pitch * bf->height);
	if (!base) {
		pr_err("cannot map the framebuffer (%u KiB at %#llx), no framebuffer console\n",
		       bf->pitch * bf->height >> 10, (unsigned long long)bf->addr);
		return -ENOMEM;
	}
	fb_init(&fb, bf, base, &font);
	if (!alloc_grid(fb_cols(&fb), fb_rows(&fb))) {
		pr_err("no memory for a %ux%u text grid, no framebuffer console\n", fb_cols(&fb),
		       fb_rows(&fb));
		return -ENOMEM;
	}
	grid.blank_attr = console_attr(LOGLEVEL_INFO);
	text_grid_clear(&grid);
	/* The loader's picture goes, margins included; the blank grid is then on screen. */
	fb_fill(&fb, grid.blank_attr >> 4);
	memcpy(drawn, grid.cells, (size_t)grid.cols * grid.rows * sizeof(u16));
	grid.dirty_from = grid.dirty_to = 0;
	pr_info("%ux%u, %u bpp at %#llx: %ux%u text in %ux%u glyphs\n", bf->width, bf->height,
		bf->bpp, (unsigned long long)bf->addr, grid.cols, grid.rows, font.width,
		font.height);
	if (grid.history_rows < CONFIG_VGA_SCROLLBACK_ROWS)
		pr_warn("no memory for %u rows of scrollback, %u kept\n",
			CONFIG_VGA_SCROLLBACK_ROWS, grid.history_rows);
	tty_set_screen_size(grid.cols, grid.rows);
	register_console(&fbcon);
	return 0;
}
console_late_initcall(fbcon_init);
