/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the architecture keeps of each task (struct task_struct's first
 * member): the stack pointer that switch_to.asm saves and loads, and the
 * task's kernel stack with its guard page (arch/x86_64/kernel/stacks.c).
 */
#ifndef _ASM_THREAD_H
#define _ASM_THREAD_H

#include <asm/fpu.h>
#include <asm/stacks.h>
#include <kernel/compiler.h>

struct thread_struct {
	unsigned long sp; /* at offset 0: switch_to.asm relies on it */
	struct stack_info stack;
	/*
	 * The physical address of the PML4 the task runs on (pgd_alloc()),
	 * 0 for the kernel's own (kernel_pml4); switch_to() loads it.
	 */
	unsigned long cr3;
	/* The user's FS base (ARCH_SET_FS), its thread pointer; switch_to() loads it. */
	unsigned long fsbase;
	/* A process's x87 and SSE registers while it is switched out (<asm/fpu.h>). */
	struct fpu fpu;
	/* The last fault of its program, for a signal frame's sigcontext (as Linux's). */
	unsigned long trap_nr, error_code, cr2;
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

#ifdef CONFIG_USER_MODE
struct pt_regs;
/*
 * The user registers of @task, at the top of its kernel stack: where an
 * entry from ring 3 (a system call, an interrupt, an exception) saves
 * them, and where start_user_thread() builds them (arch/x86_64/kernel/user.c).
 */
struct pt_regs *task_pt_regs(struct task_struct *task);
/*
 * Leave the calling kernel thread for ring 3 at @ip with the stack pointer
 * @sp, on the address space in current->thread.cr3 (which must be
 * loaded), every other register zero and interrupts on.  What the thread
 * had on its kernel stack is dropped.  A bad @ip or @sp is the user's
 * fault: the task dies of SIGSEGV.
 */
__noreturn void start_user_thread(unsigned long ip, unsigned long sp);
/*
 * Go (back) to ring 3 with the registers task_pt_regs(current) holds, as
 * fork() put them there for a child: the way a new process first runs.
 */
__noreturn void resume_user_mode(void);
#endif

#endif
