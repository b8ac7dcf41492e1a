/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's address space, and the user one below it.
 *
 *   0x0000000000010000  USER_MIN_ADDR: the lowest user address mapped
 *   0x00007ffffffff000  TASK_SIZE_MAX: the end of user space
 *
 *   0xffff888000000000  PAGE_OFFSET: the direct map, physical 0 and up
 *   0xffffc90000000000  VMAP_START: mappings made at run time, 4 KiB pages
 *                         + 0      the ioremap() window, 1 GiB
 *                         + 1 GiB  task stacks with their guard pages
 *                         + 2 GiB  the page-table tests' scratch pages
 *   0xffffffff80000000  KERNEL_VMA: the kernel image, linked here
 *
 * Each run-time area belongs to one file, which hands out its addresses.
 * map_page() refuses an address that is mapped already, so two owners
 * that map the same page are caught at the second map (an unmap_page() of
 * another's page is not).
 *
 * head32.asm maps the first GiB of physical memory at both PAGE_OFFSET
 * and KERNEL_VMA (and, until start_kernel() removes it, at 0).
 * paging_init() (arch/x86_64/mm/init.c) then replaces those tables: all
 * of RAM in the direct map, the kernel image page by page with W^X
 * permissions.  KERNEL_VMA comes from arch/x86_64/Makefile, so C, NASM and
 * the linker script share one value.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <kernel/types.h>

#define PAGE_SHIFT    12
#define PAGE_SIZE     (1UL << PAGE_SHIFT)
#define BOOT_MAP_SIZE (1UL << 30) /* physical memory mapped at boot */

/* The host program (ARCH=host) puts "physical memory" in an arena. */
#ifndef PAGE_OFFSET
#define PAGE_OFFSET 0xffff888000000000UL
#endif
#define VMAP_START 0xffffc90000000000UL /* as Linux's vmalloc area */

/*
 * User addresses are [0, TASK_SIZE_MAX): the lower canonical half but its
 * last page, as Linux.  Without that page no SYSCALL instruction can end
 * at the canonical boundary, whose return address (RCX) would be the
 * first non-canonical one.  Nothing is mapped below USER_MIN_ADDR
 * (Linux's default mmap_min_addr), so that a NULL pointer with an offset
 * faults in ring 3 and in the kernel alike.
 */
#define TASK_SIZE_MAX 0x00007ffffffff000UL
#define USER_MIN_ADDR 0x10000UL

#define IOREMAP_START	     VMAP_START /* arch/x86_64/mm/ioremap.c */
#define IOREMAP_SIZE	     (1UL << 30)
#define TASK_STACK_AREA	     (IOREMAP_START + IOREMAP_SIZE) /* arch/x86_64/kernel/stacks.c */
#define PGTABLE_TEST_SCRATCH (VMAP_START + (2UL << 30))	    /* arch/x86_64/mm/pgtable_test.c */

/*
 * Through the direct map: every physical address below memory's end after
 * paging_init(), below BOOT_MAP_SIZE before.
 */
static inline void *phys_to_virt(phys_addr_t phys)
{
	return (void *)(phys + PAGE_OFFSET);
}

/* For direct-map and kernel-image addresses alike. */
static inline phys_addr_t virt_to_phys(const void *virt)
{
	uintptr_t v = (uintptr_t)virt;

#ifdef KERNEL_VMA
	if (v >= KERNEL_VMA)
		return v - KERNEL_VMA;
#endif
	return v - PAGE_OFFSET;
}

/* Zero a page, as Linux's clear_page_64.S does: one rep stosq. */
static inline void clear_page(void *page)
{
	unsigned long count = PAGE_SIZE / 8;

	asm volatile("rep stosq" : "+D"(page), "+c"(count) : "a"(0UL) : "memory");
}

/* Copy a page, as Linux's copy_page_64.S does without ERMS: one rep movsq. */
static inline void copy_page(void *to, const void *from)
{
	unsigned long count = PAGE_SIZE / 8;

	asm volatile("rep movsq" : "+D"(to), "+S"(from), "+c"(count) : : "memory");
}

/* The kernel image's boundaries (_text ... _end) come with the page helpers. */
#include <asm/sections.h>

#endif
