// SPDX-License-Identifier: GPL-2.0
/*
 * top: ps again every second, so that the shares are those of the last
 * second, until a key is pressed or SECONDS have passed.  Each frame is
 * drawn over the last: the cursor goes home and the screen is erased
 * (ESC [H ESC [J), which a terminal on the serial port and the VGA
 * console (drivers/video/vga_escape.c) both obey.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include "ps.h"

#define TOP_MAX_SECONDS 86400

static void top_header(void)
{
	u64 ms = ktime_get() / NSEC_PER_MSEC;

	kshell_printf(
		"\033[H\033[Jtop - up %llu.%03llu s, %u tasks, %u waiting to run; any key stops\n",
		(unsigned long long)(ms / 1000), (unsigned long long)(ms % 1000), nr_tasks(),
		nr_waiting());
}

static int top_run(int argc, char **argv)
{
	int seconds = 0, i;

	if (argc > 1 && kshell_parse_int(argv[0], "SECONDS", argv[1], 1, TOP_MAX_SECONDS, &seconds))
		return -EINVAL;
	for (i = 0; !seconds || i < seconds; i++) {
		if (kshell_key_pressed(1000))
			break;
		top_header();
		ps_print();
	}
	return 0;
}
KSHELL_COMMAND(top, .usage = "[SECONDS]", .max_args = 1, .run = top_run,
	       .help = "ps each second until a key (or SECONDS)");
