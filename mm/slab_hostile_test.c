// SPDX-License-Identifier: GPL-2.0
/*
 * Object caches under attack: kmem_cache_free() of another cache's
 * object, of a kmalloc() object, of whole pages and of foreign memory.
 * Each must be reported once and change nothing: not the object, not
 * either cache's counts, not the free page count.  Kept apart from the
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

static void bad_cache_free(struct ktest *t, struct kmem_cache *to, void *obj, struct kmem_cache *a,
			   struct kmem_cache *b)
{
	struct cache_state before, after;

	save(a, b, &before);
	ktest_mute_console();
	kmem_cache_free(to, obj);
	ktest_unmute_console();
	save(a, b, &after);
	ktest_check(t, after.errors == before.errors + 1, __FILE__, __LINE__,
		    "kmem_cache_free(%s, %p): %lu reports, expected 1", to->name, obj,
		    after.errors - before.errors);
	ktest_check(t,
		    !memcmp(&before.a, &after.a, sizeof(before.a)) &&
			    !memcmp(&before.b, &after.b, sizeof(before.b)) &&
			    before.free_pages == after.free_pages,
		    __FILE__, __LINE__,
		    "kmem_cache_free(%s, %p) changed the caches or the free pages", to->name, obj);
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

static const struct ktest_case slab_hostile_cases[] = {
	KTEST_CASE(bad_cache_frees_change_nothing),
	{},
};
KTEST_SUITE(slab_hostile, slab_hostile_cases);
