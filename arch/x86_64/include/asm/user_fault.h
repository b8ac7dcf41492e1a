/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Faults of ring 3 (arch/x86_64/kernel/user_fault.c, CONFIG_USER_MODE):
 * the program is at fault, not the kernel, so it gets the signal Linux
 * would send, which a handler may catch; uncaught, the task ends with
 * it, after one line in the log as Linux prints it.  The kernel and
 * every other task go on.
 */
#ifndef _ASM_USER_FAULT_H
#define _ASM_USER_FAULT_H

#include <asm/ptrace.h>
#include <kernel/compiler.h>

/* End the calling task with the wait status of death by @sig. */
__noreturn void user_fault_exit(int sig);

/*
 * A page fault in ring 3 at @addr: the mm's handler (demand paging,
 * copy-on-write, stack growth) goes first, and returns to the program
 * when it has fixed the fault; else SIGSEGV, taken on the way back.
 */
void handle_user_page_fault(struct pt_regs *regs, unsigned long addr, unsigned long error_code);

/*
 * A kernel access to user memory (a uaccess instruction, in the exception
 * table) that faulted on a page the memory manager can make: true once it
 * has, and the access can run again; false: the fixup's -EFAULT.
 */
bool fault_in_user_page(struct pt_regs *regs, unsigned long addr);

/* Any other exception in ring 3 ("traps: NAME[PID] ..."): its signal, taken on the way back. */
void user_trap(struct pt_regs *regs);
/* iretq's #GP on a frame fixup_bad_iret() took in: the process ends with SIGSEGV. */
__noreturn void user_bad_iret(struct pt_regs *regs);

/*
 * A #GP of the iretq to ring 3 (entry.asm's iret_to_user): make @regs the
 * user's frame that iretq could not load, and return true; false for any
 * other kernel-mode fault.
 */
bool fixup_bad_iret(struct pt_regs *regs);
/* The iretq faults turned into user faults so far (the user suite's check). */
extern unsigned long user_iret_faults;
/* System calls that returned through iretq, not SYSRET (syscall_64.c). */
extern unsigned long syscall_iret_exits;
/* System calls the entry's full path ran, not its fast path (syscall_64.c). */
extern unsigned long syscall_full_calls;

/*
 * A kernel-mode #PF on a user address that SMAP or SMEP caught: say so
 * in one line before the exception's report.
 */
void report_user_access_oops(const struct pt_regs *regs, unsigned long addr);

#endif
