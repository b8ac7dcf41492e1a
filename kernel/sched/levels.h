/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the policies whose run queue is a priority array of levels
 * (prio.c, mlfq.c) share: a task's level is se.prio, the running task's
 * included, the first task of the highest level runs next, and a queued
 * task on a higher level than the running one should run instead.
 */
#ifndef _KERNEL_SCHED_LEVELS_H
#define _KERNEL_SCHED_LEVELS_H

#include <kernel/prio_array.h>
#include "sched.h"

/* Put @p on level @prio, moving it in @rq if it is queued there; false if it was there. */
static inline bool set_level(struct prio_array *rq, struct task_struct *p, int prio)
{
	if (prio == p->se.prio)
		return false;
	if (task_queued(p))
		prio_array_move(rq, &p->se.run_node, p->se.prio, prio);
	p->se.prio = prio;
	return true;
}

/* Take the first task of @rq's highest level out of it; NULL if @rq is empty. */
static inline struct task_struct *take_top(struct prio_array *rq)
{
	struct list_head *first = prio_array_first(rq);
	struct task_struct *p;

	if (!first)
		return NULL;
	p = list_entry(first, struct task_struct, se.run_node);
	prio_array_del(rq, first, p->se.prio);
	return p;
}

/* Ask the running task to give way if a task queued in @rq outranks it. */
static inline void check_preempt_level(const struct prio_array *rq)
{
	if (current != &idle_task && prio_array_top(rq) > current->se.prio)
		resched_curr();
}

#endif
