// SPDX-License-Identifier: GPL-2.0
/*
 * Slab bug tests: "ktest.slab_bug=NAME" makes the kernel commit one heap
 * bug on purpose, in place of the test suites (a boot mode), so that the
 * slab debugging options must catch it.  Unlike a CPU fault the kernel
 * goes on: the bug is reported, counted and quarantined, and the boot ends
 * as usual.  The host runner checks the report each mode declares: the
 * BUG line with the cache's name, the object's address printed here, and
 * that exactly one bug was counted.
 */
#include <kernel/boot_mode.h>
#include <kernel/compiler.h>
#include <kernel/slab.h>
#include "slab.h"

static __noinline void use_after_free(void)
{
	u8 *p = kmalloc(64);

	boot_mode_address(p);
	kfree(p);
	p[10] = 0x41;
	kfree(kmalloc(64)); /* the next allocation finds the poison broken */
}

static __noinline void redzone_right(void)
{
	u8 *p = kmalloc(64);

	boot_mode_address(p);
	p[64] = 0x41;
	kfree(p);
}

static __noinline void redzone_left(void)
{
	u8 *p = kmalloc(64);

	boot_mode_address(p);
	p[-1] = 0x41;
	kfree(p);
}

static __noinline void double_free(void)
{
	u8 *p = kmalloc(64);

	boot_mode_address(p);
	kfree(p);
	kfree(p);
}

static __noinline void invalid_free(void)
{
	u8 *p = kmalloc(64);

	boot_mode_address(p + 8);
	kfree(p + 8);
	kfree(p);
}

static u8 not_from_the_heap[64];

static __noinline void foreign_free(void)
{
	boot_mode_address(not_from_the_heap);
	kfree(not_from_the_heap);
}

static __noinline void wrong_cache(void)
{
	struct kmem_cache *a = kmem_cache_create("test-a", 64, 8, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("test-b", 64, 8, 0, NULL);
	void *obj = kmem_cache_alloc(a);

	boot_mode_address(obj);
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

	boot_mode_address(a);
	kmem_cache_free(c, b);
	kmem_cache_free(c, a); /* a's free pointer now leads to b */
	*(unsigned long *)(a + c->free_offset) = 0xdeadbeef;
	a = kmem_cache_alloc(c); /* takes a, finds its free pointer wild */
	b = kmem_cache_alloc(c);
	kmem_cache_free(c, b);
	kmem_cache_free(c, a);
}

BOOT_MODE_PARAM("ktest.slab_bug", slab_bug);

/*
 * Each is reported once, in SLUB's format: the cache, the object (the
 * address the mode printed), the damaged bytes, and with
 * CONFIG_SLAB_DEBUG_TRACK the function that allocated it.
 */
#define SLAB_BUG(mname, text, option, ...)                                                \
	BOOT_MODE("ktest.slab_bug", mname, text, mname, .needs = BOOT_MODE_NEEDS(option), \
		  .count = &slab_bugs, __VA_ARGS__)
/* The allocating function, by name where the kernel has its symbols. */
#define ALLOCATOR(fn)                                                  \
	(IS_ENABLED(CONFIG_KALLSYMS) ? "INFO: Allocated in " #fn "+0x" \
				     : "INFO: Allocated in 0x{hex}{eol}")
#define ALLOCATED_IN(fn) BOOT_MODE_LINE_IF(CONFIG_SLAB_DEBUG_TRACK, ALLOCATOR(fn))
/* The function that passed the bad pointer, not its caller: no tail call hides it. */
#define CALLED_FROM(call, fn)                                                  \
	(IS_ENABLED(CONFIG_KALLSYMS) ? "INFO: " call " called from " #fn "+0x" \
				     : "INFO: " call " called from 0x{hex}{eol}")

SLAB_BUG(use_after_free, "write after free", CONFIG_SLAB_DEBUG_POISON,
	 .report = BOOT_MODE_REPORT("BUG kmalloc-64: Poison overwritten (write after free)",
				    "INFO: Object {addr} ", ALLOCATED_IN(use_after_free),
				    "Object   {hex}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 41"));
SLAB_BUG(redzone_right, "write one byte past the end", CONFIG_SLAB_DEBUG_REDZONE,
	 .report = BOOT_MODE_REPORT("BUG kmalloc-64: Right Redzone overwritten",
				    "INFO: Object {addr} ", ALLOCATED_IN(redzone_right),
				    "Redzone  {hex}: 41 cc"));
SLAB_BUG(redzone_left, "write one byte before the start", CONFIG_SLAB_DEBUG_REDZONE,
	 .report = BOOT_MODE_REPORT(
		 "BUG kmalloc-64: Left Redzone overwritten", "INFO: Object {addr} ",
		 ALLOCATED_IN(redzone_left),
		 "Redzone  {hex}: cc cc cc cc cc cc cc cc cc cc cc cc cc cc cc 41{eol}"));
SLAB_BUG(double_free, "free twice", CONFIG_SLAB_DEBUG,
	 .report = BOOT_MODE_REPORT("BUG kmalloc-64: Object already free (double free)",
				    CALLED_FROM("kfree", double_free), "INFO: Object {addr} ",
				    ALLOCATED_IN(double_free)));
SLAB_BUG(invalid_free, "free of a pointer inside an object", CONFIG_SLAB_DEBUG,
	 .report = BOOT_MODE_REPORT(
		 "BUG kmalloc-64: Invalid free of {addr}: not the start of an object",
		 CALLED_FROM("kfree", invalid_free)));
SLAB_BUG(freepointer, "write after free over the free pointer", CONFIG_SLAB_DEBUG_CHECKS,
	 .report = BOOT_MODE_REPORT(
		 "BUG test-fp: Freepointer corrupt",
		 "INFO: Free pointer 0xdeadbeef @offset={hex} is not a free object",
		 "INFO: Object {addr} ", ALLOCATED_IN(freepointer)));
SLAB_BUG(foreign_free, "free of memory no cache owns", CONFIG_SLAB_DEBUG,
	 .report = BOOT_MODE_REPORT("BUG kfree: Invalid free of {addr}: no cache owns it",
				    CALLED_FROM("kfree", foreign_free)));
SLAB_BUG(wrong_cache, "free to the wrong cache", CONFIG_SLAB_DEBUG,
	 .report = BOOT_MODE_REPORT("BUG test-b: Invalid free of {addr}: wrong cache",
				    CALLED_FROM("kmem_cache_free", wrong_cache)));
