// SPDX-License-Identifier: GPL-2.0
/*
 * kill(): the part of signals that ends processes.
 *
 * A signal whose default action is to end the process (SIGKILL, SIGTERM,
 * SIGINT, SIGHUP, SIGSEGV... as signal(7) lists them) is recorded in the
 * target's pending set; the target ends with it on its next way back to
 * user mode (exit_to_user_mode()), and a wait that a fatal signal may end
 * (wait4(), a read of the console) is woken so that it gets there.  The
 * signals that are ignored by default are ignored.  Handlers, masks, and
 * stopping and continuing come with the next issue; until then a stop
 * signal is accepted and does nothing, which the documentation says.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/preempt.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscalls.h>

/* Ignored by default, or a stop or continue (not yet): nothing to do. */
static bool no_default_end(int sig)
{
	switch (sig) {
	case SIGCHLD:
	case SIGCONT:
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
	case SIGURG:
	case SIGWINCH:
		return true;
	}
	return false;
}

/* Interrupts off. */
static int send_signal(struct task_struct *p, int sig)
{
	if (!p->process)
		return -EPERM; /* the kernel's own tasks take no signals */
	/*
	 * init takes no signal it has no handler for, SIGKILL included
	 * (Linux's SIGNAL_UNKILLABLE): ending it would stop the machine.
	 */
	if (!sig || p->state == TASK_DEAD || no_default_end(sig) || p->pid == 1)
		return 0;
	__atomic_or_fetch(&p->pending, 1UL << (sig - 1), __ATOMIC_RELAXED);
	__atomic_or_fetch(&p->exit_work, EXIT_WORK_SIGNAL, __ATOMIC_RELAXED);
	if (p->state == TASK_SLEEPING && p->killable)
		wake_up_process(p);
	return 0;
}

int send_sig(int sig, struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	int err = send_signal(p, sig);

	local_irq_restore(flags);
	return err;
}

bool signal_pending(const struct task_struct *p)
{
	return fatal_signal_pending(p);
}

/* Interrupts off.  @pid: what kill() takes, less the single process. */
static int send_group(int pid, int sig)
{
	struct task_struct *p;
	int sent = 0;

	for (p = next_task(NULL); p; p = next_task(p)) {
		if (!p->process || p->state == TASK_DEAD)
			continue;
		if (pid == -1 ? p->pid == 1 || p == current : p->pgrp != -pid)
			continue;
		if (!send_signal(p, sig))
			sent++;
	}
	return sent ? 0 : -ESRCH;
}

int kill_pgrp(int pgrp, int sig)
{
	unsigned long flags;
	int err;

	if (pgrp <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	flags = local_irq_save();
	err = send_group(-pgrp, sig);
	local_irq_restore(flags);
	return err;
}

int kill_pid(int pid, int sig)
{
	unsigned long flags;
	struct task_struct *p;
	int err = -ESRCH;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	flags = local_irq_save();
	if (pid > 0) {
		p = find_task_by_pid(pid);
		if (p)
			err = send_signal(p, sig);
	} else if (pid == -1) {
		err = send_group(-1, sig);
	} else if (pid == 0) {
		err = send_group(-current->pgrp, sig);
	} else if (pid != -0x7fffffff - 1) { /* -INT_MIN is no group */
		err = send_group(pid, sig);
	}
	local_irq_restore(flags);
	return err;
}

void exit_to_user_mode(void)
{
	unsigned long flags = local_irq_save(), pending;

	/*
	 * The way back to a program is always a safe point to give up the
	 * CPU, whatever the preemption model: without this, a program that
	 * never makes a system call would keep the CPU for good under
	 * PREEMPT_NONE.  Until nothing is left to do, with interrupts off:
	 * a signal sent while the task was switched out is seen before ring
	 * 3, and a caller that keeps them off until ring 3 (every caller on
	 * the way there) leaves no gap after the last look.
	 */
	for (;;) {
		if (need_resched() && !preempt_count()) {
			__schedule();
			continue;
		}
		/* The set, not fatal_signal_pending()'s bool: its lowest signal is the status. */
		pending = __atomic_load_n(&current->pending, __ATOMIC_RELAXED);
		if (!pending)
			break;
		local_irq_enable();
		task_exit(__builtin_ctzl(pending) + 1);
	}
	local_irq_restore(flags);
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	return kill_pid(pid, sig);
}
