// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing files: filp_open() and its flags, struct file and
 * its reference count.
 *
 * The walk and, with O_CREAT, the creation happen under one hold of
 * vfs_tree_lock, so O_EXCL means what it says; the file system's open()
 * and then the truncation of O_TRUNC come after, with only a reference to
 * the dentry held.  The checks follow Linux's order and errors: a directory
 * opens only for reading (-EISDIR), O_DIRECTORY wants one (-ENOTDIR),
 * O_NOFOLLOW refuses a link at the end (-ELOOP), O_CREAT on a name that
 * ends in a slash or names a directory is -EISDIR, and O_CREAT through a
 * link that leads nowhere makes the link's target.
 *
 * O_PATH opens nothing: the file is a place (FMODE_PATH, no operations,
 * no driver's open, a FIFO does not wait) for fstat, fchdir, *at() and
 * dup; with O_NOFOLLOW it may be a symbolic link itself.  Every flag but
 * O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC is ignored with it, as in Linux.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/slab.h>
#include "internal.h"

static long open_files; /* atomic */

long nr_open_files(void)
{
	return __atomic_load_n(&open_files, __ATOMIC_RELAXED);
}

static unsigned int fmode_of(int flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return FMODE_READ;
	case O_WRONLY:
		return FMODE_WRITE;
	default:
		return FMODE_READ | FMODE_WRITE;
	}
}

/* What an O_PATH file does: nothing. */
static const struct file_operations path_fops;

struct file *do_dentry_open(struct dentry *dentry, int flags)
{
	struct inode *inode = dentry->d_inode;
	struct file *file = kzalloc(sizeof(*file));
	int err;

	if (!file) {
		dput(dentry);
		return ERR_PTR(-ENOMEM);
	}
	file->f_dentry = dentry;
	file->f_inode = inode;
	file->f_op = inode->i_fop;
	/* What open() did once, and O_CLOEXEC, the descriptor's (fd_install()). */
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY | O_CLOEXEC);
	file->f_mode = fmode_of(flags);
	file->f_count = 1;
	if (flags & O_PATH) {
		file->f_mode = FMODE_PATH;
		file->f_op = &path_fops;
	}
	if (!file->f_op) {
		err = -ENXIO; /* a block device: no driver for it */
		goto fail;
	}
	if (file->f_op->open && !(flags & O_PATH)) {
		err = file->f_op->open(inode, file);
		if (err)
			goto fail;
	}
	__atomic_add_fetch(&open_files, 1, __ATOMIC_RELAXED);
	return file;
fail:
	kfree(file);
	dput(dentry);
	return ERR_PTR(err);
}

/* With vfs_tree_lock held: the dentry to open, referenced. */
static int open_lookup(const struct path *start, const char *name, int flags, umode_t mode,
		       struct dentry **result)
{
	struct last_component last;
	struct dentry *dentry;
	int err = walk_parent(start, name, &last);

	if (err)
		return err;
	if (!(flags & O_CREAT)) {
		err = walk_last(&last, !(flags & O_NOFOLLOW), &dentry);
		if (err)
			return err;
		if (S_ISLNK(dentry->d_inode->i_mode) && !(flags & O_PATH))
			return -ELOOP; /* only O_NOFOLLOW leaves one here */
	} else {
		if (!last.len || name_is_dot(last.name, last.len) ||
		    name_is_dotdot(last.name, last.len))
			return (flags & O_EXCL) ? -EEXIST : -EISDIR;
		if (last.trailing_slash)
			return -EISDIR; /* as Linux, whatever the name is */
		err = walk_last_create(&last, !(flags & (O_EXCL | O_NOFOLLOW)), &dentry);
		if (err)
			return err;
		if (!dentry) {
			if (last.dir->d_deleted)
				return -ENOENT;
			return makes_no_names(&last) ?: vfs_create_last(&last, mode, result);
		}
		if (flags & O_EXCL)
			return -EEXIST;
		if (S_ISLNK(dentry->d_inode->i_mode))
			return -ELOOP;
	}
	if (S_ISDIR(dentry->d_inode->i_mode) && !(flags & O_PATH) &&
	    ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC))))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(dentry->d_inode->i_mode))
		return -ENOTDIR;
	dentry->d_count++;
	*result = dentry;
	return 0;
}

struct file *file_open_at(const struct path *start, const char *name, int flags, umode_t mode)
{
	struct dentry *dentry;
	struct file *file;
	int err;

	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return ERR_PTR(-EINVAL); /* as Linux since 6.4 */
	mutex_lock(&vfs_tree_lock);
	err = open_lookup(start, name, flags, mode, &dentry);
	mutex_unlock(&vfs_tree_lock);
	if (err)
		return ERR_PTR(err);
	file = do_dentry_open(dentry, flags);
	/* Only once the file is open, as Linux: a failed open truncates nothing. */
	if (!IS_ERR(file) && (flags & O_TRUNC) && S_ISREG(dentry->d_inode->i_mode)) {
		err = do_truncate(dentry, 0);
		if (err) {
			fput(file);
			return ERR_PTR(err);
		}
	}
	return file;
}

struct file *filp_open(const char *name, int flags, umode_t mode)
{
	return file_open_at(NULL, name, flags, mode);
}

struct file *get_file(struct file *file)
{
	__atomic_add_fetch(&file->f_count, 1, __ATOMIC_RELAXED);
	return file;
}

void fput(struct file *file)
{
	if (__atomic_sub_fetch(&file->f_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	dput(file->f_dentry);
	kfree(file);
	__atomic_sub_fetch(&open_files, 1, __ATOMIC_RELAXED);
}

int filp_close(struct file *file)
{
	if (!file || IS_ERR(file))
		return -EBADF;
	fput(file);
	return 0;
}
