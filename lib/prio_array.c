// SPDX-License-Identifier: GPL-2.0
/*
 * Priority arrays; see <kernel/prio_array.h>.
 *
 * The bitmap is kept exact on every change (a level's bit is set exactly
 * when its list has an entry), so that finding the top level is a single
 * "count leading zeros" and never a scan of the lists.
 */
#include <kernel/prio_array.h>

void prio_array_init(struct prio_array *a, unsigned int levels)
{
	unsigned int i;

	a->bitmap = 0;
	a->levels = levels;
	for (i = 0; i < levels; i++)
		INIT_LIST_HEAD(&a->queue[i]);
}

void prio_array_add_tail(struct prio_array *a, struct list_head *node, unsigned int level)
{
	list_add_tail(node, &a->queue[level]);
	a->bitmap |= 1ULL << level;
}

void prio_array_add_head(struct prio_array *a, struct list_head *node, unsigned int level)
{
	list_add(node, &a->queue[level]);
	a->bitmap |= 1ULL << level;
}

void prio_array_del(struct prio_array *a, struct list_head *node, unsigned int level)
{
	list_del(node);
	if (list_empty(&a->queue[level]))
		a->bitmap &= ~(1ULL << level);
}

void prio_array_move(struct prio_array *a, struct list_head *node, unsigned int from,
		     unsigned int to)
{
	prio_array_del(a, node, from);
	prio_array_add_tail(a, node, to);
}

int prio_array_top(const struct prio_array *a)
{
	return a->bitmap ? 63 - __builtin_clzll(a->bitmap) : -1;
}

struct list_head *prio_array_first(const struct prio_array *a)
{
	int top = prio_array_top(a);

	return top < 0 ? NULL : a->queue[top].next;
}
