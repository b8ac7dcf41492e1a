// SPDX-License-Identifier: GPL-2.0
/*
 * What every heap design shares on top of its own kmalloc_caller(),
 * __kfree() and heap_block_size(): the out-of-line __kmalloc(), kzalloc(),
 * krealloc() and ksize(), and the one-line report of a bad pointer.  Each
 * passes on who called it, which the slab allocator's
 * CONFIG_SLAB_DEBUG_TRACK records.
 *
 * heap_lock guards every design's state: each entry point (these, each
 * design's kmalloc_caller() and __kfree(), the slab's kmem_cache_*())
 * holds it from start to return, and the code inside calls only unlocked
 * internals.  No interrupt handler allocates, so spin_lock() (preemption
 * off) is enough.  The slab's inline fast paths (<kernel/slab.h>) touch
 * only per-CPU data, under preemption off.
 */
#include <kernel/compiler.h>
#include <kernel/kallsyms.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "heap.h"

#define CALLER ((unsigned long)__builtin_return_address(0))

unsigned long heap_errors;
DEFINE_SPINLOCK(heap_lock);

/* The optional hooks of a design (mm/heap.h): nothing, unless it has its own. */
__weak void heap_init(void)
{
}

__weak void heap_report(void)
{
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

/* A tail call: kmalloc_caller() takes heap_lock itself. */
void *__kmalloc(size_t size)
{
	return kmalloc_caller(size, CALLER);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc_caller(size, CALLER);

	if (p)
		memset(p, 0, size);
	return p;
}

size_t ksize(const void *p)
{
	spin_guard(&heap_lock);
	return p ? heap_block_size(p, NULL, 0) : 0;
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
		old = heap_block_size(p, &heap_krealloc, caller);
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
	q = kmalloc_caller(new_size, caller);
	if (q && p) {
		memcpy(q, p, old);
		kfree(p);
	}
	return q;
}
