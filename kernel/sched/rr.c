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

/* What rr keeps of each run queue: the queue. */
struct rr_rq {
	struct list_head run_queue;
};
DEFINE_POLICY_RQ(struct rr_rq, rr_rq)

static void rr_init(struct rq *rq)
{
	INIT_LIST_HEAD(&rr_rq(rq)->run_queue);
}

static void rr_enqueue(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&rr_se(p)->run_node, &rr_rq(rq)->run_queue);
}

static void rr_dequeue(struct rq *rq, struct task_struct *p)
{
	list_del(&rr_se(p)->run_node);
}

/* The first that may run here: the front, but in the queue all CPUs share. */
static struct task_struct *rr_pick_next(struct rq *rq)
{
	struct rr_entity *e;

	list_for_each_entry (e, &rr_rq(rq)->run_queue, run_node) {
		if (task_runs_here(rr_se_task(e))) {
			list_del(&e->run_node);
			return rr_se_task(e);
		}
	}
	return NULL;
}

static void rr_nothing(struct task_struct *p)
{
}

static void rr_rq_nothing(struct rq *rq, struct task_struct *p)
{
}

static int rr_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	return scnprintf(buf, size, "slice %u", p->se.slice);
}

const struct sched_policy sched_policy = {
	.name = "rr",
	.caps = SCHED_YIELD_ROTATES,
	.init = rr_init,
	.enqueue = rr_enqueue,
	.dequeue = rr_dequeue,
	.pick_next = rr_pick_next,
	.tick = rr_rq_nothing,
	.yield = rr_rq_nothing,
	.wakeup = rr_rq_nothing,
	.fork = rr_nothing,
	.exit = rr_nothing,
	.ps_line = rr_ps_line,
};
