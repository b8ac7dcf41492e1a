/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the policies whose run queue is a priority array of levels
 * (prio.c, mlfq.c) share: a task's level, the running task's included,
 * the first task of the highest level runs next, and a queued task on a
 * higher level than the running one should run instead.  Each keeps a
 * struct level_entity first in its own per-task state.
 */
#ifndef _KERNEL_SCHED_LEVELS_H
#define _KERNEL_SCHED_LEVELS_H

#include <kernel/prio_array.h>
#include "sched.h"

/* The start of what prio.c and mlfq.c keep of each task. */
struct level_entity {
	struct list_head run_node; /* in the queue of its level */
	int prio;		   /* the level it runs or waits at */
};
DEFINE_POLICY_ENTITY(struct level_entity, level_se)

/* Put @p on level @prio, moving it in @rq if it is queued there; false if it was there. */
static inline bool set_level(struct prio_array *rq, struct task_struct *p, int prio)
{
	struct level_entity *e = level_se(p);

	if (prio == e->prio)
		return false;
	if (task_queued(p))
		prio_array_move(rq, &e->run_node, e->prio, prio);
	e->prio = prio;
	return true;
}

/*
 * Take the first task of @rq's highest level that may run on this CPU
 * out of it; NULL if there is none.  With a queue per CPU that is the
 * first task: only the one queue all CPUs share holds others.
 */
static inline struct task_struct *take_top(struct prio_array *rq)
{
	u64 levels = rq->bitmap;
	struct level_entity *e;
	int level;

	for (; levels; levels &= ~(1ULL << level)) {
		level = 63 - __builtin_clzll(levels);
		list_for_each_entry (e, &rq->queue[level], run_node) {
			if (task_runs_here(level_se_task(e))) {
				prio_array_del(rq, &e->run_node, level);
				return level_se_task(e);
			}
		}
	}
	return NULL;
}

/* Ask the running task to give way if a task queued in @rq outranks it. */
static inline void check_preempt_level(const struct prio_array *rq)
{
	if (!is_idle_task(current) && prio_array_top(rq) > level_se(current)->prio)
		resched_curr();
}

/* The preempt() of a policy of levels: a woken task above the running one. */
static inline bool level_preempts(struct rq *rq, struct task_struct *curr, struct task_struct *p)
{
	return level_se(p)->prio > level_se(curr)->prio;
}

#endif
