/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering and leaving hard interrupt context, as Linux's irq_enter() and
 * irq_exit(): the arch's IRQ entry (arch/x86_64/kernel/irq.c) brackets a
 * driver's handler and its end-of-interrupt with them, so that
 * in_interrupt() (<kernel/preempt.h>) is true exactly while a handler
 * runs.  The scheduler refuses to let a handler sleep or exit, which would
 * take the task it interrupted with it and leave the IRQ unacknowledged,
 * and the sleeping-function reports say "in_atomic(): 1" there.
 *
 * Every configuration keeps this part of the count, CONFIG_PREEMPT_COUNT
 * or not: it costs an add and a subtract per interrupt.
 */
#ifndef _KERNEL_HARDIRQ_H
#define _KERNEL_HARDIRQ_H

#include <kernel/compiler.h>
#include <kernel/preempt.h>

static inline void irq_enter(void)
{
	this_cpu_add(__preempt_count, HARDIRQ_OFFSET);
	barrier();
}

/* Before the interrupted task may be preempted: that is task context again. */
static inline void irq_exit(void)
{
	barrier();
	this_cpu_add(__preempt_count, -HARDIRQ_OFFSET);
}

#endif
