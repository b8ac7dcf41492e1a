/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ramfs's inode: the VFS inode, and the pages that hold a regular file's
 * data.
 */
#ifndef _FS_RAMFS_INTERNAL_H
#define _FS_RAMFS_INTERNAL_H

#include <kernel/fs.h>

/*
 * The largest file: its page array is 8 bytes a page, 2 MiB for 1 GiB,
 * half of the largest block the heap gives (krealloc() holds the old
 * array and the new at once).
 */
#define RAMFS_MAX_BYTES (1LL << 30)

struct ramfs_inode {
	struct inode vfs_inode;
	/*
	 * Page i holds bytes [i * PAGE_SIZE, (i + 1) * PAGE_SIZE); NULL is
	 * a hole, which reads as zeros.  Every byte at or past i_size in a
	 * page that is there is zero, so growing a file needs no clearing.
	 */
	void **pages;
	unsigned long nr_slots;
};

static inline struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs_inode);
}

extern const struct file_operations ramfs_file_operations;
int ramfs_setattr(struct dentry *dentry, struct iattr *attr);
void ramfs_free_data(struct ramfs_inode *ri);

#endif
