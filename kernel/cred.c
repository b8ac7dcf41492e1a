// SPDX-License-Identifier: GPL-2.0
/*
 * Identities: the calls that set a process's user and group ids and its
 * supplementary groups, with Linux's numbers and errors.
 *
 * Kestrel has one user: every process is root (uid 0, gid 0, no
 * supplementary groups; getuid() and friends are in kernel/sys.c).
 * Becoming root again is accepted, as Linux accepts it; becoming any
 * other user or group is refused with -EPERM, because Kestrel would then
 * owe that process the permission checks it does not have.  -1 means
 * "unchanged" where Linux says so; a bare setuid(-1) is -EINVAL as there.
 * Documentation/core/misc-syscalls.md says so for programs.
 */
#include <kernel/errno.h>
#include <kernel/syscalls.h>

#define NO_ID	    ((unsigned int)-1)
#define NGROUPS_MAX 65536

static long become(unsigned int id)
{
	if (id == NO_ID)
		return -EINVAL;
	return id == 0 ? 0 : -EPERM;
}

/* Each of them -1 (unchanged) or 0. */
static long become_each(unsigned int a, unsigned int b, unsigned int c)
{
	return (a == NO_ID || a == 0) && (b == NO_ID || b == 0) && (c == NO_ID || c == 0) ? 0
											  : -EPERM;
}

SYSCALL_DEFINE1(setuid, unsigned int, uid)
{
	return become(uid);
}

SYSCALL_DEFINE1(setgid, unsigned int, gid)
{
	return become(gid);
}

SYSCALL_DEFINE2(setreuid, unsigned int, ruid, unsigned int, euid)
{
	return become_each(ruid, euid, NO_ID);
}

SYSCALL_DEFINE2(setregid, unsigned int, rgid, unsigned int, egid)
{
	return become_each(rgid, egid, NO_ID);
}

SYSCALL_DEFINE3(setresuid, unsigned int, ruid, unsigned int, euid, unsigned int, suid)
{
	return become_each(ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, unsigned int, rgid, unsigned int, egid, unsigned int, sgid)
{
	return become_each(rgid, egid, sgid);
}

static long put_ids(unsigned int __user *a, unsigned int __user *b, unsigned int __user *c)
{
	if (put_user(0U, a) || put_user(0U, b) || put_user(0U, c))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, unsigned int __user *, ruid, unsigned int __user *, euid,
		unsigned int __user *, suid)
{
	return put_ids(ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid, unsigned int __user *, rgid, unsigned int __user *, egid,
		unsigned int __user *, sgid)
{
	return put_ids(rgid, egid, sgid);
}

/* The previous fs id, whatever was asked (Linux's contract): always root's. */
SYSCALL_DEFINE1(setfsuid, unsigned int, uid)
{
	return 0;
}

SYSCALL_DEFINE1(setfsgid, unsigned int, gid)
{
	return 0;
}

/* No supplementary groups: their number, 0, whatever @size (the list is not written). */
SYSCALL_DEFINE2(getgroups, int, size, unsigned int __user *, list)
{
	return size < 0 ? -EINVAL : 0;
}

/*
 * A list of root's group alone (what "su" and "login" set for root) is
 * accepted and, root's group being the primary one, leaves none; any other
 * group is -EPERM.
 */
SYSCALL_DEFINE2(setgroups, int, size, const unsigned int __user *, list)
{
	int i;

	if (size < 0 || size > NGROUPS_MAX)
		return -EINVAL;
	for (i = 0; i < size; i++) {
		unsigned int gid;

		if (get_user(gid, list + i))
			return -EFAULT;
		if (gid != 0)
			return -EPERM;
	}
	return 0;
}
