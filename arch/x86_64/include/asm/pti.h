/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page table isolation (CONFIG_PAGE_TABLE_ISOLATION, arch/x86_64/mm/pti.c):
 * user mode runs on page tables that map the user's half and, of the
 * kernel, only what entering and leaving it needs.
 *
 * Every PML4 is then 8 KiB, two pages from one order-1 block: the kernel
 * tables in the first, the user tables in the second, as Linux lays them
 * out.  The entry code switches between them by flipping bit 12 of CR3
 * (PTI_USER_PGTABLE_MASK), with no memory access and no free register
 * beyond one scratch.  The user tables' lower half holds the same
 * entries as the kernel tables' (so both lead to the same page tables
 * below the PML4, and a user page mapped once shows in both); their
 * upper half holds only the entries pti_init() built.
 */
#ifndef _ASM_PTI_H
#define _ASM_PTI_H

#define PTI_USER_PGTABLE_BIT  12
#define PTI_USER_PGTABLE_MASK (1UL << PTI_USER_PGTABLE_BIT)

#ifndef __ASSEMBLY__
#include <asm/pgtable.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * Data the CPU or the entry code touches while the user tables are live
 * (the GDT, the TSS, the IDT, the per-CPU area, the entry stack): placed
 * in pages of their own (kernel.ld.S), which the user tables map.  Only
 * zero-initialised variables, as the section is part of .bss.
 */
#ifdef CONFIG_PAGE_TABLE_ISOLATION
#define __entry_bss __section(".bss..entry")
#else
#define __entry_bss
#endif

/* The user tables of the PML4 @pgd. */
static inline u64 *pti_user_pgd(u64 *pgd)
{
	return pgd + PTRS_PER_TABLE;
}

/*
 * Build the kernel half of every user PML4, and give @kernel_pgd (the
 * kernel's own, 8 KiB) its user tables; paging_init() calls it.
 */
void pti_init(u64 *kernel_pgd);

/*
 * Map the kernel range [@start, @end) into the user tables' kernel half
 * too: an AP's IST stacks, made as it comes up.  A user PML4 copies the
 * template's kernel entries when it is made, so only the ones made after
 * a call that needed a new PML4 entry see the range: call it before
 * user mode starts.
 */
void pti_map_kernel(unsigned long start, unsigned long end);

/* Fill the user tables of a new address space's @pgd (pgd_alloc()). */
void pti_clone_user_pgd(u64 *pgd);

/*
 * Copy the kernel tables' PML4 entry for the user address @virt into the
 * user tables, after a walk for a user page made or changed it.
 */
static inline void pti_sync_user_pml4e(u64 *pgd, unsigned long virt)
{
	unsigned int i = PML4_INDEX(virt);

	if (IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION) && i < KERNEL_PML4_FIRST)
		pti_user_pgd(pgd)[i] = pgd[i];
}

/*
 * Whether @virt is mapped in the user tables of @pgd (for the tests):
 * what a Meltdown-style read from ring 3 could reach.
 */
bool pti_user_maps(u64 *pgd, unsigned long virt);

#endif /* __ASSEMBLY__ */
#endif
