/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included first in every file of the host program: "physical memory" is
 * an arena the program allocates (arch/host/kernel/mm.c), and the direct
 * map is that arena, so phys_to_virt()/virt_to_phys() keep their kernel
 * meaning.
 */
#ifndef _HOST_MM_H
#define _HOST_MM_H

extern unsigned char *host_phys_base;
#define PAGE_OFFSET	((unsigned long)host_phys_base)
#define HOST_ARENA_SIZE (64UL << 20)

#endif
