/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers of the code a hardware interrupt interrupted, for what
 * the handler calls, as Linux's get_irq_regs().
 *
 * A tick handler that reports on the interrupted code (the soft-lockup
 * detector, kernel/watchdog.c) needs its RIP and its stack, not the
 * handler's own: irq_entry() (arch/x86_64/kernel/irq.c) records the frame
 * entry.asm saved for the length of the handler.  Outside a hardware
 * interrupt it is NULL.  Only interrupt handlers write it, with
 * interrupts off, each on its own CPU's copy; handlers never nest, and
 * each restores what it found.
 */
#ifndef _ASM_IRQ_REGS_H
#define _ASM_IRQ_REGS_H

#include <asm/percpu.h>
#include <asm/ptrace.h>

DECLARE_PER_CPU(struct pt_regs *, __irq_regs);

static inline struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(__irq_regs);
}

/* Record @regs as the interrupted code's; returns what it replaces. */
static inline struct pt_regs *set_irq_regs(struct pt_regs *regs)
{
	struct pt_regs *old = this_cpu_read(__irq_regs);

	this_cpu_write(__irq_regs, regs);
	return old;
}

#endif
