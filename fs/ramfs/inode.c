// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: a file system that is only memory, as Linux's: directories are
 * the dentry tree itself, regular files are pages (file.c), symbolic
 * links keep their target in the inode, device nodes their number.
 * Nothing is ever written anywhere else, so there is nothing to look up
 * or write back: every operation here is the change in memory.  It is
 * the root file system, and the initramfs is unpacked into it.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "../internal.h"
#include "internal.h"

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;
static const struct inode_operations ramfs_symlink_inode_operations;

static struct inode *ramfs_alloc_inode(struct super_block *sb)
{
	struct ramfs_inode *ri = kzalloc(sizeof(*ri));

	return ri ? &ri->vfs_inode : NULL;
}

static void ramfs_destroy_inode(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	ramfs_free_data(ri);
	kfree(inode->i_link);
	kfree(ri);
}

/*
 * A tmpfs with no size limit: its room is all the memory, and what is
 * free of it; inodes are not counted (0, as Linux's tmpfs without a
 * limit says).
 */
static void ramfs_statfs(struct super_block *sb, struct kstatfs *buf)
{
	buf->f_blocks = nr_managed_pages();
	buf->f_bfree = buf->f_bavail = nr_free_pages();
}

static const struct super_operations ramfs_super_operations = {
	.alloc_inode = ramfs_alloc_inode,
	.destroy_inode = ramfs_destroy_inode,
	.statfs = ramfs_statfs,
};

static struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
				     dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2; /* its name, and its own "." */
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_inode_operations;
		break;
	default:
		inode->i_op = &ramfs_file_inode_operations; /* setattr only */
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		dir->i_nlink++; /* the new directory's ".." */
	return err;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *copy = kmalloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, target, len + 1);
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(copy);
		return -ENOMEM;
	}
	inode->i_link = copy;
	inode->i_size = len;
	d_instantiate(dentry, inode);
	return 0;
}

static int ramfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_nlink--;
	inode->i_ctime = current_time();
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	dentry->d_inode->i_nlink = 0;
	dir->i_nlink--; /* its ".." is gone */
	return 0;
}

static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_nlink++;
	inode->i_count++; /* the new dentry's */
	inode->i_ctime = current_time();
	d_instantiate(dentry, inode);
	return 0;
}

/*
 * Only link counts change here (Linux's simple_rename()): a directory
 * that moves takes its ".." from one parent to the other, one that is
 * replaced loses its own and its parent's.
 */
static int ramfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
			struct dentry *new, unsigned int flags)
{
	bool old_is_dir = S_ISDIR(old->d_inode->i_mode);
	bool new_is_dir = new &&S_ISDIR(new->d_inode->i_mode);
	struct timespec64 now = current_time();

	if (flags & RENAME_EXCHANGE) {
		if (old_is_dir != new_is_dir && old_dir != new_dir) {
			if (old_is_dir) {
				old_dir->i_nlink--;
				new_dir->i_nlink++;
			} else {
				new_dir->i_nlink--;
				old_dir->i_nlink++;
			}
		}
		new->d_inode->i_ctime = now;
	} else if (new) {
		ramfs_unlink(new_dir, new);
		if (new_is_dir) {
			new->d_inode->i_nlink = 0; /* its "." too */
			old_dir->i_nlink--;	   /* new_dir's count stays: one ".." for another */
		}
	} else if (old_is_dir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	old->d_inode->i_ctime = now;
	old_dir->i_mtime = old_dir->i_ctime = now;
	new_dir->i_mtime = new_dir->i_ctime = now;
	return 0;
}

static const char *ramfs_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_link;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.link = ramfs_link,
	.rename = ramfs_rename,
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_symlink_inode_operations = {
	.get_link = ramfs_get_link,
	.setattr = ramfs_setattr,
};

/* The root file system: one instance, made once at boot. */
struct super_block *ramfs_fill_super(void)
{
	static struct super_block sb = {
		.s_dev = MKDEV(0, 1),
		.s_maxbytes = RAMFS_MAX_BYTES,
		.s_op = &ramfs_super_operations,
		.s_type = "tmpfs",
		.s_magic = TMPFS_MAGIC,
	};
	struct inode *inode;
	struct dentry *root;

	if (sb.s_root)
		return &sb;
	inode = ramfs_get_inode(&sb, NULL, S_IFDIR | 0755, 0);
	if (!inode)
		return NULL;
	root = d_alloc(NULL, "/", 1);
	if (!root) {
		ramfs_destroy_inode(inode);
		return NULL;
	}
	d_instantiate(root, inode);
	d_attach(root); /* the tree's reference; the super block keeps d_alloc()'s */
	sb.s_root = root;
	return &sb;
}
