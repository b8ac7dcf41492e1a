// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: sending them, what a process keeps of them, and what it does
 * with them on its way back to user mode, with Linux's semantics.
 *
 * A signal sent is recorded in the target's pending set with its
 * siginfo (one of each signal: a signal already pending is not queued
 * again), unless the target would ignore it anyway, in which case it is
 * dropped at once, as Linux's sig_ignored() does; a blocked signal is
 * always kept, as its disposition may change before it is unblocked.
 * Whenever a signal the process does not block is pending, its
 * EXIT_WORK_SIGNAL is set, so that its way back to user mode takes the
 * slow path to get_signal(), and a sleep it is in that a signal may end
 * (task_struct.interruptible) is ended.
 *
 * get_signal() does the default actions (end, stop, ignore) and hands a
 * signal with a handler to the architecture, which writes the frame
 * (arch/x86_64/kernel/signal.c).  A signal that ends the process by
 * default, sent to a process that neither blocks nor catches it, marks
 * it as ending at once (signal.fatal, Linux's group exit): a stopped
 * process wakes for it, and fatal_signal_pending() sees it.
 *
 * Stops and continues are job control: a stop signal's default action
 * stops the process on its way to user mode, where it sleeps taking no
 * CPU until SIGCONT (whatever SIGCONT's disposition) or a fatal signal;
 * the parent hears of both through SIGCHLD and wait4().  In an orphaned
 * process group only SIGSTOP stops, as in Linux (kernel/exit.c).
 *
 * init (pid 1) takes only the signals it has a handler for (Linux's
 * SIGNAL_UNKILLABLE), SIGKILL and SIGSTOP included; a fault of its own
 * that it does not catch still ends it, and the machine with it.
 *
 * The state changes with interrupts off: on one CPU that keeps out every
 * other task and the interrupt handlers that send signals (a terminal's
 * ^C).
 */
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/thread.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/preempt.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/uaccess.h>

#define SIG_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_IGNORE_MASK (sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) | sigmask(SIGWINCH))
/* Faults of the program itself, taken before any other (Linux's SYNCHRONOUS_MASK). */
#define SIG_SYNCHRONOUS_MASK                                                       \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
	 sigmask(SIGFPE) | sigmask(SIGSYS))

static bool sig_in(int sig, sigset_t set)
{
	return set & sigmask(sig);
}

/*
 * @sig is 1 to _NSIG, which every caller has checked; the mask says so to
 * the compiler too, whose array-bounds check under UBSan cannot follow
 * the callers (GCC 12 warns, and W=e stops, otherwise).
 */
static struct k_sigaction *action_of(struct task_struct *p, int sig)
{
	return &p->signal.sighand->action[(unsigned int)(sig - 1) % _NSIG];
}

/* Whether @p's disposition of @sig is to do nothing with it. */
static bool handler_ignores(struct task_struct *p, int sig)
{
	unsigned long h = action_of(p, sig)->handler;

	return h == SIG_IGN || (h == SIG_DFL && sig_in(sig, SIG_IGNORE_MASK));
}

/*
 * Whether @sig is blocked by @p, counting the mask rt_sigtimedwait()
 * lowered for its wait (Linux's real_blocked): such a signal is for the
 * wait to take, neither dropped nor fatal.
 */
static bool sig_blocked(const struct task_struct *p, int sig)
{
	return sig_in(sig, p->signal.blocked | p->signal.real_blocked);
}

/* Whether @sig, sent now, ends @p: its default action, unblocked, not init. */
static bool sig_fatal(struct task_struct *p, int sig)
{
	return action_of(p, sig)->handler == SIG_DFL &&
	       !sig_in(sig, SIG_IGNORE_MASK | SIG_STOP_MASK) && !sig_blocked(p, sig) && p->pid != 1;
}

/*
 * @p, not the caller, was sent a signal (interrupts off): only the
 * process itself ever clears EXIT_WORK_SIGNAL, on its way out, so that a
 * call it returns -ERESTART* from always reaches the restart logic.
 */
static void signal_set_work(struct task_struct *p)
{
	if (signal_pending(p))
		__atomic_or_fetch(&p->exit_work, EXIT_WORK_SIGNAL, __ATOMIC_RELAXED);
}

/* Interrupts off; @p is the caller, or has no system call under way. */
static void recalc_sigpending(struct task_struct *p)
{
	if (signal_pending(p))
		__atomic_or_fetch(&p->exit_work, EXIT_WORK_SIGNAL, __ATOMIC_RELAXED);
	else
		__atomic_and_fetch(&p->exit_work, ~EXIT_WORK_SIGNAL, __ATOMIC_RELAXED);
}

bool signal_pending(const struct task_struct *p)
{
	const struct task_signals *s = &p->signal;

	return (__atomic_load_n(&s->pending, __ATOMIC_RELAXED) & ~s->blocked) || s->fatal;
}

/* A sleeping @p whose sleep a signal may end, or a stopped one a fatal signal ends. */
static void signal_wake_up(struct task_struct *p, bool fatal)
{
	if (p->state == TASK_SLEEPING && (p->interruptible || (fatal && p->signal.stopped)))
		wake_up_process(p);
}

static int send_signal(struct task_struct *p, int sig, const struct kernel_siginfo *info);

/* @p stopped or continued: its parent hears of it (@why: CLD_STOPPED or CLD_CONTINUED). */
static void notify_parent_cldstop(struct task_struct *p, int why)
{
	struct task_struct *parent = p->parent;
	struct kernel_siginfo info = { .code = why, .pid = p->pid };

	if (!parent || !parent->process || !parent->signal.sighand)
		return;
	if (parent->in_wait4)
		wake_up_process(parent);
	if (action_of(parent, SIGCHLD)->flags & SA_NOCLDSTOP)
		return;
	info.status = why == CLD_CONTINUED ? SIGCONT : p->signal.stop_report;
	send_signal(parent, SIGCHLD, &info);
}

/*
 * What a stop or a continue does whatever the disposition, at sending
 * time (Linux's prepare_signal()): each discards the other's pending
 * signals, and SIGCONT wakes a stopped process.
 */
static void prepare_signal(struct task_struct *p, int sig)
{
	struct task_signals *s = &p->signal;

	if (sig_in(sig, SIG_STOP_MASK)) {
		s->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		s->pending &= ~SIG_STOP_MASK;
		if (s->stopped) {
			s->stopped = false;
			s->stop_report = 0;
			s->cont_report = true;
			notify_parent_cldstop(p, CLD_CONTINUED);
			wake_up_process(p);
		}
	}
}

/* Interrupts off. */
static int send_signal(struct task_struct *p, int sig, const struct kernel_siginfo *info)
{
	struct task_signals *s = &p->signal;

	if (!p->process)
		return -EPERM; /* the kernel's own tasks take no signals */
	if (!sig || p->state == TASK_DEAD || !s->sighand)
		return 0;
	prepare_signal(p, sig);
	if (sig_blocked(p, sig)) {
		/* kept: its disposition may change before it is unblocked */
	} else if (p->pid == 1 && action_of(p, sig)->handler == SIG_DFL) {
		return 0; /* init's defaults: nothing would act on them */
	} else if (handler_ignores(p, sig)) {
		return 0;
	}
	if (sig_in(sig, s->pending))
		return 0; /* not queued twice */
	s->sighand->info[sig - 1] = *info;
	__atomic_or_fetch(&s->pending, sigmask(sig), __ATOMIC_RELAXED);
	if (sig_fatal(p, sig) && !s->fatal)
		s->fatal = sig;
	signal_set_work(p);
	if (!sig_in(sig, s->blocked))
		signal_wake_up(p, s->fatal);
	return 0;
}

int send_sig(int sig, struct task_struct *p)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };
	unsigned long flags = local_irq_save();
	int err = send_signal(p, sig, &info);

	local_irq_restore(flags);
	return err;
}

/* Interrupts off.  @pid: what kill() takes, less the single process. */
static int send_group(int pid, int sig, const struct kernel_siginfo *info)
{
	struct task_struct *p;
	int sent = 0;

	/* A zombie counts, as in Linux: send_signal() does nothing to it, and says 0. */
	for (p = next_task(NULL); p; p = next_task(p)) {
		if (!p->process)
			continue;
		if (pid == -1 ? p->pid == 1 || p == current : p->pgrp != -pid)
			continue;
		if (!send_signal(p, sig, info))
			sent++;
	}
	return sent ? 0 : -ESRCH;
}

int kill_pgrp(int pgrp, int sig)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };
	unsigned long flags;
	int err;

	if (pgrp <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	flags = local_irq_save();
	err = send_group(-pgrp, sig, &info);
	local_irq_restore(flags);
	return err;
}

int kill_pid(int pid, int sig)
{
	struct kernel_siginfo info = { .code = SI_USER, .pid = current->pid };
	unsigned long flags;
	struct task_struct *p;
	int err = -ESRCH;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	flags = local_irq_save();
	if (pid > 0) {
		p = find_task_by_pid(pid);
		if (p)
			err = send_signal(p, sig, &info);
	} else if (pid == -1) {
		err = send_group(-1, sig, &info);
	} else if (pid == 0) {
		err = send_group(-current->pgrp, sig, &info);
	} else if (pid != -0x7fffffff - 1) { /* -INT_MIN is no group */
		err = send_group(pid, sig, &info);
	}
	local_irq_restore(flags);
	return err;
}

bool force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *p = current;
	struct task_signals *s = &p->signal;
	unsigned long flags = local_irq_save();
	struct k_sigaction *ka;
	bool handled;

	if (!s->sighand) { /* a kernel thread running user code (a test): it ends */
		if (!s->fatal)
			s->fatal = sig;
		recalc_sigpending(p);
		local_irq_restore(flags);
		return false;
	}
	ka = action_of(p, sig);

	/*
	 * A program cannot go on past its own fault: a blocked or ignored
	 * signal is unblocked and back to its default (Linux's
	 * force_sig_info_to_task()), so that a fault in a handler that
	 * blocks it ends the process instead of looping.
	 */
	if (sig_in(sig, s->blocked) || ka->handler == SIG_IGN) {
		ka->handler = SIG_DFL;
		s->blocked &= ~sigmask(sig);
	}
	handled = ka->handler != SIG_DFL;
	s->sighand->info[sig - 1] = (struct kernel_siginfo){ .code = code, .addr = addr };
	__atomic_or_fetch(&s->pending, sigmask(sig), __ATOMIC_RELAXED);
	if (!handled && !s->fatal)
		s->fatal = sig; /* init too: its own fault ends it */
	recalc_sigpending(p);
	local_irq_restore(flags);
	return handled;
}

void force_sigsegv(int sig)
{
	if (sig == SIGSEGV && current->signal.sighand)
		action_of(current, SIGSEGV)->handler = SIG_DFL;
	force_sig_fault(SIGSEGV, SI_KERNEL, 0);
}

/*
 * The calling process stops with @sig (interrupts off): its parent hears
 * of it, and it sleeps until SIGCONT clears signal.stopped or a fatal
 * signal comes.
 */
static void do_signal_stop(int sig)
{
	struct task_struct *p = current;
	struct task_signals *s = &p->signal;

	s->stopped = true;
	s->stop_report = sig;
	s->cont_report = false;
	notify_parent_cldstop(p, CLD_STOPPED);
	while (s->stopped && !s->fatal) {
		p->state = TASK_SLEEPING;
		__schedule();
	}
	s->stopped = false;
}

/* The next signal to take: a fault of the program first, then the lowest. */
static int next_signal(sigset_t ready)
{
	sigset_t sync = ready & SIG_SYNCHRONOUS_MASK;

	return __builtin_ctzll(sync ? sync : ready) + 1;
}

bool get_signal(struct ksignal *ksig)
{
	struct task_struct *p = current;
	struct task_signals *s = &p->signal;
	unsigned long flags = local_irq_save();

	for (;;) {
		sigset_t ready = s->pending & ~s->blocked;
		struct k_sigaction *ka;
		int sig;

		if (s->fatal) {
			int code = W_EXITCODE(0, s->fatal);

			local_irq_enable();
			task_exit(code);
		}
		if (!ready)
			break;
		sig = next_signal(ready);
		__atomic_and_fetch(&s->pending, ~sigmask(sig), __ATOMIC_RELAXED);
		ka = action_of(p, sig);
		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			ksig->sig = sig;
			ksig->ka = *ka;
			ksig->info = s->sighand->info[sig - 1];
			recalc_sigpending(p);
			local_irq_restore(flags);
			return true;
		}
		if (sig_in(sig, SIG_IGNORE_MASK) || p->pid == 1)
			continue;
		if (sig_in(sig, SIG_STOP_MASK)) {
			/*
			 * In an orphaned group nobody could continue it: a
			 * stop the terminal or the program asked for is
			 * dropped, as in Linux; SIGSTOP still stops.
			 */
			if (sig != SIGSTOP && will_become_orphaned_pgrp(p->pgrp, NULL))
				continue;
			do_signal_stop(sig);
		} else {
			s->fatal = sig; /* the end, the core dumping ones too (no core files) */
		}
	}
	recalc_sigpending(p);
	local_irq_restore(flags);
	return false;
}

sigset_t sigmask_to_save(void)
{
	struct task_signals *s = &current->signal;

	return s->restore_mask ? s->saved_mask : s->blocked;
}

void set_current_blocked(sigset_t mask)
{
	unsigned long flags = local_irq_save();

	current->signal.blocked = mask & ~SIG_KERNEL_ONLY;
	recalc_sigpending(current);
	local_irq_restore(flags);
}

void signal_delivered(const struct ksignal *ksig)
{
	struct task_signals *s = &current->signal;
	/* In rt_sigsuspend(), its mask, as Linux: the frame holds the one to go back to. */
	sigset_t mask = s->blocked | ksig->ka.mask;

	if (!(ksig->ka.flags & SA_NODEFER))
		mask |= sigmask(ksig->sig);
	s->restore_mask = false;
	/* SS_AUTODISARM: the handler may itself change it, sigaltstack() sees it off. */
	if (s->sas_ss_flags & SS_AUTODISARM)
		s->sas_ss_sp = s->sas_ss_size = s->sas_ss_flags = 0;
	if (ksig->ka.flags & SA_RESETHAND)
		action_of(current, ksig->sig)->handler = SIG_DFL;
	set_current_blocked(mask);
}

void restore_saved_sigmask(void)
{
	struct task_signals *s = &current->signal;

	if (s->restore_mask) {
		s->restore_mask = false;
		set_current_blocked(s->saved_mask);
	}
}

void exit_to_user_mode(void)
{
	unsigned long flags = local_irq_save();

	/*
	 * The way back to a program is always a safe point to give up the
	 * CPU, whatever the preemption model: without this, a program that
	 * never makes a system call would keep the CPU for good under
	 * PREEMPT_NONE.  Until nothing is left to do, with interrupts off:
	 * a signal sent while the task was switched out is seen before ring
	 * 3, and a caller that keeps them off until ring 3 (every caller on
	 * the way there) leaves no gap after the last look.  A signal's
	 * frame is written with interrupts on, as the user's stack may have
	 * to be faulted in.
	 */
	for (;;) {
		if (need_resched() && !preempt_count()) {
			__schedule();
			continue;
		}
		if (!(__atomic_load_n(&current->exit_work, __ATOMIC_RELAXED) & EXIT_WORK_SIGNAL))
			break;
		local_irq_enable();
		arch_do_signal_or_restart(task_pt_regs(current));
		local_irq_disable();
	}
	local_irq_restore(flags);
}

struct sighand_struct *sighand_alloc(void)
{
	return kzalloc(sizeof(struct sighand_struct)); /* SIG_DFL is 0 */
}

struct sighand_struct *exit_signals(struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	struct sighand_struct *sighand = p->signal.sighand;

	/* From here a signal sent to it is dropped, as to the dead. */
	p->signal.sighand = NULL;
	p->signal.pending = 0;
	local_irq_restore(flags);
	return sighand;
}

void signal_fork(struct task_struct *child, struct sighand_struct *sighand,
		 const struct task_struct *parent, int exit_signal)
{
	struct task_signals *c = &child->signal;
	const struct task_signals *s = &parent->signal;

	if (s->sighand)
		memcpy(sighand->action, s->sighand->action, sizeof(sighand->action));
	c->sighand = sighand;
	c->blocked = s->blocked;
	c->sas_ss_sp = s->sas_ss_sp;
	c->sas_ss_size = s->sas_ss_size;
	c->sas_ss_flags = s->sas_ss_flags;
	c->exit_signal = exit_signal;
}

void signal_exec(struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	struct k_sigaction *ka;
	int sig;

	for (sig = 1; sig <= _NSIG && p->signal.sighand; sig++) {
		ka = action_of(p, sig);
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
	p->signal.sas_ss_sp = p->signal.sas_ss_size = 0;
	p->signal.sas_ss_flags = 0;
	local_irq_restore(flags);
}

bool do_notify_parent(struct task_struct *p)
{
	struct task_struct *parent = p->parent;
	struct kernel_siginfo info = { .pid = p->pid };
	int sig = p->signal.exit_signal;
	bool autoreap = false;

	if (!parent || !parent->process || !parent->signal.sighand)
		return false;
	if (WIFSIGNALED(p->exit_code)) {
		info.code = CLD_KILLED;
		info.status = WTERMSIG(p->exit_code);
	} else {
		info.code = CLD_EXITED;
		info.status = WEXITSTATUS(p->exit_code);
	}
	/* A parent that ignores SIGCHLD, or says SA_NOCLDWAIT, will not wait: no zombie. */
	if (sig == SIGCHLD) {
		struct k_sigaction *ka = action_of(parent, SIGCHLD);

		if (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT)) {
			autoreap = true;
			if (ka->handler == SIG_IGN)
				sig = 0;
		}
	}
	if (sig > 0 && sig <= _NSIG)
		send_signal(parent, sig, &info);
	return autoreap;
}

/* Sleep until a signal the caller does not block comes (pause(), rt_sigsuspend()). */
static void sleep_until_signal(void)
{
	struct task_struct *p = current;
	unsigned long flags;

	might_sleep();
	flags = local_irq_save();
	while (!signal_pending(p)) {
		p->interruptible = true;
		p->state = TASK_SLEEPING;
		__schedule();
		p->interruptible = false;
	}
	local_irq_restore(flags);
}

bool on_sig_stack(unsigned long sp)
{
	const struct task_signals *s = &current->signal;

	/* With SS_AUTODISARM the stack is disarmed while in use: never "on" it. */
	if (s->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > s->sas_ss_sp && sp - s->sas_ss_sp <= s->sas_ss_size;
}

/* The flags sigaltstack() reports for a program running on @sp. */
static int sas_ss_flags(unsigned long sp)
{
	if (!current->signal.sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

int do_sigaltstack(unsigned long ss_sp, int ss_flags, unsigned long ss_size, unsigned long sp)
{
	struct task_signals *s = &current->signal;
	unsigned int mode = (unsigned int)ss_flags & ~SS_AUTODISARM;

	if (on_sig_stack(sp))
		return -EPERM;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		ss_sp = ss_size = 0;
	} else if (ss_size < MINSIGSTKSZ) {
		return -ENOMEM;
	}
	s->sas_ss_sp = ss_sp;
	s->sas_ss_size = ss_size;
	s->sas_ss_flags = (unsigned int)ss_flags & SS_AUTODISARM;
	return 0;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	return kill_pid(pid, sig);
}

/* One thread a process: a thread id is a pid. */
static long do_tkill(int tgid, int pid, int sig)
{
	struct kernel_siginfo info = { .code = SI_TKILL, .pid = current->pid };
	unsigned long flags = local_irq_save();
	struct task_struct *p = find_task_by_pid(pid);
	long err = -ESRCH;

	/* A zombie too, as in Linux: it is there, and send_signal() says 0. */
	if (p && p->process && (tgid <= 0 || p->pid == tgid))
		err = sig < 0 || sig > _NSIG ? -EINVAL : send_signal(p, sig, &info);
	local_irq_restore(flags);
	return err;
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/*
 * The order of the checks is Linux's: the set's size, then the copy of
 * the new action, then the signal; an old action is written after the
 * new one is set, so a bad @oact gives -EFAULT with the change made.
 */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	unsigned long flags;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (!current->signal.sighand)
		return -ENOSYS; /* a kernel thread running user code: not a process */
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (sig < 1 || sig > _NSIG || (act && sig_in(sig, SIG_KERNEL_ONLY)))
		return -EINVAL;
	flags = local_irq_save();
	old = *action_of(current, sig);
	if (act) {
		new.flags &= SA_KNOWN;
		new.mask &= ~SIG_KERNEL_ONLY;
		*action_of(current, sig) = new;
		/* A signal now ignored is discarded, blocked or not (POSIX). */
		if (handler_ignores(current, sig)) {
			current->signal.pending &= ~sigmask(sig);
			recalc_sigpending(current);
		}
	}
	local_irq_restore(flags);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset, sigset_t __user *, oset, size_t,
		sigsetsize)
{
	sigset_t old = current->signal.blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set |= old;
			break;
		case SIG_UNBLOCK:
			set = old & ~set;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The pending signals the caller blocks (the others are being taken). */
SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t set = current->signal.pending & current->signal.blocked;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/*
 * Wait with @unewset as the mask for a signal that runs a handler or
 * ends the process; the caller's mask is back once the handler is set up
 * (the frame saves it) or, with no handler, on the way out.  A signal
 * without a handler (a stop and a continue) restarts the wait.
 */
SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	struct task_signals *s = &current->signal;
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, unewset, sizeof(set)))
		return -EFAULT;
	s->saved_mask = s->blocked;
	set_current_blocked(set);
	sleep_until_signal();
	s->restore_mask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE0(pause)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* Linux's struct __kernel_timespec */
struct user_timespec {
	long long tv_sec, tv_nsec;
};

/* Take a pending signal of @these off, its siginfo in *@info: the signal, or 0.  Interrupts off. */
static int dequeue_of(sigset_t these, struct kernel_siginfo *info)
{
	struct task_signals *s = &current->signal;
	sigset_t ready = s->pending & these;
	int sig;

	if (!ready)
		return 0;
	sig = next_signal(ready);
	s->pending &= ~sigmask(sig);
	*info = s->sighand->info[sig - 1];
	recalc_sigpending(current);
	return sig;
}

/*
 * Wait for a signal of @these (usually blocked) and take it without its
 * handler (Linux's do_sigtimedwait()): the signals of @these are
 * unblocked for the wait, so that their arrival ends it.  The signal;
 * -EAGAIN when @uts runs out (at once for 0), -EINTR if another signal
 * came first (never restarted, as in Linux).
 */
SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, void __user *, uinfo,
		const struct user_timespec __user *, uts, size_t, sigsetsize)
{
	struct task_struct *p = current;
	struct task_signals *s = &p->signal;
	struct kernel_siginfo info;
	struct user_timespec ts;
	sigset_t these;
	unsigned long flags;
	u64 end = 0;
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts && copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (uts && (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC))
		return -EINVAL;
	if (!s->sighand)
		return -ENOSYS;
	these &= ~SIG_KERNEL_ONLY;
	if (uts) {
		if (ts.tv_sec > 0xffffffffLL) /* 136 years: no overflow below */
			ts.tv_sec = 0xffffffffLL;
		end = ktime_get() + (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	might_sleep();
	flags = local_irq_save();
	sig = dequeue_of(these, &info);
	if (!sig && !(uts && !ts.tv_sec && !ts.tv_nsec)) {
		s->real_blocked = s->blocked;
		s->blocked &= ~these;
		recalc_sigpending(p);
		while (!signal_pending(p)) {
			u64 now = ktime_get();

			if (uts && now >= end)
				break;
			p->interruptible = true;
			set_current_state(TASK_SLEEPING);
			if (uts)
				__schedule_timeout((end - now + TICK_NSEC - 1) / TICK_NSEC);
			else
				__schedule();
			p->interruptible = false;
		}
		s->blocked = s->real_blocked;
		s->real_blocked = 0;
		sig = dequeue_of(these, &info);
		if (!sig && signal_pending(p))
			sig = -EINTR;
	}
	recalc_sigpending(p);
	local_irq_restore(flags);
	if (!sig)
		return -EAGAIN;
	if (sig > 0 && uinfo && copy_siginfo_to_user(uinfo, sig, &info))
		return -EFAULT;
	return sig;
}

/* Linux's stack_t */
struct user_stack {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

SYSCALL_DEFINE2(sigaltstack, const struct user_stack __user *, uss, struct user_stack __user *,
		uoss)
{
	const struct task_signals *s = &current->signal;
	unsigned long sp = task_pt_regs(current)->rsp;
	struct user_stack old, new;
	int err;

	memset(&old, 0, sizeof(old)); /* no stack bytes in the padding */
	old.ss_sp = s->sas_ss_sp;
	old.ss_flags = sas_ss_flags(sp) | (int)s->sas_ss_flags;
	old.ss_size = s->sas_ss_size;
	if (uss) {
		if (copy_from_user(&new, uss, sizeof(new)))
			return -EFAULT;
		err = do_sigaltstack(new.ss_sp, new.ss_flags, new.ss_size, sp);
		if (err)
			return err;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* A system call that a signal interrupted and cannot go on: -EINTR. */
static long do_no_restart_syscall(struct restart_block *rb)
{
	return -EINTR;
}

void set_restart_fn(long (*fn)(struct restart_block *rb))
{
	current->signal.restart.fn = fn;
}

/*
 * Where an interrupted call that returned -ERESTART_RESTARTBLOCK goes on
 * when no handler ran (the frame's RAX becomes this call's number).
 */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &current->signal.restart;
	long (*fn)(struct restart_block * rb) = rb->fn ? rb->fn : do_no_restart_syscall;

	rb->fn = do_no_restart_syscall;
	return fn(rb);
}
