// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces for user mode: a PML4 per address space, with the
 * kernel's half copied in and the user's half its own.
 *
 * Every address space maps the kernel, so that a system call, an
 * interrupt or an exception taken in ring 3 finds the kernel's code,
 * data and stacks without a change of CR3.  Ring 3 cannot reach them:
 * no kernel page has _PAGE_USER (map_page_in() refuses it above the
 * canonical hole).  The lower half is the user's, made by map_page_in()
 * on the pgd with _PAGE_USER, which makes the tables above it
 * user-accessible.
 *
 * With CONFIG_PAGE_TABLE_ISOLATION a PML4 is two pages, and the second
 * holds the tables user mode runs on (<asm/pti.h>): their lower half
 * follows the first page's as user pages are mapped
 * (pti_sync_user_pml4e() in pgtable.c), their upper half maps only the
 * entry code and data (pti.c).
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <kernel/page_alloc.h>
#include <kernel/string.h>

u64 *pgd_alloc(void)
{
	u64 *pgd = alloc_pages(PGD_ORDER);

	if (!pgd)
		return NULL;
	memset(pgd, 0, KERNEL_PML4_FIRST * sizeof(*pgd));
	memcpy(pgd + KERNEL_PML4_FIRST, kernel_pml4 + KERNEL_PML4_FIRST,
	       KERNEL_PML4_FIRST * sizeof(*pgd));
	if (IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION))
		pti_clone_user_pgd(pgd);
	return pgd;
}

/* Free the tables below @table at @level (3: a PDPT, 2: a PD, 1: a PT), then @table. */
static void free_table(u64 *table, int level)
{
	int i;

	for (i = 0; level > 1 && i < PTRS_PER_TABLE; i++)
		if ((table[i] & _PAGE_PRESENT) && !(table[i] & _PAGE_PSE))
			free_table(phys_to_virt(table[i] & PTE_ADDR_MASK), level - 1);
	free_page(table);
}

void pgd_free(u64 *pgd)
{
	int i;

	if (!pgd)
		return;
	for (i = 0; i < KERNEL_PML4_FIRST; i++)
		if (pgd[i] & _PAGE_PRESENT)
			free_table(phys_to_virt(pgd[i] & PTE_ADDR_MASK), 3);
	free_pages(pgd, PGD_ORDER);
}
