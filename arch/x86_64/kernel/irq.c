// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy IRQs: from the IDT vector to the driver's handler and back.
 *
 * IRQ 7 and IRQ 15 are also what the 8259 delivers when a request goes
 * away before the CPU acknowledges it.  Such a spurious IRQ has no bit in
 * the in-service register, and must not be acknowledged: an EOI would end
 * some other, real interrupt.  A spurious IRQ 15 did go through the master
 * (on the cascade line), so the master alone gets its EOI.
 *
 * A real IRQ runs in hard interrupt context, from irq_enter() to
 * irq_exit() (<kernel/hardirq.h>): its handler and its EOI.  Whatever
 * the handler calls can then tell it is no task (in_interrupt()), and the
 * scheduler refuses to put the interrupted task to sleep for it, as the
 * EOI below would then never be sent.  The preemption that may follow
 * (interrupt_dispatch()) comes after irq_exit(), in task context again.
 */
#include <asm/i8259.h>
#include <asm/interrupt.h>
#include <asm/irq.h>
#include <asm/irq_regs.h>
#include <kernel/acpi.h>
#include <kernel/errno.h>
#include <kernel/hardirq.h>
#include <kernel/printk.h>
#include <kernel/setup.h>

struct irq_action {
	irq_handler_t handler;
	const char *name;
};

static struct irq_action irq_actions[NR_IRQS];
unsigned long irq_count[NR_IRQS];
unsigned long spurious_irq_count;
struct pt_regs *__irq_regs;

static bool is_spurious(unsigned int irq)
{
	if ((irq != 7 && irq != 15) || i8259_in_service(irq))
		return false;
	spurious_irq_count++;
	if (irq == 15)
		i8259_eoi_master();
	return true;
}

static void irq_entry(struct pt_regs *regs)
{
	unsigned int irq = regs->vector - IRQ0_VECTOR;
	struct irq_action *action = &irq_actions[irq];
	struct pt_regs *old_regs;

	if (is_spurious(irq))
		return;
	old_regs = set_irq_regs(regs);
	irq_enter();
	irq_count[irq]++;
	if (action->handler) {
		action->handler(irq);
	} else {
		/* Unmasked by nobody, yet here: mask it rather than storm. */
		pr_warn("irq: IRQ %u has no handler; masking it\n", irq);
		i8259_mask(irq);
	}
	i8259_eoi(irq);
	irq_exit();
	set_irq_regs(old_regs);
}

int request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS || irq == PIC_CASCADE_IRQ || !handler)
		return -EINVAL;
	if (irq_actions[irq].handler)
		return -EBUSY;
	irq_actions[irq] = (struct irq_action){ .handler = handler, .name = name };
	i8259_unmask(irq);
	pr_debug("irq: IRQ %u: %s\n", irq, name);
	return 0;
}

void free_irq(unsigned int irq)
{
	if (irq >= NR_IRQS || irq == PIC_CASCADE_IRQ)
		return;
	i8259_mask(irq);
	irq_actions[irq] = (struct irq_action){ 0 };
}

void init_IRQ(void)
{
	unsigned int irq;

	/* The CPUs and the I/O APICs, for SMP; not for the smallest kernels. */
	if (IS_ENABLED(CONFIG_ACPI_TABLES))
		acpi_madt_init();
	i8259_init(IRQ0_VECTOR);
	for (irq = 0; irq < NR_IRQS; irq++)
		register_interrupt_handler(IRQ0_VECTOR + irq, irq_entry);
}
