// SPDX-License-Identifier: GPL-2.0
/*
 * The root of the namespace: a ramfs, made at boot before anything looks
 * up a path, as Linux's vfs_caches_init() and init_mount_tree() make its
 * rootfs.  There are no mounts: the ramfs is the whole namespace.
 */
#include <kernel/fs.h>
#include <kernel/panic.h>
#include "internal.h"

void vfs_caches_init(void)
{
	struct super_block *sb = ramfs_fill_super();

	if (!sb)
		panic("VFS: cannot make the root file system (no memory)");
	vfs_root_dentry = sb->s_root;
}
