// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread's way into ring 3, and where a task's user registers
 * live.  CONFIG_USER_MODE only.
 *
 * Every entry from ring 3 lands at the top of the running task's kernel
 * stack (TSS.RSP0 for interrupts and exceptions, the per-CPU
 * top_of_stack for SYSCALL, both set by switch_to()), so the saved user
 * registers are always the struct pt_regs right below the top: what
 * exec will rewrite, and what a fault report reads.  A kernel thread
 * becomes a user thread by building that frame and returning through it,
 * as if from a system call (Linux's start_thread() on the frame of
 * execve).
 */
#include <asm/cpu.h>
#include <asm/ptrace.h>
#include <asm/thread.h>
#include <kernel/sched.h>

__noreturn void enter_user_mode(unsigned long ip, unsigned long sp, unsigned long stack_top);

struct pt_regs *task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)task->thread.stack.top - 1;
}

__noreturn void start_user_thread(unsigned long ip, unsigned long sp)
{
	/* switch_to() loads thread.cr3 from now on; this first time, here. */
	if (current->thread.cr3 && read_cr3() != current->thread.cr3)
		write_cr3(current->thread.cr3);
	enter_user_mode(ip, sp, current->thread.stack.top);
}
