/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address-space layout while the boot page tables are in use.
 *
 * head32.asm maps the first GiB of physical memory at KERNEL_VMA (and,
 * until start_kernel() removes it, at 0).  KERNEL_VMA itself comes from
 * arch/x86_64/Makefile, so C, NASM and the linker script share one value.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <kernel/types.h>

#define PAGE_SIZE		4096UL
#define BOOT_MAP_SIZE		(1UL << 30)	/* physical memory mapped at boot */

/* Only for physical addresses below BOOT_MAP_SIZE. */
static inline void *phys_to_virt(phys_addr_t phys)
{
	return (void *)(phys + KERNEL_VMA);
}

static inline phys_addr_t virt_to_phys(const void *virt)
{
	return (phys_addr_t)((uintptr_t)virt - KERNEL_VMA);
}

/* Boundaries of the kernel image, from the linker script. */
extern char _text[], _etext[], _erodata[], _end[];

#endif
