/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Legacy hardware IRQs 0-15 (arch/x86_64/kernel/irq.c).
 *
 * A driver asks for its IRQ line with request_irq(); the line is unmasked
 * at the interrupt controller only then, so a device nobody drives cannot
 * interrupt.  The controller is the 8259 PIC or the I/O APIC
 * (CONFIG_X86_PIC, CONFIG_X86_IO_APIC), behind struct irq_chip: drivers
 * never see which.  The
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

/*
 * An interrupt controller, as irq.c drives it: chosen once at boot
 * (init_IRQ()), the 8259's (i8259.c) or the I/O APIC's (io_apic.c).
 * Every hook is required but spurious(); init_IRQ() stops a chip that
 * lacks one, naming it.
 */
struct irq_chip {
	const char *name; /* "XT-PIC", "IO-APIC", as Linux's /proc/interrupts */
	void (*mask)(unsigned int irq);
	void (*unmask)(unsigned int irq);
	/* End of interrupt, after the handler. */
	void (*eoi)(unsigned int irq);
	/*
	 * NULL, or: did the chip not really raise @irq?  Then it has done
	 * whatever acknowledgement such an interrupt needs, and the handler
	 * does not run (the 8259's IRQ 7 and 15 with no in-service bit).
	 */
	bool (*spurious)(unsigned int irq);
	/* Is @irq masked, as read back from the chip (for the tests)? */
	bool (*masked)(unsigned int irq);
	/* Does @irq have a line a driver may request (not the 8259's cascade)? */
	bool (*valid)(unsigned int irq);
};

/* The chip init_IRQ() chose. */
const struct irq_chip *irq_get_chip(void);

/* Returns 0, -EINVAL for a bad line, -EBUSY if the line is taken. */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name);
void free_irq(unsigned int irq);

/* Interrupts handled per line, and those the chip says it did not really raise. */
extern unsigned long irq_count[NR_IRQS];
extern unsigned long spurious_irq_count;

#endif
