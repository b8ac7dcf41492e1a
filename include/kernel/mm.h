/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory management start-up (mm/init.c, arch/x86_64/mm/init.c).
 */
#ifndef _KERNEL_MM_H
#define _KERNEL_MM_H

/* Frame allocator and page tables from the boot memory map; called by start_kernel(). */
void mm_init(void);
/* The kernel's own page tables, W^X, with the direct map (arch code). */
void paging_init(void);

#endif
