// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: what a file is (type, permissions, owner, size, times, the
 * operations that act on it), apart from the names it has.
 *
 * An inode's references (i_count) are the dentries that name it: the
 * last one gone, nothing can reach it, and its file system frees it with
 * its data.  An unlinked file that is still open keeps its dentry, and so
 * its inode, until the last close.  vfs_tree_lock guards i_count and
 * i_nlink; the inode's i_mutex guards its data, size and times.
 */
#include <kernel/clocksource.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "internal.h"

static unsigned long last_ino; /* under vfs_tree_lock */

struct timespec64 current_time(void)
{
	s64 now = ktime_get_real(); /* the date: ls -l shows when, as on Linux */
	struct timespec64 ts = { .tv_sec = now / (s64)NSEC_PER_SEC,
				 .tv_nsec = now % (s64)NSEC_PER_SEC };

	return ts;
}

/* A new inode of @sb with one reference, or NULL: the file system's to fill in. */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = sb->s_op->alloc_inode(sb);

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_nlink = 1;
	inode->i_ino = ++last_ino;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	mutex_init(&inode->i_mutex);
	return inode;
}

void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = 0;
	inode->i_gid = dir ? dir->i_gid : 0;
	inode->i_mode = mode;
}

/*
 * Device nodes open through the character device table, FIFOs as pipes
 * (with processes: fs/pipe.c); a block device has no driver yet, and a
 * socket node nothing to connect to.
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t dev)
{
	inode->i_mode = mode;
	inode->i_rdev = S_ISCHR(mode) || S_ISBLK(mode) ? dev : 0;
	if (S_ISCHR(mode))
		inode->i_fop = &def_chr_fops;
	else if (S_ISFIFO(mode) && IS_ENABLED(CONFIG_USER_MODE))
		inode->i_fop = &pipefifo_fops;
	else
		inode->i_fop = NULL;
}

void __iput(struct inode *inode)
{
	if (!inode->i_count) {
		pr_err("vfs: iput of inode %lu with no reference left; ignored\n", inode->i_ino);
		return;
	}
	if (--inode->i_count)
		return;
	inode->i_sb->s_op->destroy_inode(inode);
}

void iput(struct inode *inode)
{
	mutex_lock(&vfs_tree_lock);
	__iput(inode);
	mutex_unlock(&vfs_tree_lock);
}

unsigned int fs_umode_to_dtype(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return DT_REG;
	case S_IFDIR:
		return DT_DIR;
	case S_IFLNK:
		return DT_LNK;
	case S_IFCHR:
		return DT_CHR;
	case S_IFBLK:
		return DT_BLK;
	case S_IFIFO:
		return DT_FIFO;
	case S_IFSOCK:
		return DT_SOCK;
	default:
		return DT_UNKNOWN;
	}
}
