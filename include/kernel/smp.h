/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which CPU the caller runs on, and how many there can be.
 *
 * Kestrel runs on one CPU today.  Code that will keep state per CPU
 * (the MCS lock's queue nodes, lock debugging's owner CPU) indexes it
 * with smp_processor_id() from now on, so that SMP changes this header
 * and nothing in its users.  The caller must not migrate meanwhile:
 * preemption or interrupts off, as in Linux.
 */
#ifndef _KERNEL_SMP_H
#define _KERNEL_SMP_H

#define NR_CPUS 1

static inline unsigned int smp_processor_id(void)
{
	return 0;
}

#endif
