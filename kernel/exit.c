// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a process, and wait4(), which frees what is left of it.
 *
 * A process that ends gives back its memory and files at once, but its
 * task stays, dead, as a zombie that holds the exit status until its
 * parent asks with wait4() (as in Linux and xv6: the parent may ask
 * later, and a pid must not be reused before it has).  Its children go to
 * init.  <kernel/process.h> says what happens when init is the kernel's.
 * A process group that the end orphans while one of it is stopped gets
 * SIGHUP and SIGCONT, as in Linux: nobody is left to continue it.
 * The parent hears of the end through its exit signal (SIGCHLD), and a
 * parent that ignores SIGCHLD (or sets SA_NOCLDWAIT) leaves no zombie to
 * wait for, as in Linux.  wait4() also reports stops and continues of
 * children (WUNTRACED, WCONTINUED), which kernel/signal.c records.
 *
 * Locking: the tree (parent, children, sibling), the task list and
 * each task's in_wait4 change under tasklist_lock (<kernel/sched.h>), and
 * wait4() sleeps on it (sleep_locked()): whoever makes a child
 * reportable (its end, a stop, a continue) holds it, and so does every
 * signal sender, so that neither a child nor a signal falls between the
 * parent's look and its sleep.  A child's stop and continue reports are
 * under its siglock too (kernel/signal.c).
 */
#include <asm/irqflags.h>
#include <kernel/completion.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/mmap.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/tty.h>
#include <kernel/uaccess.h>
#include <kernel/workqueue.h>

/* POSIX's orphaned group, where init, which does no job control, counts for nobody. */
bool will_become_orphaned_pgrp(int pgrp, const struct task_struct *ignored)
{
	struct task_struct *p;

	for (p = next_task(NULL); p; p = next_task(p)) {
		const struct task_struct *parent = p->parent;

		/* Nor does a process on its way out (exit_process() took its signals). */
		if (!p->process || p->pgrp != pgrp || p == ignored || !p->signal.sighand ||
		    !parent || parent->pid == 1)
			continue;
		if (parent->pgrp != pgrp && parent->session == p->session)
			return false;
	}
	return true;
}

/* tasklist_lock held: whether a live member of @pgrp is stopped. */
static bool has_stopped_jobs(int pgrp)
{
	struct task_struct *p;

	for (p = next_task(NULL); p; p = next_task(p))
		if (p->process && p->pgrp == pgrp && p->state != TASK_DEAD &&
		    READ_ONCE(p->signal.stopped))
			return true;
	return false;
}

/*
 * tasklist_lock held.  @tsk's group may have lost its last link to a parent
 * that could continue it: through @tsk's own exit (@parent NULL: its
 * parent was the link), or through the exit of @parent, whose child @tsk
 * is and was the link.  Orphaned with a stopped member, the group gets
 * SIGHUP, then SIGCONT, as POSIX says and Linux's kill_orphaned_pgrp()
 * does: no job stays stopped for good once its shell has gone.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	const struct task_struct *ignored = tsk;

	if (!parent)
		parent = tsk->parent;
	else
		ignored = NULL;
	if (!parent || parent->pgrp == tsk->pgrp || parent->session != tsk->session)
		return;
	if (will_become_orphaned_pgrp(tsk->pgrp, ignored) && has_stopped_jobs(tsk->pgrp)) {
		__kill_pgrp(tsk->pgrp, SIGHUP);
		__kill_pgrp(tsk->pgrp, SIGCONT);
	}
}

/* The children of @p go to init, or, if init is the kernel's, to nobody.  tasklist_lock held. */
static void forget_children(struct task_struct *p)
{
	struct task_struct *init = find_task_by_pid(1), *c, *n;
	bool adopt = init && init->process && init != p;

	list_for_each_entry_safe(c, n, &p->children, sibling)
	{
		list_del(&c->sibling);
		if (adopt) {
			c->parent = init;
			c->signal.exit_signal = SIGCHLD;
			list_add_tail(&c->sibling, &init->children);
			/*
			 * A zombie is an end init has not heard of: its
			 * SIGCHLD now, or no zombie if init will not wait
			 * (Linux's reparent_leader()).
			 */
			if (c->state == TASK_DEAD && do_notify_parent(c)) {
				list_del(&c->sibling);
				c->parent = NULL; /* not waited for: no times to init */
				release_task(c);
				continue;
			}
			if (c->state == TASK_DEAD && init->in_wait4)
				wake_up_process(init);
		} else {
			INIT_LIST_HEAD(&c->sibling);
			c->parent = NULL;
			if (c->state == TASK_DEAD) {
				release_task(c);
				continue;
			}
		}
		kill_orphaned_pgrp(c, p);
	}
}

void exit_process(struct task_struct *p)
{
	struct mm_struct *mm = switch_user_mm(NULL);
	struct sighand_struct *sighand;
	unsigned long flags;

	exit_itimers(p);
	if (mm)
		mmput(mm);
	complete_vfork_done(p);
	/*
	 * Out of the task before they are freed: /proc/PID readers take them
	 * from the task under tasklist_lock, and this may be preempted.
	 */
	if (p->files) {
		struct files_struct *files = p->files;

		spin_lock_irqsave(&tasklist_lock, flags);
		p->files = NULL;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		put_files_struct(files);
	}
	if (p->pwd) {
		struct dentry *pwd = p->pwd;

		spin_lock_irqsave(&tasklist_lock, flags);
		p->pwd = NULL;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		dput(pwd);
	}
	disassociate_ctty(1); /* a session leader's terminal is its session's no more */
	spin_lock_irqsave(&tasklist_lock, flags);
	forget_children(p);
	if (p->process)
		kill_orphaned_pgrp(p, NULL);
	/*
	 * After its children have gone (they may signal it until then), and
	 * in the same stretch: from here it is on its way out, and no longer
	 * a link that keeps its group from being orphaned.
	 */
	sighand = exit_signals(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	kfree(sighand);
}

/*
 * Processes that ended with no parent: freed from the workqueue, which
 * runs only once they are off the CPU (one CPU: the dead task switches
 * away before any other task runs).
 */
static void reap_orphans(struct work_struct *work)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	while ((p = find_dead_orphan()))
		release_task(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static struct work_struct reap_work = { .entry = LIST_HEAD_INIT(reap_work.entry),
					.func = reap_orphans };

void exit_notify(struct task_struct *p)
{
	struct task_struct *parent = p->parent;

	if (parent && do_notify_parent(p)) {
		/* Nobody will wait: no parent, and its wait4() may now find no child. */
		list_del(&p->sibling);
		INIT_LIST_HEAD(&p->sibling);
		p->parent = NULL;
	}
	if (!p->parent)
		schedule_work(&reap_work);
	if (parent && parent->in_wait4)
		wake_up_process(parent);
}

/* Whether @c is a child that wait4(@pid, @options) asks about (Linux's eligible_child()). */
static bool wanted(const struct task_struct *c, int pid, int options)
{
	bool clone_child = c->signal.exit_signal != SIGCHLD;

	if (!(options & __WALL) && clone_child != !!(options & __WCLONE))
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgrp == (pid ? -pid : current->pgrp);
}

/*
 * What wait4() can report of @c now, in *@status: true for an end (the
 * child is to be freed), or a stop or a continue not yet reported that
 * @options asks for (reported once).  tasklist_lock held, which keeps
 * @c's sighand; the reports are under its siglock.
 */
static bool reportable(struct task_struct *c, int options, int *status, bool *reap)
{
	struct task_signals *s = &c->signal;
	bool ret = false;

	*reap = false;
	if (READ_ONCE(c->state) == TASK_DEAD) {
		*status = c->exit_code;
		*reap = true;
		return true;
	}
	if (!s->sighand || !(options & (WUNTRACED | WCONTINUED)))
		return false; /* on its way out: only its end is left to report */
	spin_lock(&s->sighand->siglock);
	if ((options & WUNTRACED) && s->stopped && s->stop_report) {
		*status = s->stop_report << 8 | 0x7f;
		s->stop_report = 0;
		ret = true;
	} else if ((options & WCONTINUED) && s->cont_report) {
		*status = 0xffff;
		s->cont_report = false;
		ret = true;
	}
	spin_unlock(&s->sighand->siglock);
	return ret;
}

long kernel_wait4(int pid, int *status, int options)
{
	struct task_struct *p = current, *c;
	unsigned long flags;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == -0x7fffffff - 1)
		return -ESRCH; /* as Linux: -INT_MIN is no group */
	might_sleep();
	spin_lock_irqsave(&tasklist_lock, flags);
	for (;;) {
		bool any = false, reap;
		int st;

		ret = 0;
		list_for_each_entry (c, &p->children, sibling) {
			if (!wanted(c, pid, options))
				continue;
			any = true;
			if (!reportable(c, options, &st, &reap))
				continue;
			ret = c->pid;
			if (status)
				*status = st;
			if (reap) {
				list_del(&c->sibling);
				release_task(c);
			}
			break;
		}
		if (ret)
			break;
		if (!any) {
			ret = -ECHILD;
			break;
		}
		if (options & WNOHANG)
			break;
		if (signal_pending(p)) {
			ret = -ERESTARTSYS;
			break;
		}
		p->in_wait4 = p->interruptible = true;
		sleep_locked(&tasklist_lock);
		p->in_wait4 = p->interruptible = false;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Linux's struct rusage: 18 longs.  No usage is kept yet: all zero. */
#define RUSAGE_SIZE (18 * sizeof(long))

SYSCALL_DEFINE4(wait4, int, upid, int __user *, stat_addr, int, options, void __user *, ru)
{
	static const long zero[RUSAGE_SIZE / sizeof(long)];
	int status;
	long ret = kernel_wait4(upid, &status, options);

	if (ret > 0 && stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, zero, sizeof(zero)))
		return -EFAULT;
	return ret;
}
