/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A priority array (lib/prio_array.c): one FIFO list per priority level,
 * up to 64 levels, and a bitmap of the levels whose list is not empty.
 * Adding, removing and finding the first entry of the highest non-empty
 * level each cost a handful of instructions whatever the number of
 * entries: the highest set bit of one word names the level.  The run
 * queues of SCHED_PRIO and SCHED_MLFQ are priority arrays, as the O(1)
 * scheduler's were in Linux 2.6.
 *
 * Level 0 is the lowest priority.  The array does not remember which
 * level an entry is on: its user keeps that, and passes it back to
 * prio_array_del().
 */
#ifndef _KERNEL_PRIO_ARRAY_H
#define _KERNEL_PRIO_ARRAY_H

#include <kernel/list.h>
#include <kernel/types.h>

#define PRIO_ARRAY_MAX_LEVELS 64

struct prio_array {
	u64 bitmap; /* bit n: queue[n] is not empty */
	unsigned int levels;
	struct list_head queue[PRIO_ARRAY_MAX_LEVELS];
};

/* An empty array of @levels levels (1 to PRIO_ARRAY_MAX_LEVELS). */
void prio_array_init(struct prio_array *a, unsigned int levels);
/* Add @node at the back of level @level (or at its front). */
void prio_array_add_tail(struct prio_array *a, struct list_head *node, unsigned int level);
void prio_array_add_head(struct prio_array *a, struct list_head *node, unsigned int level);
/* Take @node, which is on level @level, out of the array. */
void prio_array_del(struct prio_array *a, struct list_head *node, unsigned int level);
/* Move @node from level @from to the back of level @to. */
void prio_array_move(struct prio_array *a, struct list_head *node, unsigned int from,
		     unsigned int to);
/* The highest non-empty level; -1 if the array is empty. */
int prio_array_top(const struct prio_array *a);
/* The first entry of the highest non-empty level; NULL if the array is empty. */
struct list_head *prio_array_first(const struct prio_array *a);

static inline bool prio_array_empty(const struct prio_array *a)
{
	return !a->bitmap;
}

#endif
