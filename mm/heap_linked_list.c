// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_HEAP_LINKED_LIST: kmalloc() straight on the first-fit allocator
 * (mm/heap_first_fit.c).  Any size up to an arena, memory reused as soon
 * as it is freed, neighbours merged; every allocation walks the free list.
 */
#include "heap.h"

static void *linked_list_alloc(size_t size, unsigned long caller)
{
	spin_guard(&heap_lock);
	return size ? first_fit_alloc(size, kmalloc_align(size)) : NULL;
}

static void linked_list_free(const void *p, unsigned long caller)
{
	spin_guard(&heap_lock);

	first_fit_free((void *)p, caller);
}

static size_t linked_list_block_size(const void *p, const struct heap_call *call,
				     unsigned long caller)
{
	return first_fit_size(p, call, caller);
}

const struct heap_design heap_design = {
	.name = "linked-list",
	.caps = HEAP_KFREE_CHECKS_OBJECTS | HEAP_REUSES_EACH_BLOCK,
	.alloc = linked_list_alloc,
	.free = linked_list_free,
	.block_size = linked_list_block_size,
};
