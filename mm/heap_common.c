// SPDX-License-Identifier: GPL-2.0
/*
 * What every heap design shares on top of its own kmalloc_caller(),
 * __kfree() and ksize(): the out-of-line __kmalloc(), kzalloc() and
 * krealloc(), and the report of a bad kfree().  Each passes on who called
 * it, which the slab allocator's CONFIG_SLAB_DEBUG_TRACK records.
 *
 * heap_lock guards every design's state: each entry point (these, each
 * design's __kfree() and ksize(), the slab's kmem_cache_*()) holds it from
 * start to return, and the code inside calls only unlocked internals.  No
 * interrupt handler allocates, so spin_lock() (preemption off) is enough.
 * The slab's inline fast paths (<kernel/slab.h>) touch only per-CPU data,
 * under preemption off.
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

void heap_bad_free(const void *p, const char *why, unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	heap_errors++;
	sprint_symbol(sym, sizeof(sym), caller);
	pr_err("kfree(0x%lx): %s; not freed (called from %s)\n", (unsigned long)p, why, sym);
}

void *__kmalloc(size_t size)
{
	spin_guard(&heap_lock);
	return kmalloc_caller(size, CALLER);
}

void *kzalloc(size_t size)
{
	spin_guard(&heap_lock);
	void *p = kmalloc_caller(size, CALLER);

	if (p)
		memset(p, 0, size);
	return p;
}

/* Built from the locked entry points: the caller owns @p throughout. */
void *krealloc(void *p, size_t new_size)
{
	size_t old = ksize(p);
	void *q;

	if (!new_size) {
		kfree(p);
		return NULL;
	}
	if (p && old >= new_size)
		return p;
	spin_lock(&heap_lock);
	q = kmalloc_caller(new_size, CALLER);
	spin_unlock(&heap_lock);
	if (q && p) {
		memcpy(q, p, min(old, new_size));
		kfree(p);
	}
	return q;
}
