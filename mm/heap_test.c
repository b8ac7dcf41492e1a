// SPDX-License-Identifier: GPL-2.0
/*
 * The heap suite: what every kmalloc() design must do, whichever one
 * CONFIG_HEAP_* chose.  Sizes from 1 to 8192 bytes, alignment, kzalloc,
 * krealloc, and lifetimes as blog_os tests them: many short-lived
 * objects, a long-lived one among them, and a random mix.  A design that
 * never reuses memory (the bump allocator) skips the cases that need
 * reuse.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "heap.h"

#define MANY	  10000
#define SLOTS	  256
#define MIX_STEPS 20000

static const size_t sizes[] = {
	1,    2,    3,	  7,	8,    9,    15,	  16,	17,   31,   32,	  33,  63,
	64,   65,   100,  127,	128,  129,  255,  256,	257,  511,  512,  513, 1000,
	1023, 1024, 1025, 2047, 2048, 2049, 4095, 4096, 4097, 8191, 8192,
};

static bool reuses_memory_while_objects_live(struct ktest *t)
{
	if (!heap_has(HEAP_REUSES_EACH_BLOCK)) {
		ktest_skip(t, "this heap reuses memory only once all of it is freed");
		return false;
	}
	return true;
}

static u8 pattern(size_t i, size_t size)
{
	return (u8)(i * 31 + size);
}

static void fill(u8 *p, size_t size, u8 v)
{
	memset(p, v, size);
}

static bool holds(const u8 *p, size_t size, u8 v)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (p[i] != v)
			return false;
	return true;
}

/* All sizes live at once: none may overlap another. */
static void sizes_1_to_8192(struct ktest *t)
{
	u8 *p[ARRAY_SIZE(sizes)];
	size_t i, bad = 0;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmalloc(sizes[i]);
		KTEST_ASSERT_NOT_NULL(t, p[i]);
		KTEST_EXPECT_EQ(t, (uintptr_t)p[i] % KMALLOC_MIN_ALIGN, 0);
		KTEST_EXPECT_GE(t, ksize(p[i]), sizes[i]);
		fill(p[i], sizes[i], pattern(i, sizes[i]));
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		bad += !holds(p[i], sizes[i], pattern(i, sizes[i]));
		kfree(p[i]);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
}

static void powers_of_two_are_naturally_aligned(struct ktest *t)
{
	size_t size;

	for (size = 8; size <= PAGE_SIZE; size *= 2) {
		void *a = kmalloc(size), *b = kmalloc(size);

		KTEST_EXPECT_EQ(t, (uintptr_t)a % size, 0);
		KTEST_EXPECT_EQ(t, (uintptr_t)b % size, 0);
		kfree(a);
		kfree(b);
	}
}

static void zero_and_huge_sizes(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, kmalloc(0));
	KTEST_EXPECT_NULL(t, kmalloc((size_t)1 << 40));
	kfree(NULL); /* harmless */
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
}

static void kzalloc_zeroes(struct ktest *t)
{
	u8 *p = kmalloc(256), *q;

	KTEST_ASSERT_NOT_NULL(t, p);
	fill(p, 256, 0xff);
	kfree(p);
	q = kzalloc(256);
	KTEST_ASSERT_NOT_NULL(t, q);
	KTEST_EXPECT_TRUE(t, holds(q, 256, 0));
	kfree(q);
}

static void krealloc_keeps_contents(struct ktest *t)
{
	u8 *p = krealloc(NULL, 16);

	KTEST_ASSERT_NOT_NULL(t, p);
	fill(p, 16, 0x5a);
	p = krealloc(p, 100);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, holds(p, 16, 0x5a));
	fill(p, 100, 0x3c);
	p = krealloc(p, 5000);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, holds(p, 100, 0x3c));
	p = krealloc(p, 10);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, holds(p, 10, 0x3c));
	KTEST_EXPECT_NULL(t, krealloc(p, 0)); /* frees */
}

/* blog_os's many_boxes: memory is reused, so the heap does not grow. */
static void many_boxes(struct ktest *t)
{
	unsigned long before, i, bad = 0;

	before = nr_free_pages();
	for (i = 0; i < MANY; i++) {
		unsigned long *p = kmalloc(sizeof(*p));

		KTEST_ASSERT_NOT_NULL(t, p);
		*p = i;
		bad += *p != i;
		kfree(p);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_LE(t, (long)(before - nr_free_pages()), 1);
}

/* blog_os's many_boxes_long_lived: one object outlives thousands of others. */
static void many_boxes_long_lived(struct ktest *t)
{
	unsigned long *long_lived, i, before;

	if (!reuses_memory_while_objects_live(t))
		return;
	long_lived = kmalloc(sizeof(*long_lived));
	KTEST_ASSERT_NOT_NULL(t, long_lived);
	*long_lived = 1;
	before = nr_free_pages();
	for (i = 0; i < MANY; i++) {
		unsigned long *p = kmalloc(sizeof(*p));

		KTEST_ASSERT_NOT_NULL(t, p);
		*p = i;
		kfree(p);
	}
	KTEST_EXPECT_EQ(t, *long_lived, 1);
	KTEST_EXPECT_LE(t, (long)(before - nr_free_pages()), 1);
	kfree(long_lived);
}

static u32 lcg(u32 *state)
{
	*state = *state * 1103515245 + 12345;
	return *state >> 8;
}

/* Random sizes and lifetimes; every object keeps its bytes until freed. */
static void random_mix(struct ktest *t)
{
	static u8 *slot[SLOTS];
	static size_t len[SLOTS];
	u32 seed = 2026;
	unsigned long step, bad = 0, failed = 0;
	size_t i;

	for (step = 0; step < MIX_STEPS; step++) {
		i = lcg(&seed) % SLOTS;
		if (slot[i]) {
			bad += !holds(slot[i], len[i], pattern(i, len[i]));
			kfree(slot[i]);
			slot[i] = NULL;
			continue;
		}
		len[i] = 1 + lcg(&seed) % (lcg(&seed) % 8 ? 256 : 6000);
		slot[i] = kmalloc(len[i]);
		failed += !slot[i];
		if (slot[i])
			fill(slot[i], len[i], pattern(i, len[i]));
	}
	for (i = 0; i < SLOTS; i++) {
		if (slot[i])
			bad += !holds(slot[i], len[i], pattern(i, len[i]));
		kfree(slot[i]);
		slot[i] = NULL;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, failed, 0);
}

/* A design without a required hook is named with what it lacks; this one is whole. */
static void broken_designs_are_named(struct ktest *t)
{
	struct heap_design d = heap_design;

	KTEST_EXPECT_NULL(t, heap_design_breach(&heap_design));
	d.free = NULL;
	KTEST_EXPECT_STREQ(t, heap_design_breach(&d), "alloc(), free() and block_size()");
	d = heap_design;
	d.block_size = NULL;
	KTEST_EXPECT_STREQ(t, heap_design_breach(&d), "alloc(), free() and block_size()");
	d = heap_design;
	d.name = NULL;
	KTEST_EXPECT_STREQ(t, heap_design_breach(&d), "a name");
	d = heap_design;
	d.init = NULL; /* optional */
	d.report = NULL;
	KTEST_EXPECT_NULL(t, heap_design_breach(&d));
}

static const struct ktest_case heap_cases[] = {
	KTEST_CASE(broken_designs_are_named),
	KTEST_CASE(sizes_1_to_8192),
	KTEST_CASE(powers_of_two_are_naturally_aligned),
	KTEST_CASE(zero_and_huge_sizes),
	KTEST_CASE(kzalloc_zeroes),
	KTEST_CASE(krealloc_keeps_contents),
	KTEST_CASE(many_boxes),
	KTEST_CASE(many_boxes_long_lived),
	KTEST_CASE(random_mix),
	{},
};
KTEST_SUITE(heap, heap_cases);
