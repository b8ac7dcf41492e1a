// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that change the namespace: mkdir, mknod, symlink,
 * link, unlink, rmdir and rename, each with its *at() form, and readlink.
 * Each turns the user's (dirfd, path) into a start and a name and calls
 * the VFS (fs/namei.c), which walks and changes under one hold of the
 * tree's lock; the rules and errors are Linux's, and the VFS's.  New
 * names get their mode less the process's umask, as in Linux.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/kdev_t.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include "sys_namei.h"

static long do_mkdirat(int dirfd, const char __user *pathname, umode_t mode)
{
	struct user_name un;
	int err = user_name_get(dirfd, pathname, &un);

	if (err)
		return err;
	err = vfs_mkdir(&un.start, un.name, mode & (0777 | S_ISVTX) & ~current_umask());
	user_name_put(&un);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dirfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dirfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

/* Linux's new_decode_dev(): the 32-bit number user space gives, as a dev_t. */
static dev_t decode_dev(unsigned int dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

static long do_mknodat(int dirfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	struct user_name un;
	int err;

	if (S_ISDIR(mode))
		return -EPERM; /* mkdir() makes directories */
	err = user_name_get(dirfd, filename, &un);
	if (err)
		return err;
	err = vfs_mknod(&un.start, un.name, (mode & S_IFMT) | (mode & S_IALLUGO & ~current_umask()),
			decode_dev(dev));
	user_name_put(&un);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dirfd, const char __user *, filename, umode_t, mode, unsigned int,
		dev)
{
	return do_mknodat(dirfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

static long do_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	char *target = getname(oldname);
	struct user_name un;
	int err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	err = user_name_get(newdfd, newname, &un);
	if (!err) {
		err = vfs_symlink(&un.start, target, un.name);
		user_name_put(&un);
	}
	kfree(target);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd, const char __user *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

static long do_linkat(int olddfd, const char __user *oldname, int newdfd,
		      const char __user *newname, int flags)
{
	struct user_name old, new;
	int err;

	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL; /* AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH and O_PATH: not here */
	err = user_name_get(olddfd, oldname, &old);
	if (err)
		return err;
	err = user_name_get(newdfd, newname, &new);
	if (!err) {
		err = vfs_link(&old.start, old.name, flags & AT_SYMLINK_FOLLOW, &new.start,
			       new.name);
		user_name_put(&new);
	}
	user_name_put(&old);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd, const char __user *,
		newname, int, flags)
{
	return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

static long do_unlinkat(int dirfd, const char __user *pathname, bool dir)
{
	struct user_name un;
	int err = user_name_get(dirfd, pathname, &un);

	if (err)
		return err;
	err = dir ? vfs_rmdir(&un.start, un.name) : vfs_unlink(&un.start, un.name);
	user_name_put(&un);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dirfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_unlinkat(dirfd, pathname, flag & AT_REMOVEDIR);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname, true);
}

#define RENAME_WHITEOUT (1U << 2)

static long do_renameat2(int olddfd, const char __user *oldname, int newdfd,
			 const char __user *newname, unsigned int flags)
{
	struct user_name old, new;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)))
		return -EINVAL;
	if (flags & RENAME_WHITEOUT)
		return -EINVAL; /* no overlay file system to need one */
	err = user_name_get(olddfd, oldname, &old);
	if (err)
		return err;
	err = user_name_get(newdfd, newname, &new);
	if (!err) {
		err = vfs_rename(&old.start, old.name, &new.start, new.name, flags);
		user_name_put(&new);
	}
	user_name_put(&old);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

static long do_readlinkat(int dirfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct user_name un;
	struct path path;
	char *kbuf;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_name_get(dirfd, pathname, &un);
	if (err)
		return err;
	err = vfs_path_lookup(&un.start, un.name, 0, &path);
	user_name_put(&un);
	if (err)
		return err;
	kbuf = alloc_page(); /* a target is shorter than PATH_MAX */
	if (!kbuf) {
		path_put(&path);
		return -ENOMEM;
	}
	err = vfs_readlink(&path, kbuf, min(bufsiz, PATH_MAX));
	if (err > 0 && copy_to_user(buf, kbuf, err))
		err = -EFAULT;
	free_page(kbuf);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(readlinkat, int, dirfd, const char __user *, pathname, char __user *, buf, int,
		bufsiz)
{
	return do_readlinkat(dirfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, pathname, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, pathname, buf, bufsiz);
}
