// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories: iterate_dir(), what getdents64 will call, and the
 * listing of a directory held in the dentry tree.
 *
 * A listing starts with "." and "..", then the children in the order
 * they were made.  Each child has a fixed position (d_dir_off, never
 * reused in its directory), so a reader that stops and goes on from
 * f_pos sees every entry that stays in the directory exactly once, what
 * ever is created or removed meanwhile; a new entry may or may not be
 * seen, as POSIX allows.  The actor runs with vfs_tree_lock held, so it
 * must not call back into the VFS.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include "internal.h"

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, dir->d_parent->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry, *child;

	if (!dir_emit_dots(file, ctx))
		return 0;
	list_for_each_entry (child, &dir->d_subdirs, d_child) {
		if (child->d_dir_off < ctx->pos)
			continue;
		if (!ctx->actor(ctx, child->d_name, child->d_namelen, child->d_dir_off + 1,
				child->d_inode->i_ino, fs_umode_to_dtype(child->d_inode->i_mode)))
			return 0;
		ctx->pos = child->d_dir_off + 1;
	}
	return 0;
}

/* A directory's position counts entries: SEEK_SET and SEEK_CUR to one; its end is no place. */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR && __builtin_add_overflow(file->f_pos, offset, &offset))
		return -EINVAL; /* Linux's sum wraps negative */
	if ((whence != SEEK_SET && whence != SEEK_CUR) || offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = dcache_readdir,
};

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	int err;

	if (!S_ISDIR(file_inode(file)->i_mode) || !file->f_op->iterate_shared)
		return -ENOTDIR;
	if (!ctx || !ctx->actor)
		return -EINVAL;
	mutex_lock(&vfs_tree_lock);
	if (file->f_dentry->d_deleted) {
		err = -ENOENT; /* as Linux: a removed directory lists nothing */
	} else {
		ctx->pos = file->f_pos;
		err = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	mutex_unlock(&vfs_tree_lock);
	return err;
}
