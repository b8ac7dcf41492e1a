// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls on a file's attributes: access() and faccessat(),
 * chmod(), chown(), the times (utimensat() and the older utimes(),
 * futimesat(), utime()), truncate() and ftruncate(), and the sync calls.
 *
 * Everyone is root, so permission bits refuse nothing but execution:
 * access(X_OK) wants an execute bit, as Linux's root does.  Every file
 * lives in memory, so fsync() and its kin have nothing to write: they
 * check the descriptor and succeed, as Linux's tmpfs does (and fail with
 * -EINVAL where Linux's would, on a pipe or a device).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include "sys_namei.h"

#define R_OK	4
#define W_OK	2
#define X_OK	1
#define S_IXUGO 0111

static long do_faccessat(int dirfd, const char __user *filename, int mode, int flags)
{
	struct path path;
	umode_t imode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dirfd, filename, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &path);
	if (err)
		return err;
	imode = path.dentry->d_inode->i_mode;
	if ((mode & X_OK) && !S_ISDIR(imode) && !(imode & S_IXUGO))
		err = -EACCES;
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(faccessat2, int, dirfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dirfd, filename, mode, flags);
}

SYSCALL_DEFINE3(faccessat, int, dirfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dirfd, filename, mode, 0);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

static int path_of_fd(unsigned int fd, struct path *path)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	path->dentry = dget(file->f_dentry);
	fput(file);
	return 0;
}

static int chmod_path(const struct path *path, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode & S_IALLUGO };

	return vfs_setattr(path, &attr);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct path path;
	int err = path_of_fd(fd, &path);

	if (err)
		return err;
	err = chmod_path(&path, mode);
	path_put(&path);
	return err;
}

static long do_fchmodat(int dirfd, const char __user *filename, umode_t mode)
{
	struct path path;
	int err = user_path_at(dirfd, filename, LOOKUP_FOLLOW, false, &path);

	if (err)
		return err;
	err = chmod_path(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dirfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dirfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

/*
 * A new owner, group or both ((u32)-1 keeps one); as in Linux, a file
 * that is not a directory loses its set-user-ID bit, and its set-group-ID
 * bit if group execution makes that one mean something.
 */
static int chown_path(const struct path *path, u32 uid, u32 gid)
{
	struct iattr attr = { .ia_valid = ATTR_KILL_SUID | ATTR_KILL_SGID };

	if (uid != (u32)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = uid;
	}
	if (gid != (u32)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = gid;
	}
	return vfs_setattr(path, &attr);
}

static long do_fchownat(int dirfd, const char __user *filename, u32 user, u32 group, int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dirfd, filename, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &path);
	if (err)
		return err;
	err = chown_path(&path, user, group);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dirfd, const char __user *, filename, u32, user, u32, group, int,
		flag)
{
	return do_fchownat(dirfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, u32, user, u32, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, u32, user, u32, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, u32, user, u32, group)
{
	struct path path;
	int err = path_of_fd(fd, &path);

	if (err)
		return err;
	err = chown_path(&path, user, group);
	path_put(&path);
	return err;
}

#define UTIME_NOW  ((1L << 30) - 1L)
#define UTIME_OMIT ((1L << 30) - 2L)

struct utime_timespec {
	long long tv_sec;
	long long tv_nsec;
};

/* @times (NULL: both now) on @path. */
static int utimes_path(const struct path *path, const struct utime_timespec *times)
{
	struct timespec64 now = current_time();
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME,
			      .ia_atime = now,
			      .ia_mtime = now };

	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW)
			attr.ia_atime = (struct timespec64){ times[0].tv_sec, times[0].tv_nsec };
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW)
			attr.ia_mtime = (struct timespec64){ times[1].tv_sec, times[1].tv_nsec };
	}
	return vfs_setattr(path, &attr);
}

static bool nsec_valid(long long nsec)
{
	return nsec == UTIME_NOW || nsec == UTIME_OMIT || (nsec >= 0 && nsec < 1000000000LL);
}

/* What utimensat() and the older calls share: @times already checked, or NULL. */
static long do_utimes(int dirfd, const char __user *filename, const struct utime_timespec *times,
		      int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename && dirfd != AT_FDCWD) {
		/* futimens(): the descriptor itself */
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		err = path_of_fd(dirfd, &path);
	} else {
		err = user_path_at(dirfd, filename, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
				   flags & AT_EMPTY_PATH, &path);
	}
	if (err)
		return err;
	err = utimes_path(&path, times);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(utimensat, int, dirfd, const char __user *, filename,
		const struct utime_timespec __user *, utimes, int, flags)
{
	struct utime_timespec t[2];

	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		/* As Linux: nothing to do, and the path is not even looked up. */
		if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
			return 0;
		if (!nsec_valid(t[0].tv_nsec) || !nsec_valid(t[1].tv_nsec))
			return -EINVAL;
	}
	return do_utimes(dirfd, filename, utimes ? t : NULL, flags);
}

struct utime_timeval {
	long tv_sec;
	long tv_usec;
};

static long do_futimesat(int dirfd, const char __user *filename,
			 const struct utime_timeval __user *utimes)
{
	struct utime_timespec t[2];
	struct utime_timeval tv[2];
	int i;

	if (!utimes)
		return do_utimes(dirfd, filename, NULL, 0);
	if (copy_from_user(tv, utimes, sizeof(tv)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return do_utimes(dirfd, filename, t, 0);
}

SYSCALL_DEFINE3(futimesat, int, dirfd, const char __user *, filename,
		const struct utime_timeval __user *, utimes)
{
	return do_futimesat(dirfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, const char __user *, filename, const struct utime_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

struct utimbuf {
	long actime;
	long modtime;
};

SYSCALL_DEFINE2(utime, const char __user *, filename, const struct utimbuf __user *, times)
{
	struct utime_timespec t[2] = {};
	struct utimbuf b;

	if (!times)
		return do_utimes(AT_FDCWD, filename, NULL, 0);
	if (copy_from_user(&b, times, sizeof(b)))
		return -EFAULT;
	t[0].tv_sec = b.actime;
	t[1].tv_sec = b.modtime;
	return do_utimes(AT_FDCWD, filename, t, 0);
}

static int truncate_path(const struct path *path, long length)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE | ATTR_MTIME,
			      .ia_size = length,
			      .ia_mtime = current_time() };

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	return vfs_setattr(path, &attr);
}

SYSCALL_DEFINE2(truncate, const char __user *, filename, long, length)
{
	struct path path;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW, false, &path);
	if (err)
		return err;
	err = truncate_path(&path, length);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *file;
	struct path path;
	int err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	/* As Linux: a file not open for writing, or not a regular file, is -EINVAL. */
	if (!(file->f_mode & FMODE_WRITE) || !S_ISREG(file_inode(file)->i_mode)) {
		fput(file);
		return -EINVAL;
	}
	path.dentry = file->f_dentry;
	err = truncate_path(&path, length);
	fput(file);
	return err;
}

/* Nothing is ever written back: the check of the descriptor is all. */
static long do_fsync(unsigned int fd)
{
	struct file *file = fget(fd);
	umode_t mode;

	if (!file)
		return -EBADF;
	mode = file_inode(file)->i_mode;
	fput(file);
	return S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode) ? 0 : -EINVAL;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}
