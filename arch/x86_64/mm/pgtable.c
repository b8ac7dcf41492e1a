// SPDX-License-Identifier: GPL-2.0
/*
 * Walking and editing the live 4-level page tables.
 *
 * head32.asm maps the kernel with 2 MiB pages, which is fast to set up but
 * too coarse for a guard page: a page of nothing between a stack and what
 * lies below it, so that running off the stack faults instead of silently
 * overwriting memory.  Unmapping one 4 KiB page inside a 2 MiB page first
 * replaces the large page with a page table of 512 small pages that map
 * the same memory with the same flags.  Until a frame allocator exists,
 * those page tables come from a small static pool.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>

#define SPLIT_POOL_SIZE	4

static u64 split_pool[SPLIT_POOL_SIZE][PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static unsigned int split_pool_used;

/* Page tables live in the boot mapping, so their physical addresses are reachable. */
static u64 *table_of(u64 entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

/* The PD entry for @virt, or NULL when no page directory covers it. */
static u64 *pd_entry(unsigned long virt)
{
	u64 *pml4 = phys_to_virt(read_cr3() & PTE_ADDR_MASK);
	u64 e = pml4[PML4_INDEX(virt)];
	u64 *pdpt;

	if (!(e & _PAGE_PRESENT))
		return NULL;
	pdpt = table_of(e);
	e = pdpt[PDPT_INDEX(virt)];
	if (!(e & _PAGE_PRESENT) || (e & _PAGE_PSE))
		return NULL;	/* the kernel maps no 1 GiB pages */
	return &table_of(e)[PD_INDEX(virt)];
}

bool pgtable_translate(unsigned long virt, phys_addr_t *phys, u64 *flags)
{
	u64 *pde = pd_entry(virt), e;

	if (!pde || !(*pde & _PAGE_PRESENT))
		return false;
	if (*pde & _PAGE_PSE) {
		*phys = (*pde & PTE_ADDR_MASK & ~0x1fffffULL) | (virt & 0x1fffff);
		*flags = *pde & ~PTE_ADDR_MASK;
		return true;
	}
	e = table_of(*pde)[PT_INDEX(virt)];
	if (!(e & _PAGE_PRESENT))
		return false;
	*phys = (e & PTE_ADDR_MASK) | (virt & 0xfff);
	*flags = e & ~PTE_ADDR_MASK;
	return true;
}

/* Replace the 2 MiB page at *@pde by a table of 512 4 KiB pages, same flags. */
static int split_large_page(u64 *pde)
{
	u64 flags = *pde & ~PTE_ADDR_MASK & ~_PAGE_PSE;
	u64 base = *pde & PTE_ADDR_MASK & ~0x1fffffULL;
	u64 *pt;
	int i;

	if (split_pool_used == SPLIT_POOL_SIZE)
		return -ENOMEM;
	pt = split_pool[split_pool_used++];
	for (i = 0; i < PTRS_PER_TABLE; i++)
		pt[i] = (base + (u64)i * PAGE_SIZE) | flags;
	*pde = virt_to_phys(pt) | (flags & ~_PAGE_NX) | _PAGE_PRESENT;
	write_cr3(read_cr3());	/* drop every cached translation of the large page */
	return 0;
}

int pgtable_unmap_page(unsigned long virt)
{
	u64 *pde = pd_entry(virt);
	int err;

	if (!pde || !(*pde & _PAGE_PRESENT))
		return -EINVAL;
	if (*pde & _PAGE_PSE) {
		err = split_large_page(pde);
		if (err)
			return err;
	}
	table_of(*pde)[PT_INDEX(virt)] = 0;
	invlpg(virt);
	return 0;
}
