// SPDX-License-Identifier: GPL-2.0
/*
 * The page provider of the host program's mm/: a 64 MiB arena, aligned to
 * the largest block the frame allocator hands out so that alignment of a
 * "physical" address and of its pointer are the same, set up as the
 * kernel's mm_init() would (the first MiB reserved) before main() runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>

unsigned char *host_phys_base;

__attribute__((constructor(101))) static void host_mm_init(void)
{
	void *arena;

	if (posix_memalign(&arena, 4UL << 20, HOST_ARENA_SIZE)) {
		fprintf(stderr, "host_mm: cannot allocate the arena\n");
		exit(2);
	}
	host_phys_base = arena;
	memblock_clear(&memblock, HOST_ARENA_SIZE);
	memblock_add(&memblock, 0, HOST_ARENA_SIZE);
	memblock_reserve(&memblock, 0, 1UL << 20);
	if (page_alloc_init(&memblock, HOST_ARENA_SIZE)) {
		fprintf(stderr, "host_mm: page_alloc_init failed\n");
		exit(2);
	}
}
