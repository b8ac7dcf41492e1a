// SPDX-License-Identifier: GPL-2.0
/*
 * The screen console benchmark boot mode: "bench=console" makes the
 * kernel measure what a printed line costs on each screen console it
 * drew on (the VGA text console, the framebuffer console), in place of
 * the test suites.
 *
 * The screen is first filled, so that every line measured scrolls it, the
 * common case of a boot log or a busy shell.  The lines differ from one
 * another, as a log's do, so that a scroll changes most cells that hold
 * text.  Each line goes to the console's write() with interrupts off, and
 * rdtsc counts its instructions (exactly, under QEMU with -icount
 * shift=0; scripts/bench-console boots it so, in text mode and in a
 * graphics mode).  For the framebuffer console the pixels it redrew give
 * the instructions per pixel, the figure its drawing is designed for.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/boot_mode.h>
#include <kernel/console.h>
#include <kernel/printk.h>
#include <kernel/sort.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "fb.h"

#define LINES 64

static const char words[] = "clocksource: hpet at 100.000 MHz; paging: kernel W^X in 4 KiB "
			    "pages; sched: rr policy, 10 ms time slice; initramfs: 12 entries "
			    "unpacked; keyboard: PS/2 on IRQ 1, US layout; ";

/* Line @i: 60-odd characters of @words from a place of its own. */
static size_t make_line(char *buf, size_t size, unsigned int i)
{
	size_t n = sizeof(words) - 1, at = i * 37 % n, len;

	len = snprintf(buf, size, "%3u ", i);
	while (len < 64 && len + 2 < size)
		buf[len++] = words[at++ % n];
	buf[len++] = '\n';
	return len;
}

static u64 median(u64 *v, unsigned int n)
{
	sort_u64(v, n);
	return v[n / 2];
}

static void bench(struct console *con, unsigned long *cells_drawn, unsigned int cell_pixels)
{
	static u64 cost[LINES];
	unsigned long flags = local_irq_save(), total = 0, drawn = 0, per_pixel;
	unsigned int i;
	char line[80];

	for (i = 0; i < 200; i++) /* more than any screen has rows */
		con->write(con, line, make_line(line, sizeof(line), i), LOGLEVEL_INFO);
	if (cells_drawn)
		drawn = *cells_drawn;
	for (i = 0; i < LINES; i++) {
		size_t len = make_line(line, sizeof(line), 200 + i);
		u64 start = rdtsc();

		con->write(con, line, len, LOGLEVEL_INFO);
		cost[i] = rdtsc() - start;
		total += cost[i];
	}
	local_irq_restore(flags);
	if (!cells_drawn) {
		pr_info("console_bench: %s: %lu instructions per line with a scroll "
			"(median of %u)\n",
			con->name, (unsigned long)median(cost, LINES), LINES);
		return;
	}
	drawn = (*cells_drawn - drawn) * cell_pixels;
	/* Hundredths of an instruction per pixel redrawn, over all the lines. */
	per_pixel = drawn ? total * 100 / drawn : 0;
	pr_info("console_bench: %s: %lu instructions per line with a scroll (median of %u), "
		"%lu pixels redrawn per line: %lu.%02lu instructions per pixel\n",
		con->name, (unsigned long)median(cost, LINES), LINES, drawn / LINES,
		per_pixel / 100, per_pixel % 100);
}

static void console_bench(void)
{
	struct console *con;

	con = console_find("vga");
	if (con)
		bench(con, NULL, 0);
	con = IS_ENABLED(CONFIG_FRAMEBUFFER_CONSOLE) ? console_find("fbcon") : NULL;
	if (con)
		bench(con, &fbcon_cells_drawn, fbcon_cell_pixels());
	pr_info("console_bench: done\n");
}
BOOT_MODE("bench", console, "instructions per printed line with a scroll, on each screen console",
	  console_bench, .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("console_bench: ", "console_bench: done"));
