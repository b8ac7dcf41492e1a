// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: their names, their handlers, and the way out.
 *
 * A breakpoint (int3) is reported and execution goes on after the int3.
 * Every other exception of the kernel is a kernel bug: die() prints the
 * report and panics.  The report itself (dumpstack.c) depends on
 * CONFIG_EXCEPTION_VERBOSITY_*.
 *
 * With CONFIG_USER_MODE, an exception of ring 3 is the program's: it
 * ends the task (user_fault.c), and a page fault goes through
 * handle_user_page_fault(), the one place the memory manager's handler
 * joins.  Two kernel faults are not bugs either: a user access that
 * faults on a bad user pointer resumes at its fixup (the exception
 * table), and the iretq to ring 3 that faults on the user's frame is the
 * user's #GP.  NMI, #DF and #MC are never the program's.
 */
#include <asm/bug.h>
#include <asm/cpu.h>
#include <asm/extable.h>
#include <asm/interrupt.h>
#include <asm/traps.h>
#include <asm/user_fault.h>
#include <kernel/compiler.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

struct exception_info {
	const char *mnemonic;
	const char *name;
};

/* Laid out by hand: a vector a line, aligned. */
/* clang-format off */
static const struct exception_info exceptions[NR_EXCEPTIONS] = {
	[X86_TRAP_DE]		= { "#DE", "Divide Error" },
	[X86_TRAP_DB]		= { "#DB", "Debug" },
	[X86_TRAP_NMI]		= { "NMI", "Non-maskable Interrupt" },
	[X86_TRAP_BP]		= { "#BP", "Breakpoint" },
	[X86_TRAP_OF]		= { "#OF", "Overflow" },
	[X86_TRAP_BR]		= { "#BR", "BOUND Range Exceeded" },
	[X86_TRAP_UD]		= { "#UD", "Invalid Opcode" },
	[X86_TRAP_NM]		= { "#NM", "Device Not Available" },
	[X86_TRAP_DF]		= { "#DF", "Double Fault" },
	[X86_TRAP_OLD_MF]	= { "#CSO", "Coprocessor Segment Overrun" },
	[X86_TRAP_TS]		= { "#TS", "Invalid TSS" },
	[X86_TRAP_NP]		= { "#NP", "Segment Not Present" },
	[X86_TRAP_SS]		= { "#SS", "Stack-Segment Fault" },
	[X86_TRAP_GP]		= { "#GP", "General Protection" },
	[X86_TRAP_PF]		= { "#PF", "Page Fault" },
	[X86_TRAP_SPURIOUS]	= { "#15", "Reserved" },
	[X86_TRAP_MF]		= { "#MF", "x87 Floating-Point Error" },
	[X86_TRAP_AC]		= { "#AC", "Alignment Check" },
	[X86_TRAP_MC]		= { "#MC", "Machine Check" },
	[X86_TRAP_XF]		= { "#XM", "SIMD Floating-Point Exception" },
	[X86_TRAP_VE]		= { "#VE", "Virtualization Exception" },
	[X86_TRAP_CP]		= { "#CP", "Control Protection Exception" },
	[22]			= { "#22", "Reserved" },
	[23]			= { "#23", "Reserved" },
	[24]			= { "#24", "Reserved" },
	[25]			= { "#25", "Reserved" },
	[26]			= { "#26", "Reserved" },
	[27]			= { "#27", "Reserved" },
	[X86_TRAP_HV]		= { "#HV", "Hypervisor Injection Exception" },
	[X86_TRAP_VC]		= { "#VC", "VMM Communication Exception" },
	[X86_TRAP_SX]		= { "#SX", "Security Exception" },
	[31]			= { "#31", "Reserved" },
};
/* clang-format on */

const char *exception_mnemonic(unsigned int vector)
{
	return vector < NR_EXCEPTIONS ? exceptions[vector].mnemonic : "";
}

const char *exception_name(unsigned int vector)
{
	return vector < NR_EXCEPTIONS ? exceptions[vector].name : "Interrupt";
}

__noreturn void die(struct pt_regs *regs, const char *why)
{
	static bool dying;
	unsigned long cr2 = read_cr2();

	/* A fault while reporting one: say so briefly, do not recurse. */
	if (dying)
		panic("%s %s (vector %lu) while reporting an exception",
		      exception_mnemonic(regs->vector), exception_name(regs->vector), regs->vector);
	dying = true;
	show_exception(regs, cr2, true);
	panic("Fatal exception: %s", why);
}

static void do_fatal_exception(struct pt_regs *regs)
{
	die(regs, exception_name(regs->vector));
}

/* With CONFIG_UBSAN_TRAP, say first whether it was UBSan's check. */
static void do_invalid_op(struct pt_regs *regs)
{
	const char *kind = IS_ENABLED(CONFIG_UBSAN_TRAP) ? ubsan_trap_kind(regs->rip) : NULL;
	char where[KSYM_SYMBOL_LEN];

	if (!kind)
		die(regs, exception_name(regs->vector));
	sprint_symbol(where, sizeof(where), regs->rip);
	pr_emerg("UBSAN: %s at %s (CONFIG_UBSAN_TRAP: a trap, no report)\n", kind, where);
	die(regs, "UBSAN trap (Invalid Opcode)");
}

/* int3 traps after the instruction: returning resumes right behind it. */
static void do_int3(struct pt_regs *regs)
{
	show_exception(regs, read_cr2(), false);
}

static interrupt_handler_t handler_of(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_BP:
		return do_int3;
	case X86_TRAP_UD:
		return do_invalid_op;
	default:
		return do_fatal_exception;
	}
}

#ifdef CONFIG_USER_MODE
static void do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();

	if (user_mode(regs)) {
		handle_user_page_fault(regs, addr, regs->error_code);
		return;
	}
	if (fault_in_user_page(regs, addr) || fixup_exception(regs))
		return;
	report_user_access_oops(regs, addr);
	die(regs, exception_name(regs->vector));
}

static void do_general_protection(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		user_trap(regs);
		return;
	}
	if (fixup_bad_iret(regs))
		user_bad_iret(regs);
	if (fixup_exception(regs))
		return;
	die(regs, exception_name(regs->vector));
}

/* The program's fault if it came from ring 3, else the kernel's as ever. */
static void do_exception(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		user_trap(regs);
		return;
	}
	handler_of(regs->vector)(regs);
}

static interrupt_handler_t user_mode_handler_of(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_PF:
		return do_page_fault;
	case X86_TRAP_GP:
		return do_general_protection;
	case X86_TRAP_NMI:
	case X86_TRAP_DF:
	case X86_TRAP_MC:
		return handler_of(vector);
	default:
		return do_exception;
	}
}
#else
#define user_mode_handler_of handler_of
#endif

void traps_init(void)
{
	unsigned int v;

	for (v = 0; v < NR_EXCEPTIONS; v++)
		register_interrupt_handler(v, user_mode_handler_of(v));
}
