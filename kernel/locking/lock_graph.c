// SPDX-License-Identifier: GPL-2.0
/*
 * The lock dependency graph of CONFIG_PROVE_LOCKING (<kernel/lockdep.h>),
 * on fixed tables that the caller gives: the kernel's (lockdep.c), or a
 * test's own small ones, so that cycles, known orders and full tables can
 * be tested without a report, here and in the host program.
 *
 * Each class keeps a list of the dependencies that leave it (A -> B: B
 * was taken with A held), threaded through the dependency table.  A new
 * A -> B closes a cycle if B already leads to A; a breadth-first search
 * from B finds the shortest such path, which is what a report shows (for
 * an AB-BA inversion, the one dependency B -> A and the stack that made
 * it).  Tables never shrink: a dependency, once seen, stays, as in Linux.
 */
#include <kernel/lockdep.h>
#include <kernel/string.h>

bool lock_graph_has(const struct lock_graph *g, unsigned int from, unsigned int to)
{
	u32 d;

	if (from >= g->max_classes)
		return false;
	for (d = g->first[from]; d; d = g->deps[d - 1].next)
		if (g->deps[d - 1].to == to)
			return true;
	return false;
}

/* Breadth-first from @start: does it reach @goal?  g->via then leads back. */
static bool reaches(struct lock_graph *g, unsigned int start, unsigned int goal)
{
	unsigned int head = 0, tail = 0;
	u32 d;

	if (++g->round == 0) { /* wrapped: every "seen" is stale */
		memset(g->seen, 0, g->max_classes * sizeof(*g->seen));
		g->round = 1;
	}
	g->seen[start] = g->round;
	g->via[start] = 0;
	g->queue[tail++] = start;
	while (head < tail) {
		unsigned int c = g->queue[head++];

		if (c == goal)
			return true;
		for (d = g->first[c]; d; d = g->deps[d - 1].next) {
			unsigned int next = g->deps[d - 1].to;

			if (g->seen[next] == g->round)
				continue;
			g->seen[next] = g->round;
			g->via[next] = d;
			g->queue[tail++] = next; /* each class once: the queue holds them all */
		}
	}
	return false;
}

enum lock_graph_verdict lock_graph_add(struct lock_graph *g, unsigned int from, unsigned int to,
				       const unsigned long *trace, unsigned int trace_len,
				       u32 *path, unsigned int max_path, unsigned int *path_len)
{
	struct lock_dep *dep;
	unsigned int n, c;

	*path_len = 0;
	if (from >= g->max_classes || to >= g->max_classes)
		return LOCK_GRAPH_BAD;
	if (from == to)
		return LOCK_GRAPH_SAME;
	if (lock_graph_has(g, from, to))
		return LOCK_GRAPH_EXISTS;
	if (reaches(g, to, from)) {
		/* Walk back from @from to @to: the path's length, then its steps in order. */
		for (n = 0, c = from; c != to; c = g->deps[g->via[c] - 1].from)
			n++;
		*path_len = n;
		for (c = from; c != to; c = g->deps[g->via[c] - 1].from)
			if (--n < max_path)
				path[n] = g->via[c] - 1;
		return LOCK_GRAPH_CYCLE;
	}
	if (g->nr_deps >= g->max_deps)
		return LOCK_GRAPH_DEPS_FULL;
	if (trace_len > g->max_traces - g->nr_traces)
		return LOCK_GRAPH_TRACES_FULL;
	dep = &g->deps[g->nr_deps];
	dep->from = from;
	dep->to = to;
	dep->trace = g->nr_traces;
	dep->trace_len = trace_len;
	if (trace_len)
		memcpy(&g->traces[g->nr_traces], trace, trace_len * sizeof(*trace));
	g->nr_traces += trace_len;
	dep->next = g->first[from];
	g->first[from] = ++g->nr_deps;
	return LOCK_GRAPH_ADDED;
}
