/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table (arch/x86_64/kernel/extable.c), as Linux's
 * __ex_table: pairs of (instruction that may fault, where to go on when
 * it does).
 *
 * The accesses to user memory (<asm/uaccess.h>) are the kernel's only
 * instructions that may fault on purpose: a user pointer is the user's
 * word, and checking that every page behind it is mapped first would race
 * with nothing today but costs a page-table walk per page.  The access
 * is tried instead; a #PF or #GP in ring 0 at an instruction listed here
 * resumes at its fixup, which reports the failure (-EFAULT, bytes not
 * copied), instead of an oops.  Any other kernel fault still dies.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#include <asm/ptrace.h>
#include <kernel/types.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* In inline assembly: the instruction at label @from resumes at label @to. */
#define _ASM_EXTABLE(from, to)               \
	".pushsection __ex_table, \"a\"\n\t" \
	".balign 8\n\t"                      \
	".quad " #from ", " #to "\n\t"       \
	".popsection\n\t"

/* The entry for a fault at @ip, or NULL. */
const struct exception_table_entry *search_exception_tables(unsigned long ip);
/*
 * For a kernel-mode fault in @regs: if the table lists its instruction,
 * point regs->rip at the fixup and return true (the handler returns and
 * the fixup runs); else false.
 */
bool fixup_exception(struct pt_regs *regs);

#endif
