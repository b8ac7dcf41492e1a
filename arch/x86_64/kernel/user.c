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
#include <asm/fpu.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/thread.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

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
	/* A new program's FS base is 0, as Linux's start_thread() leaves it. */
	current->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_reset();
	enter_user_mode(ip, sp, current->thread.stack.top);
}

/* arch_prctl() codes, with Linux's values */
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

/*
 * The FS base is a C library's thread pointer (musl and glibc set it
 * first thing): kept per task and loaded by switch_to().  The GS base is
 * the kernel's while it runs (swapgs), and no program here needs one of
 * its own: ARCH_SET_GS is refused.
 */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, addr)
{
	switch (option) {
	case ARCH_SET_FS:
		if (addr >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)addr);
	case ARCH_GET_GS:
		return put_user(0UL, (unsigned long __user *)addr);
	case ARCH_SET_GS:
		return -EPERM;
	}
	return -EINVAL;
}
