// SPDX-License-Identifier: GPL-2.0
/*
 * Process groups and sessions: what a shell's job control is made of.
 *
 * A shell puts each job (a pipeline) in a process group of its own
 * (setpgid()), so that a terminal's Ctrl-C or Ctrl-Z reaches every
 * process of the foreground job and nothing else (kill_pgrp()), and so
 * that kill(-pgid) ends a background one.  A session (setsid()) is a
 * login's worth of groups, the unit a controlling terminal belongs to.
 * The rules, and their error numbers, are Linux's (kernel/sys.c there):
 * a process may move itself or a child that has not yet called execve(),
 * only within its session, only into a group that exists there or a
 * group of its own; a session leader stays where it is.
 *
 * As in Linux, the first process (init) starts in group 0 of session 0,
 * the kernel's, and makes its own with setsid().  Both fields change
 * under tasklist_lock (<kernel/sched.h>), as the task list does, and are
 * read the same way: a check and the change it allows are one stretch.
 * A process reads its own without it (only it and its parent change
 * them, and a torn int is no concern).
 */
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

/*
 * tasklist_lock held: whether a process of session @sid is in group @pgrp.
 * A zombie still counts, as in Linux: it keeps its ids until it is
 * waited for.
 */
static bool group_in_session(int pgrp, int sid)
{
	struct task_struct *p;

	for (p = next_task(NULL); p; p = next_task(p))
		if (p->process && p->pgrp == pgrp && p->session == sid)
			return true;
	return false;
}

/* tasklist_lock held: @pid's process (0: the caller), a zombie too, or NULL. */
static struct task_struct *find_process(int pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p && p->process ? p : NULL;
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	unsigned long flags;
	struct task_struct *p;
	int err;

	/* Linux's order: a bad group first, then a negative pid is no process. */
	if (pgid < 0 || (!pgid && pid < 0))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	err = -ESRCH;
	p = pid >= 0 ? find_process(pid) : NULL;
	if (!p || (p != current && p->parent != current))
		goto out;
	if (!pgid)
		pgid = p->pid;
	err = -EPERM;
	if (p->session != current->session || p->session == p->pid)
		goto out;
	err = -EACCES;
	if (p != current && p->did_exec)
		goto out;
	err = -EPERM;
	if (pgid != p->pid && !group_in_session(pgid, current->session))
		goto out;
	WRITE_ONCE(p->pgrp, pgid);
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* @pid's (0: the caller's) process group, or session: getpgid() and getsid(). */
static int id_of(int pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid >= 0 ? find_process(pid) : NULL;
	ret = !p ? -ESRCH : session ? p->session : p->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	return id_of(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return READ_ONCE(current->pgrp); /* a parent's setpgid() may change it */
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	return id_of(pid, true);
}

/*
 * A group leader may not start a session: its group's other members
 * would be left in the old session under a leader in the new one.
 */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *p = current;
	unsigned long flags;
	int ret = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (!group_in_session(p->pid, p->session) && p->pgrp != p->pid) {
		p->session = p->pgrp = p->pid;
		ret = p->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
