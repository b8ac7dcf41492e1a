// SPDX-License-Identifier: GPL-2.0
/*
 * stat(), lstat(), fstat() and newfstatat(): a file's attributes in the
 * x86_64 struct stat that C libraries expect (the kernel's own struct
 * kstat, <kernel/stat.h>, is what file systems fill).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include "sys_namei.h"

/* Linux's struct stat on x86_64 (arch/x86/include/uapi/asm/stat.h) */
struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __unused[3];
};

static int cp_new_stat(const struct kstat *k, struct stat __user *ubuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(k->dev);
	st.st_ino = k->ino;
	st.st_nlink = k->nlink;
	st.st_mode = k->mode;
	st.st_uid = k->uid;
	st.st_gid = k->gid;
	st.st_rdev = new_encode_dev(k->rdev);
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	st.st_atime = k->atime.tv_sec;
	st.st_atime_nsec = k->atime.tv_nsec;
	st.st_mtime = k->mtime.tv_sec;
	st.st_mtime_nsec = k->mtime.tv_nsec;
	st.st_ctime = k->ctime.tv_sec;
	st.st_ctime_nsec = k->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static int stat_dentry(struct dentry *dentry, struct stat __user *ubuf)
{
	struct path path = { .dentry = dentry };
	struct kstat k;
	int err = vfs_getattr(&path, &k, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);

	return err ?: cp_new_stat(&k, ubuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *file = fget_raw(fd);
	int err;

	if (!file)
		return -EBADF;
	err = stat_dentry(file->f_dentry, statbuf);
	fput(file);
	return err;
}

static long do_fstatat(int dirfd, const char __user *filename, struct stat __user *statbuf,
		       int flags)
{
	struct path start, path;
	char *name;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name)) {
		/* AT_EMPTY_PATH: the file @dirfd is open on itself, or the working directory. */
		if (PTR_ERR(name) != -ENOENT || !(flags & AT_EMPTY_PATH))
			return PTR_ERR(name);
		if (dirfd != AT_FDCWD)
			return __do_sys_fstat(dirfd, statbuf);
		err = user_path_start(AT_FDCWD, ".", &start);
		if (!err) {
			err = stat_dentry(start.dentry, statbuf);
			path_put(&start);
		}
		return err;
	}
	err = user_path_start(dirfd, name, &start);
	if (!err) {
		err = vfs_path_lookup(&start, name, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
				      &path);
		path_put(&start);
		if (!err) {
			err = stat_dentry(path.dentry, statbuf);
			path_put(&path);
		}
	}
	kfree(name);
	return err;
}

SYSCALL_DEFINE4(newfstatat, int, dirfd, const char __user *, filename, struct stat __user *,
		statbuf, int, flag)
{
	return do_fstatat(dirfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return do_fstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return do_fstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}
