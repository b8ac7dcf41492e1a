/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel heap.
 *
 * kmalloc() and friends are the same whatever heap design Kconfig chose
 * (CONFIG_HEAP_*; see Documentation/mm/heap.md).  The default, the slab
 * allocator (mm/slab.c), also offers object caches:
 *
 *	cache = kmem_cache_create("inode", sizeof(struct inode), 8, 0, inode_ctor);
 *	ip = kmem_cache_alloc(cache);
 *	kmem_cache_free(cache, ip);
 *
 * A constructor runs once per object, when its slab is made; an object
 * must be handed back in its constructed state.  Each cache takes one of
 * 32 per-CPU slots (mm/slab.c), two of them the heap's own: with all
 * taken, kmem_cache_create() says so and returns NULL.
 *
 * What every design promises whatever it is passed (mm/heap_hostile_test.c
 * checks each point on every design):
 *  - kmalloc(), kzalloc() and krealloc() return NULL for a size they cannot
 *    serve: 0, more than the design's largest block, sizes near SIZE_MAX.
 *    No size makes their arithmetic wrap.  A failed krealloc() leaves the
 *    old block as it was.
 *  - kfree() of anything but the start of a live allocation (memory the
 *    heap does not own, frames nobody allocated, the inside of a block,
 *    a block freed before) is reported, counted in heap_errors, and frees
 *    nothing.  So is kmem_cache_free() of another cache's object, and
 *    krealloc() of any of them, which returns NULL before it allocates or
 *    frees anything; ksize() of them is 0.
 *  - kmem_cache_destroy() of anything but a cache that kmem_cache_create()
 *    made and nobody destroyed (a second destroy, the heap's own caches)
 *    is reported, counted, and destroys nothing.
 *  - A bad call changes nothing else: no other allocation, no page owner,
 *    not the free page count, no memory outside the heap.
 * One exception, Linux's too: without CONFIG_SLAB_DEBUG the slab
 * allocator's fast path trusts a pointer into one of its slabs, so a
 * double free of a slab object, or a pointer inside one, is caught only
 * with the debug options.  heap_has(HEAP_KFREE_CHECKS_OBJECTS) says
 * whether it is.
 * krealloc() and ksize(), which have no fast path, still refuse a pointer
 * inside a slab object; only an object freed before takes debugging.
 */
#ifndef _KERNEL_SLAB_H
#define _KERNEL_SLAB_H

#include <asm/percpu.h>
#include <kernel/compiler.h>
#include <kernel/page_alloc.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

#define KMALLOC_MIN_SIZE       8
#define KMALLOC_MAX_CACHE_SIZE 4096 /* larger requests get whole pages */
#define KMALLOC_MIN_ALIGN      8
#define KMALLOC_SHIFT_LOW      3
#define KMALLOC_SHIFT_HIGH     12
#define NR_KMALLOC_CACHES      (KMALLOC_SHIFT_HIGH - KMALLOC_SHIFT_LOW + 1)

/*
 * @size bytes aligned to at least 8 (to their size for powers of two up to
 * a page); NULL for 0 bytes or when memory runs out.
 */
void *__kmalloc(size_t size);
/* Free what kmalloc() gave; NULL is fine, anything else is reported and ignored. */
void __kfree(const void *p);
/* Held by every heap entry point but the inline fast paths below. */
extern spinlock_t heap_lock;

/*
 * The slab allocator's inline fast paths.  Each heap design is reached
 * through one call (mm/heap.h); the slab allocator, the default, also has
 * these, inlined into every caller, which is why it and no other design
 * appears here.  Under another design they compile and fold away.
 *
 * The part of a cache the allocation fast path uses, a per-CPU variable
 * as SLUB's is: the free objects of the CPU's active slab.  Only that CPU
 * touches them without heap_lock, so a pop or a push needs no atomic
 * instruction; an object freed on another CPU goes back to its slab
 * under the lock (mm/slab.c).  The fast paths reach the running CPU's
 * copy through GS (raw_cpu_read(), <asm/percpu.h>), so an SMP kernel's
 * pays no CPU number and no index for it; the kmalloc caches' are one
 * per-CPU array, so that kmalloc() of a constant size inlines to a pop
 * from a fixed %gs-relative address.
 */
struct slab;
struct kmem_cache_cpu {
	void *freelist;
	struct slab *active;
	unsigned int free_offset; /* where a free object keeps the next pointer */
	/*
	 * Objects on @freelist, under SMP only: what another CPU's
	 * statistics read, since they cannot walk a list this CPU changes.
	 */
	unsigned int nr_free;
};
DECLARE_PER_CPU(struct kmem_cache_cpu, kmalloc_cpu[NR_KMALLOC_CACHES]);
#define SLAB_FAST_PATHS (IS_ENABLED(CONFIG_HEAP_SLAB) && !IS_ENABLED(CONFIG_SLAB_DEBUG))

/* 8 -> 0, 9..16 -> 1, ... 4096 -> 9 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	return (8 * sizeof(long) - __builtin_clzl((size - 1) | 7)) - KMALLOC_SHIFT_LOW;
}

/* __kmalloc(), but never a tail call, for the reason kfree() gives below. */
static __always_inline void *kmalloc_slow(size_t size)
{
	void *p = __kmalloc(size);

	barrier();
	return p;
}

static __always_inline void *kmalloc(size_t size)
{
	if (SLAB_FAST_PATHS && __builtin_constant_p(size) && size &&
	    size <= KMALLOC_MAX_CACHE_SIZE) {
		preempt_guard();
		struct kmem_cache_cpu *c = &kmalloc_cpu[kmalloc_index(size)];
		void *obj = raw_cpu_read(c->freelist);

		if (likely(obj)) {
			/* no debugging: the free pointer is the first word */
			raw_cpu_write(c->freelist, *(void **)obj);
			if (IS_ENABLED(CONFIG_SMP))
				raw_cpu_dec(c->nr_free);
			return obj;
		}
	}
	return kmalloc_slow(size);
}

/*
 * The inline fast paths touch only this CPU's kmem_cache_cpu, as SLUB's
 * per-CPU free lists are: preemption off is its protection (no migration
 * between two of its accesses), and the slow paths, which also change
 * it, change only their own CPU's, under heap_lock, which turns
 * preemption off too.  No interrupt handler may use the heap (heap_lock
 * is not taken with interrupts off).  The slabs' lists
 * and counts are heap_lock's alone.
 *
 * A slab starts with a pointer to its cache's kmem_cache_cpu (the
 * per-CPU template's address, which GS turns into this CPU's copy), and
 * every page of it names the slab as its owner (mm/slab.h).  Freeing an
 * object of this CPU's active slab is a push onto its free list, inlined;
 * the rest is __kfree().  Owners below OWNER_MIN_SLAB are not slabs: none, or the
 * order of a kmalloc() of whole pages.
 */
#define OWNER_MIN_SLAB 64UL

static __always_inline void kfree(const void *p)
{
	if (SLAB_FAST_PATHS) {
		struct kmem_cache_cpu **slab = page_owner(p);

		if (likely((unsigned long)slab >= OWNER_MIN_SLAB)) {
			preempt_guard();
			struct kmem_cache_cpu *cpu = *slab;

			if (likely(raw_cpu_read(cpu->active) == (struct slab *)slab)) {
				*(void **)((char *)p + raw_cpu_read(cpu->free_offset)) =
					raw_cpu_read(cpu->freelist);
				raw_cpu_write(cpu->freelist, (void *)p);
				if (IS_ENABLED(CONFIG_SMP))
					raw_cpu_inc(cpu->nr_free);
				return;
			}
		}
	}
	__kfree(p);
	/*
	 * No tail call: __kfree() names its return address as the caller
	 * in its reports, which a jump from the end of a function would
	 * make that function's caller.
	 */
	barrier();
}

/* Bad pointers passed to the heap and reported so far, by every design. */
extern unsigned long heap_errors;

/* The same, zeroed. */
void *kzalloc(size_t size);
/*
 * Resize @p to @new_size, moving it if needed; the contents up to the
 * smaller size are kept.  krealloc(NULL, n) is kmalloc(n); a failure
 * returns NULL and leaves @p as it was.  A @p that kfree() would refuse
 * is reported as kfree() reports it, and NULL returned.
 */
void *krealloc(void *p, size_t new_size);
/*
 * How many bytes @p really has (at least what was asked for); 0 for
 * anything but the start of a live allocation.
 */
size_t ksize(const void *p);

/* Set up the heap; called by mm_init(). */
void heap_init(void);
/* What the heap prints at the end of boot, if asked ("slabinfo"). */
void heap_report(void);
/* The heap design, for messages: "slab", "bump", ... */
const char *heap_name(void);

/*
 * What a heap design may promise beyond what every design keeps (above).
 * Code and tests that depend on one ask heap_has(), never which design
 * runs.
 */
/* kfree() of a pointer inside a block, or of a block freed before, is reported. */
#define HEAP_KFREE_CHECKS_OBJECTS (1U << 0)
/* A freed block can be handed out again while other blocks live. */
#define HEAP_REUSES_EACH_BLOCK	  (1U << 1)
/* Whether the heap design makes every promise in @caps. */
bool heap_has(unsigned int caps);
/*
 * Blocks in use now, for a test that checks that some work leaves nothing
 * behind; always 0 under a design that does not count them.
 */
unsigned long heap_in_use(void);

/*
 * Object caches: the slab allocator's alone.  Under another heap design
 * the declarations carry a compile-time error, so that a call that is not
 * inside "if (IS_ENABLED(CONFIG_HEAP_SLAB))" fails the build where it is
 * written, not at the link.  An attribute is the one thing IS_ENABLED()
 * cannot choose, hence the #ifdef.
 */
struct kmem_cache;

#ifdef CONFIG_HEAP_SLAB
#define __slab_only
#else
#define __slab_only __compiletime_error("kmem_cache_* and slabinfo() need CONFIG_HEAP_SLAB")
#endif

__slab_only struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
						 unsigned long flags, void (*ctor)(void *));
/* Frees every slab; the objects must all have been freed. */
__slab_only void kmem_cache_destroy(struct kmem_cache *cache);
__slab_only void *kmem_cache_alloc(struct kmem_cache *cache);
__slab_only void kmem_cache_free(struct kmem_cache *cache, void *obj);
/* Print one line per cache, like /proc/slabinfo. */
__slab_only void slabinfo(void);
/* Objects in use, summed over every cache: what a leak test compares. */
__slab_only unsigned long slab_active_objects(void);

/* One cache's counts, as slabinfo shows them. */
struct slab_info {
	char name[24];
	unsigned int object_size, order;
	unsigned long active_objs, total_objs, slabs, pages;
};

/*
 * Copy the counts of the first @max caches, in creation order, into
 * @info, all at one instant.  Returns how many caches there are, which
 * may be more than @max.
 */
__slab_only unsigned int slab_snapshot(struct slab_info *info, unsigned int max);

#endif
