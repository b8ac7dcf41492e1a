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
 * Locking (Documentation/core/locking.md).  A process's signal state is
 * under its signal lock, sighand->siglock (<kernel/signal.h>), taken with
 * interrupts off, as a tick's SIGALRM and a terminal's ^C send signals
 * from interrupts.  A sender holds tasklist_lock too, from the look-up
 * (or the walk of a group) to the end of the send: it keeps the target's
 * sighand and its parent, whom a stop or a continue is reported to, and
 * it orders the sends with a stopping process's report to its parent.
 * Never are two siglocks held at once: what goes to the parent (SIGCHLD)
 * is sent after the child's siglock is dropped, under tasklist_lock
 * still.  So the order is tasklist_lock, then a siglock, then the
 * wait-queue, timer and run-queue locks that waking a task takes.
 *
 * Sleeps: rt_sigsuspend(), pause(), rt_sigtimedwait() and a stop sleep
 * with sleep_locked() on their own siglock, which a sender holds to set
 * the condition; a sleep elsewhere that a signal ends (a wait queue's,
 * wait4()'s) is marked before it tests signal_pending(), and the sender
 * sets the pending bit before a full barrier and then looks at the mark
 * (signal_wake_up()).
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

/* @p's signal lock: its sighand, which the caller knows to be there. */
static spinlock_t *siglock_of(const struct task_struct *p)
{
	return &p->signal.sighand->siglock;
}

/*
 * @p, not the caller, was sent a signal (its siglock held): only the
 * process itself ever clears EXIT_WORK_SIGNAL, on its way out, so that a
 * call it returns -ERESTART* from always reaches the restart logic.
 */
static void signal_set_work(struct task_struct *p)
{
	if (signal_pending(p))
		__atomic_or_fetch(&p->exit_work, EXIT_WORK_SIGNAL, __ATOMIC_RELAXED);
}

/* @p's siglock held, or @p is the caller and has none (a kernel thread). */
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

/*
 * A sleeping @p whose sleep a signal may end, or a stopped one a fatal
 * signal ends; @p's siglock held, the pending bit or signal.fatal set.
 * A sleeper not under that lock (a wait queue's) marks itself sleeping
 * with a full barrier before it tests signal_pending(): the barrier here
 * orders the pending bit before the look at the mark, so that either the
 * sleeper sees the signal or this sees the mark.  A task running on
 * another CPU is interrupted, to see it on its way back to user mode.
 */
static void signal_wake_up(struct task_struct *p, bool fatal)
{
	smp_mb();
	if (READ_ONCE(p->state) == TASK_SLEEPING &&
	    (READ_ONCE(p->interruptible) || (fatal && p->signal.stopped)))
		wake_up_process(p);
	else
		kick_process(p);
}

static int __send_signal(struct task_struct *p, int sig, const struct kernel_siginfo *info,
			 int *why);

/*
 * @p stopped or continued (@why: CLD_STOPPED with the stop signal @sig,
 * or CLD_CONTINUED): its parent hears of it.  tasklist_lock held, which
 * keeps the parent; no siglock.
 */
static void notify_parent_cldstop(struct task_struct *p, int why, int sig)
{
	struct task_struct *parent = p->parent;
	struct kernel_siginfo info = { .code = why, .pid = p->pid };
	int unused;

	if (!parent || !parent->process || !parent->signal.sighand)
		return;
	if (parent->in_wait4)
		wake_up_process(parent);
	spin_lock(siglock_of(parent));
	if (!(action_of(parent, SIGCHLD)->flags & SA_NOCLDSTOP)) {
		info.status = why == CLD_CONTINUED ? SIGCONT : sig;
		__send_signal(parent, SIGCHLD, &info, &unused);
	}
	spin_unlock(siglock_of(parent));
}

/*
 * What a stop or a continue does whatever the disposition, at sending
 * time (Linux's prepare_signal()): each discards the other's pending
 * signals, and SIGCONT wakes a stopped process, whose parent is then to
 * hear of it (*@why).  @p's siglock held.
 */
static void prepare_signal(struct task_struct *p, int sig, int *why)
{
	struct task_signals *s = &p->signal;

	if (sig_in(sig, SIG_STOP_MASK)) {
		s->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		s->pending &= ~SIG_STOP_MASK;
		s->conts++; /* a stop signal taken but not yet acted on is void */
		if (s->stopped) {
			s->stopped = false;
			s->stop_report = 0;
			s->cont_report = true;
			*why = CLD_CONTINUED;
			wake_up_process(p);
		}
	}
}

/*
 * @p's siglock held (and tasklist_lock, which keeps its sighand).  *@why
 * is set to CLD_CONTINUED if the parent is to hear of a continue, which
 * the caller does with the siglock dropped (notify_parent_cldstop()).
 */
static int __send_signal(struct task_struct *p, int sig, const struct kernel_siginfo *info,
			 int *why)
{
	struct task_signals *s = &p->signal;

	*why = 0;
	prepare_signal(p, sig, why);
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

/* tasklist_lock held, no siglock: @p's sighand stays while it is held. */
static int send_signal(struct task_struct *p, int sig, const struct kernel_siginfo *info)
{
	struct sighand_struct *sighand;
	int why, err;

	if (!p->process)
		return -EPERM; /* the kernel's own tasks take no signals */
	sighand = p->signal.sighand;
	if (!sig || READ_ONCE(p->state) == TASK_DEAD || !sighand)
		return 0;
	spin_lock(&sighand->siglock);
	err = __send_signal(p, sig, info, &why);
	spin_unlock(&sighand->siglock);
	if (why)
		notify_parent_cldstop(p, why, 0);
	return err;
}

int send_sig(int sig, struct task_struct *p)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	err = send_signal(p, sig, &info);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* tasklist_lock held.  @pid: what kill() takes, less the single process. */
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

int __kill_pgrp(int pgrp, int sig)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };

	if (pgrp <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	return send_group(-pgrp, sig, &info);
}

int kill_pgrp(int pgrp, int sig)
{
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	err = __kill_pgrp(pgrp, sig);
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
	spin_lock_irqsave(&tasklist_lock, flags);
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
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

bool force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *p = current;
	struct task_signals *s = &p->signal;
	struct k_sigaction *ka;
	unsigned long flags;
	bool handled;

	/*
	 * A kernel thread running user code (a test): it ends.  Nobody else
	 * sends it signals; interrupts off keep out only a fault of this
	 * CPU's interrupt handlers.
	 */
	if (!s->sighand) {
		flags = local_irq_save();
		if (!s->fatal)
			s->fatal = sig;
		recalc_sigpending(p);
		local_irq_restore(flags);
		return false;
	}
	spin_lock_irqsave(siglock_of(p), flags);
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
	spin_unlock_irqrestore(siglock_of(p), flags);
	return handled;
}

void force_sigsegv(int sig)
{
	unsigned long flags;

	if (sig == SIGSEGV && current->signal.sighand) {
		spin_lock_irqsave(siglock_of(current), flags);
		action_of(current, SIGSEGV)->handler = SIG_DFL;
		spin_unlock_irqrestore(siglock_of(current), flags);
	}
	force_sig_fault(SIGSEGV, SI_KERNEL, 0);
}

/*
 * The calling process stops with @sig, which it took when @conts
 * SIGCONTs had been sent to it; no lock held.  Under tasklist_lock, which
 * the group's check needs and which orders the parent's reports, unless
 * a SIGCONT or a fatal signal came since: its parent hears of it, and it
 * sleeps until SIGCONT clears signal.stopped or a fatal signal comes.
 */
static void do_signal_stop(int sig, unsigned int conts)
{
	struct task_struct *p = current;
	struct task_signals *s = &p->signal;
	unsigned long flags;
	bool stop;

	spin_lock_irqsave(&tasklist_lock, flags);
	/*
	 * In an orphaned group nobody could continue it: a stop the
	 * terminal or the program asked for is dropped, as in Linux;
	 * SIGSTOP still stops.
	 */
	if (sig != SIGSTOP && will_become_orphaned_pgrp(p->pgrp, NULL)) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return;
	}
	spin_lock(siglock_of(p));
	stop = s->conts == conts && !s->fatal;
	if (stop) {
		s->stopped = true;
		s->stop_report = sig;
		s->cont_report = false;
	}
	spin_unlock(siglock_of(p));
	if (stop)
		notify_parent_cldstop(p, CLD_STOPPED, sig);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!stop)
		return;

	spin_lock_irqsave(siglock_of(p), flags);
	while (s->stopped && !s->fatal)
		sleep_locked(siglock_of(p));
	s->stopped = false;
	spin_unlock_irqrestore(siglock_of(p), flags);
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
	unsigned long flags;

	if (!s->sighand) { /* a kernel thread running user code: only its fault */
		if (s->fatal)
			task_exit(W_EXITCODE(0, s->fatal));
		recalc_sigpending(p);
		return false;
	}
	spin_lock_irqsave(siglock_of(p), flags);
	for (;;) {
		sigset_t ready = s->pending & ~s->blocked;
		struct k_sigaction *ka;
		unsigned int conts;
		int sig;

		if (s->fatal) {
			int code = W_EXITCODE(0, s->fatal);

			spin_unlock_irqrestore(siglock_of(p), flags);
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
			spin_unlock_irqrestore(siglock_of(p), flags);
			return true;
		}
		if (sig_in(sig, SIG_IGNORE_MASK) || p->pid == 1)
			continue;
		if (sig_in(sig, SIG_STOP_MASK)) {
			/* tasklist_lock comes first: this siglock is dropped meanwhile. */
			conts = s->conts;
			spin_unlock_irqrestore(siglock_of(p), flags);
			do_signal_stop(sig, conts);
			spin_lock_irqsave(siglock_of(p), flags);
		} else {
			s->fatal = sig; /* the end, the core dumping ones too (no core files) */
		}
	}
	recalc_sigpending(p);
	spin_unlock_irqrestore(siglock_of(p), flags);
	return false;
}

sigset_t sigmask_to_save(void)
{
	struct task_signals *s = &current->signal;

	return s->restore_mask ? s->saved_mask : s->blocked;
}

void set_current_blocked(sigset_t mask)
{
	struct task_struct *p = current;
	unsigned long flags;

	if (!p->signal.sighand) { /* nobody else sends it signals */
		p->signal.blocked = mask & ~SIG_KERNEL_ONLY;
		recalc_sigpending(p);
		return;
	}
	spin_lock_irqsave(siglock_of(p), flags);
	p->signal.blocked = mask & ~SIG_KERNEL_ONLY;
	recalc_sigpending(p);
	spin_unlock_irqrestore(siglock_of(p), flags);
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
	if (ksig->ka.flags & SA_RESETHAND) {
		unsigned long flags;

		spin_lock_irqsave(siglock_of(current), flags);
		action_of(current, ksig->sig)->handler = SIG_DFL;
		spin_unlock_irqrestore(siglock_of(current), flags);
	}
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
	struct sighand_struct *sighand = kzalloc(sizeof(*sighand)); /* SIG_DFL is 0 */

	if (sighand)
		spin_lock_init(&sighand->siglock);
	return sighand;
}

struct sighand_struct *exit_signals(struct task_struct *p)
{
	struct sighand_struct *sighand = p->signal.sighand;

	if (!sighand)
		return NULL;
	/* From here a signal sent to it is dropped, as to the dead. */
	spin_lock(&sighand->siglock);
	p->signal.sighand = NULL;
	p->signal.pending = 0;
	spin_unlock(&sighand->siglock);
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
	struct k_sigaction *ka;
	unsigned long flags;
	int sig;

	if (!p->signal.sighand)
		return;
	spin_lock_irqsave(siglock_of(p), flags);
	for (sig = 1; sig <= _NSIG; sig++) {
		ka = action_of(p, sig);
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
	p->signal.sas_ss_sp = p->signal.sas_ss_size = 0;
	p->signal.sas_ss_flags = 0;
	spin_unlock_irqrestore(siglock_of(p), flags);
}

bool do_notify_parent(struct task_struct *p)
{
	struct task_struct *parent = p->parent;
	struct kernel_siginfo info = { .pid = p->pid };
	int sig = p->signal.exit_signal, why = 0;
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
	spin_lock(siglock_of(parent));
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
		__send_signal(parent, sig, &info, &why);
	spin_unlock(siglock_of(parent));
	if (sig == SIGCONT && why) /* an exit signal clone() may choose */
		notify_parent_cldstop(parent, why, 0);
	return autoreap;
}

/*
 * Sleep until a signal the caller does not block comes (pause(),
 * rt_sigsuspend()), on its own siglock, which every sender holds.
 */
static void sleep_until_signal(void)
{
	struct task_struct *p = current;
	unsigned long flags;

	might_sleep();
	if (!p->signal.sighand) /* nothing can come to it: a sleep for good, as before */
		sleep_forever();
	spin_lock_irqsave(siglock_of(p), flags);
	while (!signal_pending(p)) {
		p->interruptible = true;
		sleep_locked(siglock_of(p));
		p->interruptible = false;
	}
	spin_unlock_irqrestore(siglock_of(p), flags);
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
	struct task_struct *p;
	unsigned long flags;
	long err = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	/* A zombie too, as in Linux: it is there, and send_signal() says 0. */
	if (p && p->process && (tgid <= 0 || p->pid == tgid))
		err = sig < 0 || sig > _NSIG ? -EINVAL : send_signal(p, sig, &info);
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
	spin_lock_irqsave(siglock_of(current), flags);
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
	spin_unlock_irqrestore(siglock_of(current), flags);
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
	sigset_t set = __atomic_load_n(&current->signal.pending, __ATOMIC_RELAXED) &
		       current->signal.blocked;

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

/* Take a pending signal of @these off, its siginfo in *@info: the signal, or 0.  Siglock held. */
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
	spin_lock_irqsave(siglock_of(p), flags);
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
			if (uts)
				schedule_timeout_locked(siglock_of(p),
							(end - now + TICK_NSEC - 1) / TICK_NSEC);
			else
				sleep_locked(siglock_of(p));
			p->interruptible = false;
		}
		s->blocked = s->real_blocked;
		s->real_blocked = 0;
		sig = dequeue_of(these, &info);
		if (!sig && signal_pending(p))
			sig = -EINTR;
	}
	recalc_sigpending(p);
	spin_unlock_irqrestore(siglock_of(p), flags);
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
