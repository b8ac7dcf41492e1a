/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turning interrupts on and off, and saving their state around code that
 * must not be interrupted (printk's buffers, the input queue).
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <kernel/types.h>

#define X86_EFLAGS_IF	(1UL << 9)
/* The other RFLAGS bits that the system call entry masks or checks */
#define X86_EFLAGS_TF	(1UL << 8)  /* single step */
#define X86_EFLAGS_DF	(1UL << 10) /* string direction */
#define X86_EFLAGS_IOPL (3UL << 12)
#define X86_EFLAGS_NT	(1UL << 14) /* nested task */
#define X86_EFLAGS_RF	(1UL << 16) /* resume */
#define X86_EFLAGS_AC	(1UL << 18) /* alignment check; SMAP's override */

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline bool irqs_disabled(void)
{
	return !(native_save_fl() & X86_EFLAGS_IF);
}

static inline unsigned long local_irq_save(void)
{
	unsigned long flags = native_save_fl();

	local_irq_disable();
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

/*
 * Enable interrupts and halt as one step: "sti" takes effect only after
 * the next instruction, so an interrupt that is already pending wakes the
 * "hlt" instead of slipping in between and being slept through.
 */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

#endif
