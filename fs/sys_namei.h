/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the path-taking system calls share (fs/sys_open.c).
 */
#ifndef _FS_SYS_NAMEI_H
#define _FS_SYS_NAMEI_H

#include <kernel/compiler.h>
#include <kernel/fs.h>

#define AT_FDCWD	    -100
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EMPTY_PATH	    0x1000

/* A kernel copy of the user's path, to kfree(); ERR_PTR -EFAULT, -ENAMETOOLONG, -ENOENT. */
char *getname(const char __user *filename);
/* Where a walk of @name starts, for @dirfd; path_put() it.  0, -EBADF or -ENOTDIR. */
int user_path_start(int dirfd, const char *name, struct path *start);

#endif
