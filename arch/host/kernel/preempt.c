// SPDX-License-Identifier: GPL-2.0
/*
 * The host program is one thread that nothing preempts, but the kernel
 * code it links counts preemption (every spinlock does), so the count
 * lives here, where kernel/sched/core.c keeps it in the kernel.
 */
#include <kernel/preempt.h>

DEFINE_PER_CPU(unsigned int, __preempt_count);
DEFINE_PER_CPU(bool, __need_resched);
DEFINE_PER_CPU(unsigned int, cpu_number);

/* CONFIG_PREEMPT is never set for the host: nothing calls this. */
void preempt_schedule(void)
{
}

/* One thread: there is no other task to give the CPU to. */
void cond_resched(void)
{
}
