/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the architecture keeps of each task (struct task_struct's first
 * member): the stack pointer that switch_to.asm saves and loads, and the
 * task's kernel stack with its guard page (arch/x86_64/kernel/stacks.c).
 */
#ifndef _ASM_THREAD_H
#define _ASM_THREAD_H

#include <asm/stacks.h>

struct thread_struct {
	unsigned long sp; /* at offset 0: switch_to.asm relies on it */
	struct stack_info stack;
};

struct task_struct;

/*
 * Give @p a stack whose first switch to it enters @fn(@arg) through
 * ret_from_kthread.  Returns 0 or -ENOMEM (-EAGAIN when every stack slot
 * is taken), and allocates nothing on failure.
 */
int arch_task_setup(struct task_struct *p, int (*fn)(void *), void *arg);
/* Free @p's stack; @p must never run again. */
void arch_task_release(struct task_struct *p);
/* Save @prev's registers and stack pointer, continue as @next. */
void switch_to(struct task_struct *prev, struct task_struct *next);
/* Make the running boot flow, on the boot stack, the task @idle. */
void arch_idle_setup(struct task_struct *idle);

#endif
