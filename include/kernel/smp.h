/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which CPU the caller runs on, and how many there can be.
 *
 * Code that keeps state per CPU (the MCS lock's queue nodes, lock
 * debugging's owner CPU, the per-CPU variables of <asm/percpu.h>) indexes
 * it with smp_processor_id().  The caller must not migrate meanwhile:
 * preemption or interrupts off, as in Linux.  Without CONFIG_SMP the
 * answer is the constant 0, and NR_CPUS is 1, so a uniprocessor kernel
 * pays nothing for the question.
 */
#ifndef _KERNEL_SMP_H
#define _KERNEL_SMP_H

#include <asm/percpu.h>
#include <kernel/kconfig.h>

#ifdef CONFIG_NR_CPUS
#define NR_CPUS CONFIG_NR_CPUS
#else
#define NR_CPUS 1
/*
 * CONFIG_SMP: start the other CPUs the firmware lists; from kernel_init(),
 * before the initcalls.  Each that does not come up is reported and left.
 */
void smp_init(void);

#endif

DECLARE_PER_CPU(unsigned int, cpu_number);

static inline unsigned int smp_processor_id(void)
{
	return IS_ENABLED(CONFIG_SMP) ? this_cpu_read(cpu_number) : 0;
}

/*
 * CONFIG_SMP: start the other CPUs the firmware lists; from kernel_init(),
 * before the initcalls.  Each that does not come up is reported and left.
 */
void smp_init(void);

#endif
