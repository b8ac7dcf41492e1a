// SPDX-License-Identifier: GPL-2.0
/*
 * Signal frames on x86_64, and the restart of interrupted system calls,
 * as Linux's arch/x86/kernel/signal.c does them.  CONFIG_USER_MODE only.
 *
 * A handler runs on the user's stack (or its alternate stack, with
 * SA_ONSTACK), below the 128-byte red zone the ABI leaves to leaf
 * functions, on a struct rt_sigframe: the return address (sa_restorer,
 * which C libraries point at a stub calling rt_sigreturn()), a ucontext
 * with the interrupted registers as Linux's struct sigcontext lays them
 * out and the mask to restore, and the siginfo.  The x87 and SSE state
 * lies above it, in FXSAVE's 512 bytes, 64-byte aligned, where
 * uc_mcontext.fpstate points.  The frame is placed so that RSP + 8 is a
 * multiple of 16 at the handler's first instruction, as after a call.
 * The handler starts with RDI = the signal, RSI = &info, RDX = &uc,
 * RAX = 0, DF, TF and RF clear, and a clean FPU.
 *
 * rt_sigreturn() trusts nothing of the frame: the selectors get RPL 3
 * (a bad one faults in iretq, which ends the process with SIGSEGV), only
 * the RFLAGS bits a program may change are taken, and a frame that
 * cannot be read, or whose FXSAVE area FXRSTOR would refuse (not 16-byte
 * aligned, reserved MXCSR bits), is a SIGSEGV, as in Linux.
 * Documentation/core/signals.md draws the frame.
 */
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/thread.h>
#include <asm/unistd.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

#define RED_ZONE 128

/* uc_flags: SS is saved, and restored as it is (Linux's, no XSAVE state) */
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4

/* What rt_sigreturn() may change of RFLAGS (Linux's FIX_EFLAGS) */
#define X86_EFLAGS_CF 0x0001UL
#define X86_EFLAGS_PF 0x0004UL
#define X86_EFLAGS_AF 0x0010UL
#define X86_EFLAGS_ZF 0x0040UL
#define X86_EFLAGS_SF 0x0080UL
#define X86_EFLAGS_OF 0x0800UL
#define FIX_EFLAGS                                                                       \
	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_SF | \
	 X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | X86_EFLAGS_RF)

/* Linux's struct sigcontext, 64-bit */
struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	u64 eflags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate; /* the FXSAVE area, or 0 for a clean FPU */
	u64 reserved1[8];
};

struct user_stack_t {
	u64 ss_sp;
	int ss_flags;
	u64 ss_size;
};

struct ucontext {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

/* Linux's siginfo_t: 128 bytes, the union at 16 */
struct user_siginfo {
	int si_signo, si_errno, si_code, __pad;
	union {
		struct {
			int pid, uid, status;
			long utime, stime;
		} chld;	  /* kill()'s pid and uid, and SIGCHLD's */
		u64 addr; /* a fault's */
		u8 raw[112];
	};
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext uc;
	struct user_siginfo info;
};

static void fill_siginfo(struct user_siginfo *si, int sig, const struct kernel_siginfo *info)
{
	si->si_signo = sig;
	si->si_code = info->code;
	if (info->code == SI_KERNEL)
		return;
	if (info->code <= 0 || sig == SIGCHLD) { /* SI_USER, SI_TKILL: the sender */
		si->chld.pid = info->pid;
		si->chld.status = info->status;
	} else {
		si->addr = info->addr;
	}
}

int copy_siginfo_to_user(void __user *to, int sig, const struct kernel_siginfo *info)
{
	struct user_siginfo si;

	memset(&si, 0, sizeof(si));
	fill_siginfo(&si, sig, info);
	return copy_to_user(to, &si, sizeof(si)) ? -EFAULT : 0;
}

/*
 * Where the frame goes (Linux's get_sigframe()): its address, with the
 * FXSAVE area's in *@fpstate, or 0 if it would overflow the alternate
 * stack the handler runs on.
 */
static unsigned long get_sigframe(const struct ksignal *ksig, const struct pt_regs *regs,
				  unsigned long *fpstate)
{
	const struct task_signals *s = &current->signal;
	unsigned long sp = regs->rsp - RED_ZONE;
	bool nested = on_sig_stack(sp), entering = false;

	if ((ksig->ka.flags & SA_ONSTACK) && s->sas_ss_size && !nested) {
		sp = s->sas_ss_sp + s->sas_ss_size;
		entering = true;
	}
	sp = (sp - FXSAVE_SIZE) & ~63UL;
	*fpstate = sp;
	sp = ((sp - sizeof(struct rt_sigframe)) & ~15UL) - 8;
	if ((nested && !on_sig_stack(sp)) || (entering && sp < s->sas_ss_sp))
		return 0;
	return sp;
}

static bool setup_rt_frame(const struct ksignal *ksig, struct pt_regs *regs)
{
	const struct task_signals *s = &current->signal;
	const struct thread_struct *t = &current->thread;
	u8 fx[FXSAVE_SIZE] __aligned(FXSAVE_ALIGN);
	unsigned long addr, fpstate;
	struct rt_sigframe f;
	struct sigcontext *sc = &f.uc.uc_mcontext;

	/* Linux's offsets, which C libraries and debuggers know (signals.md draws them). */
	BUILD_BUG_ON(sizeof(struct sigcontext) != 256);
	BUILD_BUG_ON(offsetof(struct rt_sigframe, uc.uc_mcontext) != 48);
	BUILD_BUG_ON(offsetof(struct rt_sigframe, uc.uc_sigmask) != 304);
	BUILD_BUG_ON(offsetof(struct rt_sigframe, info) != 312);
	BUILD_BUG_ON(sizeof(struct user_siginfo) != 128);
	BUILD_BUG_ON(sizeof(struct rt_sigframe) != 440);
	/* x86_64 programs always give a restorer: the handler has nowhere to return without. */
	if (!(ksig->ka.flags & SA_RESTORER))
		return false;
	addr = get_sigframe(ksig, regs, &fpstate);
	if (!addr)
		return false;
	memset(&f, 0, sizeof(f));
	f.pretcode = ksig->ka.restorer;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	f.uc.uc_stack.ss_sp = s->sas_ss_sp;
	f.uc.uc_stack.ss_flags = (int)s->sas_ss_flags;
	f.uc.uc_stack.ss_size = s->sas_ss_size;
	f.uc.uc_sigmask = sigmask_to_save();
	*sc = (struct sigcontext){
		.r8 = regs->r8,
		.r9 = regs->r9,
		.r10 = regs->r10,
		.r11 = regs->r11,
		.r12 = regs->r12,
		.r13 = regs->r13,
		.r14 = regs->r14,
		.r15 = regs->r15,
		.rdi = regs->rdi,
		.rsi = regs->rsi,
		.rbp = regs->rbp,
		.rbx = regs->rbx,
		.rdx = regs->rdx,
		.rax = regs->rax,
		.rcx = regs->rcx,
		.rsp = regs->rsp,
		.rip = regs->rip,
		.eflags = regs->rflags,
		.cs = regs->cs,
		.ss = regs->ss,
		.err = t->error_code,
		.trapno = t->trap_nr,
		.oldmask = f.uc.uc_sigmask,
		.cr2 = t->cr2,
		.fpstate = fpstate,
	};
	fill_siginfo(&f.info, ksig->sig, &ksig->info);
	fpu_save_user(fx);
	if (copy_to_user((void __user *)addr, &f, sizeof(f)) ||
	    copy_to_user((void __user *)fpstate, fx, sizeof(fx)))
		return false;

	regs->rdi = ksig->sig;
	regs->rsi = addr + offsetof(struct rt_sigframe, info);
	regs->rdx = addr + offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rip = ksig->ka.handler;
	regs->rsp = addr;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	fpu_reset();
	return true;
}

/*
 * A system call interrupted by a signal that runs a handler: -EINTR, or
 * the call again once the handler returns (SA_RESTART, or a call that
 * must always restart), as Linux's handle_signal().
 */
static void restart_for_handler(struct pt_regs *regs, const struct ksignal *ksig)
{
	switch ((long)regs->rax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->rax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ksig->ka.flags & SA_RESTART)) {
			regs->rax = -EINTR;
			break;
		}
		__attribute__((__fallthrough__));
	case -ERESTARTNOINTR:
		regs->rax = regs->orig_ax;
		regs->rip -= 2; /* SYSCALL's length */
		break;
	}
}

/* No handler ran: every interrupted call goes on (Linux's arch_do_signal_or_restart()). */
static void restart_without_handler(struct pt_regs *regs)
{
	switch ((long)regs->rax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		regs->rax = regs->orig_ax;
		regs->rip -= 2;
		break;
	case -ERESTART_RESTARTBLOCK:
		regs->rax = __NR_restart_syscall;
		regs->rip -= 2;
		break;
	}
}

void arch_do_signal_or_restart(struct pt_regs *regs)
{
	/* rt_sigreturn() sets orig_ax to -1: its RAX is the program's, not a call's result. */
	bool syscall = regs->vector == SYSCALL_VECTOR && (long)regs->orig_ax >= 0;
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		if (syscall)
			restart_for_handler(regs, &ksig);
		if (setup_rt_frame(&ksig, regs))
			signal_delivered(&ksig);
		else
			force_sigsegv(ksig.sig);
		return;
	}
	if (syscall)
		restart_without_handler(regs);
	restore_saved_sigmask();
}

SYSCALL_DEFINE0_PTREGS(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long frame = regs->rsp - 8; /* the handler's ret took pretcode */
	u8 fx[FXSAVE_SIZE] __aligned(FXSAVE_ALIGN);
	struct ucontext uc;
	const struct sigcontext *sc = &uc.uc_mcontext;

	/* All of it read before anything changes: a bad frame changes nothing. */
	if (copy_from_user(&uc, (const void __user *)(frame + offsetof(struct rt_sigframe, uc)),
			   sizeof(uc)))
		goto badframe;
	/* What Linux's FXRSTOR from the frame would fault on is a bad frame too. */
	if (sc->fpstate && ((sc->fpstate & (FXSAVE_ALIGN - 1)) ||
			    copy_from_user(fx, (const void __user *)sc->fpstate, sizeof(fx)) ||
			    !fpu_user_state_valid(fx)))
		goto badframe;

	set_current_blocked(uc.uc_sigmask);
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->rdi;
	regs->rsi = sc->rsi;
	regs->rbp = sc->rbp;
	regs->rbx = sc->rbx;
	regs->rdx = sc->rdx;
	regs->rax = sc->rax;
	regs->rcx = sc->rcx;
	regs->rsp = sc->rsp;
	regs->rip = sc->rip;
	/* Ring 3 whatever the frame says; a selector that is no user segment faults in iretq. */
	regs->cs = sc->cs | 3;
	regs->ss = sc->ss | 3;
	if (!(uc.uc_flags & UC_STRICT_RESTORE_SS))
		regs->ss = USER_DS; /* Linux's force_valid_ss(), for old frames */
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	regs->orig_ax = -1UL; /* no system call to restart */
	if (sc->fpstate)
		fpu_restore_user(fx);
	else
		fpu_reset();
	/* As Linux: only a fault would count, and the frame was read already. */
	do_sigaltstack(uc.uc_stack.ss_sp, uc.uc_stack.ss_flags, uc.uc_stack.ss_size, regs->rsp);
	return regs->rax;

badframe:
	pr_info("%s[%d] bad frame in rt_sigreturn frame:%016lx ip:%lx sp:%lx orax:%lx\n",
		current->comm, current->pid, frame, regs->rip, regs->rsp, regs->orig_ax);
	force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	return regs->rax;
}
