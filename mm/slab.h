/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's insides, shared by mm/slab.c, mm/slab_debug.c and
 * their tests.
 *
 * A slab is one block of 2^order pages from the frame allocator: this
 * header, then objects at a fixed stride (for objects of 512 bytes and
 * more the header is kept apart, so that it does not take an object's
 * place).  Every page of the block names
 * the slab as its owner (set_page_owner()), so kfree() finds the slab and
 * the cache from any object address.
 *
 * Each CPU's free list of a cache (its copy of the per-CPU
 * cache->cpu->freelist, see <kernel/slab.h>) holds the free objects of
 * one slab, that CPU's active one; allocating from it or freeing an
 * object of that slab back to it on that CPU is the fast path.  Other
 * slabs keep their free objects on slab->freelist and sit on one of
 * three lists: partial (some objects free), full (none) or empty (all
 * free).  An active slab is on no list
 * (@frozen); an object of it freed on another CPU goes on its
 * slab->freelist, under heap_lock, and back to the CPU's list when the
 * slab is filed again.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <kernel/list.h>
#include <kernel/slab.h>
#include <kernel/types.h>

struct heap_call;

struct slab {
	struct kmem_cache_cpu *cpu; /* the cache's per-CPU fast path, for kfree() */
	struct kmem_cache *cache;
	void *freelist;		  /* free objects: all of them, or, active, those freed elsewhere */
	unsigned int inuse;	  /* objects not on @freelist */
	bool frozen;		  /* a CPU's active slab, on no list */
	unsigned int quarantined; /* objects a detected bug took out of use */
	struct list_head list;	  /* on the cache's partial, full or empty list */
	char *objects;		  /* the first object's stride */
};

/* Per-object debug metadata, after the right redzone (with CONFIG_SLAB_DEBUG). */
struct slab_track {
	unsigned long alloc_caller; /* CONFIG_SLAB_DEBUG_TRACK */
	unsigned long free_caller;
	unsigned long state; /* SLAB_STATE_*: every debug check relies on it */
};

#define SLAB_STATE_ALLOCATED   0xa110ca7edUL
#define SLAB_STATE_FREE	       0xf7eedUL
#define SLAB_STATE_QUARANTINED 0xbadUL

/* Debug flags of a cache */
#define SLAB_POISON   0x1
#define SLAB_RED_ZONE 0x2
#define SLAB_CHECKS   0x4
#define SLAB_TRACK    0x8
#define SLAB_STATE    0x10 /* any debugging: a state word per object */

#define POISON_FREE	 0x6b /* a free object's bytes */
#define POISON_END	 0xa5 /* its last byte */
#define REDZONE_ACTIVE	 0xcc /* guard bytes of an allocated object */
#define REDZONE_INACTIVE 0xbb /* of a free one */
#define REDZONE_SIZE	 16

struct kmem_cache {
	/* The fast path touches these only. */
	struct kmem_cache_cpu *cpu; /* per-CPU: &kmalloc_cpu[i], or a slot of mm/slab.c's */
	unsigned int free_offset;   /* where a free object keeps the next pointer */
	unsigned int debug;	    /* SLAB_POISON ... */

	unsigned int size;	  /* stride: object, redzones, metadata */
	unsigned int object_size; /* what the user asked for */
	unsigned int offset;	  /* object start within the stride */
	unsigned int align;
	unsigned int order;   /* of each slab */
	unsigned int objects; /* per slab */
	bool off_slab;	      /* struct slab kept apart, not in the slab */
	void (*ctor)(void *);
	char name[24];
	struct list_head partial, full, empty;
	unsigned long nr_partial, nr_full, nr_empty;
	struct list_head caches; /* all caches, for slabinfo */
};

/* This CPU's fast path of @c; heap_lock held (or preemption off). */
static inline struct kmem_cache_cpu *this_cpu_slab(struct kmem_cache *c)
{
	return this_cpu_ptr(c->cpu);
}

extern struct list_head slab_caches;

/*
 * Calls of the slab design's alloc() and free() on each CPU: kmalloc()
 * and kfree() where the inline paths could not serve them, kzalloc(),
 * krealloc(), as SLUB_STATS's slow-path counts.  Per CPU, so that
 * counting takes no lock.
 */
DECLARE_PER_CPU(unsigned long, slab_slow_calls);

/*
 * For tests, with no CPU using the caches: every list, count and CPU's
 * free list as the design says; the problems found, each printed.
 */
unsigned long slab_check_lists(void);

/* Bugs the slab debugging options reported (and quarantined) so far. */
extern unsigned long slab_bugs;

static inline char *stride_of(const struct kmem_cache *c, const void *obj)
{
	return (char *)obj - c->offset;
}

static inline struct slab_track *track_of(const struct kmem_cache *c, const void *obj)
{
	return (struct slab_track *)(stride_of(c, obj) + c->size) - 1;
}

/* Counts for slabinfo and the tests */
struct slab_stats {
	unsigned long active_objs, total_objs, slabs, pages;
};
void kmem_cache_stats(struct kmem_cache *c, struct slab_stats *st);

/* Is @obj the start of an object of @slab? */
static inline bool is_object_start(const struct kmem_cache *c, const struct slab *slab,
				   const void *obj)
{
	long off = (const char *)obj - slab->objects - c->offset;

	return off >= 0 && off % c->size == 0 && off / c->size < c->objects;
}

/*
 * mm/slab_debug.c: the checks.  Each returns true when the object is
 * fine; otherwise it has reported the bug, counted it in slab_bugs and,
 * if the object was damaged, quarantined it: the caller must not touch
 * the object again.
 */
void slab_debug_init_object(struct kmem_cache *c, void *obj);
bool slab_debug_alloc(struct kmem_cache *c, struct slab *slab, void *obj, unsigned long caller);
bool slab_debug_free(struct kmem_cache *c, struct slab *slab, const void *obj,
		     const struct heap_call *call, unsigned long caller);
/*
 * Is @obj the start of an allocated object?  If not, and @call is not
 * NULL, the bad call is reported (unless the object is quarantined: it
 * was reported when it was found damaged).
 */
bool slab_debug_live(struct kmem_cache *c, struct slab *slab, const void *obj,
		     const struct heap_call *call, unsigned long caller);
/*
 * A bad pointer passed to @call: something no cache owns, the wrong
 * cache's object, the inside of an object.  Reported even without
 * debugging, since finding it costs nothing; a NULL @call (ksize())
 * reports nothing.
 */
void slab_debug_bad_pointer(struct kmem_cache *c, struct slab *slab, const void *obj,
			    const struct heap_call *call, const char *what, unsigned long caller);

#endif
