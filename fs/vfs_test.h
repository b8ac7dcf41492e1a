/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the VFS suites share: removing a scratch tree, and a snapshot of
 * everything a leak would change (open files, heap, page frames).
 */
#ifndef _FS_VFS_TEST_H
#define _FS_VFS_TEST_H

#include <kernel/fs.h>
#include <kernel/ktest.h>

struct vfs_snapshot {
	long files;
	unsigned long heap, frames;
};

void vfs_snap(struct vfs_snapshot *s);
/* Expect no open file, heap object or frame more or fewer than at @s. */
void vfs_expect_no_leak(struct ktest *t, const struct vfs_snapshot *s, const char *where);
/* Remove @path and everything under it; 0 or the first error. */
int vfs_remove_tree(const char *path);
/* A suite's own empty directory @top, whatever a run before left; false (reported) if not. */
bool vfs_test_setup(struct ktest *t, const char *top);
/* Write/read all of @len bytes at *@pos; the count or -errno. */
ssize_t vfs_write_all(struct file *file, const void *buf, size_t len, loff_t *pos);
/* The attributes of @name (links not followed), or -errno. */
int vfs_stat(const char *name, struct kstat *st);

#endif
