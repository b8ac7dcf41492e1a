/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's stacks (arch/x86_64/kernel/stacks.c): the kernel stack that
 * start_kernel() and then the idle task run on, one Interrupt Stack Table
 * stack each for the double fault, the NMI and the machine check, and one
 * stack per task.  Every stack has an unmapped guard page right below it,
 * so overflowing one faults at once.
 *
 * The exception reports use this table to tell which stack an address
 * lies on, and to recognize a stack pointer in a guard page as a stack
 * overflow.
 */
#ifndef _ASM_STACKS_H
#define _ASM_STACKS_H

#include <kernel/types.h>

#define IST_STACK_SIZE	8192
#define TASK_STACK_SIZE 16384
/* Task stacks at the same time, each in a slot of the task-stack area. */
#define NR_TASK_STACKS	1024

struct task_struct;

struct stack_info {
	const char *name;
	unsigned long bottom;	  /* lowest address of the stack */
	unsigned long top;	  /* one past the highest; the initial stack pointer */
	unsigned long guard;	  /* the unmapped page right below @bottom */
	struct task_struct *task; /* whose stack, for task stacks */
};

extern const struct stack_info kernel_stacks[];
extern const unsigned int nr_kernel_stacks;

/* The stack that @addr lies on, or NULL. */
const struct stack_info *stack_containing(unsigned long addr);
/* The stack whose guard page @addr lies in, or NULL. */
const struct stack_info *stack_guarding(unsigned long addr);
/* The top of IST slot @ist's stack (1-based). */
unsigned long ist_stack_top(unsigned int ist);

/*
 * IST slot @ist's stack (1-based) of @cpu, or NULL if it has none (yet):
 * the boot CPU's are kernel_stacks[1..], an AP's are made for it by
 * cpu_ist_stacks_alloc() as it comes up.
 */
const struct stack_info *cpu_ist_stack(unsigned int cpu, unsigned int ist);
/*
 * Make AP @cpu's IST stacks, guarded as task stacks are, and give their
 * tops in @tops[0 .. NR_IST_STACKS - 1]: 0, -EINVAL (the boot CPU, a bad
 * number, or stacks made already), or task_stack_alloc()'s error with
 * nothing left allocated.
 */
int cpu_ist_stacks_alloc(unsigned int cpu, unsigned long *tops);

/* Unmap every guard page; called by setup_arch(). */
void stacks_init(void);

/*
 * A stack of TASK_STACK_SIZE for @task, mapped page by page in a free slot
 * of the task-stack area with the slot's first page left unmapped as its
 * guard.  0, -EAGAIN (no free slot) or -ENOMEM, or map_page()'s -EBUSY if
 * a page of the slot is mapped already (a bug map_page() reports); nothing
 * stays allocated on failure.
 */
int task_stack_alloc(struct stack_info *stack, struct task_struct *task);
void task_stack_free(struct stack_info *stack);
/*
 * Give back the pages of every freed stack still kept mapped for reuse
 * (stacks.c says why freed stacks are kept).  Process context, no lock
 * held: it waits for a TLB shootdown.
 */
void task_stack_cache_trim(void);

static inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(sp));
	return sp;
}

#endif
