// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/loadavg: the three load averages with two decimals, the tasks
 * that run or wait to over the tasks there are, and the last pid given,
 * as Linux prints them.
 */
#include <kernel/loadavg.h>
#include <kernel/sched.h>
#include "internal.h"

int loadavg_show(struct proc_buf *m, int pid)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0); /* rounded to the hundredth */
	proc_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%u %d\n", LOAD_INT(avnrun[0]),
		    LOAD_FRAC(avnrun[0]), LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		    LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]), nr_waiting() + 1, nr_tasks() - 1,
		    last_pid());
	return 0;
}
