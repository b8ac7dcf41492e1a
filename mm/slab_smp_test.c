// SPDX-License-Identifier: GPL-2.0
/*
 * The slab_smp suite: objects allocated on one CPU and freed on another.
 * Three tasks per online CPU (two bound to it, one free to move) stand in
 * a ring; each allocates objects (kmalloc() of constant sizes, through
 * the inline paths, and a cache of its own), hands them to the next task
 * through a lock-free queue, frees what the previous task handed it, and
 * keeps a few of its own to free later.  So every CPU frees objects of
 * slabs active on other CPUs (back to the frozen slab, under heap_lock)
 * while those CPUs pop and push their own lists without it, and the
 * statistics are read meanwhile.  Each object carries its state and its
 * maker: an object handed out twice, or one freed while live elsewhere,
 * shows; afterwards every list and count of the slab allocator is
 * checked (slab_check_lists()), and the cache is destroyed with nothing
 * reported.  (What the heap holds in all is not compared: the other
 * CPUs' tasks, a watchdog or a worker, may hold an object more or less.)
 *
 * heap_model_smp frees on the CPU that allocated; this is the suite
 * where the other path runs.  (A review wrote it; its first version
 * found no fault in the per-CPU lists.)
 */
#include <kernel/cpumask.h>
#include <kernel/err.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include "slab.h"

#define RING	     256 /* objects in flight from one task to the next */
#define ROUNDS	     20000
#define KEPT	     8 /* a task's own objects, freed later on its CPU */
#define MAX_TASKS    (3 * NR_CPUS)
#define STATE_LIVE   0x11feUL
#define STATE_FREED  0xdeadUL
#define STATS_PERIOD 64

struct ring_obj {
	unsigned long next; /* where a free object keeps its link: left alone */
	unsigned long state, maker, seq;
};

/* One producer (the task before), one consumer (the task after). */
struct ring {
	void *slot[RING];
	unsigned long head, tail; /* atomics: head the producer's, tail the consumer's */
};

static struct ring rings[MAX_TASKS];
static struct kmem_cache *ring_cache;
static unsigned int ntasks, finished;
static unsigned long twice[MAX_TASKS], wrong_maker[MAX_TASKS], failed[MAX_TASKS];

static bool ring_push(struct ring *r, void *p)
{
	unsigned long h = r->head, t = __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE);

	if (h - t >= RING)
		return false;
	r->slot[h % RING] = p;
	__atomic_store_n(&r->head, h + 1, __ATOMIC_RELEASE);
	return true;
}

static void *ring_pop(struct ring *r)
{
	unsigned long t = r->tail, h = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE);
	void *p;

	if (t == h)
		return NULL;
	p = r->slot[t % RING];
	__atomic_store_n(&r->tail, t + 1, __ATOMIC_RELEASE);
	return p;
}

static struct ring_obj *get(unsigned int me, unsigned long seq)
{
	struct ring_obj *o;

	if (seq % 3 == 0)
		o = kmalloc(64);
	else if (seq % 3 == 1)
		o = kmem_cache_alloc(ring_cache);
	else
		o = kmalloc(32);
	if (!o) {
		failed[me]++;
		return NULL;
	}
	twice[me] += o->state == STATE_LIVE; /* a live object handed out again */
	o->state = STATE_LIVE;
	o->maker = me;
	o->seq = seq;
	return o;
}

static void put(unsigned int me, struct ring_obj *o, unsigned int maker)
{
	twice[me] += o->state != STATE_LIVE;
	wrong_maker[me] += o->maker != maker;
	o->state = STATE_FREED;
	if (o->seq % 3 == 1)
		kmem_cache_free(ring_cache, o);
	else
		kfree(o);
}

static int ring_task(void *arg)
{
	unsigned int me = (unsigned long)arg, prev = (me + ntasks - 1) % ntasks;
	struct ring *out = &rings[me], *in = &rings[prev];
	struct ring_obj *kept[KEPT] = { 0 }, *o;
	unsigned long seq = 0, i;

	for (i = 0; i < ROUNDS; i++) {
		o = get(me, seq++);
		if (o && !ring_push(out, o))
			put(me, o, me);
		if (kept[i % KEPT])
			put(me, kept[i % KEPT], me);
		kept[i % KEPT] = get(me, seq++);
		while ((o = ring_pop(in)))
			put(me, o, prev);
		if (me == 0 && i % STATS_PERIOD == 0)
			heap_in_use(); /* the other CPUs' counts, read while they change */
		if (i % 256 == 0)
			cond_resched();
	}
	for (i = 0; i < KEPT; i++)
		if (kept[i])
			put(me, kept[i], me);
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	/* The task before may still be handing objects over. */
	while (__atomic_load_n(&finished, __ATOMIC_SEQ_CST) < ntasks) {
		while ((o = ring_pop(in)))
			put(me, o, prev);
		cond_resched();
	}
	while ((o = ring_pop(in)))
		put(me, o, prev);
	return 0;
}

static unsigned long sum(const unsigned long *v)
{
	unsigned long s = 0;
	unsigned int i;

	for (i = 0; i < ntasks; i++)
		s += v[i];
	return s;
}

static void objects_freed_on_other_cpus(struct ktest *t)
{
	unsigned long errors = heap_errors;
	struct task_struct *tasks[MAX_TASKS];
	unsigned int i, n = 0, cpus = num_online_cpus();

	ring_cache = kmem_cache_create("ring", sizeof(struct ring_obj) + 8, 8, 0, NULL);
	KTEST_ASSERT_TRUE(t, ring_cache != NULL);
	ntasks = 3 * cpus;
	finished = 0;
	memset(rings, 0, sizeof(rings));
	memset(twice, 0, sizeof(twice));
	memset(wrong_maker, 0, sizeof(wrong_maker));
	memset(failed, 0, sizeof(failed));
	KTEST_EXPECT_EQ(t, slab_check_lists(), 0);
	for (i = 0; i < ntasks; i++) {
		struct task_struct *p =
			kthread_create(ring_task, (void *)(unsigned long)i, "ring/%u", i);

		KTEST_ASSERT_TRUE(t, !IS_ERR(p));
		if (i < 2 * cpus) /* the third of each CPU goes where it is put */
			KTEST_EXPECT_EQ(t, kthread_bind(p, i % cpus), 0);
		tasks[n++] = p;
	}
	for (i = 0; i < n; i++)
		wake_up_process(tasks[i]);
	for (i = 0; i < n; i++)
		KTEST_EXPECT_EQ(t, kthread_stop(tasks[i]), 0);
	KTEST_EXPECT_EQ(t, sum(twice), 0);
	KTEST_EXPECT_EQ(t, sum(wrong_maker), 0);
	KTEST_EXPECT_EQ(t, sum(failed), 0);
	KTEST_EXPECT_EQ(t, slab_check_lists(), 0);
	kmem_cache_destroy(ring_cache);
	KTEST_EXPECT_EQ(t, heap_errors, errors);
	KTEST_EXPECT_EQ(t, slab_check_lists(), 0);
}

static const struct ktest_case slab_smp_cases[] = {
	KTEST_CASE(objects_freed_on_other_cpus),
	{},
};
KTEST_SUITE_SMP(slab_smp, slab_smp_cases);
