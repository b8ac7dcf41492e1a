// SPDX-License-Identifier: GPL-2.0
/*
 * The heap under attack: every call a buggy caller could make, on every
 * design, against the contract in <kernel/slab.h>.  Sizes no design can
 * serve (up to SIZE_MAX) and sizes at each design's limits; frees of
 * interior pointers, of the inside of a block of whole pages, of blocks
 * freed before, of memory the heap never owned.
 *
 * Around every bad call stand "witnesses": live allocations of many sizes
 * with known contents.  A bad call must be reported (or fail) and must
 * leave every witness's bytes, size and page owners, and the free page
 * count, exactly as they were.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "heap.h"

#define NR_WITNESSES	  10
#define WITNESS_MAX_PAGES 8
#define SERVED_SIZE	  (1UL << 20) /* every design serves this much */
#define SIZE_MAX_	  ((size_t)-1)

struct witness {
	u8 *p;
	size_t size, ksize;
	u8 fill;
	void *owner[WITNESS_MAX_PAGES];
};

static const size_t witness_sizes[NR_WITNESSES] = {
	8, 24, 64, 100, 512, 3000, 4096, 5000, 16384, 16384,
};
static struct witness witnesses[NR_WITNESSES];

/* What a bad call must leave alone. */
struct snapshot {
	unsigned long free_pages, errors;
};

static unsigned long pages_spanned(const u8 *p, size_t size)
{
	return (((uintptr_t)p + size - 1) >> PAGE_SHIFT) - ((uintptr_t)p >> PAGE_SHIFT) + 1;
}

static void record_owners(const u8 *p, size_t size, void **owner)
{
	unsigned long i;

	for (i = 0; i < pages_spanned(p, size); i++)
		owner[i] = page_owner(p + i * PAGE_SIZE);
}

static bool set_up_witnesses(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < NR_WITNESSES; i++) {
		struct witness *w = &witnesses[i];

		w->size = witness_sizes[i];
		w->p = kmalloc(w->size);
		if (!ktest_check(t, w->p, __FILE__, __LINE__, "witness of %zu bytes", w->size))
			return false;
		w->fill = 0x30 + i;
		memset(w->p, w->fill, w->size);
		w->ksize = ksize(w->p);
		record_owners(w->p, w->size, w->owner);
	}
	return true;
}

static bool witness_intact(const struct witness *w)
{
	void *owner[WITNESS_MAX_PAGES];
	size_t i;

	for (i = 0; i < w->size; i++)
		if (w->p[i] != w->fill)
			return false;
	record_owners(w->p, w->size, owner);
	return ksize(w->p) == w->ksize &&
	       !memcmp(owner, w->owner, pages_spanned(w->p, w->size) * sizeof(void *));
}

static unsigned int witnesses_damaged(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < NR_WITNESSES; i++)
		n += !witness_intact(&witnesses[i]);
	return n;
}

static bool overlaps_a_witness(const u8 *p, size_t size)
{
	unsigned int i;

	for (i = 0; i < NR_WITNESSES; i++)
		if (p < witnesses[i].p + witnesses[i].size && witnesses[i].p < p + size)
			return true;
	return false;
}

static void tear_down_witnesses(struct ktest *t)
{
	unsigned long errors = heap_errors;
	unsigned int i;

	for (i = 0; i < NR_WITNESSES; i++)
		kfree(witnesses[i].p);
	KTEST_EXPECT_EQ(t, heap_errors, errors); /* all of them still valid */
}

static void snap(struct snapshot *s)
{
	s->free_pages = nr_free_pages();
	s->errors = heap_errors;
}

/* After a bad call: @reports reports, and nothing else changed. */
static void check_untouched(struct ktest *t, const struct snapshot *s, const char *call,
			    const void *arg, unsigned long reports)
{
	unsigned int damaged = witnesses_damaged();

	ktest_check(t, heap_errors - s->errors == reports, __FILE__, __LINE__,
		    "%s(%p): %lu reports, expected %lu", call, arg, heap_errors - s->errors,
		    reports);
	ktest_check(t, nr_free_pages() == s->free_pages, __FILE__, __LINE__,
		    "%s(%p): free pages %lu -> %lu", call, arg, s->free_pages, nr_free_pages());
	ktest_check(t, !damaged, __FILE__, __LINE__, "%s(%p): %u live allocations damaged", call,
		    arg, damaged);
}

/*
 * A bad kfree(): reported once, nothing else changed.  The report goes to
 * the log only; returns where in the log it starts.
 */
static u64 bad_free(struct ktest *t, const void *p)
{
	struct snapshot s;
	u64 since;

	snap(&s);
	since = ktest_mute_console();
	kfree(p);
	ktest_unmute_console();
	check_untouched(t, &s, "kfree", p, 1);
	return since;
}

/*
 * A bad krealloc(): NULL, reported once, nothing else changed (nothing
 * allocated, nothing freed); and ksize() of the pointer is 0.
 */
static u64 bad_krealloc(struct ktest *t, void *p, size_t new_size)
{
	struct snapshot s;
	void *q;
	u64 since;

	snap(&s);
	since = ktest_mute_console();
	q = krealloc(p, new_size);
	ktest_unmute_console();
	ktest_check(t, !q, __FILE__, __LINE__, "krealloc(%p, %zu) = %p, not NULL", p, new_size, q);
	check_untouched(t, &s, "krealloc", p, 1);
	ktest_check(t, ktest_log_contains(since, "krealloc"), __FILE__, __LINE__,
		    "krealloc(%p, %zu): the report does not name krealloc", p, new_size);
	ktest_check(t, !ksize(p), __FILE__, __LINE__, "ksize(%p) = %zu, not 0", p, ksize(p));
	return since;
}

/*
 * New sizes for a bad pointer to a block of @size: one that fits (the
 * block would be kept), a larger one (moved), a huge one (failed) and 0
 * (freed).
 */
static void bad_kreallocs(struct ktest *t, void *p, size_t size)
{
	const size_t new_sizes[] = { 1, size + 1, SIZE_MAX_, 0 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(new_sizes); i++)
		bad_krealloc(t, p, new_sizes[i]);
}

/* A block from a good call: usable, heap memory, clear of the witnesses. */
static void check_block(struct ktest *t, u8 *p, size_t size)
{
	ktest_check(t, ksize(p) >= size, __FILE__, __LINE__, "ksize(kmalloc(%zu)) = %zu", size,
		    ksize(p));
	ktest_check(t, page_owner(p) && page_owner(p + size - 1), __FILE__, __LINE__,
		    "kmalloc(%zu) = %p: not heap memory", size, p);
	ktest_check(t, !overlaps_a_witness(p, size), __FILE__, __LINE__,
		    "kmalloc(%zu) = %p overlaps a live allocation", size, p);
	p[0] = 0x5a;
	p[size - 1] = 0xa5;
}

/* Sizes above every design's largest block, up to SIZE_MAX. */
static const size_t impossible_sizes[] = {
	SIZE_MAX_,
	SIZE_MAX_ - 1,
	SIZE_MAX_ - 7,
	SIZE_MAX_ - 8,
	SIZE_MAX_ - 15,
	SIZE_MAX_ - 16,
	SIZE_MAX_ - 17,
	SIZE_MAX_ - 31,
	SIZE_MAX_ - 32,
	SIZE_MAX_ - 4095,
	SIZE_MAX_ - 4096,
	SIZE_MAX_ - 4097,
	SIZE_MAX_ - HEAP_ARENA_SIZE,
	SIZE_MAX_ / 2,
	SIZE_MAX_ / 2 + 1,
	(PAGE_SIZE << (MAX_ORDER - 1)) + 1,
	HEAP_ARENA_SIZE + 1,
	3UL << 40,
};

static void impossible_size(struct ktest *t, size_t size)
{
	struct snapshot s;
	void *p;

	snap(&s);
	p = kmalloc(size);
	ktest_check(t, !p, __FILE__, __LINE__, "kmalloc(%#zx) = %p, not NULL", size, p);
	check_untouched(t, &s, "kmalloc", (void *)size, 0);
	p = kzalloc(size);
	ktest_check(t, !p, __FILE__, __LINE__, "kzalloc(%#zx) = %p, not NULL", size, p);
	p = krealloc(witnesses[2].p, size);
	ktest_check(t, !p, __FILE__, __LINE__, "krealloc(w, %#zx) = %p, not NULL", size, p);
	check_untouched(t, &s, "krealloc", (void *)size, 0);
}

static void impossible_sizes_fail_cleanly(struct ktest *t)
{
	unsigned int k;
	size_t i;
	u8 *p;

	if (!set_up_witnesses(t))
		return;
	for (i = 0; i < ARRAY_SIZE(impossible_sizes); i++)
		impossible_size(t, impossible_sizes[i]);
	for (k = 23; k < 64; k++)
		impossible_size(t, (size_t)1 << k);
	/* The heap is whole: the next small block is heap memory, clear of the rest. */
	p = kmalloc(64);
	KTEST_ASSERT_NOT_NULL(t, p);
	check_block(t, p, 64);
	kfree(p);
	tear_down_witnesses(t);
}

/* NULL with nothing changed, or a good block; up to SERVED_SIZE, a good block. */
static void limit_size(struct ktest *t, size_t size)
{
	struct snapshot s;
	u8 *p;

	snap(&s);
	p = kmalloc(size);
	if (!p) {
		ktest_check(t, size > SERVED_SIZE, __FILE__, __LINE__, "kmalloc(%zu) failed", size);
		check_untouched(t, &s, "kmalloc", (void *)size, 0);
		return;
	}
	check_block(t, p, size);
	kfree(p);
	/* A good pair may leave pages with the heap (an empty slab, an arena). */
	ktest_check(t, heap_errors == s.errors && !witnesses_damaged(), __FILE__, __LINE__,
		    "kmalloc(%zu)+kfree: %lu reports, %u live allocations damaged", size,
		    heap_errors - s.errors, witnesses_damaged());
}

/* Powers of two up to the largest blocks, each +-1, and the designs' own limits. */
static void sizes_at_the_limits(struct ktest *t)
{
	static const size_t limits[] = {
		HEAP_ARENA_SIZE / 2 - 1, HEAP_ARENA_SIZE / 2,  HEAP_ARENA_SIZE / 2 + 1,
		HEAP_ARENA_SIZE - 64,	 HEAP_ARENA_SIZE - 33, HEAP_ARENA_SIZE - 32,
		HEAP_ARENA_SIZE - 1,	 HEAP_ARENA_SIZE,      PAGE_SIZE << (MAX_ORDER - 1),
	};
	unsigned int k;
	size_t i;

	if (!set_up_witnesses(t))
		return;
	KTEST_EXPECT_NULL(t, kmalloc(0));
	for (k = 0; k <= 22; k++) {
		limit_size(t, ((size_t)1 << k) - !!k);
		limit_size(t, (size_t)1 << k);
		limit_size(t, ((size_t)1 << k) + 1);
	}
	for (i = 0; i < ARRAY_SIZE(limits); i++)
		limit_size(t, limits[i]);
	tear_down_witnesses(t);
}

/* Interior pointers of whole-page blocks: caught by every design, always. */
static void large_block_interior_frees_are_reported(struct ktest *t)
{
	static const size_t offsets[] = { 4096, 8192, 12288, 8, 16000 };
	u8 *a;
	size_t i;

	if (!set_up_witnesses(t))
		return;
	a = kmalloc(16384);
	KTEST_ASSERT_NOT_NULL(t, a);
	memset(a, 0x77, 16384);
	for (i = 0; i < ARRAY_SIZE(offsets); i++)
		bad_free(t, a + offsets[i]);
	KTEST_EXPECT_EQ(t, a[0], 0x77);
	KTEST_EXPECT_EQ(t, a[16383], 0x77);
	kfree(a);
	tear_down_witnesses(t);
}

static bool checks_objects(struct ktest *t)
{
	if (!heap_has(HEAP_KFREE_CHECKS_OBJECTS))
		ktest_skip(t, "this heap's kfree() trusts pointers into its blocks");
	return heap_has(HEAP_KFREE_CHECKS_OBJECTS);
}

/* Pointers into a live object, and just past what was asked for. */
static void interior_frees_are_reported(struct ktest *t)
{
	static const size_t sizes[] = { 16, 64, 100, 3000 };
	size_t i;

	if (!checks_objects(t) || !set_up_witnesses(t))
		return;
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t size = sizes[i];
		u8 *p = kmalloc(size);

		KTEST_ASSERT_NOT_NULL(t, p);
		memset(p, 0x66, size);
		bad_free(t, p + 1);
		bad_free(t, p + 8);
		bad_free(t, p + size / 2);
		bad_free(t, p + size - 1);
		if (ksize(p) > size)
			bad_free(t, p + size);
		KTEST_EXPECT_EQ(t, p[0], 0x66);
		KTEST_EXPECT_EQ(t, p[size - 1], 0x66);
		kfree(p);
	}
	tear_down_witnesses(t);
}

/*
 * Each block freed twice: the second free is reported as a double free,
 * and the block is never handed out twice afterwards.
 */
static void double_free_of(struct ktest *t, size_t size)
{
	u8 *p = kmalloc(size), *q[32];
	unsigned int i, j, dup = 0;
	u64 since;

	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	since = bad_free(t, p);
	ktest_check(t, ktest_log_contains(since, "double free"), __FILE__, __LINE__,
		    "kfree(%p) twice (%zu bytes) not reported as a double free", p, size);
	for (i = 0; i < ARRAY_SIZE(q); i++) {
		q[i] = kmalloc(size);
		for (j = 0; j < i; j++)
			dup += q[i] && q[i] == q[j];
	}
	ktest_check(t, !dup, __FILE__, __LINE__, "%u blocks of %zu bytes handed out twice", dup,
		    size);
	for (i = 0; i < ARRAY_SIZE(q); i++)
		kfree(q[i]);
}

static void double_frees_are_reported(struct ktest *t)
{
	static const size_t sizes[] = { 8, 64, 100, 2048, 4096 };
	size_t i;

	if (!checks_objects(t) || !set_up_witnesses(t))
		return;
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		double_free_of(t, sizes[i]);
	tear_down_witnesses(t);
}

/* Whole-page blocks: no design lets them be freed twice. */
static void large_double_frees_are_reported(struct ktest *t)
{
	if (!set_up_witnesses(t))
		return;
	double_free_of(t, 16384);
	double_free_of(t, 100000);
	tear_down_witnesses(t);
}

static u8 static_bytes[64] __aligned(16);

static void foreign_frees_are_reported(struct ktest *t)
{
	u8 stack_bytes[64] __aligned(16);
	unsigned long errors;
	u8 *page;

	if (!set_up_witnesses(t))
		return;
	bad_free(t, static_bytes);
	bad_free(t, stack_bytes);
	bad_free(t, (void *)foreign_frees_are_reported); /* kernel text */
	bad_free(t, page_owners);			 /* memory the frame allocator reserved */
	bad_free(t, phys_to_virt(0));			 /* below the frame allocator's memory */
	page = alloc_page();				 /* a frame the heap never had */
	KTEST_ASSERT_NOT_NULL(t, page);
	bad_free(t, page);
	bad_free(t, page + 64);
	errors = page_alloc_errors;
	free_page(page); /* still allocated: this free is good */
	KTEST_EXPECT_EQ(t, page_alloc_errors, errors);
	kfree(NULL); /* not an error */
	tear_down_witnesses(t);
}

/* The sizes of kmalloc() blocks the krealloc() cases take apart. */
static const size_t krealloc_sizes[] = { 8, 64, 100, 2048, 3000, 4096, 16384, 100000 };

/*
 * krealloc(NULL, n) is kmalloc(n); krealloc() to sizes no design serves
 * fails and leaves the block as it was (impossible_sizes_fail_cleanly
 * tries more of them).
 */
static void krealloc_of_null_and_huge_sizes(struct ktest *t)
{
	struct snapshot s;
	u8 *p;

	if (!set_up_witnesses(t))
		return;
	snap(&s);
	KTEST_EXPECT_NULL(t, krealloc(NULL, 0));
	KTEST_EXPECT_NULL(t, krealloc(NULL, SIZE_MAX_));
	KTEST_EXPECT_NULL(t, krealloc(NULL, HEAP_ARENA_SIZE + 1));
	check_untouched(t, &s, "krealloc", NULL, 0);
	p = krealloc(NULL, 100);
	KTEST_ASSERT_NOT_NULL(t, p);
	check_block(t, p, 100);
	memset(p, 0x44, 100);
	snap(&s);
	KTEST_EXPECT_NULL(t, krealloc(p, SIZE_MAX_ - 4095));
	KTEST_EXPECT_NULL(t, krealloc(p, (size_t)1 << 40));
	check_untouched(t, &s, "krealloc", p, 0);
	KTEST_EXPECT_EQ(t, p[0], 0x44);
	KTEST_EXPECT_EQ(t, p[99], 0x44);
	kfree(p);
	tear_down_witnesses(t);
}

/*
 * krealloc() of a block freed before, and of the block a krealloc()
 * moved away from: reported, NULL, nothing allocated or freed.  Then the
 * freed block is handed out once, never twice.
 */
static void krealloc_of_freed_blocks_is_reported(struct ktest *t)
{
	size_t i;

	if (!checks_objects(t) || !set_up_witnesses(t))
		return;
	for (i = 0; i < ARRAY_SIZE(krealloc_sizes); i++) {
		size_t size = krealloc_sizes[i];
		u8 *p = kmalloc(size), *q[32], *moved;
		unsigned int j, k, dup = 0;

		KTEST_ASSERT_NOT_NULL(t, p);
		kfree(p);
		bad_kreallocs(t, p, size);
		for (j = 0; j < ARRAY_SIZE(q); j++) {
			q[j] = kmalloc(size);
			for (k = 0; k < j; k++)
				dup += q[j] && q[j] == q[k];
		}
		ktest_check(t, !dup, __FILE__, __LINE__, "%u blocks of %zu bytes handed out twice",
			    dup, size);
		for (j = 0; j < ARRAY_SIZE(q); j++)
			kfree(q[j]);

		p = kmalloc(size);
		KTEST_ASSERT_NOT_NULL(t, p);
		moved = krealloc(p, 2 * size + PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(t, moved);
		if (moved != p)
			bad_kreallocs(t, p, size);
		kfree(moved);
	}
	tear_down_witnesses(t);
}

/*
 * Pointers into a live block, page-aligned ones into blocks of whole
 * pages too.  Every design checks these, the slab allocator without
 * debugging too: krealloc() is no fast path.
 */
static void krealloc_of_interior_pointers_is_reported(struct ktest *t)
{
	size_t i;

	if (!set_up_witnesses(t))
		return;
	for (i = 0; i < ARRAY_SIZE(krealloc_sizes); i++) {
		size_t size = krealloc_sizes[i], off;
		u8 *p = kmalloc(size);

		KTEST_ASSERT_NOT_NULL(t, p);
		memset(p, 0x66, size);
		bad_kreallocs(t, p + 1, size);
		bad_kreallocs(t, p + size / 2, size);
		bad_kreallocs(t, p + size - 1, size);
		/* the first two pages inside, and the last */
		for (off = PAGE_SIZE; off < size && off <= 2 * PAGE_SIZE; off += PAGE_SIZE)
			bad_kreallocs(t, p + off, size);
		if (size > 3 * PAGE_SIZE)
			bad_kreallocs(t, p + (size - 1) / PAGE_SIZE * PAGE_SIZE, size);
		KTEST_EXPECT_EQ(t, p[0], 0x66);
		KTEST_EXPECT_EQ(t, p[size - 1], 0x66);
		KTEST_EXPECT_GE(t, ksize(p), size);
		kfree(p);
	}
	tear_down_witnesses(t);
}

static void krealloc_of_foreign_memory_is_reported(struct ktest *t)
{
	u8 stack_bytes[64] __aligned(16);
	u8 *page;

	if (!set_up_witnesses(t))
		return;
	bad_kreallocs(t, static_bytes, sizeof(static_bytes));
	bad_kreallocs(t, stack_bytes, sizeof(stack_bytes));
	bad_kreallocs(t, (void *)foreign_frees_are_reported, 64); /* kernel text */
	bad_kreallocs(t, page_owners, 64);
	bad_kreallocs(t, phys_to_virt(0), 64);
	page = alloc_page(); /* a frame the heap never had */
	KTEST_ASSERT_NOT_NULL(t, page);
	bad_kreallocs(t, page, PAGE_SIZE);
	bad_kreallocs(t, page + 64, 64);
	free_page(page);
	tear_down_witnesses(t);
}

static const struct ktest_case heap_hostile_cases[] = {
	KTEST_CASE(impossible_sizes_fail_cleanly),
	KTEST_CASE(sizes_at_the_limits),
	KTEST_CASE(large_block_interior_frees_are_reported),
	KTEST_CASE(interior_frees_are_reported),
	KTEST_CASE(double_frees_are_reported),
	KTEST_CASE(large_double_frees_are_reported),
	KTEST_CASE(foreign_frees_are_reported),
	KTEST_CASE(krealloc_of_null_and_huge_sizes),
	KTEST_CASE(krealloc_of_freed_blocks_is_reported),
	KTEST_CASE(krealloc_of_interior_pointers_is_reported),
	KTEST_CASE(krealloc_of_foreign_memory_is_reported),
	{},
};
KTEST_SUITE(heap_hostile, heap_hostile_cases);
