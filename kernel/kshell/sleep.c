// SPDX-License-Identifier: GPL-2.0
/*
 * sleep: let the workloads run for a while without a prompt in between:
 * "spawn cpu; sleep 3; ps" typed ahead shows three seconds of sharing,
 * however fast the lines arrive.  Ctrl-C ends it at once and, as at a
 * terminal, drops what was typed ahead.
 */
#include <kernel/errno.h>
#include <kernel/input.h>
#include <kernel/kshell.h>
#include <kernel/time.h>

#define SLEEP_MAX_SECONDS 3600

static int sleep_run(int argc, char **argv)
{
	int seconds;

	if (kshell_parse_int(argv[0], "SECONDS", argv[1], 0, SLEEP_MAX_SECONDS, &seconds))
		return -EINVAL;
	if (input_interrupt_queued() ||
	    input_wait_interrupt_timeout(input_interrupts(), seconds * 1000)) {
		input_flush();
		kshell_printf("^C\n");
		return -EINTR;
	}
	return 0;
}
KSHELL_COMMAND(sleep, .usage = "SECONDS", .min_args = 1, .max_args = 1, .run = sleep_run,
	       .help = "sleep, letting the other tasks run");
