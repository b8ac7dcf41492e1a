// SPDX-License-Identifier: GPL-2.0
/*
 * Resource limits: getrlimit(), setrlimit() and prlimit64(), with
 * Linux's numbers, structures and errors (<kernel/resource.h>).
 *
 * Everyone is root, so, as for root in Linux, a hard limit may be raised
 * as well as lowered, and any process's limits may be read or set; the
 * one ceiling is the file table's size for RLIMIT_NOFILE (Linux's
 * nr_open), above which -EPERM.  A soft limit above the hard one is
 * -EINVAL.  Limits change under tasklist_lock, as a pair, in the stretch
 * that finds the task: prlimit() on another process may still race with
 * that process reading its own without the lock (a limit is two words).
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

/*
 * Linux's INIT_RLIMITS on x86_64, but for what Kestrel's tables fix:
 * NOFILE is the file table's size (Linux: 1024 soft, 4096 hard); NPROC
 * and SIGPENDING are unlimited (Linux derives them from memory, and root
 * is exempt anyway).  The stack's 8 MiB is what execve() gives.
 */
static const struct rlimit init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK] = { 8UL << 20, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NOFILE] = { NR_OPEN, NR_OPEN },
	[RLIMIT_MEMLOCK] = { 8UL << 20, 8UL << 20 },
	[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_SIGPENDING] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },
};

void rlimit_init(struct task_struct *p)
{
	unsigned int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		p->rlim[i] = init_rlimits[i];
}

/*
 * The process @pid (0: the caller) for a limit's change or reading, with
 * tasklist_lock held: its task, or NULL with *@err set (-ESRCH: none, or one
 * that has ended; -EPERM: a kernel thread, whose limits are not a
 * program's to set).
 */
static struct task_struct *limit_target(int pid, int *err)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	*err = 0;
	if (pid < 0 || !p || p->state == TASK_DEAD)
		*err = -ESRCH;
	else if (!p->process)
		*err = -EPERM;
	return *err ? NULL : p;
}

/* The checks of a new limit, after the task's, as in Linux. */
static int prlimit_check(unsigned int resource, const struct rlimit *new)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (!new)
		return 0;
	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	return resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN ? -EPERM : 0;
}

static int do_prlimit(int pid, unsigned int resource, const struct rlimit *new, struct rlimit *old)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = limit_target(pid, &err); /* Linux's prlimit64() finds the task first: -ESRCH */
	if (p)
		err = prlimit_check(resource, new);
	if (!err) {
		if (old)
			*old = p->rlim[resource];
		if (new)
			p->rlim[resource] = *new;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;
	int err = do_prlimit(0, resource, NULL, &r);

	if (err)
		return err;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(0, resource, &r, NULL);
}

/*
 * Linux's order: the new limits copied in (-EFAULT), set, and only then
 * the old ones copied out, so a bad @old_rlim gives -EFAULT with the new
 * limits in force.
 */
SYSCALL_DEFINE4(prlimit64, int, pid, unsigned int, resource, const struct rlimit __user *, new_rlim,
		struct rlimit __user *, old_rlim)
{
	struct rlimit new, old;
	int err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	err = do_prlimit(pid, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (err)
		return err;
	return old_rlim && copy_to_user(old_rlim, &old, sizeof(old)) ? -EFAULT : 0;
}
