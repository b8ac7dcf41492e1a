/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File modes and the attributes vfs_getattr() reports, with Linux's
 * values: a mode's type bits and permission bits are what stat(2) will
 * hand to Linux programs, so they cannot be our own.
 */
#ifndef _KERNEL_STAT_H
#define _KERNEL_STAT_H

#include <kernel/types.h>

typedef unsigned short umode_t;
typedef long long loff_t;
typedef u32 dev_t;
typedef u32 kuid_t;
typedef u32 kgid_t;

#define S_IFMT	 0170000
#define S_IFSOCK 0140000
#define S_IFLNK	 0120000
#define S_IFREG	 0100000
#define S_IFBLK	 0060000
#define S_IFDIR	 0040000
#define S_IFCHR	 0020000
#define S_IFIFO	 0010000

#define S_ISUID 0004000
#define S_ISGID 0002000
#define S_ISVTX 0001000

#define S_ISLNK(m)  (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m)&S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m)&S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)

#define S_IALLUGO 07777 /* what chmod may set: permissions, setuid, setgid, sticky */

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

/* What vfs_getattr() fills: the fields of Linux's struct kstat that a ramfs has. */
struct kstat {
	u64 ino;
	dev_t dev;
	umode_t mode;
	unsigned int nlink;
	kuid_t uid;
	kgid_t gid;
	dev_t rdev;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	u32 blksize;
	u64 blocks; /* 512-byte units actually allocated: a hole takes none */
};

#endif
