// SPDX-License-Identifier: GPL-2.0
/*
 * The controlling terminal and job control: which session a terminal
 * belongs to, which of its process groups is in the foreground (the one
 * ^C and ^Z reach, the one that may read), and the ioctls that change
 * them, with Linux's rules and error numbers (drivers/tty/tty_jobctrl.c
 * there).
 *
 * A terminal records its session and foreground group (tty->session,
 * tty->pgrp); a process's controlling terminal is the terminal of its
 * session.  Linux keeps a pointer in each process instead; with one
 * terminal the two agree, except that here a process that is not a
 * session leader cannot give up its session's terminal alone
 * (TIOCNOTTY succeeds and changes nothing for it), and setsid() needs no
 * hook: a new session has no terminal.  A session leader takes a
 * terminal with TIOCSCTTY.  Linux also gives one to a session leader that
 * opens a tty without O_NOCTTY, but never through /dev/console, /dev/tty
 * or /dev/tty0, the only names this one has: BusyBox's init and setsid -c
 * use TIOCSCTTY.  When the leader exits (or gives the terminal up), the
 * foreground group gets SIGHUP and SIGCONT and the terminal belongs to no
 * session (disassociate_ctty()).
 *
 * Both fields change under tasklist_lock (<kernel/sched.h>), the lock of
 * the task list whose pgrp and session fields they are checked against
 * (kernel/pgrp.c), in the same stretch as the check.  Signals go out
 * (kill_pgrp()) after it is dropped, as kill_pgrp() takes it itself.
 */
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/tty.h>
#include <kernel/uaccess.h>
#include "tty_internal.h"

/* tasklist_lock held: the terminal session @sid controls, or NULL. */
static struct tty_struct *session_tty(int sid)
{
	struct tty_struct *tty = console_tty();

	return sid && tty->session == sid ? tty : NULL;
}

static bool is_leader(const struct task_struct *p)
{
	return p->session == p->pid;
}

static bool live_process(const struct task_struct *p)
{
	return p->process && p->state != TASK_DEAD;
}

struct tty_struct *get_current_tty(void)
{
	unsigned long flags;
	struct tty_struct *tty;

	if (!current->process)
		return NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	tty = session_tty(current->session);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return tty;
}

/* tasklist_lock held: make @tty the caller's session's, with the caller's group in front. */
static void set_ctty(struct tty_struct *tty)
{
	tty->session = current->session;
	tty->pgrp = current->pgrp;
}

int tiocsctty(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;
	int ret = 0;

	if (!current->process)
		return -EPERM;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (is_leader(current) && tty->session == current->session)
		goto out; /* ours already */
	ret = -EPERM;
	if (!is_leader(current) || session_tty(current->session))
		goto out;
	/* Another session's: taken only by force (arg 1), which root may use; all are root. */
	if (tty->session && arg != 1)
		goto out;
	set_ctty(tty);
	ret = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * The caller's session gives up its terminal: its foreground group gets
 * SIGHUP and SIGCONT (it may be stopped, and must hear the news).
 * @on_exit: the session leader is exiting.  Only a leader's call counts.
 */
void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;
	unsigned long flags;
	int pgrp = 0;

	if (!current->process || !is_leader(current))
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	tty = session_tty(current->session);
	if (tty) {
		pgrp = tty->pgrp;
		tty->session = tty->pgrp = 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (pgrp) {
		kill_pgrp(pgrp, SIGHUP);
		kill_pgrp(pgrp, SIGCONT);
	}
}

int tiocnotty(struct tty_struct *tty)
{
	if (get_current_tty() != tty)
		return -ENOTTY;
	disassociate_ctty(0);
	return 0;
}

int tiocgpgrp(struct tty_struct *tty, int __user *p)
{
	if (get_current_tty() != tty)
		return -ENOTTY;
	return put_user(READ_ONCE(tty->pgrp), p) ? -EFAULT : 0;
}

/* tasklist_lock held: whether group @pgrp exists, and in session @sid if that is not 0. */
static bool group_exists(int pgrp, int sid)
{
	struct task_struct *p;

	for (p = next_task(NULL); p; p = next_task(p))
		if (live_process(p) && p->pgrp == pgrp && (!sid || p->session == sid))
			return true;
	return false;
}

int tiocspgrp(struct tty_struct *tty, int __user *p)
{
	unsigned long flags;
	int pgrp, ret;

	/* A background group may not take the foreground; an orphaned one is told -ENOTTY. */
	ret = tty_check_change(tty);
	if (ret)
		return ret == -EIO ? -ENOTTY : ret;
	if (get_current_tty() != tty)
		return -ENOTTY;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (!pgrp || !group_exists(pgrp, 0)) { /* no group 0: init's is the kernel's */
		ret = -ESRCH;
	} else if (!group_exists(pgrp, current->session) || tty->session != current->session) {
		ret = -EPERM;
	} else {
		tty->pgrp = pgrp;
		ret = 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int tiocgsid(struct tty_struct *tty, int __user *p)
{
	int sid = READ_ONCE(tty->session);

	if (get_current_tty() != tty || !sid)
		return -ENOTTY;
	return put_user(sid, p) ? -EFAULT : 0;
}

/*
 * tasklist_lock held: whether group @pgrp is orphaned, no member having a
 * parent in another group of the same session (POSIX; Linux's
 * will_become_orphaned_pgrp()): nobody is left to continue it if stopped.
 */
static bool orphaned_pgrp(int pgrp)
{
	struct task_struct *p;

	for (p = next_task(NULL); p; p = next_task(p)) {
		if (!live_process(p) || p->pgrp != pgrp || !p->parent)
			continue;
		if (p->parent->pgrp != pgrp && p->parent->session == p->session)
			return false;
	}
	return true;
}

/*
 * Whether @sig would be thrown away by the caller (blocked, or ignored),
 * so that no stop could happen and a restart would only come back here
 * (Linux's is_ignored()).
 */
static bool sig_discarded(int sig)
{
	const struct task_signals *s = &current->signal;

	return (s->blocked & sigmask(sig)) ||
	       (s->sighand && s->sighand->action[sig - 1].handler == SIG_IGN);
}

int tty_check_job(struct tty_struct *tty, int sig)
{
	unsigned long flags;
	int ret = 0;

	if (!current->process)
		return 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (session_tty(current->session) == tty && tty->pgrp && current->pgrp != tty->pgrp) {
		if (sig_discarded(sig))
			ret = sig == SIGTTIN ? -EIO : 0;
		else if (orphaned_pgrp(current->pgrp))
			ret = -EIO;
		else
			ret = -ERESTARTSYS;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (ret == -ERESTARTSYS)
		kill_pgrp(current->pgrp, sig);
	return ret;
}
