/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals (kernel/signal.c, arch/x86_64/kernel/signal.c): Linux's numbers
 * and flags for x86_64, what a process keeps of them, and the wait status
 * a task leaves.
 *
 * A process has a disposition per signal (struct k_sigaction, Linux's
 * kernel ABI for rt_sigaction()), a blocked mask and a pending set; a
 * signal sent to it is acted on when it next goes back to user mode:
 * its default action (end, stop, continue, nothing) or its handler, run
 * on the user stack in a signal frame.  Documentation/core/signals.md
 * has the whole story.  The status is what wait4() reports in Linux: the
 * signal in the low 7 bits for a task a signal killed, the exit code in
 * bits 8-15 for one that called exit(), (sig << 8) | 0x7f for a stop.
 */
#ifndef _KERNEL_SIGNAL_H
#define _KERNEL_SIGNAL_H

#define SIGHUP	  1
#define SIGINT	  2
#define SIGQUIT	  3
#define SIGILL	  4
#define SIGTRAP	  5
#define SIGABRT	  6
#define SIGBUS	  7
#define SIGFPE	  8
#define SIGKILL	  9
#define SIGUSR1	  10
#define SIGSEGV	  11
#define SIGUSR2	  12
#define SIGPIPE	  13
#define SIGALRM	  14
#define SIGTERM	  15
#define SIGCHLD	  17
#define SIGCONT	  18
#define SIGSTOP	  19
#define SIGTSTP	  20
#define SIGTTIN	  21
#define SIGTTOU	  22
#define SIGURG	  23
#define SIGXCPU	  24
#define SIGXFSZ	  25
#define SIGVTALRM 26
#define SIGPROF	  27
#define SIGWINCH  28
#define SIGIO	  29
#define SIGPWR	  30
#define SIGSYS	  31
#define SIGRTMIN  32
#define _NSIG	  64 /* signals 1 to 64; 32 to 64 are the real-time ones */

#ifndef __ASSEMBLER__
#include <kernel/spinlock.h>
#include <kernel/types.h>

struct task_struct;

/* A set of signals: bit sig - 1 for signal sig, as Linux's x86_64 sigset_t. */
typedef u64 sigset_t;
#define sigmask(sig)	(1ULL << ((sig)-1))
/* What no mask may hold and no handler may catch. */
#define SIG_KERNEL_ONLY (sigmask(SIGKILL) | sigmask(SIGSTOP))

#define SIG_DFL 0UL
#define SIG_IGN 1UL

/* sa_flags, Linux's values */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000
#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_KNOWN                                                                            \
	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_RESTORER | SA_ONSTACK | SA_RESTART | \
	 SA_NODEFER | SA_RESETHAND)

/* rt_sigprocmask()'s how */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack()'s flags and least size */
#define SS_ONSTACK    1
#define SS_DISABLE    2
#define SS_AUTODISARM (1U << 31)
#define MINSIGSTKSZ   2048

/* si_code values, Linux's */
#define SI_USER	      0
#define SI_KERNEL     0x80
#define SI_TKILL      (-6)
#define ILL_ILLOPN    2
#define FPE_INTDIV    1
#define SEGV_MAPERR   1
#define SEGV_ACCERR   2
#define BUS_ADRALN    1
#define TRAP_BRKPT    1
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

/* A disposition, as rt_sigaction() takes it on x86_64 (Linux's struct sigaction). */
struct k_sigaction {
	unsigned long handler; /* SIG_DFL, SIG_IGN or the handler's address */
	unsigned long flags;   /* SA_* */
	unsigned long restorer;
	sigset_t mask; /* blocked while the handler runs */
};

/*
 * What the kernel keeps of a pending signal for its siginfo_t: one per
 * signal, as a signal that is pending already is not queued again (the
 * real-time ones included, which Linux queues: not here).
 */
struct kernel_siginfo {
	int code;	    /* SI_USER, SEGV_MAPERR, CLD_EXITED... */
	int pid;	    /* the sender, or the child of a SIGCHLD */
	int status;	    /* a SIGCHLD's exit code or signal */
	unsigned long addr; /* a fault's address */
};

/*
 * How to go on with a system call that a signal interrupted and that
 * returned -ERESTART_RESTARTBLOCK: restart_syscall() calls @fn (Linux's
 * restart_block).  nanosleep() keeps its deadline here.
 */
struct restart_block {
	long (*fn)(struct restart_block *rb);
	int which; /* the clock */
	u64 expires;
	void __user *rmtp;
};

/*
 * The dispositions and the siginfo of the pending signals, kept apart
 * from the task (3.5 KiB that kernel threads do without): a process has
 * one from fork() (or make_process_of_current()) until its end.
 *
 * siglock (Linux's sighand->siglock) is the process's signal lock: it
 * guards these and the task's struct task_signals (pending, blocked, the
 * masks, fatal, the stop and continue state), taken with interrupts off
 * (a tick's SIGALRM, a terminal's ^C).  Only the process itself sets its
 * sighand and takes it away (exit_signals(), with tasklist_lock held
 * too), so the process finds its own there without a lock, and another
 * task finds it, and may lock it, with tasklist_lock held.  Order:
 * tasklist_lock, then one siglock (never two at once), then wait-queue,
 * timer and run-queue locks.
 */
struct sighand_struct {
	spinlock_t siglock;
	struct k_sigaction action[_NSIG]; /* by signal - 1 */
	struct kernel_siginfo info[_NSIG];
};

/*
 * A process's signal state: struct task_struct's "signal", under its
 * sighand's siglock (the process itself may read what only it writes,
 * blocked and the alternate stack, without it).
 */
struct task_signals {
	sigset_t pending;
	sigset_t blocked;
	sigset_t saved_mask;   /* rt_sigsuspend()'s caller's, restored on the way out */
	sigset_t real_blocked; /* rt_sigtimedwait()'s caller's mask, while it waits */
	bool restore_mask;     /* saved_mask is to be restored */
	int fatal;	       /* a signal that is ending the process: its status */
	int exit_signal;       /* sent to the parent at exit (clone()'s CSIGNAL), or 0 */
	bool stopped;	       /* stopped by a stop signal, until SIGCONT or SIGKILL */
	int stop_report;       /* a stop not yet reported to wait4(WUNTRACED): its signal */
	bool cont_report;      /* a continue not yet reported to wait4(WCONTINUED) */
	unsigned int conts;    /* SIGCONTs sent: a stop dequeued before a later one is void */
	unsigned long sas_ss_sp, sas_ss_size; /* sigaltstack()'s, size 0 if none */
	unsigned int sas_ss_flags;	      /* SS_AUTODISARM or 0 */
	struct sighand_struct *sighand;	      /* NULL: no signals (kernel threads, the dead) */
	struct restart_block restart;
};

/* A signal to run a handler for: get_signal()'s answer. */
struct ksignal {
	int sig;
	struct k_sigaction ka; /* the disposition as it was taken */
	struct kernel_siginfo info;
};

/*
 * Whether @p has a signal to act on, so that an interruptible sleep
 * (wait_event_interruptible()) must end and its system call return
 * -ERESTARTSYS or -EINTR.
 */
#ifdef CONFIG_USER_MODE
bool signal_pending(const struct task_struct *p);
#else
static inline bool signal_pending(const struct task_struct *p)
{
	return false; /* only processes take signals */
}
#endif
/*
 * Send @sig to @p from the kernel (a pipe's SIGPIPE, a terminal's
 * SIGINT): 0, or -EPERM for a kernel thread.  Interrupts on or off; it
 * takes tasklist_lock, so no lock after it in the order may be held.
 * @p must stay a task meanwhile (the caller's own, or one it found under
 * tasklist_lock and holds a reference to, as its timer does).
 */
int send_sig(int sig, struct task_struct *p);
/*
 * Send @sig to every process in process group @pgrp (a terminal's
 * foreground group, kill(-pgrp)): 0 if one took it, -ESRCH if there is
 * no such group.  Interrupts on or off; takes tasklist_lock.
 * __kill_pgrp() is the same with tasklist_lock already held.
 */
int kill_pgrp(int pgrp, int sig);
int __kill_pgrp(int pgrp, int sig);

/*
 * A fault of the calling process's program (a page fault, a trap): @sig
 * with @code and @addr for its siginfo_t, delivered on the way back to
 * ring 3 even if the program blocks or ignores it (Linux's force_sig()).
 * False if the program has no handler for it, so that the caller logs
 * the fault as Linux does before the signal ends the process.
 */
bool force_sig_fault(int sig, int code, unsigned long addr);
/*
 * A signal frame for @sig could not be written (no stack left): the
 * process gets a SIGSEGV that no handler catches, as Linux's
 * force_sigsegv().
 */
void force_sigsegv(int sig);
/*
 * Take the next signal to act on, doing the default actions (ending,
 * stopping, ignoring) on the way: true with a handler to run in *@ksig,
 * false when none is left.  Interrupts on; from the way back to user mode.
 */
bool get_signal(struct ksignal *ksig);
/* A handler's frame is written: block its mask, reset it if SA_RESETHAND. */
void signal_delivered(const struct ksignal *ksig);
/* No handler ran: rt_sigsuspend()'s mask comes back. */
void restore_saved_sigmask(void);
/* The mask a handler's frame saves: the one to restore when it returns. */
sigset_t sigmask_to_save(void);
/* Write @sig's siginfo_t (Linux's, 128 bytes) to @to: 0 or -EFAULT. */
int copy_siginfo_to_user(void __user *to, int sig, const struct kernel_siginfo *info);
/* Set the blocked mask (rt_sigreturn()), SIGKILL and SIGSTOP never in it. */
void set_current_blocked(sigset_t mask);
/* Whether @sp is on the calling process's alternate signal stack. */
bool on_sig_stack(unsigned long sp);
/* sigaltstack()'s change, for rt_sigreturn() too: 0, -EPERM, -EINVAL, -ENOMEM. */
int do_sigaltstack(unsigned long ss_sp, int ss_flags, unsigned long ss_size, unsigned long sp);
/*
 * A sleep that a signal interrupted returns -ERESTART_RESTARTBLOCK after
 * saying here how restart_syscall() goes on with it.
 */
void set_restart_fn(long (*fn)(struct restart_block *rb));
/* A new program: caught signals back to SIG_DFL, no alternate stack (execve()). */
void signal_exec(struct task_struct *p);
/*
 * A process's struct sighand_struct, all SIG_DFL (NULL if there is no
 * memory), and its end when the process ends: exit_signals() takes it
 * from @p, which no signal reaches from then on, and gives it to the
 * caller to kfree() after dropping tasklist_lock, which it is called with.
 */
struct sighand_struct *sighand_alloc(void);
struct sighand_struct *exit_signals(struct task_struct *p);
/*
 * Give @child, a new process, @sighand, with the parent's dispositions,
 * mask and alternate stack; nothing pending.  @parent is the caller;
 * tasklist_lock held (the child goes on the parent's children with it).
 */
void signal_fork(struct task_struct *child, struct sighand_struct *sighand,
		 const struct task_struct *parent, int exit_signal);
/*
 * @p, a process, has just ended (tasklist_lock held, which keeps its
 * parent): its parent gets its exit signal.  True if the parent does not
 * want to wait for it (SIGCHLD ignored or SA_NOCLDWAIT), so that it is
 * reaped now.
 */
bool do_notify_parent(struct task_struct *p);
#endif

#define W_EXITCODE(ret, sig) (((ret)&0xff) << 8 | (sig))
#define WIFEXITED(status)    (((status)&0x7f) == 0)
#define WEXITSTATUS(status)  (((status) >> 8) & 0xff)
#define WIFSIGNALED(status)  (((status)&0x7f) != 0 && ((status)&0x7f) != 0x7f)
#define WTERMSIG(status)     ((status)&0x7f)

#endif
