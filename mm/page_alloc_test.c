// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the frame allocator, the same for both designs, on the live
 * allocator: alignment, allocating every page and freeing it all again
 * with nothing lost, NULL when memory runs out, bad frees reported and
 * harmless.  With the buddy design, also splitting and merging.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/string.h>
#include "page_alloc.h"

static void single_page(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	u8 *p = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, (uintptr_t)p % PAGE_SIZE, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	memset(p, 0xa5, PAGE_SIZE);		/* all of it is usable */
	KTEST_EXPECT_EQ(t, p[PAGE_SIZE - 1], 0xa5);
	free_page(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void blocks_are_aligned_to_their_size(struct ktest *t)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		u8 *p = alloc_pages(order);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_EQ(t, virt_to_phys(p) % (PAGE_SIZE << order), 0);
		p[0] = 1;
		p[(PAGE_SIZE << order) - 1] = 2;
		free_pages(p, order);
	}
}

/*
 * Take every page, chained through their first words with a serial
 * number in the second, then check and free them: no page twice, none
 * lost, and a large block again afterwards.
 */
static void allocate_everything_then_free(struct ktest *t)
{
	unsigned long before = nr_free_pages(), n = 0, bad = 0;
	unsigned long **head = NULL, **p;

	while ((p = alloc_page())) {
		p[0] = (unsigned long *)head;
		p[1] = (unsigned long *)n++;
		head = p;
	}
	KTEST_EXPECT_EQ(t, n, before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_NULL(t, alloc_pages(0));
	KTEST_EXPECT_NULL(t, alloc_pages(3));
	while (head) {
		p = head;
		head = (unsigned long **)p[0];
		bad += (unsigned long)p[1] != --n;
		free_page(p);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	p = alloc_pages(9);			/* 2 MiB: the free pages came together again */
	KTEST_EXPECT_NOT_NULL(t, p);
	free_pages(p, 9);
}

static void too_large_order_is_null(struct ktest *t)
{
	unsigned long before = nr_free_pages();

	KTEST_EXPECT_NULL(t, alloc_pages(MAX_ORDER));
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void bad_frees_are_reported(struct ktest *t)
{
	unsigned long before = nr_free_pages(), errors = page_alloc_errors;
	u8 *p = alloc_page();
	u64 since;

	KTEST_ASSERT_NOT_NULL(t, p);
	since = ktest_mute_console();
	free_pages(p + 8, 0);			/* not the start of a page */
	free_page(p);
	free_page(p);				/* double free */
	free_pages(phys_to_virt(0), 0);		/* never the allocator's */
	ktest_unmute_console();

	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "not aligned"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "double free"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "outside the allocator's memory"));
	KTEST_EXPECT_EQ(t, page_alloc_errors - errors, 3);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * Buddy: once no single free page is left, one page must come from
 * splitting the smallest free block (one more free block on every order
 * below it), and freeing that page must merge it all back.
 */
static void buddy_splits_and_merges(struct ktest *t)
{
	unsigned long counts[MAX_ORDER], after[MAX_ORDER];
	unsigned int o, lowest = MAX_ORDER;
	void **singles = NULL, **p;

	if (!IS_ENABLED(CONFIG_FRAME_ALLOC_BUDDY)) {
		ktest_skip(t, "the bitmap allocator has no blocks to split");
		return;
	}
	while (buddy_free_blocks(0) && (p = alloc_page())) {
		*p = singles;
		singles = p;
	}
	for (o = 0; o < MAX_ORDER; o++)
		counts[o] = buddy_free_blocks(o);
	for (o = MAX_ORDER; o-- > 0;)
		if (counts[o])
			lowest = o;
	KTEST_EXPECT_TRUE(t, lowest > 0 && lowest < MAX_ORDER);
	p = alloc_page();
	KTEST_EXPECT_NOT_NULL(t, p);
	for (o = 0; o < MAX_ORDER; o++)
		after[o] = buddy_free_blocks(o);
	free_page(p);
	for (o = 0; o < MAX_ORDER && lowest < MAX_ORDER; o++) {
		KTEST_EXPECT_EQ(t, after[o], counts[o] + (o < lowest) - (o == lowest));
		KTEST_EXPECT_EQ(t, buddy_free_blocks(o), counts[o]);
	}
	while (singles) {
		p = singles;
		singles = *p;
		free_page(p);
	}
}

static const struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(single_page),
	KTEST_CASE(blocks_are_aligned_to_their_size),
	KTEST_CASE(allocate_everything_then_free),
	KTEST_CASE(too_large_order_is_null),
	KTEST_CASE(bad_frees_are_reported),
	KTEST_CASE(buddy_splits_and_merges),
	{}
};
KTEST_SUITE(page_alloc, page_alloc_cases);
