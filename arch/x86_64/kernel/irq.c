// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy IRQs: from the IDT vector to the driver's handler and back,
 * through whichever interrupt controller init_IRQ() chose (struct
 * irq_chip): the 8259 PIC, or the I/O APIC with the local APIC
 * (CONFIG_X86_IO_APIC), which falls back to the 8259, with a warning,
 * when the firmware's MADT lists no I/O APIC.  The chip also says which
 * interrupts it did not really raise (the 8259's spurious IRQ 7 and 15,
 * i8259.c): those are counted, and reach no handler.
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
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/irq_regs.h>
#include <kernel/acpi.h>
#include <kernel/errno.h>
#include <kernel/hardirq.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/setup.h>

struct irq_action {
	irq_handler_t handler;
	const char *name;
};

static struct irq_action irq_actions[NR_IRQS];
static const struct irq_chip *chip;
unsigned long irq_count[NR_IRQS];
unsigned long spurious_irq_count;
DEFINE_PER_CPU(struct pt_regs *, __irq_regs);

const struct irq_chip *irq_get_chip(void)
{
	return chip;
}

static bool is_spurious(unsigned int irq)
{
	if (!chip->spurious || !chip->spurious(irq))
		return false;
	spurious_irq_count++;
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
		chip->mask(irq);
	}
	chip->eoi(irq);
	irq_exit();
	set_irq_regs(old_regs);
}

int request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS || !chip->valid(irq) || !handler)
		return -EINVAL;
	if (irq_actions[irq].handler)
		return -EBUSY;
	irq_actions[irq] = (struct irq_action){ .handler = handler, .name = name };
	chip->unmask(irq);
	pr_debug("irq: IRQ %u: %s\n", irq, name);
	return 0;
}

void free_irq(unsigned int irq)
{
	if (irq >= NR_IRQS || !chip->valid(irq))
		return;
	chip->mask(irq);
	irq_actions[irq] = (struct irq_action){ 0 };
}

/* The first hook @c lacks that irq.c calls without asking, or NULL. */
static const char *irq_chip_breach(const struct irq_chip *c)
{
	const struct {
		const char *what;
		bool ok;
	} rules[] = {
		{ "a name", c->name }, { "mask()", c->mask },	  { "unmask()", c->unmask },
		{ "eoi()", c->eoi },   { "masked()", c->masked }, { "valid()", c->valid },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rules); i++)
		if (!rules[i].ok)
			return rules[i].what;
	return NULL;
}

void init_IRQ(void)
{
	const char *breach;

	unsigned int irq;

	/* The CPUs and the I/O APICs, for this and for SMP; not for the smallest kernels. */
	if (IS_ENABLED(CONFIG_ACPI_TABLES))
		acpi_madt_init();
	if (IS_ENABLED(CONFIG_X86_IO_APIC))
		chip = io_apic_init();
	if (!chip)
		chip = i8259_chip_init();
	/* Stopped here, by name, rather than at the first IRQ through NULL. */
	breach = irq_chip_breach(chip);
	if (breach)
		panic("interrupt controller \"%s\" breaks its contract: it needs %s",
		      chip->name ? chip->name : "(unnamed)", breach);
	pr_info("irq: IRQs 0-15 through the %s on vectors %u-%u\n", chip->name, IRQ0_VECTOR,
		IRQ0_VECTOR + NR_IRQS - 1);
	for (irq = 0; irq < NR_IRQS; irq++)
		register_interrupt_handler(IRQ0_VECTOR + irq, irq_entry);
}
