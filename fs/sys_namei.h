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
#define AT_REMOVEDIR	    0x200
#define AT_EACCESS	    0x200
#define AT_SYMLINK_FOLLOW   0x400

/* A kernel copy of the user's path, to kfree(); ERR_PTR -EFAULT, -ENAMETOOLONG, -ENOENT. */
char *getname(const char __user *filename);
/* Where a walk of @name starts, for @dirfd; path_put() it.  0, -EBADF or -ENOTDIR. */
int user_path_start(int dirfd, const char *name, struct path *start);

/* A user's (dirfd, path): the kernel's copy of the path and where its walk starts. */
struct user_name {
	char *name;
	struct path start;
};

/* 0 and @un to user_name_put(), or -errno (and nothing to put). */
int user_name_get(int dirfd, const char __user *filename, struct user_name *un);
void user_name_put(struct user_name *un);
/*
 * Look (dirfd, path) up with LOOKUP_* @lookup_flags; with @empty
 * (AT_EMPTY_PATH) an empty path is @dirfd's file.  0 and @path to
 * path_put(), or -errno.
 */
int user_path_at(int dirfd, const char __user *filename, unsigned int lookup_flags, bool empty,
		 struct path *path);

#endif
