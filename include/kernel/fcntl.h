/* SPDX-License-Identifier: GPL-2.0 */
/*
 * open() flags and lseek() origins, with Linux x86_64's values: the
 * system calls will pass what programs give them straight through.
 */
#ifndef _KERNEL_FCNTL_H
#define _KERNEL_FCNTL_H

#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR	    00000002
#define O_CREAT	    00000100
#define O_EXCL	    00000200
#define O_NOCTTY    00000400
#define O_TRUNC	    00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW  00400000
#define O_CLOEXEC   02000000
#define O_PATH	    010000000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#endif
