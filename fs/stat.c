// SPDX-License-Identifier: GPL-2.0
/*
 * vfs_getattr(): an inode's attributes as struct kstat, what fstat and
 * newfstatat will copy out.  The size and times are read under the
 * inode's i_mutex, so a stat never sees a write half done.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include "internal.h"

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb->s_dev;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 4096;
	stat->blocks = inode->i_blocks;
}

int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags)
{
	struct inode *inode;

	if (!path || !path->dentry || !stat)
		return -EINVAL;
	inode = path->dentry->d_inode;
	mutex_lock(&vfs_tree_lock); /* i_nlink */
	mutex_lock(&inode->i_mutex);
	generic_fillattr(inode, stat);
	mutex_unlock(&inode->i_mutex);
	mutex_unlock(&vfs_tree_lock);
	return 0;
}
