// SPDX-License-Identifier: GPL-2.0
/*
 * Page table isolation: the user tables' view of the kernel.
 *
 * Meltdown lets ring 3 read, through the cache, any page its page tables
 * map, _PAGE_USER or not: the permission check comes after the CPU has
 * already used the data speculatively.  The fix is to map less.  User
 * mode runs on a second PML4 (<asm/pti.h>) whose kernel half holds only
 * what the CPU and the entry code touch before CR3 is switched back to
 * the full tables:
 *
 *   - the entry and exit code, .entry.text (entry.asm, entry_64.asm);
 *   - the IDT, in the .bss..entry pages (__entry_bss);
 *   - each CPU's GDT, TSS, entry-code slots and entry stack, the first
 *     page of each CPU's per-CPU copy (its cpu_entry_area);
 *   - the IST stacks, which the CPU switches to itself for an NMI, a
 *     machine check or a double fault, whatever the CR3.
 *
 * They are mapped once, into page tables of their own under a template
 * PML4 that is never loaded; every user PML4 copies the template's upper
 * half, so all of them share those tables.  Their pages hold nothing
 * else (the linker script and stacks.c give each its own pages), so
 * nothing more of the kernel can leak.  What the kernel tables map is
 * unchanged.
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <asm/sections.h>
#include <asm/stacks.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/smp.h>
#include <kernel/string.h>

static u64 *pti_template;

static void pti_map(unsigned long start, unsigned long end, u64 flags)
{
	unsigned long v;
	int err;

	for (v = start & ~(PAGE_SIZE - 1); v < end; v += PAGE_SIZE) {
		err = map_page_in(pti_template, v, virt_to_phys((void *)v), flags);
		if (err)
			panic("pti: cannot map %#lx into the user page tables (error %d)", v, err);
	}
}

void pti_map_kernel(unsigned long start, unsigned long end)
{
	pti_map(start, end, PAGE_KERNEL);
}

void pti_clone_user_pgd(u64 *pgd)
{
	u64 *user = pti_user_pgd(pgd);

	memcpy(user, pgd, KERNEL_PML4_FIRST * sizeof(*user));
	memcpy(user + KERNEL_PML4_FIRST, pti_template + KERNEL_PML4_FIRST,
	       KERNEL_PML4_FIRST * sizeof(*user));
}

void pti_init(u64 *kernel_pgd)
{
	unsigned int i, cpu;

	pti_template = alloc_page();
	if (!pti_template)
		panic("pti: no memory for the user page tables");
	memset(pti_template, 0, PAGE_SIZE);
	pti_map((unsigned long)__entry_text_start, (unsigned long)__entry_text_end,
		PAGE_KERNEL_TEXT);
	pti_map((unsigned long)__entry_bss_start, (unsigned long)__entry_bss_end, PAGE_KERNEL);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned long area = (unsigned long)&per_cpu(cpu_entry_area, cpu);

		pti_map(area, area + sizeof(struct cpu_entry_area), PAGE_KERNEL);
	}
	/* kernel_stacks[0] is the boot stack, which only the kernel tables need. */
	for (i = 1; i < nr_kernel_stacks; i++)
		pti_map(kernel_stacks[i].bottom, kernel_stacks[i].top, PAGE_KERNEL);
	pti_clone_user_pgd(kernel_pgd);
	pr_info("pti: user page tables map %lu KiB of the kernel (entry code, descriptor "
		"tables, entry and IST stacks)\n",
		((unsigned long)(__entry_text_end - __entry_text_start) +
		 (unsigned long)(__entry_bss_end - __entry_bss_start) +
		 NR_CPUS * sizeof(struct cpu_entry_area) +
		 (nr_kernel_stacks - 1) * IST_STACK_SIZE) >>
			10);
}

bool pti_user_maps(u64 *pgd, unsigned long virt)
{
	phys_addr_t phys;
	u64 flags;

	return translate_in(pti_user_pgd(pgd), virt, &phys, &flags);
}
