// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that open and close files: openat() and open(),
 * close() and close_range(), umask(); and the path-taking calls' common
 * part, which turns a user's (dirfd, path) into a start and a name.
 *
 * A relative path starts at the working directory (AT_FDCWD) or at the
 * directory @dirfd is open on; an absolute one at the root.  New files
 * get @mode less the process's umask (umask(), which fork() passes on).
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
	dir = fget_raw(dirfd);
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

int user_name_get(int dirfd, const char __user *filename, struct user_name *un)
{
	int err;

	un->name = getname(filename);
	if (IS_ERR(un->name))
		return PTR_ERR(un->name);
	err = user_path_start(dirfd, un->name, &un->start);
	if (err)
		kfree(un->name);
	return err;
}

void user_name_put(struct user_name *un)
{
	path_put(&un->start);
	kfree(un->name);
}

int user_path_at(int dirfd, const char __user *filename, unsigned int lookup_flags, bool empty,
		 struct path *path)
{
	struct user_name un;
	struct file *file;
	char c;
	int err = user_name_get(dirfd, filename, &un);

	if (err == -ENOENT && empty && !get_user(c, filename) && !c) {
		/* AT_EMPTY_PATH: the file @dirfd is open on, or the working directory. */
		if (dirfd == AT_FDCWD)
			return user_path_start(AT_FDCWD, ".", path);
		file = fget_raw(dirfd);
		if (!file)
			return -EBADF;
		path->dentry = dget(file->f_dentry);
		fput(file);
		return 0;
	}
	if (err)
		return err;
	err = vfs_path_lookup(&un.start, un.name, lookup_flags, path);
	user_name_put(&un);
	return err;
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
		file = file_open_at(&start, name, flags, mode & 07777 & ~current_umask());
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

SYSCALL_DEFINE1(umask, int, mask)
{
	struct files_struct *files = current->files;
	unsigned int old = files->umask;

	files->umask = mask & 0777;
	return old;
}

#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

/* No table is shared (there are no threads), so CLOSE_RANGE_UNSHARE has nothing to do. */
SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd, unsigned int, flags)
{
	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	close_fd_range(fd, max_fd, flags & CLOSE_RANGE_CLOEXEC);
	return 0;
}
