/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt handlers (arch/x86_64/kernel/idt.c).
 *
 * Every one of the 256 vectors enters through the same path (entry.asm)
 * and ends in the handler registered for it.  Vectors 0-31 are the CPU
 * exceptions (traps.c registers them all), 32-47 the legacy IRQs
 * (irq.c); the others are free.  A vector with no handler is a bug: it is
 * reported like an exception, and the kernel stops.
 */
#ifndef _ASM_INTERRUPT_H
#define _ASM_INTERRUPT_H

#include <asm/ptrace.h>

typedef void (*interrupt_handler_t)(struct pt_regs *regs);

/* Returns 0, -EINVAL for a vector out of range, -EBUSY if it has a handler. */
int register_interrupt_handler(unsigned int vector, interrupt_handler_t fn);
void unregister_interrupt_handler(unsigned int vector);

/* Called by entry.asm for every interrupt and exception. */
void interrupt_dispatch(struct pt_regs *regs);

#endif
