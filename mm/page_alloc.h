/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What mm/page_alloc.c, the part both frame allocators share, needs from
 * the one the configuration chose.
 */
#ifndef _MM_PAGE_ALLOC_H
#define _MM_PAGE_ALLOC_H

#include <kernel/memblock.h>
#include <kernel/types.h>

/* Set up tables for page frames [@first_pfn, @end_pfn), all of them in use. */
int frame_alloc_setup(struct memblock *mb, unsigned long first_pfn, unsigned long end_pfn);
/* Mark [@start_pfn, @end_pfn) free. */
void frame_alloc_add_free(unsigned long start_pfn, unsigned long end_pfn);

unsigned long frame_alloc(unsigned int order); /* a pfn, or 0 for none */
/* Returns 0, or -EINVAL if the block is not one that is allocated. */
int frame_free(unsigned long pfn, unsigned int order);

/* Buddy design only: free blocks of @order now (for its tests). */
unsigned long buddy_free_blocks(unsigned int order);

#endif
