// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that need nothing but a task: its pid, its end, a
 * yield, the system's names (uname, sethostname) and its process times.
 *
 * A process has one thread (no thread groups), so exit and exit_group
 * both end the calling task, with the wait status Linux's wait4() would
 * report for exit(@status).
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/setup.h>
#include <kernel/signal.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>

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

/* Under tasklist_lock: the parent may exit on another CPU meanwhile, and hand this to init. */
SYSCALL_DEFINE0(getppid)
{
	unsigned long flags;
	int ppid;

	spin_lock_irqsave(&tasklist_lock, flags);
	ppid = current->parent ? current->parent->pid : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
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

#define UTS_LEN 65 /* Linux's __NEW_UTS_LEN + 1 */

struct new_utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN], version[UTS_LEN],
		machine[UTS_LEN], domainname[UTS_LEN];
};

/*
 * The names a program may set (sethostname(), setdomainname()), Linux's
 * defaults until then.  Interrupts off is their lock: uname() copies them
 * whole, and sees the old name or the new.
 */
static char uts_nodename[UTS_LEN] = "kestrel";
static char uts_domainname[UTS_LEN] = "(none)";
/* Guards the two names: uname() copies each whole, never half of a sethostname(). */
static DEFINE_SPINLOCK(uts_lock);

/*
 * The system is "Linux" to programs: they ask in order to know which
 * system calls they may make, and the answer is Linux's.  The release is
 * the Linux version whose ABI is followed (glibc refuses to start on a
 * kernel that looks older than 3.2); the version names Kestrel.
 */
SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;
	unsigned long flags;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", UTS_LEN);
	strscpy(u.release, "6.1.0-kestrel", UTS_LEN);
	strscpy(u.version, kernel_banner, UTS_LEN);
	strscpy(u.machine, "x86_64", UTS_LEN);
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(u.nodename, uts_nodename, UTS_LEN);
	memcpy(u.domainname, uts_domainname, UTS_LEN);
	spin_unlock_irqrestore(&uts_lock, flags);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* Linux's checks: a length from 0 to 64 (-EINVAL), readable (-EFAULT); no NUL needed. */
static long set_uts_name(char *dst, const char __user *name, int len)
{
	char tmp[UTS_LEN];
	unsigned long flags;

	if (len < 0 || len > UTS_LEN - 1)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memset(tmp + len, 0, UTS_LEN - len);
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(dst, tmp, UTS_LEN);
	spin_unlock_irqrestore(&uts_lock, flags);
	return 0;
}

SYSCALL_DEFINE2(sethostname, const char __user *, name, int, len)
{
	return set_uts_name(uts_nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, const char __user *, name, int, len)
{
	return set_uts_name(uts_domainname, name, len);
}
