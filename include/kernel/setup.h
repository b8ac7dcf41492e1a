/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The steps of start_kernel() that each part of the kernel provides.
 */
#ifndef _KERNEL_SETUP_H
#define _KERNEL_SETUP_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/* From the boot code: the boot loader's information, physical address. */
__noreturn void start_kernel(phys_addr_t boot_info_phys);

/*
 * Architecture setup that must come first: drop the boot identity map and
 * read the boot loader's information into boot_info.
 */
void setup_arch(phys_addr_t boot_info_phys);

/* Print what setup_arch() found (boot loader, memory). */
void print_boot_info(void);

/* Set up the interrupt controller, every line masked (the architecture's). */
void init_IRQ(void);

/* The kernel's name and version line, from kernel/version.c. */
extern const char kernel_banner[];

#endif
