// SPDX-License-Identifier: GPL-2.0
/*
 * The heap core: what every heap design (mm/heap.h) shares on top of its
 * own alloc(), free() and block_size(): the out-of-line __kmalloc(),
 * __kfree(), kzalloc(), krealloc() and ksize(), the one-line report of a
 * bad pointer, and the check that the design keeps its side of the
 * contract.  Each passes on who called it, which the slab allocator's
 * CONFIG_SLAB_DEBUG_TRACK records.
 *
 * heap_lock guards every design's state: each entry point (these, each
 * design's alloc() and free(), the slab's kmem_cache_*())
 * holds it from start to return, and the code inside calls only unlocked
 * internals.  No interrupt handler allocates, so spin_lock() (preemption
 * off) is enough.  The slab's inline fast paths (<kernel/slab.h>) touch
 * only per-CPU data, under preemption off.
 */
#include <kernel/compiler.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "heap.h"

#define CALLER ((unsigned long)__builtin_return_address(0))

unsigned long heap_errors;
DEFINE_SPINLOCK(heap_lock);

const char *heap_design_breach(const struct heap_design *d)
{
	if (!d->name)
		return "a name";
	if (!d->alloc || !d->free || !d->block_size)
		return "alloc(), free() and block_size()";
	return NULL;
}

/* A design that breaks the contract is stopped here, not at a NULL call. */
void heap_init(void)
{
	const char *breach = heap_design_breach(&heap_design);

	if (breach)
		panic("heap design \"%s\" breaks its contract: it needs %s",
		      heap_design.name ?: "(no name)", breach);
	if (heap_design.init)
		heap_design.init();
}

void heap_report(void)
{
	if (heap_design.report)
		heap_design.report();
}

const char *heap_name(void)
{
	return heap_design.name;
}

unsigned long heap_in_use(void)
{
	return heap_design.in_use ? heap_design.in_use() : 0;
}

bool heap_has(unsigned int caps)
{
	return (heap_design.caps & caps) == caps;
}

const struct heap_call heap_kfree = {
	.name = "kfree",
	.undone = "not freed",
	.invalid = "Invalid free",
	.already_free = "Object already free (double free)",
};

const struct heap_call heap_krealloc = {
	.name = "krealloc",
	.undone = "not reallocated",
	.invalid = "Invalid krealloc",
	.already_free = "Object already free (krealloc after free)",
};

void heap_bad_pointer(const struct heap_call *call, const void *p, const char *why,
		      unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	if (!call)
		return; /* ksize(): nothing to report */
	heap_errors++;
	sprint_symbol(sym, sizeof(sym), caller);
	pr_err("%s(0x%lx): %s; %s (called from %s)\n", call->name, (unsigned long)p, why,
	       call->undone, sym);
}

/* A tail call: alloc() takes heap_lock itself. */
void *__kmalloc(size_t size)
{
	return heap_design.alloc(size, CALLER);
}

void __kfree(const void *p)
{
	if (p)
		heap_design.free(p, CALLER);
}

void *kzalloc(size_t size)
{
	void *p = heap_design.alloc(size, CALLER);

	if (p)
		memset(p, 0, size);
	return p;
}

size_t ksize(const void *p)
{
	spin_guard(&heap_lock);
	return p ? heap_design.block_size(p, NULL, 0) : 0;
}

/*
 * Built from the locked entry points: the caller owns @p throughout.  A
 * pointer that is not a live block is reported before anything else is
 * done: resized, it would be copied from memory that is not its own, and
 * freed, or handed back still free.
 */
void *krealloc(void *p, size_t new_size)
{
	unsigned long caller = CALLER;
	size_t old = 0;
	void *q;

	if (p) {
		spin_lock(&heap_lock);
		old = heap_design.block_size(p, &heap_krealloc, caller);
		spin_unlock(&heap_lock);
		if (!old)
			return NULL;
		if (!new_size) {
			kfree(p);
			return NULL;
		}
		if (old >= new_size)
			return p;
	}
	q = heap_design.alloc(new_size, caller);
	if (q && p) {
		memcpy(q, p, old);
		kfree(p);
	}
	return q;
}
