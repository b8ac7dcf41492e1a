/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86_64 side of SMP (arch/x86_64/kernel/smpboot.c): each CPU's local
 * APIC ID, which IPIs are addressed by, and the C entry of an AP.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <asm/percpu.h>
#include <kernel/compiler.h>
#include <kernel/smp.h>
#include <kernel/types.h>

/* The IPIs' vectors, as Linux's: above every device's, below the spurious 0xff. */
#define REBOOT_VECTOR	     0xf8 /* smp_send_stop(): the CPU halts for good */
#define CALL_FUNCTION_VECTOR 0xfc
#define RESCHEDULE_VECTOR    0xfd

/* IPIs each CPU took (smp.c), for the tests and the shell. */
DECLARE_PER_CPU(unsigned long, ipi_call_count);
DECLARE_PER_CPU(unsigned long, ipi_resched_count);

/* Indexed by CPU number; the boot CPU is 0. */
extern u32 cpu_apic_id[NR_CPUS];

/* Where the trampoline (trampoline_64.asm) lands each AP, on its idle stack. */
__noreturn void start_secondary(unsigned int cpu);

#endif
