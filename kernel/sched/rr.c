// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SCHED_RR: round robin.  One FIFO queue: a task that becomes
 * runnable, by waking or by giving up the CPU, goes to the back, and the
 * task at the front runs next, for the core's time slice
 * (CONFIG_SCHED_TIMESLICE_MS).  Every task gets its turn in order, and
 * picking costs the same however many tasks wait.
 */
#include <kernel/errno.h>
#include <kernel/sprintf.h>
#include "sched.h"

/* What rr keeps of each task: its place in the queue. */
struct rr_entity {
	struct list_head run_node;
};
DEFINE_POLICY_ENTITY(struct rr_entity, rr_se)

static LIST_HEAD(run_queue);

static void rr_enqueue(struct task_struct *p)
{
	list_add_tail(&rr_se(p)->run_node, &run_queue);
}

static struct task_struct *rr_pick_next(void)
{
	struct rr_entity *e;

	if (list_empty(&run_queue))
		return NULL;
	e = list_first_entry(&run_queue, struct rr_entity, run_node);
	list_del(&e->run_node);
	return rr_se_task(e);
}

static void rr_nothing(struct task_struct *p)
{
}

static int rr_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	return scnprintf(buf, size, "slice %u", p->se.slice);
}

const struct sched_policy sched_policy = {
	.name = "rr",
	.caps = SCHED_YIELD_ROTATES,
	.enqueue = rr_enqueue,
	.pick_next = rr_pick_next,
	.tick = rr_nothing,
	.yield = rr_nothing,
	.wakeup = rr_nothing,
	.fork = rr_nothing,
	.exit = rr_nothing,
	.ps_line = rr_ps_line,
};
