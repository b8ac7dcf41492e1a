/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers of an interrupted context, as arch/x86_64/kernel/entry.asm
 * saves them on the stack: the general registers it pushes, the vector and
 * error code, then the frame the CPU pushed.  The order of the fields is
 * the reverse of the order of the pushes; entry.asm and this structure
 * must change together (a BUILD_BUG_ON in idt.c checks the size).
 *
 * The system call entry (entry_64.asm) builds the same structure, so that
 * one layout serves every way into the kernel: its vector is
 * SYSCALL_VECTOR, which no interrupt has, and the error code's slot holds
 * the system call's number (Linux's orig_ax), as RAX becomes the result.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <kernel/types.h>

/* The vector of a pt_regs built by the system call entry: none of 0-255. */
#define SYSCALL_VECTOR 256

struct pt_regs {
	/*
	 * Callee-saved in the C calling convention: lowest, so that the
	 * system call's fast path can leave them in their registers and
	 * skip their slots with one instruction (entry_64.asm).
	 */
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	unsigned long vector; /* SYSCALL_VECTOR for a system call */
	union {
		unsigned long error_code; /* 0 for vectors without one */
		unsigned long orig_ax;	  /* a system call's number, as RAX brought it */
	};
	/* pushed by the CPU */
	unsigned long rip, cs, rflags, rsp, ss;
};

/* Whether @regs was interrupted in ring 3 (the RPL of its CS). */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
