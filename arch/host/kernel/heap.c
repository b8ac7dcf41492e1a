// SPDX-License-Identifier: GPL-2.0
/*
 * The host program starts the kernel heap as mm_init() does, right after
 * the frame allocator (mm.c, constructor 101) and before main().
 */
#include <kernel/slab.h>

__attribute__((constructor(102))) static void host_heap_init(void)
{
	heap_init();
}
