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
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <kernel/types.h>

#define DEFINE(sym, val)      __asm__ __volatile__("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);
void asm_offsets(void)
{
	OFFSET(PERCPU_SELF, percpu, self);
	OFFSET(PERCPU_TOP_OF_STACK, percpu, top_of_stack);
	OFFSET(PERCPU_USER_RSP, percpu, user_rsp);
	OFFSET(PERCPU_ENTRY_STACK, percpu, entry_stack);
	OFFSET(PERCPU_SCRATCH, percpu, scratch);

	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));
}
