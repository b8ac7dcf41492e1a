/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between mm/page_alloc.c, the part every frame allocator
 * shares, and the design Kconfig chose (CONFIG_FRAME_ALLOC_*), in the
 * shape every "one of several designs" choice takes
 * (Documentation/kbuild/designs.md).  Each design is one file, linked in
 * by obj-$(CONFIG_FRAME_ALLOC_...) in mm/Makefile, that defines
 * frame_allocator; the core calls nothing else of it.  A design deals in
 * page frame numbers only: the core checks every free's address, order
 * and range before the design sees it, and holds frame_lock around every
 * call.
 */
#ifndef _MM_PAGE_ALLOC_H
#define _MM_PAGE_ALLOC_H

#include <kernel/memblock.h>
#include <kernel/types.h>

struct frame_allocator {
	const char *name; /* for messages: "bitmap", "buddy" */
	/*
	 * Set up tables for page frames [@first_pfn, @end_pfn), all of them
	 * in use, taking their memory from @mb.  0 or -ENOMEM.
	 */
	int (*setup)(struct memblock *mb, unsigned long first_pfn, unsigned long end_pfn);
	/* Mark [@start_pfn, @end_pfn) free. */
	void (*add_free)(unsigned long start_pfn, unsigned long end_pfn);
	/* A free block of 2^@order pages, aligned to its size: its pfn, or 0 for none. */
	unsigned long (*alloc)(unsigned int order);
	/* Free the block at @pfn: 0, or -EINVAL if it is not an allocated block of @order. */
	int (*free)(unsigned long pfn, unsigned int order);
	/*
	 * How many free blocks of @order it keeps now, for the tests of a
	 * design that splits and merges blocks; NULL for one that keeps none.
	 */
	unsigned long (*free_blocks)(unsigned int order);
};

extern const struct frame_allocator frame_allocator;

/*
 * What @fa lacks to keep its side of this contract, for a message ("it
 * needs setup(), ..."); NULL if nothing.  page_alloc_init() panics with it.
 */
const char *frame_allocator_breach(const struct frame_allocator *fa);

#endif
