// SPDX-License-Identifier: GPL-2.0
/*
 * sleep: let the workloads run for a while without a prompt in between:
 * "spawn cpu; sleep 3; ps" typed ahead shows three seconds of sharing,
 * however fast the lines arrive.  Ctrl-C ends it at once and, as at a
 * terminal, drops what was typed ahead.
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/time.h>
#include <kernel/tty.h>

#define SLEEP_MAX_SECONDS 3600

static int sleep_run(int argc, char **argv)
{
	int seconds;

	if (kshell_parse_int(argv[0], "SECONDS", argv[1], 0, SLEEP_MAX_SECONDS, &seconds))
		return -EINVAL;
	if (tty_interrupt_queued(console_tty()) ||
	    tty_wait_interrupt_timeout(console_tty(), tty_interrupts(console_tty()),
				       seconds * 1000)) {
		tty_flush(console_tty());
		kshell_printf("^C\n");
		return -EINTR;
	}
	return 0;
}
KSHELL_COMMAND(sleep, .usage = "SECONDS", .min_args = 1, .max_args = 1, .run = sleep_run,
	       .help = "sleep, letting the other tasks run");
