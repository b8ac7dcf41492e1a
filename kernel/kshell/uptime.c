// SPDX-License-Identifier: GPL-2.0
/*
 * uptime: time since boot, the clocksource it is read from, and how
 * often the scheduler switched tasks.
 */
#include <kernel/clocksource.h>
#include <kernel/kshell.h>
#include <kernel/sched.h>
#include <kernel/time.h>

static int uptime_run(int argc, char **argv)
{
	u64 ms = ktime_get() / NSEC_PER_MSEC;

	kshell_printf("up %llu.%03llu s, clocksource %s, %lu context switches, %u tasks\n",
		      (unsigned long long)(ms / 1000), (unsigned long long)(ms % 1000),
		      current_clocksource()->name, nr_context_switches(), nr_tasks());
	return 0;
}
KSHELL_COMMAND(uptime, .run = uptime_run, .help = "time since boot, clocksource, task switches");
