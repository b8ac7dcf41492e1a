/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 4-level page tables (arch/x86_64/mm/pgtable.c).
 *
 * The kernel still runs on the page tables head32.asm built: the first GiB
 * of physical memory mapped at KERNEL_VMA with 2 MiB pages.  What this
 * file offers on top is what the interrupt code needs today: looking up a
 * translation, and unmapping single 4 KiB pages (the guard pages under the
 * stacks), which splits the 2 MiB page around them into 512 small ones.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <kernel/types.h>

#define _PAGE_PRESENT	(1ULL << 0)
#define _PAGE_RW	(1ULL << 1)
#define _PAGE_USER	(1ULL << 2)
#define _PAGE_ACCESSED	(1ULL << 5)
#define _PAGE_DIRTY	(1ULL << 6)
#define _PAGE_PSE	(1ULL << 7)	/* 2 MiB or 1 GiB page, in a PD or PDPT */
#define _PAGE_GLOBAL	(1ULL << 8)
#define _PAGE_NX	(1ULL << 63)

#define PTE_ADDR_MASK	0x000ffffffffff000ULL
#define PTRS_PER_TABLE	512

#define PML4_INDEX(va)	(((va) >> 39) & 511)
#define PDPT_INDEX(va)	(((va) >> 30) & 511)
#define PD_INDEX(va)	(((va) >> 21) & 511)
#define PT_INDEX(va)	(((va) >> 12) & 511)

/*
 * Where @virt is mapped: its physical address and the flags of the entry
 * that maps it (with _PAGE_PSE for a large page).  False if not mapped.
 */
bool pgtable_translate(unsigned long virt, phys_addr_t *phys, u64 *flags);

/*
 * Unmap the 4 KiB page at @virt (page aligned).  Returns 0, -EINVAL if it
 * is not mapped, or -ENOMEM if a large page would have to be split and no
 * page table is left for it.
 */
int pgtable_unmap_page(unsigned long virt);

#endif
