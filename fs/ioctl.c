// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(): the requests every file takes (Linux's do_vfs_ioctl():
 * close-on-exec, O_NONBLOCK, and for a regular file the bytes left to
 * read), then a device's own, passed to its file's unlocked_ioctl.  A
 * file without one (a regular file, a directory) is not a terminal,
 * which is what C libraries ask most (isatty() is ioctl(TCGETS)):
 * -ENOTTY, as in Linux.
 */
#include <kernel/errno.h>
#include <kernel/fcntl.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

#define FIONREAD 0x541B
#define FIONBIO	 0x5421
#define FIONCLEX 0x5450
#define FIOCLEX	 0x5451

/* The requests every file takes; 1 when @cmd is the file's own to answer. */
static long generic_ioctl(unsigned int fd, struct file *file, unsigned int cmd, unsigned long arg)
{
	struct inode *inode = file_inode(file);
	loff_t left;
	int on;

	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		return set_close_on_exec(fd, cmd == FIOCLEX);
	case FIONBIO:
		if (get_user(on, (int __user *)arg))
			return -EFAULT;
		if (on)
			file->f_flags |= O_NONBLOCK;
		else
			file->f_flags &= ~O_NONBLOCK;
		return 0;
	case FIONREAD:
		if (!S_ISREG(inode->i_mode))
			return 1;
		mutex_lock(&inode->i_mutex);
		left = inode->i_size - file->f_pos;
		mutex_unlock(&inode->i_mutex);
		if (left < 0)
			left = 0;
		return put_user((int)min(left, (loff_t)0x7fffffff), (int __user *)arg) ? -EFAULT
										       : 0;
	default:
		return 1;
	}
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = generic_ioctl(fd, file, cmd, arg);
	if (ret == 1)
		ret = file->f_op->unlocked_ioctl ? file->f_op->unlocked_ioctl(file, cmd, arg)
						 : -ENOTTY;
	fput(file);
	return ret;
}
