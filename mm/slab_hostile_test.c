// SPDX-License-Identifier: GPL-2.0
/*
 * Object caches under attack: kmem_cache_free() of another cache's
 * object, of a kmalloc() object, of whole pages and of foreign memory,
 * and to a cache destroyed before; kmem_cache_destroy() of a cache
 * destroyed before, of the inside of one, of foreign memory and of the
 * heap's own caches.  Each must be reported once and change nothing: not
 * the object, not the caches (their counts, their list), not the free
 * page count.  Kept apart from the
 * slab suite, whose last case counts reports that nobody provoked.
 */
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "slab.h"

struct cache_state {
	struct slab_stats a, b;
	unsigned long free_pages, errors;
};

static void save(struct kmem_cache *a, struct kmem_cache *b, struct cache_state *st)
{
	kmem_cache_stats(a, &st->a);
	kmem_cache_stats(b, &st->b);
	st->free_pages = nr_free_pages();
	st->errors = heap_errors;
}

/* Where in the log the last bad_cache_free()'s report starts. */
static u64 last_report;

static void bad_cache_free(struct ktest *t, struct kmem_cache *to, void *obj, struct kmem_cache *a,
			   struct kmem_cache *b)
{
	struct cache_state before, after;

	save(a, b, &before);
	last_report = ktest_mute_console();
	kmem_cache_free(to, obj);
	ktest_unmute_console();
	save(a, b, &after);
	ktest_check(t, after.errors == before.errors + 1, __FILE__, __LINE__,
		    "kmem_cache_free(%p, %p): %lu reports, expected 1", to, obj,
		    after.errors - before.errors);
	ktest_check(t,
		    !memcmp(&before.a, &after.a, sizeof(before.a)) &&
			    !memcmp(&before.b, &after.b, sizeof(before.b)) &&
			    before.free_pages == after.free_pages,
		    __FILE__, __LINE__,
		    "kmem_cache_free(%p, %p) changed the caches or the free pages", to, obj);
}

static u8 not_from_a_cache[64] __aligned(16);

static void bad_cache_frees_change_nothing(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("test-hostile-a", 64, 8, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("test-hostile-b", 64, 8, 0, NULL);
	u8 *obj = a ? kmem_cache_alloc(a) : NULL, *small = kmalloc(64), *large = kmalloc(8192);

	KTEST_ASSERT_TRUE(t, b && obj && small && large);
	memset(obj, 0x42, 64);
	bad_cache_free(t, b, obj, a, b);	      /* another cache's object */
	bad_cache_free(t, a, small, a, b);	      /* a kmalloc() object */
	bad_cache_free(t, a, large, a, b);	      /* whole pages */
	bad_cache_free(t, a, not_from_a_cache, a, b); /* not heap memory */
	bad_cache_free(t, a, page_owners, a, b);      /* reserved at boot */
	KTEST_EXPECT_EQ(t, obj[0], 0x42);
	KTEST_EXPECT_EQ(t, obj[63], 0x42);
	KTEST_EXPECT_EQ(t, ksize(large), 8192);
	kmem_cache_free(a, obj);
	kfree(small);
	kfree(large);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

#define MAX_CACHES 1000 /* far more than exist: a list that loops stops here */

/* The caches on the list; MAX_CACHES if it has no end. */
static unsigned int caches_listed(void)
{
	struct list_head *pos = slab_caches.next;
	unsigned int n = 0;

	while (pos != &slab_caches && n < MAX_CACHES) {
		pos = pos->next;
		n++;
	}
	return n;
}

/* kmem_cache_destroy() of something that is not a live cache: reported, nothing changed. */
static void bad_destroy(struct ktest *t, struct kmem_cache *c, const char *what)
{
	unsigned long free = nr_free_pages(), errors = heap_errors;
	unsigned int caches = caches_listed();
	u64 since;

	since = ktest_mute_console();
	kmem_cache_destroy(c);
	ktest_unmute_console();
	ktest_check(t, heap_errors == errors + 1, __FILE__, __LINE__,
		    "kmem_cache_destroy(%s): %lu reports, expected 1", what, heap_errors - errors);
	ktest_check(t, ktest_log_contains(since, "kmem_cache_destroy(0x"), __FILE__, __LINE__,
		    "kmem_cache_destroy(%s): no report", what);
	ktest_check(t, caches_listed() == caches && nr_free_pages() == free, __FILE__, __LINE__,
		    "kmem_cache_destroy(%s): caches %u -> %u, free pages %lu -> %lu", what, caches,
		    caches_listed(), free, nr_free_pages());
}

static u8 not_a_cache[sizeof(struct kmem_cache)] __aligned(16);

/*
 * Every hostile argument kfree() gets: a cache destroyed before (twice
 * over), the inside of a live one, foreign memory, a kmalloc() block, and
 * the heap's own caches.  Each is reported once and changes nothing: the
 * list of caches still ends, the live cache still works.
 */
static void bad_destroys_change_nothing(struct ktest *t)
{
	struct kmem_cache *gone = kmem_cache_create("test-gone", 64, 8, 0, NULL);
	struct kmem_cache *live = kmem_cache_create("test-live", 64, 8, 0, NULL);
	u8 stack_bytes[sizeof(struct kmem_cache)] __aligned(16);
	void *obj = live ? kmem_cache_alloc(live) : NULL, *small = kmalloc(sizeof(*live));
	struct slab *kmalloc_slab = page_owner(small), *cache_slab = page_owner(live);
	unsigned long errors;
	u8 *p;

	KTEST_ASSERT_TRUE(t, gone && obj && small && cache_slab);
	errors = heap_errors;
	kmem_cache_destroy(NULL); /* not an error */
	kmem_cache_destroy(gone);
	KTEST_EXPECT_EQ(t, heap_errors, errors);
	bad_destroy(t, gone, "a cache destroyed before");
	bad_destroy(t, gone, "a cache destroyed before, again");
	bad_destroy(t, (struct kmem_cache *)((u8 *)live + 8), "the inside of a cache");
	bad_destroy(t, (struct kmem_cache *)not_a_cache, "static memory");
	bad_destroy(t, (struct kmem_cache *)stack_bytes, "the stack");
	bad_destroy(t, (struct kmem_cache *)page_owners, "reserved memory");
	bad_destroy(t, small, "a kmalloc() block");
	bad_destroy(t, kmalloc_slab->cache, "a kmalloc cache");
	bad_destroy(t, cache_slab->cache, "the cache of caches");
	KTEST_EXPECT_LT(t, caches_listed(), MAX_CACHES);
	kmem_cache_free(live, obj); /* the live cache still works */
	p = kmem_cache_alloc(live);
	KTEST_EXPECT_NOT_NULL(t, p);
	kmem_cache_free(live, p);
	kfree(small);
	errors = heap_errors;
	kmem_cache_destroy(live);
	KTEST_EXPECT_EQ(t, heap_errors, errors);
}

/*
 * kmem_cache_free() to a cache destroyed before: reported under no name
 * of that cache (it may be poison, with no end), and nothing freed.
 */
static void free_to_a_destroyed_cache(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("test-hostile-a", 64, 8, 0, NULL);
	struct kmem_cache *gone = kmem_cache_create("test-gone", 64, 8, 0, NULL);
	u8 *obj = a ? kmem_cache_alloc(a) : NULL;

	KTEST_ASSERT_TRUE(t, gone && obj);
	kmem_cache_destroy(gone);
	memset(obj, 0x42, 64);
	bad_cache_free(t, gone, obj, a, a);
	KTEST_EXPECT_TRUE(t,
			  ktest_log_contains(last_report, "BUG kmem_cache_free: Invalid free of"));
	KTEST_EXPECT_FALSE(t, ktest_log_contains(last_report, "test-gone"));
	KTEST_EXPECT_EQ(t, obj[0], 0x42);
	kmem_cache_free(a, obj);
	kmem_cache_destroy(a);
}

static const struct ktest_case slab_hostile_cases[] = {
	KTEST_CASE(bad_cache_frees_change_nothing),
	KTEST_CASE(bad_destroys_change_nothing),
	KTEST_CASE(free_to_a_destroyed_cache),
	{},
};
KTEST_SUITE(slab_hostile, slab_hostile_cases);
