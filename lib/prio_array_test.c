// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the priority array: fixed cases for the edges (levels 0 and 63,
 * FIFO and LIFO within a level), then random adds, moves and removals
 * checked after every step against a reference model, plain arrays in
 * order.
 */
#include <kernel/ktest.h>
#include <kernel/prio_array.h>
#include <kernel/string.h>

#define NR_ITEMS 48
#define NR_STEPS 20000

struct item {
	struct list_head node;
	int level; /* -1: not in the array */
};

/* The reference: per level, the items in queue order. */
struct model {
	int ids[PRIO_ARRAY_MAX_LEVELS][NR_ITEMS];
	int len[PRIO_ARRAY_MAX_LEVELS];
};

static struct item items[NR_ITEMS];
static struct model model;
static struct prio_array array;

static int id_of(const struct list_head *node)
{
	return node ? (int)(container_of(node, struct item, node) - items) : -1;
}

static void edges(struct ktest *t)
{
	prio_array_init(&array, 64);
	KTEST_EXPECT_TRUE(t, prio_array_empty(&array));
	KTEST_EXPECT_EQ(t, prio_array_top(&array), -1);
	KTEST_EXPECT_TRUE(t, prio_array_first(&array) == NULL);
	prio_array_add_tail(&array, &items[0].node, 0);
	KTEST_EXPECT_EQ(t, prio_array_top(&array), 0);
	prio_array_add_tail(&array, &items[1].node, 63);
	prio_array_add_tail(&array, &items[2].node, 63);
	prio_array_add_head(&array, &items[3].node, 63);
	KTEST_EXPECT_EQ(t, prio_array_top(&array), 63);
	KTEST_EXPECT_EQ(t, id_of(prio_array_first(&array)), 3);
	prio_array_del(&array, &items[3].node, 63);
	KTEST_EXPECT_EQ(t, id_of(prio_array_first(&array)), 1);
	prio_array_del(&array, &items[1].node, 63);
	KTEST_EXPECT_EQ(t, id_of(prio_array_first(&array)), 2);
	prio_array_del(&array, &items[2].node, 63);
	KTEST_EXPECT_EQ(t, prio_array_top(&array), 0);
	prio_array_del(&array, &items[0].node, 0);
	KTEST_EXPECT_TRUE(t, prio_array_empty(&array));
}

static u32 next_random(u32 *x)
{
	return ktest_xorshift32(x);
}

static void model_insert(int id, int level, bool head)
{
	int *ids = model.ids[level];

	if (head) {
		memmove(ids + 1, ids, model.len[level] * sizeof(*ids));
		ids[0] = id;
	} else {
		ids[model.len[level]] = id;
	}
	model.len[level]++;
}

static void model_remove(int id, int level)
{
	int *ids = model.ids[level], i = 0;

	while (ids[i] != id)
		i++;
	memmove(ids + i, ids + i + 1, (model.len[level] - i - 1) * sizeof(*ids));
	model.len[level]--;
}

/* The model's top level and its first id, as the array should say. */
static void model_top(unsigned int levels, int *top, int *first)
{
	int level;

	for (level = levels - 1; level >= 0 && !model.len[level]; level--)
		;
	*top = level;
	*first = level < 0 ? -1 : model.ids[level][0];
}

static void step(u32 *x, unsigned int levels)
{
	struct item *it = &items[next_random(x) % NR_ITEMS];
	int id = it - items;

	if (it->level >= 0 && (next_random(x) & 1)) {
		int to = next_random(x) % levels;

		prio_array_move(&array, &it->node, it->level, to);
		model_remove(id, it->level);
		model_insert(id, to, false);
		it->level = to;
		return;
	}
	if (it->level >= 0) {
		prio_array_del(&array, &it->node, it->level);
		model_remove(id, it->level);
		it->level = -1;
		return;
	}
	it->level = next_random(x) % levels;
	if (next_random(x) & 1) {
		prio_array_add_head(&array, &it->node, it->level);
		model_insert(id, it->level, true);
	} else {
		prio_array_add_tail(&array, &it->node, it->level);
		model_insert(id, it->level, false);
	}
}

/* Drain the array from the top: every item comes out in the model's order. */
static bool drain_matches(unsigned int levels)
{
	int top, first;

	for (;;) {
		model_top(levels, &top, &first);
		if (prio_array_top(&array) != top || id_of(prio_array_first(&array)) != first)
			return false;
		if (top < 0)
			return true;
		prio_array_del(&array, &items[first].node, top);
		model_remove(first, top);
		items[first].level = -1;
	}
}

static void run_random(struct ktest *t, unsigned int levels)
{
	u32 x = ktest_seed(t);
	int i, top, first;

	memset(&model, 0, sizeof(model));
	for (i = 0; i < NR_ITEMS; i++)
		items[i].level = -1;
	prio_array_init(&array, levels);
	for (i = 0; i < NR_STEPS; i++) {
		step(&x, levels);
		model_top(levels, &top, &first);
		if (!ktest_check(t,
				 prio_array_top(&array) == top &&
					 id_of(prio_array_first(&array)) == first,
				 __FILE__, __LINE__,
				 "step %d: top %d first %d, the model says %d and %d", i,
				 prio_array_top(&array), id_of(prio_array_first(&array)), top,
				 first))
			return;
	}
	KTEST_EXPECT_TRUE(t, drain_matches(levels));
	KTEST_EXPECT_TRUE(t, prio_array_empty(&array));
}

static void random_against_model_32_levels(struct ktest *t)
{
	run_random(t, 32);
}

static void random_against_model_64_levels(struct ktest *t)
{
	run_random(t, 64);
}

static const struct ktest_case prio_array_cases[] = {
	KTEST_CASE(edges),
	KTEST_CASE(random_against_model_32_levels),
	KTEST_CASE(random_against_model_64_levels),
	{},
};
KTEST_SUITE(prio_array, prio_array_cases);
