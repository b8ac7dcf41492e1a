/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the fair policy (fair.c) keeps of each task, for its own tests to
 * look at: nothing outside kernel/sched/fair*.c includes this.
 */
#ifndef _KERNEL_SCHED_FAIR_H
#define _KERNEL_SCHED_FAIR_H

#include <kernel/rbtree.h>
#include "sched.h"

struct fair_entity {
	struct rb_node rb_node; /* in the run queue, by vruntime */
	u64 vruntime;		/* CPU time, weighted by nice: lowest runs next */
	unsigned long weight;
	int nice;
	u64 cputime_charged; /* its CPU time when last charged */
};
DEFINE_POLICY_ENTITY(struct fair_entity, fair_se)

#endif
