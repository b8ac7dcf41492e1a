// SPDX-License-Identifier: GPL-2.0
/*
 * The lock_graph suite: lockdep's dependency graph (lock_graph.c) on
 * tables of the test's own, small, so that every verdict can be read
 * without a report and without touching the kernel's graph: new, known
 * and same-class orders, cycles of two and more classes with the path a
 * report would show, a path longer than the caller's buffer, full tables
 * of dependencies and of stacks (nothing added), bad class numbers, and
 * the search's round counter wrapping.  Also in the host program.
 */
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/string.h>

#define CLASSES 8

struct test_graph {
	struct lock_graph g;
	u32 first[CLASSES], seen[CLASSES], via[CLASSES];
	u16 queue[CLASSES];
	struct lock_dep deps[16];
	unsigned long traces[64];
};

static void graph_init(struct test_graph *t, unsigned int max_deps, unsigned int max_traces)
{
	memset(t, 0, sizeof(*t));
	t->g = (struct lock_graph){
		.max_classes = CLASSES,
		.first = t->first,
		.deps = t->deps,
		.max_deps = max_deps,
		.traces = t->traces,
		.max_traces = max_traces,
		.seen = t->seen,
		.via = t->via,
		.queue = t->queue,
	};
}

enum { A, B, C, D, E, F };

static const struct {
	unsigned int from, to;
	enum lock_graph_verdict verdict;
	unsigned int path_len;
	u32 path[4]; /* dependency numbers, in the order added */
} graph_cases[] = {
	{ A, B, LOCK_GRAPH_ADDED, 0, { 0 } },	    /* dep 0 */
	{ A, B, LOCK_GRAPH_EXISTS, 0, { 0 } },	    /* seen again: nothing new */
	{ B, A, LOCK_GRAPH_CYCLE, 1, { 0 } },	    /* AB-BA */
	{ A, A, LOCK_GRAPH_SAME, 0, { 0 } },	    /* nesting in one class */
	{ B, C, LOCK_GRAPH_ADDED, 0, { 0 } },	    /* dep 1 */
	{ C, A, LOCK_GRAPH_CYCLE, 2, { 0, 1 } },    /* A -> B -> C, then C -> A */
	{ D, E, LOCK_GRAPH_ADDED, 0, { 0 } },	    /* dep 2 */
	{ E, A, LOCK_GRAPH_ADDED, 0, { 0 } },	    /* dep 3: D -> E -> A -> B -> C, no cycle */
	{ C, E, LOCK_GRAPH_CYCLE, 3, { 3, 0, 1 } }, /* E -> A -> B -> C, then C -> E */
	{ A, C, LOCK_GRAPH_ADDED, 0, { 0 } },	    /* dep 4: a shortcut, no cycle */
	{ C, D, LOCK_GRAPH_CYCLE, 3, { 2, 3, 4 } }, /* the shortest path: D -> E -> A -> C */
	{ F, F, LOCK_GRAPH_SAME, 0, { 0 } },	    { CLASSES, A, LOCK_GRAPH_BAD, 0, { 0 } },
	{ A, 1000, LOCK_GRAPH_BAD, 0, { 0 } },
};

static void graph_verdicts_table(struct ktest *t)
{
	static struct test_graph tg;
	unsigned long trace[2] = { 0x1234, 0x5678 };
	unsigned int i, j, len;
	u32 path[4];

	graph_init(&tg, ARRAY_SIZE(tg.deps), ARRAY_SIZE(tg.traces));
	for (i = 0; i < ARRAY_SIZE(graph_cases); i++) {
		enum lock_graph_verdict v;

		memset(path, 0xff, sizeof(path));
		v = lock_graph_add(&tg.g, graph_cases[i].from, graph_cases[i].to, trace, 2, path,
				   ARRAY_SIZE(path), &len);
		ktest_check(t, v == graph_cases[i].verdict, __FILE__, __LINE__,
			    "case %u: %u -> %u: verdict %d, expected %d", i, graph_cases[i].from,
			    graph_cases[i].to, v, graph_cases[i].verdict);
		ktest_check(t, len == graph_cases[i].path_len, __FILE__, __LINE__,
			    "case %u: path of %u, expected %u", i, len, graph_cases[i].path_len);
		for (j = 0; j < graph_cases[i].path_len && j < len; j++)
			ktest_check(t, path[j] == graph_cases[i].path[j], __FILE__, __LINE__,
				    "case %u: path[%u] = %u, expected %u", i, j, path[j],
				    graph_cases[i].path[j]);
	}
	KTEST_EXPECT_EQ(t, tg.g.nr_deps, 5);
	KTEST_EXPECT_EQ(t, tg.g.nr_traces, 10);
	KTEST_EXPECT_TRUE(t, lock_graph_has(&tg.g, A, B));
	KTEST_EXPECT_FALSE(t, lock_graph_has(&tg.g, B, A)); /* a cycle adds nothing */
	KTEST_EXPECT_FALSE(t, lock_graph_has(&tg.g, C, D));
	KTEST_EXPECT_FALSE(t, lock_graph_has(&tg.g, CLASSES, A));
}

/* Each dependency keeps its own stack. */
static void graph_keeps_each_stack(struct ktest *t)
{
	static struct test_graph tg;
	unsigned long one[3] = { 1, 2, 3 }, two[1] = { 9 };
	unsigned int len;
	u32 path[1];

	graph_init(&tg, ARRAY_SIZE(tg.deps), ARRAY_SIZE(tg.traces));
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, A, B, one, 3, path, 1, &len), LOCK_GRAPH_ADDED);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, B, C, two, 1, path, 1, &len), LOCK_GRAPH_ADDED);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, C, D, NULL, 0, path, 1, &len), LOCK_GRAPH_ADDED);
	KTEST_EXPECT_EQ(t, tg.deps[0].trace_len, 3);
	KTEST_EXPECT_MEMEQ(t, &tg.traces[tg.deps[0].trace], one, sizeof(one));
	KTEST_EXPECT_EQ(t, tg.deps[1].trace_len, 1);
	KTEST_EXPECT_EQ(t, tg.traces[tg.deps[1].trace], 9);
	KTEST_EXPECT_EQ(t, tg.deps[2].trace_len, 0);
	KTEST_EXPECT_EQ(t, tg.deps[1].from, B);
	KTEST_EXPECT_EQ(t, tg.deps[1].to, C);
}

/* Full tables refuse, and change nothing; a cycle is still found. */
static void graph_full_tables(struct ktest *t)
{
	static struct test_graph tg;
	unsigned long trace[4] = { 1, 2, 3, 4 };
	unsigned int len;
	u32 path[2];

	graph_init(&tg, 2, 5);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, A, B, trace, 3, path, 2, &len), LOCK_GRAPH_ADDED);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, B, C, trace, 3, path, 2, &len),
			LOCK_GRAPH_TRACES_FULL); /* 3 more than the 2 left */
	KTEST_EXPECT_FALSE(t, lock_graph_has(&tg.g, B, C));
	KTEST_EXPECT_EQ(t, tg.g.nr_traces, 3);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, B, C, trace, 2, path, 2, &len), LOCK_GRAPH_ADDED);
	KTEST_EXPECT_EQ(t, tg.g.nr_traces, 5);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, C, D, NULL, 0, path, 2, &len),
			LOCK_GRAPH_DEPS_FULL);
	KTEST_EXPECT_FALSE(t, lock_graph_has(&tg.g, C, D));
	KTEST_EXPECT_EQ(t, tg.g.nr_deps, 2);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, C, A, NULL, 0, path, 2, &len), LOCK_GRAPH_CYCLE);
	KTEST_EXPECT_EQ(t, len, 2);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, A, B, NULL, 0, path, 2, &len), LOCK_GRAPH_EXISTS);
}

/* A path longer than the buffer: its length whole, its first steps kept. */
static void graph_long_path(struct ktest *t)
{
	static struct test_graph tg;
	unsigned int i, len;
	u32 path[2] = { 77, 77 };

	graph_init(&tg, ARRAY_SIZE(tg.deps), ARRAY_SIZE(tg.traces));
	for (i = 0; i + 1 < CLASSES; i++)
		KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, i, i + 1, NULL, 0, path, 2, &len),
				LOCK_GRAPH_ADDED);
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, CLASSES - 1, 0, NULL, 0, path, 2, &len),
			LOCK_GRAPH_CYCLE);
	KTEST_EXPECT_EQ(t, len, CLASSES - 1);
	KTEST_EXPECT_EQ(t, path[0], 0);
	KTEST_EXPECT_EQ(t, path[1], 1);
	/* A zero-length buffer is written to not at all. */
	path[0] = 77;
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, CLASSES - 1, 0, NULL, 0, path, 0, &len),
			LOCK_GRAPH_CYCLE);
	KTEST_EXPECT_EQ(t, path[0], 77);
}

/* The search's round counter wraps: stale marks must not hide a class. */
static void graph_round_wraps(struct ktest *t)
{
	static struct test_graph tg;
	unsigned int len;
	u32 path[1];

	graph_init(&tg, ARRAY_SIZE(tg.deps), ARRAY_SIZE(tg.traces));
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, A, B, NULL, 0, path, 1, &len), LOCK_GRAPH_ADDED);
	tg.g.round = 0xffffffff;
	tg.seen[A] = 0xffffffff; /* as if reached in the last round before the wrap */
	tg.seen[B] = 1;		 /* and in the first round after it */
	KTEST_EXPECT_EQ(t, lock_graph_add(&tg.g, B, A, NULL, 0, path, 1, &len), LOCK_GRAPH_CYCLE);
	KTEST_EXPECT_EQ(t, len, 1);
	KTEST_EXPECT_EQ(t, tg.g.round, 1);
}

static const struct ktest_case lock_graph_cases[] = {
	KTEST_CASE(graph_verdicts_table), KTEST_CASE(graph_keeps_each_stack),
	KTEST_CASE(graph_full_tables),	  KTEST_CASE(graph_long_path),
	KTEST_CASE(graph_round_wraps),	  {},
};
KTEST_SUITE(lock_graph, lock_graph_cases);
