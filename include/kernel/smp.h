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

#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <kernel/errno.h>
#include <kernel/kconfig.h>

#ifdef CONFIG_NR_CPUS
#define NR_CPUS CONFIG_NR_CPUS
#else
#define NR_CPUS 1
#endif

DECLARE_PER_CPU(unsigned int, cpu_number);

static inline unsigned int smp_processor_id(void)
{
	unsigned int cpu = IS_ENABLED(CONFIG_SMP) ? this_cpu_read(cpu_number) : 0;

	/* Said so that the compiler drops range checks: cpumask_test_cpu()'s. */
	if (cpu >= NR_CPUS)
		__builtin_unreachable();
	return cpu;
}

typedef void (*smp_call_func_t)(void *info);

/*
 * CONFIG_SMP (arch/x86_64/kernel/smp.c): run @func(@info) on CPU @cpu,
 * with interrupts off there, and wait until it has run.  0; -EINVAL (no
 * @func) or -ENXIO (no such CPU, or not online), and nothing is run.  The
 * caller must hold no lock another CPU may wait for with interrupts off.
 */
int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info);
/* The same on every online CPU, this one included, with interrupts off here too. */
int smp_on_each_cpu(smp_call_func_t func, void *info);
/* Make CPU @cpu look at need_resched(): it set it already. */
void smp_send_reschedule(unsigned int cpu);
/* Take the IPIs: the boot CPU, before it starts the others. */
void smp_ipi_init(void);
/*
 * CONFIG_SMP: stop every other online CPU for good (panic(), reboot(2)),
 * as Linux's smp_send_stop(): each disables interrupts, leaves
 * cpu_online_mask and halts.  Waits up to a second for them to go: a CPU
 * spinning with interrupts off cannot take the IPI.
 */
void smp_send_stop(void);
/* CONFIG_SMP: the same for the calling CPU, from any context. */
__noreturn void smp_stop_self(void);

/* smp_on_each_cpu(), or without CONFIG_SMP @func here with interrupts off. */
static inline int on_each_cpu(smp_call_func_t func, void *info)
{
	unsigned long flags;

	if (IS_ENABLED(CONFIG_SMP))
		return smp_on_each_cpu(func, info);
	if (!func)
		return -EINVAL;
	flags = local_irq_save();
	func(info);
	local_irq_restore(flags);
	return 0;
}

/*
 * CONFIG_SMP: start the other CPUs the firmware lists; from kernel_init(),
 * before the initcalls.  Each that does not come up is reported and left.
 */
void smp_init(void);

#endif
