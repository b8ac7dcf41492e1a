// SPDX-License-Identifier: GPL-2.0
/*
 * Faults of ring 3 kill the task, not the kernel (<asm/user_fault.h>).
 *
 * The lines are Linux's own, so that what a Linux user knows to read is
 * there: a page fault as arch/x86/mm/fault.c's show_signal_msg() prints
 * it, "NAME[PID]: segfault at ADDR ip IP sp SP error E" (without the
 * " in FILE[START+SIZE]" part, as there are no mappings of files yet),
 * the other exceptions as arch/x86/kernel/traps.c's show_signal() and
 * do_trap(), "traps: NAME[PID] trap divide error ip:IP sp:SP error:E".
 * The signals are those Linux sends for each exception.
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
	const char *desc; /* as Linux's do_trap() / show_signal() print it */
};

/* Laid out by hand: a vector a line. */
/* clang-format off */
static const struct user_trap_info user_traps[NR_EXCEPTIONS] = {
	[X86_TRAP_DE]	= { SIGFPE,  "trap divide error" },
	[X86_TRAP_DB]	= { SIGTRAP, "trap debug" },
	[X86_TRAP_BP]	= { SIGTRAP, "trap int3" },
	[X86_TRAP_OF]	= { SIGSEGV, "trap overflow" },
	[X86_TRAP_BR]	= { SIGSEGV, "trap bounds" },
	[X86_TRAP_UD]	= { SIGILL,  "trap invalid opcode" },
	[X86_TRAP_NM]	= { SIGSEGV, "trap device not available" },
	[X86_TRAP_TS]	= { SIGSEGV, "trap invalid TSS" },
	[X86_TRAP_NP]	= { SIGBUS,  "trap segment not present" },
	[X86_TRAP_SS]	= { SIGBUS,  "trap stack segment" },
	[X86_TRAP_GP]	= { SIGSEGV, "general protection fault" },
	[X86_TRAP_MF]	= { SIGFPE,  "trap coprocessor error" },
	[X86_TRAP_AC]	= { SIGBUS,  "trap alignment check" },
	[X86_TRAP_XF]	= { SIGFPE,  "trap simd error" },
};
/* clang-format on */

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
	switch (mm_fault(regs, addr, error_code)) {
	case FAULT_HANDLED:
		return;
	case FAULT_OOM:
		pr_err("Out of memory: Killed process %d (%s)\n", current->pid, current->comm);
		user_fault_exit(SIGKILL);
	case FAULT_MAPERR:
	case FAULT_ACCERR:
		break;
	}
	pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n", current->comm,
		current->pid, addr, regs->rip, regs->rsp, error_code);
	user_fault_exit(SIGSEGV);
}

__noreturn void user_trap(struct pt_regs *regs)
{
	const struct user_trap_info *info =
		regs->vector < NR_EXCEPTIONS ? &user_traps[regs->vector] : NULL;
	int sig = info && info->desc ? info->sig : SIGSEGV;

	if (info && info->desc)
		pr_info("traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n", current->comm, current->pid,
			info->desc, regs->rip, regs->rsp, regs->error_code);
	else
		pr_info("traps: %s[%d] %s (vector %lu) ip:%lx sp:%lx error:%lx\n", current->comm,
			current->pid, exception_name(regs->vector), regs->vector, regs->rip,
			regs->rsp, regs->error_code);
	user_fault_exit(sig);
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
