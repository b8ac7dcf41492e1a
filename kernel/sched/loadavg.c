// SPDX-License-Identifier: GPL-2.0
/*
 * The load average, as Linux keeps it (kernel/sched/loadavg.c there):
 * every LOAD_FREQ ticks, on the tick, the number of tasks that run, wait
 * to run, or wait uninterruptibly is folded into three exponentially
 * damped averages, in fixed point (<kernel/loadavg.h>).
 *
 * "Uninterruptibly" is Linux's D state: here, a task asleep on a mutex
 * (blocked_on), the one sleep a signal cannot end.  The idle task never
 * counts.  The averages change only in the boot CPU's tick (sched_tick()),
 * the only writer, so they need no lock: a reader on another CPU may see
 * one average folded and the next not yet, a tick apart.  The count of
 * tasks walks the task list under tasklist_lock.
 */
#include <kernel/loadavg.h>
#include <kernel/sched.h>
#include "sched.h"

static unsigned long avenrun[3];       /* fixed point; the tick writes them */
static unsigned long calc_load_update; /* jiffies of the next fold */
static bool calc_load_started;	       /* the first tick set calc_load_update */
static bool task_active(const struct task_struct *p)
{
	enum task_state state = READ_ONCE(p->state);

	return state == TASK_RUNNING || state == TASK_RUNNABLE ||
	       (state == TASK_SLEEPING && READ_ONCE(p->blocked_on));
}

unsigned int nr_active(void)
{
	struct task_struct *p;
	unsigned int n = 0;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (p = next_task(NULL); p; p = next_task(p)) /* the idle tasks are not among them */
		n += task_active(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}
