// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that name files: openat() and open(), close(), and
 * the path-taking calls' common part, which turns a user's (dirfd, path)
 * into a start and a name.
 *
 * A relative path starts at the working directory (AT_FDCWD) or at the
 * directory @dirfd is open on; an absolute one at the root.  There is no
 * umask() yet: new files get @mode less 022, Linux's default umask.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include "sys_namei.h"

#define DEFAULT_UMASK 0022

char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || !len) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

int user_path_start(int dirfd, const char *name, struct path *start)
{
	struct file *dir;

	if (name[0] == '/' || dirfd == AT_FDCWD) {
		if (name[0] != '/' && current->pwd) {
			start->dentry = dget(current->pwd);
			return 0;
		}
		get_fs_root(start);
		return 0;
	}
	dir = fget(dirfd);
	if (!dir)
		return -EBADF;
	if (!S_ISDIR(file_inode(dir)->i_mode)) {
		fput(dir);
		return -ENOTDIR;
	}
	start->dentry = dget(dir->f_dentry);
	fput(dir);
	return 0;
}

static long do_open(int dirfd, const char __user *filename, int flags, umode_t mode)
{
	char *name = getname(filename);
	struct file *file;
	struct path start;
	long fd;

	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = user_path_start(dirfd, name, &start);
	if (!fd) {
		file = file_open_at(&start, name, flags, mode & 07777 & ~DEFAULT_UMASK);
		path_put(&start);
		if (IS_ERR(file)) {
			fd = PTR_ERR(file);
		} else {
			fd = fd_install(file, flags & O_CLOEXEC);
			fput(file);
		}
	}
	kfree(name);
	return fd;
}

SYSCALL_DEFINE4(openat, int, dirfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_open(dirfd, filename, flags, mode);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}
