// SPDX-License-Identifier: GPL-2.0
/*
 * The offsets and sizes of C structures that the assembly needs, computed
 * by the compiler, as Linux's asm-offsets.c does.
 *
 * NASM cannot read C.  A hand-written offset must be repeated in the
 * assembly and checked against the structure, and one behind a member
 * whose size the configuration chooses (struct task_struct's) cannot be
 * written at all.  This file is compiled to assembly text, never to an
 * object: each DEFINE() leaves a "->NAME value" line there, which the
 * build (scripts/Makefile.kernel) turns into a %define of
 * include/generated/asm-offsets.inc for <asm/calling.inc> to include.
 * A member moved or resized moves the constant with it.
 */
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/unistd.h>
#include <kernel/sched.h>
#include <kernel/types.h>

#define DEFINE(sym, val)      __asm__ __volatile__("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);
void asm_offsets(void)
{
	/* From cpu_entry_area, the per-CPU variable the entry code reaches through GS. */
	OFFSET(PERCPU_TOP_OF_STACK, cpu_entry_area, percpu.top_of_stack);
	OFFSET(PERCPU_USER_RSP, cpu_entry_area, percpu.user_rsp);
	OFFSET(PERCPU_ENTRY_STACK, cpu_entry_area, percpu.entry_stack);
	OFFSET(PERCPU_SCRATCH, cpu_entry_area, percpu.scratch);

	OFFSET(PT_REGS_R11, pt_regs, r11);
	OFFSET(PT_REGS_R10, pt_regs, r10);
	OFFSET(PT_REGS_R9, pt_regs, r9);
	OFFSET(PT_REGS_R8, pt_regs, r8);
	OFFSET(PT_REGS_RAX, pt_regs, rax);
	OFFSET(PT_REGS_RDX, pt_regs, rdx);
	OFFSET(PT_REGS_RSI, pt_regs, rsi);
	OFFSET(PT_REGS_RDI, pt_regs, rdi);
	OFFSET(PT_REGS_RBX, pt_regs, rbx);
	OFFSET(PT_REGS_RBP, pt_regs, rbp);
	OFFSET(PT_REGS_R12, pt_regs, r12);
	OFFSET(PT_REGS_R13, pt_regs, r13);
	OFFSET(PT_REGS_R14, pt_regs, r14);
	OFFSET(PT_REGS_R15, pt_regs, r15);
	OFFSET(PT_REGS_RIP, pt_regs, rip);
	OFFSET(PT_REGS_RFLAGS, pt_regs, rflags);
	OFFSET(PT_REGS_RSP, pt_regs, rsp);
	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));
	/* The callee-saved registers' slots, lowest in the frame. */
	DEFINE(PT_REGS_CALLEE_SAVED_SIZE, offsetof(struct pt_regs, r11));

	OFFSET(TASK_EXIT_WORK, task_struct, exit_work);

	/*
	 * Constants of C headers, which NASM cannot include either.  The
	 * user selectors exist only with CONFIG_USER_MODE (<asm/segment.h>).
	 */
	DEFINE(SYSCALL_VECTOR, SYSCALL_VECTOR);
	DEFINE(NR_syscalls, NR_syscalls);
	DEFINE(X86_EFLAGS_TF, X86_EFLAGS_TF);
	DEFINE(X86_EFLAGS_RF, X86_EFLAGS_RF);
#ifdef CONFIG_USER_MODE
	DEFINE(USER_CS, USER_CS);
	DEFINE(USER_DS, USER_DS);
#endif
}
