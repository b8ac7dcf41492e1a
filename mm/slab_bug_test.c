// SPDX-License-Identifier: GPL-2.0
/*
 * Slab bug tests: "ktest.slab_bug=NAME" makes the kernel commit one heap
 * bug on purpose, in place of the test suites, so that the slab debugging
 * options must catch it.  Unlike a CPU fault the kernel goes on: the bug
 * is reported, counted and quarantined, and the boot ends as usual.  The
 * host runner (scripts/slabtests.py) checks the report: the BUG line with
 * the cache's name, the object's address printed here, and that exactly
 * one bug was counted.
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "slab.h"

struct slab_bug_test {
	const char *name;
	bool enabled; /* the option that catches it is on */
	void (*commit)(void);
};

static void announce(const char *what, const void *obj, const char *cache)
{
	pr_info("ktest: slab bug: %s, object 0x%lx in cache %s\n", what, (unsigned long)obj, cache);
}

static __noinline void use_after_free(void)
{
	u8 *p = kmalloc(64);

	announce("write after free", p, "kmalloc-64");
	kfree(p);
	p[10] = 0x41;
	kfree(kmalloc(64)); /* the next allocation finds the poison broken */
}

static __noinline void redzone_right(void)
{
	u8 *p = kmalloc(64);

	announce("write one byte past the end", p, "kmalloc-64");
	p[64] = 0x41;
	kfree(p);
}

static __noinline void redzone_left(void)
{
	u8 *p = kmalloc(64);

	announce("write one byte before the start", p, "kmalloc-64");
	p[-1] = 0x41;
	kfree(p);
}

static __noinline void double_free(void)
{
	u8 *p = kmalloc(64);

	announce("free twice", p, "kmalloc-64");
	kfree(p);
	kfree(p);
}

static __noinline void invalid_free(void)
{
	u8 *p = kmalloc(64);

	announce("free of a pointer inside an object", p + 8, "kmalloc-64");
	kfree(p + 8);
	kfree(p);
}

static u8 not_from_the_heap[64];

static __noinline void foreign_free(void)
{
	announce("free of memory no cache owns", not_from_the_heap, "kfree");
	kfree(not_from_the_heap);
}

static __noinline void wrong_cache(void)
{
	struct kmem_cache *a = kmem_cache_create("test-a", 64, 8, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("test-b", 64, 8, 0, NULL);
	void *obj = kmem_cache_alloc(a);

	announce("free to the wrong cache", obj, "test-b");
	kmem_cache_free(b, obj);
	kmem_cache_free(a, obj);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

/*
 * A write after free that lands on the free pointer (kept past the object
 * and its right redzone): the next allocation must not follow it.
 */
static __noinline void freepointer(void)
{
	struct kmem_cache *c = kmem_cache_create("test-fp", 64, 8, 0, NULL);
	u8 *a = kmem_cache_alloc(c), *b = kmem_cache_alloc(c);

	announce("write after free over the free pointer", a, "test-fp");
	kmem_cache_free(c, b);
	kmem_cache_free(c, a); /* a's free pointer now leads to b */
	*(unsigned long *)(a + c->free_offset) = 0xdeadbeef;
	a = kmem_cache_alloc(c); /* takes a, finds its free pointer wild */
	b = kmem_cache_alloc(c);
	kmem_cache_free(c, b);
	kmem_cache_free(c, a);
}

static const struct slab_bug_test slab_bug_tests[] = {
	{ "use_after_free", IS_ENABLED(CONFIG_SLAB_DEBUG_POISON), use_after_free },
	{ "redzone_right", IS_ENABLED(CONFIG_SLAB_DEBUG_REDZONE), redzone_right },
	{ "redzone_left", IS_ENABLED(CONFIG_SLAB_DEBUG_REDZONE), redzone_left },
	{ "double_free", true, double_free },
	{ "invalid_free", true, invalid_free },
	{ "freepointer", IS_ENABLED(CONFIG_SLAB_DEBUG_CHECKS), freepointer },
	{ "foreign_free", true, foreign_free },
	{ "wrong_cache", true, wrong_cache },
};

static const struct slab_bug_test *requested;

static int set_slab_bug(const char *val)
{
	size_t i;

	for (i = 0; val && i < ARRAY_SIZE(slab_bug_tests); i++) {
		if (!strcmp(val, slab_bug_tests[i].name)) {
			requested = &slab_bug_tests[i];
			return 0;
		}
	}
	return -EINVAL;
}
kernel_param("ktest.slab_bug", set_slab_bug);

bool ktest_commit_slab_bug(void)
{
	unsigned long before = slab_bugs;

	if (!requested)
		return false;
	if (!requested->enabled)
		panic("ktest: slab bug %s: the debug option that catches it is off",
		      requested->name);
	requested->commit();
	pr_info("ktest: slab bug %s: %lu reported\n", requested->name, slab_bugs - before);
	if (slab_bugs - before != 1)
		panic("ktest: slab bug %s: expected one report", requested->name);
	return true;
}
