// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of what only the slab allocator has: object caches with
 * constructors and alignment, slabs moving between the partial, full and
 * empty lists, empty slabs going back to the frame allocator, the kmalloc
 * cache that serves each size, and slabinfo.  With CONFIG_SLAB_DEBUG the same cases run
 * with every check on, and must not report a single bug.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "slab.h"

#define CTOR_MAGIC 0xc0ffee

struct thing {
	unsigned long magic;
	char name[40];
};

static unsigned long ctor_runs;

static void thing_ctor(void *p)
{
	struct thing *t = p;

	t->magic = CTOR_MAGIC;
	ctor_runs++;
}

static void ctor_runs_once_per_object(struct ktest *t)
{
	struct kmem_cache *c =
		kmem_cache_create("test-thing", sizeof(struct thing), 8, 0, thing_ctor);
	struct thing *objs[64];
	unsigned int n, i, bad = 0;

	KTEST_ASSERT_NOT_NULL(t, c);
	n = min(2 * c->objects, (unsigned int)ARRAY_SIZE(objs));
	ctor_runs = 0;
	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(c);
		bad += !objs[i] || objs[i]->magic != CTOR_MAGIC;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	/* whole slabs are constructed when they are made, no more */
	KTEST_EXPECT_EQ(t, ctor_runs % c->objects, 0);
	KTEST_EXPECT_GE(t, ctor_runs, n);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	ctor_runs = 0;
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c);
	KTEST_EXPECT_EQ(t, ctor_runs, 0); /* objects come back constructed */
	for (i = 0; i < n; i++) {
		bad += objs[i]->magic != CTOR_MAGIC;
		kmem_cache_free(c, objs[i]);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	kmem_cache_destroy(c);
}

static void alignment_is_honoured(struct ktest *t)
{
	static const size_t aligns[] = { 8, 16, 64, 256 };
	size_t i, j;
	u64 since;

	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		struct kmem_cache *c = kmem_cache_create("test-align", 40, aligns[i], 0, NULL);
		void *objs[20];

		KTEST_ASSERT_NOT_NULL(t, c);
		for (j = 0; j < ARRAY_SIZE(objs); j++) {
			objs[j] = kmem_cache_alloc(c);
			KTEST_EXPECT_EQ(t, (uintptr_t)objs[j] % aligns[i], 0);
		}
		for (j = 0; j < ARRAY_SIZE(objs); j++)
			kmem_cache_free(c, objs[j]);
		kmem_cache_destroy(c);
	}
	since = ktest_mute_console();
	KTEST_EXPECT_NULL(t, kmem_cache_create("test-bad", 40, 24, 0, NULL));
	KTEST_EXPECT_NULL(t, kmem_cache_create("test-bad", 0, 8, 0, NULL));
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "kmem_cache_create(test-bad): bad size"));
}

static unsigned long nr_caches(void)
{
	struct kmem_cache *c;
	unsigned long n = 0;

	list_for_each_entry (c, &slab_caches, caches)
		n++;
	return n;
}

/*
 * Sizes and alignments that do not fit the cache's fields, or a slab, or
 * that are no power of two: NULL, a message, and nothing allocated.
 */
static void kmem_cache_create_rejects_bad_arguments(struct ktest *t)
{
	static const struct {
		size_t size, align;
	} bad[] = {
		{ 0, 8 },
		{ 0xfffffff9, 8 },
		{ 0x100000008, 8 },
		{ (size_t)-1, 8 },
		{ (size_t)-8, 8 },
		{ (size_t)1 << 63, 8 },
		{ PAGE_SIZE << 5, 8 },
		{ 64, (size_t)1 << 32 },
		{ 64, (size_t)1 << 63 },
		{ 64, (size_t)-1 },
		{ 64, 24 },
		{ 64, 3 },
		{ 64, PAGE_SIZE << 1 },
		{ 0xffffffff, 0xffffffff },
	};
	unsigned long free = nr_free_pages(), caches = nr_caches(), errors;
	size_t i;
	u64 since;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct kmem_cache *c;

		since = ktest_mute_console();
		c = kmem_cache_create("test-bad", bad[i].size, bad[i].align, 0, NULL);
		ktest_unmute_console();
		ktest_check(t, !c, __FILE__, __LINE__,
			    "kmem_cache_create(size %#zx, align %#zx) = %p", bad[i].size,
			    bad[i].align, c);
		ktest_check(t, ktest_log_contains(since, "kmem_cache_create(test-bad): bad size"),
			    __FILE__, __LINE__, "size %#zx, align %#zx: no message", bad[i].size,
			    bad[i].align);
	}
	since = ktest_mute_console();
	KTEST_EXPECT_NULL(t, kmem_cache_create(NULL, 64, 8, 0, NULL));
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "no name"));
	KTEST_EXPECT_EQ(t, nr_caches(), caches);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);

	/* The extremes that are fine: 1 byte, page alignment, a long name cut short. */
	errors = heap_errors;
	for (i = 0; i < 3; i++) {
		struct kmem_cache *c =
			kmem_cache_create("test-a-name-much-longer-than-any-cache-name-field",
					  i ? 4000 : 1, i == 2 ? PAGE_SIZE : 0, 0, NULL);
		void *obj = c ? kmem_cache_alloc(c) : NULL;

		KTEST_ASSERT_NOT_NULL(t, obj);
		KTEST_EXPECT_EQ(t, (uintptr_t)obj % (i == 2 ? PAGE_SIZE : 8), 0);
		KTEST_EXPECT_EQ(t, strlen(c->name), sizeof(c->name) - 1);
		kmem_cache_free(c, obj);
		kmem_cache_destroy(c);
	}
	KTEST_EXPECT_EQ(t, heap_errors, errors);
	KTEST_EXPECT_EQ(t, nr_caches(), caches);
}

/*
 * A free of an object of this CPU's active slab and an allocation of its
 * size are served inline, from this CPU's copy of the cache's list: no
 * call out of line, the object back at once, the list's count as it was.
 */
static void inline_paths_serve_this_cpu(struct ktest *t)
{
	if (!SLAB_FAST_PATHS) {
		ktest_skip(t, "the inline paths need the slab heap without CONFIG_SLAB_DEBUG");
		return;
	}
	preempt_guard();
	void *p = kmalloc(64), *q;
	struct kmem_cache_cpu *cc = this_cpu_ptr(&kmalloc_cpu[kmalloc_index(64)]);
	unsigned long slow_calls = this_cpu_read(slab_slow_calls), slow_calls_after;
	unsigned int nr_free = cc->nr_free;

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, cc->active == page_owner(p));
	kfree(p);
	KTEST_EXPECT_TRUE(t, cc->freelist == p);
	q = kmalloc(64);
	slow_calls_after = this_cpu_read(slab_slow_calls);
	KTEST_EXPECT_TRUE(t, q == p);
	KTEST_EXPECT_EQ(t, slow_calls_after, slow_calls);
	KTEST_EXPECT_EQ(t, cc->nr_free, nr_free);
	kfree(q);
}

/*
 * Caches until the per-CPU slots run out: the next create fails with a
 * message and takes no memory; a destroy gives its slot to the next.
 */
static void kmem_cache_create_fails_when_slots_run_out(struct ktest *t)
{
	struct kmem_cache *caches[64], *c;
	unsigned long free, errors = heap_errors, before = nr_caches();
	unsigned int n = 0, i;
	u64 since;

	while (n < ARRAY_SIZE(caches) &&
	       (caches[n] = kmem_cache_create("test-slot", 64, 8, 0, NULL)))
		n++;
	/* The slots are many times what the kernel holds, but not unbounded. */
	KTEST_EXPECT_TRUE(t, n > 8 && n < ARRAY_SIZE(caches));
	if (n == ARRAY_SIZE(caches))
		goto out;
	free = nr_free_pages();
	since = ktest_mute_console();
	c = kmem_cache_create("test-one-too-many", 64, 8, 0, NULL);
	ktest_unmute_console();
	KTEST_EXPECT_NULL(t, c);
	KTEST_EXPECT_TRUE(t,
			  ktest_log_contains(since, "kmem_cache_create(test-one-too-many): all"));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, nr_caches(), before + n);

	/* One slot back: the next cache gets it, and works. */
	kmem_cache_destroy(caches[--n]);
	caches[n] = kmem_cache_create("test-slot", 64, 8, 0, NULL);
	KTEST_EXPECT_NOT_NULL(t, caches[n]);
	if (caches[n]) {
		void *obj = kmem_cache_alloc(caches[n]);

		KTEST_EXPECT_NOT_NULL(t, obj);
		kmem_cache_free(caches[n], obj);
		n++;
	}
out:
	for (i = 0; i < n; i++)
		kmem_cache_destroy(caches[i]);
	KTEST_EXPECT_EQ(t, nr_caches(), before);
	KTEST_EXPECT_EQ(t, heap_errors, errors);
	KTEST_EXPECT_EQ(t, slab_check_lists(), 0);
}

/* Objects of one slab and one more: a full slab and the active one; freed, one empty slab stays. */
static void slabs_move_between_lists(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("test-lists", 100, 8, 0, NULL);
	unsigned int per, i;
	struct slab_stats st;
	void *objs[128];

	KTEST_ASSERT_NOT_NULL(t, c);
	per = c->objects;
	KTEST_ASSERT_TRUE(t, per + 1 <= ARRAY_SIZE(objs));
	for (i = 0; i < per + 1; i++)
		objs[i] = kmem_cache_alloc(c);
	kmem_cache_stats(c, &st);
	KTEST_EXPECT_EQ(t, st.slabs, 2);
	KTEST_EXPECT_EQ(t, st.active_objs, per + 1);
	KTEST_EXPECT_EQ(t, c->nr_full, 1);
	kmem_cache_free(c, objs[0]); /* the full slab becomes partial */
	KTEST_EXPECT_EQ(t, c->nr_full, 0);
	KTEST_EXPECT_EQ(t, c->nr_partial, 1);
	for (i = 1; i < per + 1; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_stats(c, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 0);
	KTEST_EXPECT_EQ(t, c->nr_partial, 0);
	kmem_cache_destroy(c);
}

/* Every page a cache took is back after it is destroyed. */
static void destroy_returns_every_page(struct ktest *t)
{
	struct kmem_cache *c;
	unsigned long before;
	void **objs;
	unsigned int i, n = 3000;

	kmem_cache_destroy(kmem_cache_create("test-warmup", 64, 8, 0, NULL));
	objs = kmalloc(n * sizeof(*objs));
	KTEST_ASSERT_NOT_NULL(t, objs);
	before = nr_free_pages();
	c = kmem_cache_create("test-pages", 200, 8, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, c);
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(c);
	KTEST_EXPECT_LT(t, nr_free_pages(), before - 100);
	for (i = 0; i < n; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	kfree(objs);
}

static void kmalloc_size_classes(struct ktest *t)
{
	void *a = kmalloc(33), *b = kmalloc(4096), *c = kmalloc(4097), *d = kmalloc(3);

	KTEST_EXPECT_EQ(t, ksize(a), 64);
	KTEST_EXPECT_EQ(t, ksize(b), 4096);
	KTEST_EXPECT_EQ(t, ksize(c), 8192); /* whole pages above 4096 */
	KTEST_EXPECT_EQ(t, ksize(d), 8);
	KTEST_EXPECT_EQ(t, (uintptr_t)c % PAGE_SIZE, 0);
	kfree(a);
	kfree(b);
	kfree(c);
	kfree(d);
}

/* The smallest power of two, 8 at least, that holds @size. */
static size_t size_class(size_t size)
{
	size_t class = KMALLOC_MIN_SIZE;

	while (class < size)
		class *= 2;
	return class;
}

/*
 * Served from the kmalloc cache of @size's class, or, above the largest,
 * from whole pages of its class?  kfree()s @p either way; false if not.
 */
static bool served_by_its_class(struct ktest *t, void *p, size_t size)
{
	struct slab *slab = page_owner(p);
	size_t want = size_class(size);
	bool ok;

	if (size > KMALLOC_MAX_CACHE_SIZE)
		ok = p && (unsigned long)slab < OWNER_MIN_SLAB && (uintptr_t)p % want == 0;
	else
		ok = p && (unsigned long)slab >= OWNER_MIN_SLAB &&
		     slab->cache->object_size == want && !strncmp(slab->cache->name, "kmalloc-", 8);
	ok = ok && ksize(p) == want;
	ktest_check(t, ok, __FILE__, __LINE__, "kmalloc(%zu) = %p: ksize %zu, from %s, not %zu",
		    size, p, ksize(p),
		    (unsigned long)slab >= OWNER_MIN_SLAB ? slab->cache->name : "no cache", want);
	kfree(p);
	return ok;
}

/*
 * Every size from 1 to 4096 comes from its own class's cache (1 to 8 from
 * kmalloc-8, 9 to 16 from kmalloc-16, ..., 2049 to 4096 from kmalloc-4k),
 * and larger ones from the pages of theirs: through __kmalloc() for sizes
 * known only at run time, and through the inline fast path for constant
 * ones.  A size served one class up wastes half its memory and passes
 * every other case.
 */
static void each_size_from_its_class(struct ktest *t)
{
	static const size_t large[] = { 4097, 8192, 8193, 65536, 65537, 1 << 20 };
	volatile size_t size;
	size_t i;

	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++)
		if (!served_by_its_class(t, kmalloc(size), size))
			return; /* one line for a whole broken class is enough */
	for (i = 0; i < ARRAY_SIZE(large); i++)
		served_by_its_class(t, kmalloc(large[i]), large[i]);
	served_by_its_class(t, kmalloc(1), 1);
	served_by_its_class(t, kmalloc(8), 8);
	served_by_its_class(t, kmalloc(9), 9);
	served_by_its_class(t, kmalloc(64), 64);
	served_by_its_class(t, kmalloc(65), 65);
	served_by_its_class(t, kmalloc(2049), 2049);
	served_by_its_class(t, kmalloc(4096), 4096);
}

static void slabinfo_lists_the_caches(struct ktest *t)
{
	void *p = kmalloc(64);
	u64 since = ktest_mute_console();

	slabinfo();
	ktest_unmute_console();
	if (!ktest_log_kept(since)) {
		kfree(p);
		ktest_skipf(t,
			    "the %u-byte log buffer (CONFIG_LOG_BUF_SHIFT) is smaller than "
			    "the report",
			    1U << CONFIG_LOG_BUF_SHIFT);
		return;
	}
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "kmalloc-64"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "kmem_cache"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "objsize"));
	kfree(p);
}

/* The whole run so far, heap suite included, with debugging: no false alarm. */
static void no_bug_reported(struct ktest *t)
{
	if (!IS_ENABLED(CONFIG_SLAB_DEBUG))
		ktest_skip(t, "CONFIG_SLAB_DEBUG is off");
	KTEST_EXPECT_EQ(t, slab_bugs, 0);
}

static const struct ktest_case slab_cases[] = {
	KTEST_CASE(ctor_runs_once_per_object),
	KTEST_CASE(alignment_is_honoured),
	KTEST_CASE(kmem_cache_create_rejects_bad_arguments),
	KTEST_CASE(kmem_cache_create_fails_when_slots_run_out),
	KTEST_CASE(inline_paths_serve_this_cpu),
	KTEST_CASE(slabs_move_between_lists),
	KTEST_CASE(destroy_returns_every_page),
	KTEST_CASE(kmalloc_size_classes),
	KTEST_CASE(each_size_from_its_class),
	KTEST_CASE(slabinfo_lists_the_caches),
	KTEST_CASE(no_bug_reported),
	{},
};
KTEST_SUITE(slab, slab_cases);
