// SPDX-License-Identifier: GPL-2.0
/*
 * The IDT and the handler table behind it.
 *
 * Every gate points to its vector's stub in entry.asm; the stubs all end
 * in interrupt_dispatch(), which calls the handler registered for the
 * vector.  All gates are interrupt gates, so the CPU clears IF on entry:
 * handlers run with interrupts off and never nest, except for exceptions
 * raised by the handlers themselves.
 *
 * Three gates switch stacks through the TSS's Interrupt Stack Table: the
 * double fault (its cause may be the kernel stack itself), the NMI and the
 * machine check (both can arrive at any instruction, even one that has
 * just switched stacks).
 */
#include <asm/desc.h>
#include <asm/interrupt.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/pti.h>
#include <asm/sections.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/sched.h>

/* __entry_bss: the CPU reads it on every entry from ring 3 (<asm/pti.h>). */
struct idt_gate idt_table[NR_VECTORS] __aligned(16) __entry_bss;
static interrupt_handler_t handlers[NR_VECTORS];

BUILD_BUG_ON(sizeof(struct idt_gate) != 16);
BUILD_BUG_ON(sizeof(struct pt_regs) != 22 * 8);
BUILD_BUG_ON(sizeof(struct tss) != 104);

static void set_gate(unsigned int vector, u64 addr, unsigned int ist)
{
	struct idt_gate *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->offset_mid = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->selector = KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT;
	g->reserved = 0;
}

static unsigned int ist_of(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_DF:
		return IST_DOUBLE_FAULT;
	case X86_TRAP_NMI:
		return IST_NMI;
	case X86_TRAP_MC:
		return IST_MACHINE_CHECK;
	default:
		return 0;
	}
}

/* Every CPU shares the one table: its gates are the same everywhere. */
void idt_load(void)
{
	struct desc_ptr idtr = { .limit = sizeof(idt_table) - 1, .base = (u64)idt_table };

	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void idt_init(void)
{
	unsigned int v;

	for (v = 0; v < NR_VECTORS; v++)
		set_gate(v, interrupt_stub(v), ist_of(v));
	idt_load();
}

int register_interrupt_handler(unsigned int vector, interrupt_handler_t fn)
{
	if (vector >= NR_VECTORS || !fn)
		return -EINVAL;
	if (handlers[vector])
		return -EBUSY;
	handlers[vector] = fn;
	return 0;
}

void unregister_interrupt_handler(unsigned int vector)
{
	if (vector < NR_VECTORS)
		handlers[vector] = NULL;
}

/*
 * After a hardware interrupt (its EOI sent) that came with interrupts on,
 * the tick may have ended the task's time slice: with CONFIG_PREEMPT the
 * task is switched out here, and resumes from this frame when its turn
 * comes again.
 */
void interrupt_dispatch(struct pt_regs *regs)
{
	interrupt_handler_t fn = handlers[regs->vector];

	if (likely(fn))
		fn(regs);
	else
		die(regs, "unexpected interrupt");
	if (regs->vector >= IRQ0_VECTOR && (regs->rflags & X86_EFLAGS_IF))
		preempt_schedule_irq();
	/* A process sent a fatal signal while it ran ends before ring 3 sees it again. */
	if (IS_ENABLED(CONFIG_USER_MODE) && user_mode(regs)) {
		local_irq_disable();
		exit_to_user_mode();
	}
}
