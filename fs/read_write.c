// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and lseek on open files: the checks every file shares
 * (the open mode, the count, the position), then the file's own
 * operation.
 *
 * lseek follows Linux's generic_file_llseek(): SEEK_SET, SEEK_CUR and
 * SEEK_END only (-EINVAL for others), and a negative result, one past the
 * file system's largest file or a sum with the position or the size that
 * does not fit a loff_t (which Linux's sum wraps to a negative one) is
 * -EINVAL.  A position past the end is allowed: a write there leaves a
 * hole, which reads as zeros.  A read or write whose end would not fit a
 * loff_t is -EINVAL, as Linux's rw_verify_area() says.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include "internal.h"

static int rw_verify_area(struct file *file, size_t *count, loff_t *pos)
{
	loff_t end;

	if (!pos || *pos < 0 || (ssize_t)*count < 0 ||
	    __builtin_add_overflow(*pos, (loff_t)*count, &end))
		return -EINVAL;
	if (*count > MAX_RW_COUNT)
		*count = MAX_RW_COUNT;
	return 0;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op->read)
		return -EINVAL;
	err = rw_verify_area(file, &count, pos);
	if (err)
		return err;
	if (!count)
		return 0;
	return file->f_op->read(file, buf, count, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	err = rw_verify_area(file, &count, pos);
	if (err)
		return err;
	if (!count)
		return 0;
	return file->f_op->write(file, buf, count, pos);
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = eof;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &offset) || offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	loff_t size;

	mutex_lock(&inode->i_mutex);
	size = inode->i_size;
	mutex_unlock(&inode->i_mutex);
	return generic_file_llseek_size(file, offset, whence, inode->i_sb->s_maxbytes, size);
}

/* Devices whose position means nothing (/dev/null, /dev/zero): it stays 0. */
loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence < SEEK_SET || whence > SEEK_END)
		return -EINVAL;
	file->f_pos = 0;
	return 0;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}
