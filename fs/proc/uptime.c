// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/uptime: seconds since boot, and seconds the CPU was idle (the
 * idle task's CPU time), each with two decimals, as Linux prints them.
 */
#include <kernel/clocksource.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include "internal.h"

int uptime_show(struct proc_buf *m, int pid)
{
	struct task_info idle;
	u64 up = ktime_get();

	task_snapshot(&idle, 1); /* the idle task comes first */
	proc_printf(m, "%llu.%02llu %llu.%02llu\n", up / NSEC_PER_SEC,
		    up % NSEC_PER_SEC / (NSEC_PER_SEC / 100), idle.cputime_ns / NSEC_PER_SEC,
		    idle.cputime_ns % NSEC_PER_SEC / (NSEC_PER_SEC / 100));
	return 0;
}
