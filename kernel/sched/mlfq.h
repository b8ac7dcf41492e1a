/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the MLFQ policy (mlfq.c) shows of its state, for its tests and for
 * anyone who wants the system load.
 */
#ifndef _KERNEL_SCHED_MLFQ_H
#define _KERNEL_SCHED_MLFQ_H

#include "levels.h"

/* What mlfq keeps of each task. */
struct mlfq_entity {
	struct level_entity level; /* first: levels.h */
	int nice;
	s64 recent_cpu;		  /* fixed point: CPU time lately, decaying */
	unsigned long decayed_at; /* jiffies of its last decay */
};
DEFINE_POLICY_ENTITY(struct mlfq_entity, mlfq_se)

/*
 * load_avg times @scale, rounded: mlfq_load_avg(100) is the "0.64" of
 * uptime.  The load of this CPU's run queue, which is every CPU's when
 * they share one.
 */
unsigned long mlfq_load_avg(unsigned long scale);
/* How many times this CPU's run queue's load_avg has been updated (once a second). */
unsigned long mlfq_load_updates(void);

#endif
