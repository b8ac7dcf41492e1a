/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exceptions (arch/x86_64/kernel/traps.c) and the reports printed for
 * them (dumpstack.c), at the verbosity chosen in Kconfig.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/ptrace.h>
#include <kernel/compiler.h>

enum {
	X86_TRAP_DE = 0,   /* Divide Error */
	X86_TRAP_DB,	   /* Debug */
	X86_TRAP_NMI,	   /* Non-maskable Interrupt */
	X86_TRAP_BP,	   /* Breakpoint */
	X86_TRAP_OF,	   /* Overflow */
	X86_TRAP_BR,	   /* BOUND Range Exceeded */
	X86_TRAP_UD,	   /* Invalid Opcode */
	X86_TRAP_NM,	   /* Device Not Available */
	X86_TRAP_DF,	   /* Double Fault */
	X86_TRAP_OLD_MF,   /* Coprocessor Segment Overrun */
	X86_TRAP_TS,	   /* Invalid TSS */
	X86_TRAP_NP,	   /* Segment Not Present */
	X86_TRAP_SS,	   /* Stack-Segment Fault */
	X86_TRAP_GP,	   /* General Protection */
	X86_TRAP_PF,	   /* Page Fault */
	X86_TRAP_SPURIOUS, /* reserved */
	X86_TRAP_MF,	   /* x87 Floating-Point Error */
	X86_TRAP_AC,	   /* Alignment Check */
	X86_TRAP_MC,	   /* Machine Check */
	X86_TRAP_XF,	   /* SIMD Floating-Point Exception */
	X86_TRAP_VE,	   /* Virtualization Exception */
	X86_TRAP_CP,	   /* Control Protection Exception */
	X86_TRAP_HV = 28,  /* Hypervisor Injection Exception */
	X86_TRAP_VC,	   /* VMM Communication Exception */
	X86_TRAP_SX,	   /* Security Exception */
	NR_EXCEPTIONS = 32,
};

/* Page fault error code bits */
#define X86_PF_PROT  (1U << 0) /* 0: page not present, 1: protection violation */
#define X86_PF_WRITE (1U << 1)
#define X86_PF_USER  (1U << 2)
#define X86_PF_RSVD  (1U << 3) /* reserved bit set in a paging entry */
#define X86_PF_INSTR (1U << 4) /* instruction fetch */
#define X86_PF_PK    (1U << 5) /* protection key */
#define X86_PF_SHSTK (1U << 6) /* shadow stack access */

/* "#PF" and "Page Fault" for vector 14; "" and "Interrupt" for non-exceptions. */
const char *exception_mnemonic(unsigned int vector);
const char *exception_name(unsigned int vector);

/* Register a handler for each of the 32 exceptions; called by setup_arch(). */
void traps_init(void);

/*
 * Print the report of the event in @regs at the configured verbosity
 * (dumpstack.c).  @cr2 is CR2 as the handler read it on entry.  A @fatal
 * report goes to the consoles whatever the log level; others are warnings.
 */
void show_exception(const struct pt_regs *regs, unsigned long cr2, bool fatal);

/* Report @regs as fatal and panic with @why. */
__noreturn void die(struct pt_regs *regs, const char *why);

#endif
