/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Legacy hardware IRQs 0-15 (arch/x86_64/kernel/irq.c).
 *
 * A driver asks for its IRQ line with request_irq(); the line is unmasked
 * at the PIC only then, so a device nobody drives cannot interrupt.  The
 * handler runs with interrupts off, in hard interrupt context
 * (in_interrupt(), <kernel/hardirq.h>), where it must not sleep; irq.c
 * sends the end-of-interrupt.
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#include <kernel/types.h>

#define NR_IRQS	    16
#define IRQ0_VECTOR 32 /* IRQ n arrives on vector IRQ0_VECTOR + n */

typedef void (*irq_handler_t)(unsigned int irq);

/* Returns 0, -EINVAL for a bad line, -EBUSY if the line is taken. */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name);
void free_irq(unsigned int irq);

/* Interrupts handled per line, and IRQ 7/15 that the PIC did not really raise. */
extern unsigned long irq_count[NR_IRQS];
extern unsigned long spurious_irq_count;

#endif
