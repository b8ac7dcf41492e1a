/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between the heap core (mm/heap_common.c) and its designs
 * (CONFIG_HEAP_*), in the shape every "one of several designs" choice
 * takes (Documentation/kbuild/designs.md).  Each design is one file (two
 * for those built on first fit), linked in by obj-$(CONFIG_HEAP_...) in
 * mm/Makefile, that defines heap_design; the core calls nothing else of
 * it and has no #ifdef.  On top of it, mm/heap_common.c builds
 * __kmalloc(), __kfree(), kzalloc(), krealloc(), ksize() and the one-line
 * report of a bad pointer.  The promises every design keeps for bad calls
 * are at the top of <kernel/slab.h>; what a design promises beyond them it
 * declares in caps.
 *
 * Also here: for the designs other than the slab allocator, arenas of
 * pages from the frame allocator, the alignment kmalloc() promises, and
 * the first-fit allocator (mm/heap_first_fit.c) that the linked-list
 * design is and the fixed-block design falls back on.
 */
#ifndef _MM_HEAP_H
#define _MM_HEAP_H

#include <asm/page.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/types.h>

#define HEAP_ARENA_ORDER 10 /* arenas of 4 MiB */
#define HEAP_ARENA_SIZE	 (PAGE_SIZE << HEAP_ARENA_ORDER)

/* kmalloc()'s promise: powers of two up to a page aligned to their size. */
static inline size_t kmalloc_align(size_t size)
{
	if (size <= PAGE_SIZE && !(size & (size - 1)) && size > KMALLOC_MIN_ALIGN)
		return size;
	return KMALLOC_MIN_ALIGN;
}

/*
 * The entry point a bad pointer was passed to, in the words of its
 * report: the one-line report of heap_bad_pointer(), and the SLUB-style
 * reports of slab debugging (mm/slab_debug.c).
 */
struct heap_call {
	const char *name;	  /* "kfree" */
	const char *undone;	  /* "not freed": what the one-line report says it did */
	const char *invalid;	  /* SLUB's title for a bad pointer: "Invalid free" */
	const char *already_free; /* SLUB's title for a free object */
};
extern const struct heap_call heap_kfree, heap_krealloc;

struct heap_design {
	const char *name; /* for messages: "slab", "bump", ... */
	/* What it promises beyond the contract: HEAP_* in <kernel/slab.h>. */
	unsigned int caps;
	/* At start-up, by mm_init(), before the first allocation; NULL if nothing. */
	void (*init)(void);
	/* At the end of boot (statistics, if asked for); NULL if nothing. */
	void (*report)(void);
	/*
	 * @size bytes aligned as kmalloc_align() says, or NULL: for 0, for
	 * what it cannot serve, when memory runs out.  @caller is who asked
	 * (for the slab allocator's tracking; the others ignore it).  Takes
	 * heap_lock itself, as free() does, so that __kmalloc() is a tail
	 * call to it.
	 */
	void *(*alloc)(size_t size, unsigned long caller);
	/* Free @p, not NULL, for @caller; or report it if it is no live block. */
	void (*free)(const void *p, unsigned long caller);
	/*
	 * The usable size of the live block that starts at @p, which is
	 * not NULL.  Anything else gives 0 and, unless @call is NULL
	 * (ksize()), is reported as a bad @call made from @caller and
	 * counted in heap_errors.  Called with heap_lock held.  It checks
	 * what free() checks, so that krealloc() refuses what kfree() would.
	 */
	size_t (*block_size)(const void *p, const struct heap_call *call, unsigned long caller);
	/*
	 * How many blocks are in use now, for the leak checks of the tests
	 * (heap_in_use()); NULL for a design that does not count them.
	 * Takes heap_lock itself.
	 */
	unsigned long (*in_use)(void);
};

extern const struct heap_design heap_design;

/*
 * What @d lacks to keep its side of this contract, for a message ("it
 * needs alloc(), free() and block_size()"); NULL if nothing.  heap_init()
 * panics with it.
 */
const char *heap_design_breach(const struct heap_design *d);

/*
 * Report a bad pointer passed to @call, one line, for the designs other
 * than the slab allocator (which reports in the SLUB format); counted in
 * heap_errors.  A NULL @call, block_size()'s for ksize(), reports
 * nothing.
 */
void heap_bad_pointer(const struct heap_call *call, const void *p, const char *why,
		      unsigned long caller);

/*
 * First fit over an address-ordered free list that coalesces.  NULL when
 * full, and for sizes above an arena or alignments above a page.
 */
void *first_fit_alloc(size_t size, size_t align);
/* Frees @p, or reports it if it is not the start of a live allocation. */
void first_fit_free(void *p, unsigned long caller);
/* block_size() of an allocation, or of anything else. */
size_t first_fit_size(const void *p, const struct heap_call *call, unsigned long caller);

#endif
