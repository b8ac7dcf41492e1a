// SPDX-License-Identifier: GPL-2.0
/*
 * times(2) and getrusage(2): the CPU time a process and its children
 * waited for have used, as the shell's "times" and "time" ask.
 *
 * Kestrel keeps a task's CPU time (exec_ns, to the nanosecond of the
 * clocksource) but not which of it was spent in user mode: all of it is
 * given as user time, and system time is 0.  A child's time becomes its
 * parent's children's time when the parent waits for it (release_task()).
 * getrusage() fills the times only: no page faults, context switches or
 * peak memory are counted (0, as Linux gives for what it does not keep).
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD	1

/* Linux's struct tms: clock_t, a long, in USER_HZ ticks */
struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

/* Linux's struct rusage: two timevals and 14 longs */
struct rusage {
	struct __kernel_old_timeval ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/*
 * The caller's CPU time, and its children's, at one instant: under
 * tasklist_lock, which release_task() adds a child's time under.
 */
static void cputimes(u64 *self, u64 *children)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	*self = task_cputime_ns(current);
	*children = current->children_ns;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct tms tms = { 0 };
	u64 self, children;

	if (tbuf) {
		cputimes(&self, &children);
		tms.tms_utime = nsec_to_clock_t(self);
		tms.tms_cutime = nsec_to_clock_t(children);
		if (copy_to_user(tbuf, &tms, sizeof(tms)))
			return -EFAULT;
	}
	return nsec_to_clock_t(ktime_get()); /* ticks since boot */
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;
	u64 self, children, ns;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	cputimes(&self, &children);
	ns = who == RUSAGE_CHILDREN ? children : self;
	memset(&r, 0, sizeof(r));
	r.ru_utime.tv_sec = ns / NSEC_PER_SEC;
	r.ru_utime.tv_usec = ns % NSEC_PER_SEC / 1000;
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}
