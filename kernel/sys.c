// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that need nothing but a task: its pid, its end, a
 * sleep and a yield.
 *
 * A process has one thread (no thread groups), so exit and exit_group
 * both end the calling task, with the wait status Linux's wait4() would
 * report for exit(@status).
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/setup.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>

/* Linux's struct __kernel_timespec, as x86_64 programs pass it */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

/* The CPU to the next runnable task, as the policy picks it; 0 always. */
SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

SYSCALL_DEFINE1(exit, int, status)
{
	task_exit(W_EXITCODE(status, 0));
}

SYSCALL_DEFINE1(exit_group, int, status)
{
	task_exit(W_EXITCODE(status, 0));
}

/*
 * Sleep until @end on the clocksource, as msleep() does, or until a
 * signal the caller does not block comes: then the time left goes to
 * @rmtp and the call returns -ERESTART_RESTARTBLOCK, which the way out
 * turns into -EINTR for a handler, or into restart_syscall(), which
 * sleeps on to the same deadline, with none (a stop and a continue).
 * The check and the sleep are under one interrupts-off section, so a
 * signal between them cannot be missed.
 */
static long nanosleep_restart(struct restart_block *rb);

static long do_nanosleep(u64 end, struct __kernel_timespec __user *rmtp)
{
	u64 now;

	while ((now = ktime_get()) < end) {
		unsigned long flags;

		might_sleep();
		flags = local_irq_save();
		if (signal_pending(current)) {
			struct __kernel_timespec left = { (end - now) / NSEC_PER_SEC,
							  (end - now) % NSEC_PER_SEC };

			local_irq_restore(flags);
			if (rmtp && copy_to_user(rmtp, &left, sizeof(left)))
				return -EFAULT;
			current->signal.restart.expires = end;
			current->signal.restart.rmtp = rmtp;
			set_restart_fn(nanosleep_restart);
			return -ERESTART_RESTARTBLOCK;
		}
		current->interruptible = true;
		__schedule_timeout((end - now + TICK_NSEC - 1) / TICK_NSEC);
		current->interruptible = false;
		local_irq_restore(flags);
	}
	return 0;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_nanosleep(rb->expires, rb->rmtp);
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if (ts.tv_sec > 0xffffffffLL) /* 136 years: no overflow below */
		ts.tv_sec = 0xffffffffLL;
	return do_nanosleep(ktime_get() + (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec +
				    current_clocksource()->resolution_ns,
			    rmtp);
}

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

/* Everyone is root: there are no users yet. */
SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

/*
 * Where a thread's id is cleared when it ends, for a thread library's
 * join; kept, though there are no threads yet to join.
 */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->tid_address = (unsigned long)tidptr;
	return current->pid;
}

#define UTS_LEN 65

struct new_utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN], version[UTS_LEN],
		machine[UTS_LEN], domainname[UTS_LEN];
};

/*
 * The system is "Linux" to programs: they ask in order to know which
 * system calls they may make, and the answer is Linux's.  The release is
 * the Linux version whose ABI is followed (glibc refuses to start on a
 * kernel that looks older than 3.2); the version names Kestrel.
 */
SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", UTS_LEN);
	strscpy(u.nodename, "kestrel", UTS_LEN);
	strscpy(u.release, "6.1.0-kestrel", UTS_LEN);
	strscpy(u.version, kernel_banner, UTS_LEN);
	strscpy(u.machine, "x86_64", UTS_LEN);
	strscpy(u.domainname, "(none)", UTS_LEN);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}
