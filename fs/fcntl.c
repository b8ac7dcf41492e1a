// SPDX-License-Identifier: GPL-2.0
/*
 * dup(), dup2(), dup3() and fcntl(): more descriptors for an open file,
 * and the flags of descriptors (FD_CLOEXEC) and of open files (O_APPEND,
 * O_NONBLOCK), with Linux's rules and errors.
 */
#include <kernel/errno.h>
#include <kernel/fcntl.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC	1

/* The file flags F_SETFL may change; the rest stay as opened. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

static long dupfd(unsigned int oldfd, unsigned long start, bool cloexec)
{
	struct file *file = fget_raw(oldfd);
	long fd;

	if (!file)
		return -EBADF;
	fd = start >= NR_OPEN ? -EINVAL : fd_install_from(file, start, cloexec);
	fput(file);
	return fd;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return dupfd(fildes, 0, false);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return replace_fd(oldfd, newfd, flags & O_CLOEXEC);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *file;

	if (oldfd == newfd) { /* a no-op, once oldfd is known to be open */
		file = fget_raw(oldfd);
		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return replace_fd(oldfd, newfd, false);
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file;
	long ret;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		/* A start at or past RLIMIT_NOFILE: -EINVAL after -EBADF, as f_dupfd(). */
		if (arg >= rlimit(RLIMIT_NOFILE))
			arg = NR_OPEN;
		return dupfd(fd, arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		ret = get_close_on_exec(fd);
		return ret < 0 ? ret : ret ? FD_CLOEXEC : 0;
	case F_SETFD:
		return set_close_on_exec(fd, arg & FD_CLOEXEC);
	case F_GETFL:
	case F_SETFL:
		file = fget_raw(fd);
		if (!file)
			return -EBADF;
		if (cmd == F_GETFL) {
			ret = file->f_flags;
		} else if (file->f_mode & FMODE_PATH) {
			ret = -EBADF; /* as Linux: an O_PATH descriptor's flags stay */
		} else {
			file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
			ret = 0;
		}
		fput(file);
		return ret;
	}
	file = fget_raw(fd);
	if (!file)
		return -EBADF;
	ret = file->f_mode & FMODE_PATH ? -EBADF : -EINVAL;
	fput(file);
	return ret;
}
