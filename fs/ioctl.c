// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(): a device's own requests, passed to its file's unlocked_ioctl.
 * A file without one (a regular file, a directory) is not a terminal,
 * which is what C libraries ask most (isatty() is ioctl(TCGETS)):
 * -ENOTTY, as in Linux.
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/syscalls.h>

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = file->f_op->unlocked_ioctl ? file->f_op->unlocked_ioctl(file, cmd, arg) : -ENOTTY;
	fput(file);
	return ret;
}
