/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers of an interrupted context, as arch/x86_64/kernel/entry.asm
 * saves them on the stack: the general registers it pushes, the vector and
 * error code, then the frame the CPU pushed.  The order of the fields is
 * the reverse of the order of the pushes; entry.asm and this structure
 * must change together (a BUILD_BUG_ON in idt.c checks the size).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <kernel/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector;
	unsigned long error_code; /* 0 for vectors without one */
	/* pushed by the CPU */
	unsigned long rip, cs, rflags, rsp, ss;
};

#endif
