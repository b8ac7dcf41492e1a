/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of CPUs, as Linux's cpumask: which CPUs exist (possible), which
 * are up (online).  NR_CPUS is at most 64 (arch/x86_64/Kconfig), so a set
 * is one word, changed with atomic bit operations: a CPU coming up sets
 * its own bit while the boot CPU reads the mask.
 */
#ifndef _KERNEL_CPUMASK_H
#define _KERNEL_CPUMASK_H

#include <kernel/compiler.h>
#include <kernel/smp.h>
#include <kernel/types.h>

BUILD_BUG_ON(NR_CPUS > 64);

struct cpumask {
	unsigned long bits;
};

extern struct cpumask cpu_online_mask;
extern struct cpumask cpu_possible_mask;

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_or(&mask->bits, 1UL << cpu, __ATOMIC_RELEASE);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_and(&mask->bits, ~(1UL << cpu), __ATOMIC_RELEASE);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *mask)
{
	return cpu < NR_CPUS && (__atomic_load_n(&mask->bits, __ATOMIC_ACQUIRE) >> cpu) & 1;
}

/* By hand: __builtin_popcountl() calls libgcc, which a freestanding kernel lacks. */
static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	unsigned long bits = __atomic_load_n(&mask->bits, __ATOMIC_ACQUIRE);
	unsigned int n = 0;

	for (; bits; bits &= bits - 1)
		n++;
	return n;
}

#define cpu_online(cpu)	    cpumask_test_cpu(cpu, &cpu_online_mask)
#define num_online_cpus()   cpumask_weight(&cpu_online_mask)
#define num_possible_cpus() cpumask_weight(&cpu_possible_mask)

/* The empty branch keeps an else in the body the body's own. */
#define for_each_cpu(cpu, mask)                     \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)   \
		if (!cpumask_test_cpu(cpu, mask)) { \
		} else
#define for_each_online_cpu(cpu)   for_each_cpu (cpu, &cpu_online_mask)
#define for_each_possible_cpu(cpu) for_each_cpu (cpu, &cpu_possible_mask)

#endif
