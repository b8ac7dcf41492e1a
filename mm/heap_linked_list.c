// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_HEAP_LINKED_LIST: kmalloc() straight on the first-fit allocator
 * (mm/heap_first_fit.c).  Any size up to an arena, memory reused as soon
 * as it is freed, neighbours merged; every allocation walks the free list.
 */
#include "heap.h"

const char heap_name[] = "linked-list";

void *kmalloc_caller(size_t size, unsigned long caller)
{
	spin_guard(&heap_lock);
	return size ? first_fit_alloc(size, kmalloc_align(size)) : NULL;
}

void __kfree(const void *p)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	spin_guard(&heap_lock);

	if (p)
		first_fit_free((void *)p, caller);
}

size_t heap_block_size(const void *p, const struct heap_call *call, unsigned long caller)
{
	return first_fit_size(p, call, caller);
}
