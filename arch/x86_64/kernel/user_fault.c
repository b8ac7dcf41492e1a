// SPDX-License-Identifier: GPL-2.0
/*
 * Faults of ring 3 are signals to the program, not the kernel's concern
 * (<asm/user_fault.h>): the signal Linux sends for each exception, with
 * its si_code and address, which a handler may catch.  Uncaught, it ends
 * the process, after a line in the log.
 *
 * The lines are Linux's own, so that what a Linux user knows to read is
 * there: a page fault as arch/x86/mm/fault.c's show_signal_msg() prints
 * it, "NAME[PID]: segfault at ADDR ip IP sp SP error E" (without the
 * " in FILE[START+SIZE]" part, as there are no mappings of files yet),
 * the other exceptions as arch/x86/kernel/traps.c's show_signal() and
 * do_trap(), "traps: NAME[PID] trap divide error ip:IP sp:SP error:E".
 * The line is printed only when the program has no handler for the
 * signal, as Linux's show_unhandled_signals does.
 */
#include <asm/extable.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <asm/user_fault.h>
#include <kernel/mmap.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>

extern const u8 iret_to_user[];

unsigned long user_iret_faults;

struct user_trap_info {
	int sig;
	int code;	  /* si_code: SI_KERNEL where Linux gives no other */
	bool at_ip;	  /* si_addr is the faulting instruction's */
	const char *desc; /* as Linux's do_trap() / show_signal() print it */
};

/* Laid out by hand: a vector a line. */
/* clang-format off */
static const struct user_trap_info user_traps[NR_EXCEPTIONS] = {
	[X86_TRAP_DE]	= { SIGFPE,  FPE_INTDIV, true,  "trap divide error" },
	[X86_TRAP_DB]	= { SIGTRAP, SI_KERNEL,	 false, "trap debug" },
	[X86_TRAP_BP]	= { SIGTRAP, SI_KERNEL,	 false, "trap int3" },
	[X86_TRAP_OF]	= { SIGSEGV, SI_KERNEL,	 false, "trap overflow" },
	[X86_TRAP_BR]	= { SIGSEGV, SI_KERNEL,	 false, "trap bounds" },
	[X86_TRAP_UD]	= { SIGILL,  ILL_ILLOPN, true,  "trap invalid opcode" },
	[X86_TRAP_NM]	= { SIGSEGV, SI_KERNEL,	 false, "trap device not available" },
	[X86_TRAP_TS]	= { SIGSEGV, SI_KERNEL,	 false, "trap invalid TSS" },
	[X86_TRAP_NP]	= { SIGBUS,  SI_KERNEL,	 false, "trap segment not present" },
	[X86_TRAP_SS]	= { SIGBUS,  SI_KERNEL,	 false, "trap stack segment" },
	[X86_TRAP_GP]	= { SIGSEGV, SI_KERNEL,	 false, "general protection fault" },
	[X86_TRAP_MF]	= { SIGFPE,  SI_KERNEL,	 true,  "trap coprocessor error" },
	[X86_TRAP_AC]	= { SIGBUS,  BUS_ADRALN, false, "trap alignment check" },
	[X86_TRAP_XF]	= { SIGFPE,  SI_KERNEL,	 true,  "trap simd error" },
};
/* clang-format on */

/*
 * Send the program its fault's signal, keeping what the sigcontext of a
 * handler's frame shows of it: true if a handler will take it.
 */
static bool user_fault_signal(const struct pt_regs *regs, int sig, int code, unsigned long addr,
			      unsigned long cr2)
{
	struct thread_struct *t = &current->thread;

	t->trap_nr = regs->vector;
	t->error_code = regs->error_code;
	t->cr2 = cr2;
	return force_sig_fault(sig, code, addr);
}

__noreturn void user_fault_exit(int sig)
{
	local_irq_enable(); /* the exception came with them off; the exit may sleep */
	task_exit(W_EXITCODE(0, sig));
}

/*
 * The memory manager first: a page not made yet, a stack to grow, a page
 * to copy on write.  Interrupts go back on for it if the program had
 * them, as the page may have to be allocated or copied.
 */
static enum fault_result mm_fault(struct pt_regs *regs, unsigned long addr,
				  unsigned long error_code)
{
	enum fault_result r;

	if (!current->mm)
		return FAULT_MAPERR;
	if (regs->rflags & X86_EFLAGS_IF)
		local_irq_enable();
	r = handle_mm_fault(current->mm, addr, error_code);
	local_irq_disable();
	return r;
}

bool fault_in_user_page(struct pt_regs *regs, unsigned long addr)
{
	return addr < TASK_SIZE_MAX && search_exception_tables(regs->rip) &&
	       mm_fault(regs, addr, regs->error_code) == FAULT_HANDLED;
}

void handle_user_page_fault(struct pt_regs *regs, unsigned long addr, unsigned long error_code)
{
	int code = SEGV_MAPERR;

	switch (mm_fault(regs, addr, error_code)) {
	case FAULT_HANDLED:
		return;
	case FAULT_OOM:
		pr_err("Out of memory: Killed process %d (%s)\n", current->pid, current->comm);
		user_fault_exit(SIGKILL);
	case FAULT_MAPERR:
		code = SEGV_MAPERR;
		break;
	case FAULT_ACCERR:
		code = SEGV_ACCERR;
		break;
	}
	if (user_fault_signal(regs, SIGSEGV, code, addr, addr))
		return;
	pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n", current->comm,
		current->pid, addr, regs->rip, regs->rsp, error_code);
}

/* The log line of an exception in ring 3. */
static void show_signal(const struct pt_regs *regs, const struct user_trap_info *info)
{
	if (info && info->desc)
		pr_info("traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n", current->comm, current->pid,
			info->desc, regs->rip, regs->rsp, regs->error_code);
	else
		pr_info("traps: %s[%d] %s (vector %lu) ip:%lx sp:%lx error:%lx\n", current->comm,
			current->pid, exception_name(regs->vector), regs->vector, regs->rip,
			regs->rsp, regs->error_code);
}

void user_trap(struct pt_regs *regs)
{
	const struct user_trap_info *info =
		regs->vector < NR_EXCEPTIONS ? &user_traps[regs->vector] : NULL;
	bool known = info && info->desc;

	if (!user_fault_signal(regs, known ? info->sig : SIGSEGV, known ? info->code : SI_KERNEL,
			       known && info->at_ip ? regs->rip : 0, current->thread.cr2))
		show_signal(regs, known ? info : NULL);
}

/*
 * The frame iretq could not load is no frame to return to, nor one to
 * build a handler's on from here (this runs on a frame of its own, below
 * the task's): the process ends with SIGSEGV, handler or not.
 */
__noreturn void user_bad_iret(struct pt_regs *regs)
{
	const struct user_trap_info *info = &user_traps[X86_TRAP_GP];

	show_signal(regs, info);
	user_fault_exit(SIGSEGV);
}

/*
 * iretq faulted before it left ring 0: its frame (RIP, CS, RFLAGS, RSP,
 * SS) is where RSP pointed, and the general registers were already the
 * user's when it ran, so @regs holds them.  Copying the frame in makes
 * @regs what the user would have seen (as Linux's fixup_bad_iret()); the
 * entry has already swapped GS to the kernel's.
 */
bool fixup_bad_iret(struct pt_regs *regs)
{
	const unsigned long *frame = (const unsigned long *)regs->rsp;

	if (regs->rip != (unsigned long)iret_to_user || user_mode(regs))
		return false;
	regs->rip = frame[0];
	regs->cs = frame[1];
	regs->rflags = frame[2];
	regs->rsp = frame[3];
	regs->ss = frame[4];
	user_iret_faults++;
	return true;
}

void report_user_access_oops(const struct pt_regs *regs, unsigned long addr)
{
	unsigned long err = regs->error_code;
	phys_addr_t phys;
	u64 flags;

	if (addr >= TASK_SIZE_MAX || (err & X86_PF_USER) || !(err & X86_PF_PROT))
		return;
	if (!translate(addr, &phys, &flags) || !(flags & _PAGE_USER))
		return;
	if ((err & X86_PF_INSTR) && !(flags & _PAGE_NX))
		pr_emerg("BUG: SMEP: the kernel tried to execute user memory at %#lx\n", addr);
	else if (!(err & X86_PF_INSTR) && cpu_has_smap && !(regs->rflags & X86_EFLAGS_AC))
		pr_emerg("BUG: SMAP: kernel %s of user memory at %#lx outside the user access "
			 "functions (<kernel/uaccess.h>)\n",
			 err & X86_PF_WRITE ? "write" : "read", addr);
}
