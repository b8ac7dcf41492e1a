/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between the heap core and its designs (CONFIG_HEAP_*).
 *
 * Each design is one file (two for those built on first fit) and provides:
 *
 *	void *kmalloc_caller(size_t size, unsigned long caller);
 *	void __kfree(const void *p);
 *	size_t heap_block_size(const void *p, const struct heap_call *call,
 *			       unsigned long caller);
 *	const char heap_name[];
 *
 * and may provide the hooks heap_init() (at start-up, by mm_init()) and
 * heap_report() (at the end of boot); mm/heap_common.c has do-nothing
 * defaults for both, marked __weak, so a design without them writes
 * nothing.  On top of these, mm/heap_common.c builds __kmalloc(),
 * kzalloc(), krealloc(), ksize() and the one-line report of a bad
 * pointer.  The promises every design keeps for bad calls are at the top
 * of <kernel/slab.h>.
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

/*
 * Each design's allocation, told who asked (for the slab allocator's
 * tracking; the others ignore it).  mm/heap_common.c builds __kmalloc(),
 * kzalloc() and krealloc() on it.  It takes heap_lock itself, as
 * __kfree() does, so that __kmalloc() is a tail call to it.
 */
void *kmalloc_caller(size_t size, unsigned long caller);

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

/*
 * The usable size of the live block that starts at @p, which is not NULL.
 * Anything else gives 0 and, unless @call is NULL (ksize()), is reported
 * as a bad @call made from @caller and counted in heap_errors.  Called
 * with heap_lock held.  Every design checks here what its kfree() checks,
 * so that krealloc() refuses what kfree() would.
 */
size_t heap_block_size(const void *p, const struct heap_call *call, unsigned long caller);

/*
 * Report a bad pointer passed to @call, one line, for the designs other
 * than the slab allocator (which reports in the SLUB format); counted in
 * heap_errors.  A NULL @call, heap_block_size()'s for ksize(), reports
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
/* heap_block_size() of an allocation, or of anything else. */
size_t first_fit_size(const void *p, const struct heap_call *call, unsigned long caller);

#endif
