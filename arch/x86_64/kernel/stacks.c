// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's stacks and their guard pages.
 *
 * The kernel stack comes from head32.asm, which needs a stack before any
 * C runs; the IST stacks are defined here.  Each stack sits right above a
 * page of its own that stacks_init() unmaps: a push past the bottom then
 * page-faults instead of overwriting whatever lies below.  For the kernel
 * stack that page fault cannot be delivered either (the CPU pushes the
 * fault's frame onto the same exhausted stack), which makes it a double
 * fault; the double fault runs on its own IST stack and reports the
 * overflow (see traps.c).
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/stacks.h>
#include <kernel/compiler.h>
#include <kernel/panic.h>

struct guarded_stack {
	u8 guard[PAGE_SIZE];
	u8 stack[IST_STACK_SIZE];
} __aligned(PAGE_SIZE);

static struct guarded_stack ist_stacks[NR_IST_STACKS];

#define IST_STACK(slot, sname)						\
	{								\
		.name = sname,						\
		.bottom = (unsigned long)ist_stacks[(slot) - 1].stack,	\
		.top = (unsigned long)ist_stacks[(slot) - 1].stack + IST_STACK_SIZE, \
		.guard = (unsigned long)ist_stacks[(slot) - 1].guard,	\
	}

const struct stack_info kernel_stacks[] = {
	{
		.name = "kernel stack",
		.bottom = (unsigned long)boot_stack_bottom,
		.top = (unsigned long)boot_stack_top,
		.guard = (unsigned long)boot_stack_guard,
	},
	IST_STACK(IST_DOUBLE_FAULT, "#DF stack"),
	IST_STACK(IST_NMI, "NMI stack"),
	IST_STACK(IST_MACHINE_CHECK, "#MC stack"),
};
const unsigned int nr_kernel_stacks = ARRAY_SIZE(kernel_stacks);

const struct stack_info *stack_containing(unsigned long addr)
{
	unsigned int i;

	for (i = 0; i < nr_kernel_stacks; i++)
		if (addr >= kernel_stacks[i].bottom && addr < kernel_stacks[i].top)
			return &kernel_stacks[i];
	return NULL;
}

const struct stack_info *stack_guarding(unsigned long addr)
{
	unsigned int i;

	for (i = 0; i < nr_kernel_stacks; i++)
		if (addr >= kernel_stacks[i].guard && addr < kernel_stacks[i].guard + PAGE_SIZE)
			return &kernel_stacks[i];
	return NULL;
}

unsigned long ist_stack_top(unsigned int ist)
{
	return (unsigned long)ist_stacks[ist - 1].stack + IST_STACK_SIZE;
}

void stacks_init(void)
{
	unsigned int i;

	for (i = 0; i < nr_kernel_stacks; i++)
		if (unmap_page(kernel_stacks[i].guard))
			panic("cannot unmap the guard page of the %s", kernel_stacks[i].name);
}
