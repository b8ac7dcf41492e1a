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
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "page_alloc.h"

static void single_page(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	u8 *p = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, (uintptr_t)p % PAGE_SIZE, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	memset(p, 0xa5, PAGE_SIZE); /* all of it is usable */
	KTEST_EXPECT_EQ(t, p[PAGE_SIZE - 1], 0xa5);
	free_page(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * Every order, on any machine that has room for it: a block is promised
 * only while at least twice its size is free (on a small machine the
 * kernel and its tables split what is left).
 */
static void blocks_are_aligned_to_their_size(struct ktest *t)
{
	static char reason[80];
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		u8 *p = alloc_pages(order);

		if (!p && nr_free_pages() < (2UL << order)) {
			scnprintf(reason, sizeof(reason),
				  "%lu KiB free: no room for order %u and up",
				  nr_free_pages() * (PAGE_SIZE / 1024), order);
			ktest_skip(t, reason);
			return;
		}
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
	unsigned int order;

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
	/* The free pages came together again: a large block (2 MiB, or half of what is free). */
	order = 9;
	while (order && (2UL << order) > before)
		order--;
	p = alloc_pages(order);
	KTEST_EXPECT_NOT_NULL(t, p);
	free_pages(p, order);
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
	free_pages(p + 8, 0); /* not the start of a page */
	free_page(p);
	free_page(p);			/* double free */
	free_pages(phys_to_virt(0), 0); /* never the allocator's */
	ktest_unmute_console();

	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "not aligned"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "double free"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "outside the allocator's memory"));
	KTEST_EXPECT_EQ(t, page_alloc_errors - errors, 3);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * Bad frees among live blocks: each one is reported once and changes
 * nothing, and afterwards no frame that is reserved or still in use is
 * ever handed out (every free page is taken to prove it).
 */
#define NR_FRAME_WITNESSES 6

struct frame_witness {
	u8 *p;
	unsigned int order;
};

static struct frame_witness frame_witnesses[NR_FRAME_WITNESSES];

static unsigned int frame_witnesses_damaged(void)
{
	unsigned int i, n = 0;
	size_t j;

	for (i = 0; i < NR_FRAME_WITNESSES; i++) {
		const struct frame_witness *w = &frame_witnesses[i];

		for (j = 0; j < (PAGE_SIZE << w->order); j += 512)
			if (w->p[j] != 0x40 + i) {
				n++;
				break;
			}
	}
	return n;
}

static void bad_free_pages(struct ktest *t, void *addr, unsigned int order)
{
	unsigned long free = nr_free_pages(), errors = page_alloc_errors;
	unsigned int damaged;

	ktest_mute_console();
	free_pages(addr, order);
	ktest_unmute_console();
	damaged = frame_witnesses_damaged();
	ktest_check(t, page_alloc_errors == errors + 1, __FILE__, __LINE__,
		    "free_pages(%p, %u): %lu reports, expected 1", addr, order,
		    page_alloc_errors - errors);
	ktest_check(t, nr_free_pages() == free, __FILE__, __LINE__,
		    "free_pages(%p, %u): free pages %lu -> %lu", addr, order, free,
		    nr_free_pages());
	ktest_check(t, !damaged, __FILE__, __LINE__, "free_pages(%p, %u): %u blocks damaged", addr,
		    order, damaged);
}

/* Is @p one of the frames that must never be handed out now? */
static bool frame_is_taken(const u8 *p, const u8 *victim)
{
	const u8 *owners = (const u8 *)page_owners;
	unsigned int i;

	if (p >= owners && p < owners + page_owners_end * sizeof(void *))
		return true;
	if (p >= victim && p < victim + 4 * PAGE_SIZE)
		return true;
	for (i = 0; i < NR_FRAME_WITNESSES; i++)
		if (p >= frame_witnesses[i].p &&
		    p < frame_witnesses[i].p + (PAGE_SIZE << frame_witnesses[i].order))
			return true;
	return false;
}

/* Take every free page; count the ones that were not free to give. */
static unsigned long frames_handed_out_twice(const u8 *victim)
{
	void **list = NULL, **p;
	unsigned long wrong = 0;

	while ((p = alloc_page())) {
		wrong += frame_is_taken((u8 *)p, victim);
		*p = list;
		list = p;
	}
	while (list) {
		p = list;
		list = *p;
		free_page(p);
	}
	return wrong;
}

static void hostile_frees_change_nothing(struct ktest *t)
{
	static const unsigned int orders[NR_FRAME_WITNESSES] = { 0, 1, 2, 3, 0, 2 };
	unsigned long before = nr_free_pages(), errors;
	u8 *victim, *freed;
	unsigned int i;

	for (i = 0; i < NR_FRAME_WITNESSES; i++) {
		frame_witnesses[i].order = orders[i];
		frame_witnesses[i].p = alloc_pages(orders[i]);
		KTEST_ASSERT_NOT_NULL(t, frame_witnesses[i].p);
		memset(frame_witnesses[i].p, 0x40 + i, PAGE_SIZE << orders[i]);
	}
	victim = alloc_pages(2);
	freed = alloc_page();
	KTEST_ASSERT_TRUE(t, victim && freed);
	free_page(freed);

	bad_free_pages(t, victim + PAGE_SIZE, 0);     /* a page inside a block */
	bad_free_pages(t, victim + 2 * PAGE_SIZE, 1); /* its aligned upper half */
	bad_free_pages(t, victim, 1);		      /* too small an order */
	bad_free_pages(t, victim, 3);		      /* too large an order */
	bad_free_pages(t, victim, MAX_ORDER);
	bad_free_pages(t, victim + 8, 2);			  /* not page aligned */
	bad_free_pages(t, freed, 0);				  /* double free */
	bad_free_pages(t, page_owners, 0);			  /* reserved at boot */
	bad_free_pages(t, phys_to_virt(0), 0);			  /* below the allocator's memory */
	bad_free_pages(t, phys_to_virt((phys_addr_t)1 << 46), 0); /* beyond RAM */
	bad_free_pages(t, (void *)hostile_frees_change_nothing, 0); /* not the direct map */

	KTEST_EXPECT_EQ(t, frames_handed_out_twice(victim), 0);
	errors = page_alloc_errors;
	free_pages(victim, 2);
	for (i = 0; i < NR_FRAME_WITNESSES; i++)
		free_pages(frame_witnesses[i].p, orders[i]);
	KTEST_EXPECT_EQ(t, page_alloc_errors, errors);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * A design that keeps free blocks by order (the buddy allocator): once no
 * single free page is left, one page must come from splitting the
 * smallest free block (one more free block on every order below it), and
 * freeing that page must merge it all back.
 */
static void blocks_split_and_merge(struct ktest *t)
{
	unsigned long counts[MAX_ORDER], after[MAX_ORDER];
	unsigned int o, lowest = MAX_ORDER;
	void **singles = NULL, **p;

	if (!frame_allocator.free_blocks) {
		ktest_skip(t, "this allocator keeps no blocks to split");
		return;
	}
	while (frame_allocator.free_blocks(0) && (p = alloc_page())) {
		*p = singles;
		singles = p;
	}
	for (o = 0; o < MAX_ORDER; o++)
		counts[o] = frame_allocator.free_blocks(o);
	for (o = MAX_ORDER; o-- > 0;)
		if (counts[o])
			lowest = o;
	KTEST_EXPECT_TRUE(t, lowest > 0 && lowest < MAX_ORDER);
	p = alloc_page();
	KTEST_EXPECT_NOT_NULL(t, p);
	for (o = 0; o < MAX_ORDER; o++)
		after[o] = frame_allocator.free_blocks(o);
	free_page(p);
	for (o = 0; o < MAX_ORDER && lowest < MAX_ORDER; o++) {
		KTEST_EXPECT_EQ(t, after[o], counts[o] + (o < lowest) - (o == lowest));
		KTEST_EXPECT_EQ(t, frame_allocator.free_blocks(o), counts[o]);
	}
	while (singles) {
		p = singles;
		singles = *p;
		free_page(p);
	}
}

/* An allocator without a required hook is named with what it lacks; this one is whole. */
static void broken_allocators_are_named(struct ktest *t)
{
	static const char hooks[] = "setup(), add_free(), alloc() and free()";
	struct frame_allocator fa = frame_allocator;

	KTEST_EXPECT_NULL(t, frame_allocator_breach(&frame_allocator));
	fa.alloc = NULL;
	KTEST_EXPECT_STREQ(t, frame_allocator_breach(&fa), hooks);
	fa = frame_allocator;
	fa.setup = NULL;
	KTEST_EXPECT_STREQ(t, frame_allocator_breach(&fa), hooks);
	fa = frame_allocator;
	fa.name = NULL;
	KTEST_EXPECT_STREQ(t, frame_allocator_breach(&fa), "a name");
	fa = frame_allocator;
	fa.free_blocks = NULL; /* optional */
	KTEST_EXPECT_NULL(t, frame_allocator_breach(&fa));
}

static const struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(broken_allocators_are_named),
	KTEST_CASE(single_page),
	KTEST_CASE(blocks_are_aligned_to_their_size),
	KTEST_CASE(allocate_everything_then_free),
	KTEST_CASE(too_large_order_is_null),
	KTEST_CASE(bad_frees_are_reported),
	KTEST_CASE(hostile_frees_change_nothing),
	KTEST_CASE(blocks_split_and_merge),
	{},
};
KTEST_SUITE(page_alloc, page_alloc_cases);
