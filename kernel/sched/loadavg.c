// SPDX-License-Identifier: GPL-2.0
/*
 * The load average, as Linux keeps it (kernel/sched/loadavg.c there):
 * every LOAD_FREQ ticks, on the tick, the number of tasks that run, wait
 * to run, or wait uninterruptibly is folded into three exponentially
 * damped averages, in fixed point (<kernel/loadavg.h>).
 *
 * "Uninterruptibly" is Linux's D state: here, a task asleep on a mutex
 * (blocked_on), the one sleep a signal cannot end.  The idle task never
 * counts.  Everything here changes in the timer interrupt, or is read
 * with interrupts off: on one CPU that is its lock.
 */
#include <asm/irqflags.h>
#include <kernel/loadavg.h>
#include <kernel/sched.h>
#include "sched.h"

static unsigned long avenrun[3];       /* fixed point; the tick writes them */
static unsigned long calc_load_update; /* jiffies of the next fold */
static bool calc_load_started;	       /* the first tick set calc_load_update */
static unsigned int active_count;      /* nr_active()'s tally */

static void count_active(struct task_struct *p)
{
	if (p->state == TASK_RUNNING || p->state == TASK_RUNNABLE ||
	    (p->state == TASK_SLEEPING && p->blocked_on))
		active_count++;
}

unsigned int nr_active(void)
{
	unsigned long flags = local_irq_save();
	unsigned int n;

	active_count = 0;
	for_each_task(count_active); /* the idle task is not among them */
	n = active_count;
	local_irq_restore(flags);
	return n;
}

void calc_global_load_tick(void)
{
	unsigned long active;

	/* The first fold is LOAD_FREQ after the first tick, whatever jiffies start at. */
	if (unlikely(!calc_load_started)) {
		calc_load_update = jiffies + LOAD_FREQ;
		calc_load_started = true;
	}
	if (time_before(jiffies, calc_load_update))
		return;
	active = nr_active() * FIXED_1;
	/* Ticks caught up after a long stretch may cover several periods: one fold each. */
	while (!time_before(jiffies, calc_load_update)) {
		avenrun[0] = calc_load(avenrun[0], EXP_1, active);
		avenrun[1] = calc_load(avenrun[1], EXP_5, active);
		avenrun[2] = calc_load(avenrun[2], EXP_15, active);
		calc_load_update += LOAD_FREQ;
	}
}

void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	unsigned long flags = local_irq_save();
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = (avenrun[i] + offset) << shift;
	local_irq_restore(flags);
}
