// SPDX-License-Identifier: GPL-2.0
/*
 * statfs() and fstatfs(): what a file system says of itself, in Linux's
 * x86_64 struct statfs.  The root is a tmpfs, whose room is the free
 * memory (it has no limit of its own); a pipe is on pipefs, which has no
 * room to speak of.  df reads this.
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include "sys_namei.h"

#define ST_VALID 0x0020 /* f_flags holds something: Linux's */

/* Linux's struct statfs on x86_64 (include/uapi/asm-generic/statfs.h) */
struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_inode->i_sb;

	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb->s_magic;
	buf->f_bsize = 4096;
	buf->f_frsize = 4096;
	buf->f_namelen = NAME_MAX;
	buf->f_flags = ST_VALID;
	if (sb->s_op->statfs)
		sb->s_op->statfs(sb, buf);
	return 0;
}

static int do_statfs(const struct path *path, struct statfs __user *ubuf)
{
	struct kstatfs k;
	struct statfs st;
	int err = vfs_statfs(path, &k);

	if (err)
		return err;
	memset(&st, 0, sizeof(st));
	st.f_type = k.f_type;
	st.f_bsize = k.f_bsize;
	st.f_blocks = k.f_blocks;
	st.f_bfree = k.f_bfree;
	st.f_bavail = k.f_bavail;
	st.f_files = k.f_files;
	st.f_ffree = k.f_ffree;
	st.f_namelen = k.f_namelen;
	st.f_frsize = k.f_frsize;
	st.f_flags = k.f_flags;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, false, &path);

	if (err)
		return err;
	err = do_statfs(&path, buf);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *file = fget_raw(fd);
	struct path path;
	int err;

	if (!file)
		return -EBADF;
	path.dentry = file->f_dentry;
	err = do_statfs(&path, buf);
	fput(file);
	return err;
}
