// SPDX-License-Identifier: GPL-2.0
/*
 * paging_init(): the kernel's own page tables, replacing the boot ones.
 *
 * The boot tables map the first GiB with 2 MiB pages, writable and
 * executable everywhere.  The new tables map:
 *
 *   - the kernel image page by page, W^X: .text read-only and executable,
 *     .rodata read-only, .data and .bss writable, neither of them
 *     executable; the stacks' guard pages not at all;
 *   - all of RAM at PAGE_OFFSET (the direct map), writable and never
 *     executable, with 2 MiB pages, except around the kernel image, where
 *     4 KiB pages keep the image's text and read-only data read-only in
 *     this second mapping too;
 *   - nothing in the lower half: NULL and every small address fault.
 *
 * With CONFIG_PAGE_TABLE_ISOLATION the PML4 is two pages, like every
 * address space's, and pti_init() gives it its user tables.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <asm/stacks.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/mm.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static unsigned long image_phys_start, image_phys_end;

/* The permissions of the kernel image page at @virt; 0 for a guard page. */
static u64 image_flags(unsigned long virt)
{
	if (stack_guarding(virt))
		return 0;
	if (virt < (unsigned long)_etext)
		return PAGE_KERNEL_TEXT;
	if (virt < (unsigned long)__start_data)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

static void map_or_die(int err)
{
	if (err == -ENOMEM)
		panic("paging_init: out of memory for page tables");
	if (err)
		panic("paging_init: cannot map the kernel (error %d)", err);
}

static void map_kernel_image(u64 *pml4)
{
	unsigned long v;
	u64 flags;

	for (v = (unsigned long)_text; v < (unsigned long)_end; v += PAGE_SIZE) {
		flags = image_flags(v);
		if (flags)
			map_or_die(map_page_in(pml4, v, virt_to_phys((void *)v), flags));
	}
}

/* The direct map's permissions for the physical page at @phys. */
static u64 direct_flags(phys_addr_t phys)
{
	unsigned long alias = phys + KERNEL_VMA;

	if (phys >= virt_to_phys(_text) && alias < (unsigned long)__start_data)
		return PAGE_KERNEL_RO; /* text and rodata: no writable alias */
	return PAGE_KERNEL;
}

static void map_direct(u64 *pml4, phys_addr_t end)
{
	phys_addr_t chunk, p;

	for (chunk = 0; chunk < end; chunk += LARGE_PAGE_SIZE) {
		unsigned long v = PAGE_OFFSET + chunk;

		if (chunk + LARGE_PAGE_SIZE <= image_phys_start || chunk >= image_phys_end) {
			map_or_die(map_large_page_in(pml4, v, chunk, PAGE_KERNEL));
			continue;
		}
		for (p = chunk; p < chunk + LARGE_PAGE_SIZE; p += PAGE_SIZE)
			map_or_die(map_page_in(pml4, PAGE_OFFSET + p, p, direct_flags(p)));
	}
}

phys_addr_t direct_map_end = 1UL << 30; /* what head32.asm maps */
u64 *kernel_pml4;

void paging_init(void)
{
	u64 *pml4 = alloc_pages(PGD_ORDER);
	phys_addr_t end = ALIGN(memblock_end(&memblock), (phys_addr_t)LARGE_PAGE_SIZE);

	if (!pml4)
		panic("paging_init: no memory for the page tables");
	memset(pml4, 0, PAGE_SIZE);
	image_phys_start = virt_to_phys(_text);
	image_phys_end = virt_to_phys(_end);

	map_kernel_image(pml4);
	map_direct(pml4, end);
	if (IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION))
		pti_init(pml4);
	pat_init();
	write_cr3(virt_to_phys(pml4));
	kernel_pml4 = pml4;
	direct_map_end = end;
	pr_info("paging: kernel W^X in 4 KiB pages, %llu MiB direct map at %#lx\n",
		(unsigned long long)(end >> 20), PAGE_OFFSET);
}
