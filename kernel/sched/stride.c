// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SCHED_STRIDE: stride scheduling (Waldspurger and Weihl, 1995),
 * proportional share.  Each task holds tickets (1 to 1000, 100 by
 * default, sched_set_param()); its stride is STRIDE1 / tickets, and its
 * pass advances by its stride for each tick's worth of CPU time it used,
 * measured on the clocksource.  The runnable task with the lowest pass
 * runs next, so over time each gets CPU time in proportion to its
 * tickets: 1:2:3 tickets, 1:2:3 of the CPU.
 *
 * A task is charged for the CPU time it used, whether it was preempted,
 * yielded or slept.  A yield gives up the rest of the quantum: a task that
 * yields after less than a tick on the CPU is charged a whole tick, so
 * tasks that yield in turn keep their turns.  A task that wakes up, or is
 * new, starts no lower than the pass of the last task picked, so it cannot
 * make up for the time it slept by running alone.  The queue is sorted by
 * pass (equal passes in arrival order); enqueue looks from the back, where
 * a task that has just run usually belongs.
 */
#include <kernel/errno.h>
#include <kernel/sprintf.h>
#include "sched.h"

#define STRIDE1		(1U << 20)
#define TICKETS_MIN	1
#define TICKETS_MAX	1000
#define TICKETS_DEFAULT 100

static LIST_HEAD(run_queue);
static u64 global_pass; /* the pass of the last task picked */

static u64 stride_of(const struct task_struct *p)
{
	return STRIDE1 / p->se.tickets;
}

/*
 * Charge @p for the CPU time it used since it was picked, or last charged.
 * A yield gives up the rest of the quantum: less than a tick is charged as
 * a whole tick, so that tasks that yield in turn keep their turns.
 */
static void charge(struct task_struct *p)
{
	u64 now = task_cputime_ns(p);
	u64 used = now - p->se.cputime_charged, cost;

	if (p->se.yielded && used < TICK_NSEC)
		used = TICK_NSEC;
	cost = stride_of(p) * used / TICK_NSEC;
	p->se.pass += cost ? cost : 1;
	p->se.yielded = false;
	p->se.cputime_charged = now;
}

static void stride_enqueue(struct task_struct *p)
{
	struct list_head *pos;
	struct task_struct *q;

	if (p == current)
		charge(p);
	/* Behind every task whose pass is not higher. */
	for (pos = run_queue.prev; pos != &run_queue; pos = pos->prev) {
		q = list_entry(pos, struct task_struct, se.run_node);
		if (q->se.pass <= p->se.pass)
			break;
	}
	list_add(&p->se.run_node, pos);
}

static struct task_struct *stride_pick_next(void)
{
	struct task_struct *p;

	if (list_empty(&run_queue))
		return NULL;
	p = list_first_entry(&run_queue, struct task_struct, se.run_node);
	list_del(&p->se.run_node);
	global_pass = p->se.pass;
	p->se.cputime_charged = task_cputime_ns(p);
	return p;
}

static void stride_yield(struct task_struct *curr)
{
	curr->se.yielded = true;
}

/*
 * Charged for what it ran before it slept; then no lower than the current
 * pass, so that it cannot make up for its sleep by running alone.
 */
static void stride_wakeup(struct task_struct *p)
{
	charge(p);
	if (p->se.pass < global_pass)
		p->se.pass = global_pass;
}

static void stride_fork(struct task_struct *p)
{
	p->se.tickets = TICKETS_DEFAULT;
	p->se.pass = global_pass;
	p->se.cputime_charged = 0;
}

static void stride_nothing(struct task_struct *p)
{
}

static void stride_set_param(struct task_struct *p, int tickets)
{
	p->se.tickets = tickets;
}

static int stride_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	return scnprintf(buf, size, "tickets %u", p->se.tickets);
}

const struct sched_policy sched_policy = {
	.name = "stride",
	.param_name = "tickets",
	.param_min = TICKETS_MIN,
	.param_max = TICKETS_MAX,
	.enqueue = stride_enqueue,
	.pick_next = stride_pick_next,
	.tick = stride_nothing,
	.yield = stride_yield,
	.wakeup = stride_wakeup,
	.fork = stride_fork,
	.exit = stride_nothing,
	.ps_line = stride_ps_line,
	.set_param = stride_set_param,
};
