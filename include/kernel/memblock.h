/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The early physical memory map (mm/memblock.c): which physical memory is
 * RAM, which of it is taken (the kernel image, the boot loader's data,
 * the first MiB), and early allocations before the frame allocator runs.
 *
 * All ranges are page-aligned half-open intervals [start, end): usable
 * memory is shrunk to whole pages, reservations are grown to them.
 */
#ifndef _KERNEL_MEMBLOCK_H
#define _KERNEL_MEMBLOCK_H

#include <kernel/types.h>

#define MEMBLOCK_MAX_RANGES 64

struct mem_range {
	phys_addr_t start, end;
};

struct memblock {
	struct mem_range usable[MEMBLOCK_MAX_RANGES];
	size_t nr_usable;
	struct mem_range reserved[MEMBLOCK_MAX_RANGES];
	size_t nr_reserved;
	phys_addr_t alloc_limit; /* memblock_alloc() stays below this */
};

/* The kernel's map, filled by mm_init() from the boot loader's. */
extern struct memblock memblock;

void memblock_clear(struct memblock *mb, phys_addr_t alloc_limit);
/* Both return 0, or -ENOMEM when the range table is full. */
int memblock_add(struct memblock *mb, phys_addr_t start, phys_addr_t end);
int memblock_reserve(struct memblock *mb, phys_addr_t start, phys_addr_t end);

/*
 * Take @size bytes aligned to @align (a power of two, at least a page)
 * from the highest free memory below the allocation limit, and reserve
 * them.  Returns the physical address, or 0 when nothing fits.
 */
phys_addr_t memblock_alloc(struct memblock *mb, size_t size, size_t align);

/* Call @fn on every free range (usable and not reserved), in address order. */
void memblock_for_each_free(const struct memblock *mb,
			    void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg);

/*
 * Whether the whole pages of [start, end) are all free: usable, and not
 * reserved (a range of no whole page is).
 */
bool memblock_is_free(const struct memblock *mb, phys_addr_t start, phys_addr_t end);

struct boot_info;
/*
 * Add the available memory of the boot loader's map to @mb; what the map
 * also gives another type, where regions overlap, is reserved.  Returns
 * 0, or -ENOMEM when a table was full (some memory is then left unused,
 * or, worse, some reserved memory is not protected: both are warned of).
 */
int memblock_add_boot_map(struct memblock *mb, const struct boot_info *bi);

/*
 * Whether boot module @i of @bi may go back to the frame allocator once
 * read (fs/initramfs.c), asked of @mb with the first MiB and the kernel
 * image reserved but not yet the information block: its pages, its last
 * one included, are free memory, and no whole page of it is the
 * information block's or another module's (a last page they share,
 * freeable_end() keeps).  A loader that put a module over memory in use,
 * or outside memory, gets it read but not freed, where Linux disables
 * such an initrd.
 */
bool memblock_module_freeable(const struct memblock *mb, const struct boot_info *bi, size_t i);

u64 memblock_free_bytes(const struct memblock *mb);
/* One past the highest usable address. */
phys_addr_t memblock_end(const struct memblock *mb);

#endif
