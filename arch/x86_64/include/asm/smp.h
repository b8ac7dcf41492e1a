/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86_64 side of SMP (arch/x86_64/kernel/smpboot.c): each CPU's local
 * APIC ID, which IPIs are addressed by, and the C entry of an AP.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <kernel/compiler.h>
#include <kernel/smp.h>
#include <kernel/types.h>

/* Indexed by CPU number; the boot CPU is 0. */
extern u32 cpu_apic_id[NR_CPUS];

/* Where the trampoline (trampoline_64.asm) lands each AP, on its idle stack. */
__noreturn void start_secondary(unsigned int cpu);

#endif
