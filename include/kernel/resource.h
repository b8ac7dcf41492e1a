/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource limits (kernel/rlimit.c): Linux's RLIMIT_* numbers, struct
 * rlimit and RLIM_INFINITY, what a process starts with, and the limit the
 * kernel enforces.
 *
 * Each process has its own (task_struct.rlim), inherited at fork() and
 * kept across execve().  Only RLIMIT_NOFILE is enforced (by the file
 * table: no descriptor at or above its soft limit, which cannot exceed
 * NR_OPEN); the others are kept and reported, and
 * Documentation/core/misc-syscalls.md says which a program can rely on.
 */
#ifndef _KERNEL_RESOURCE_H
#define _KERNEL_RESOURCE_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define RLIMIT_CPU	  0
#define RLIMIT_FSIZE	  1
#define RLIMIT_DATA	  2
#define RLIMIT_STACK	  3
#define RLIMIT_CORE	  4
#define RLIMIT_RSS	  5
#define RLIMIT_NPROC	  6
#define RLIMIT_NOFILE	  7
#define RLIMIT_MEMLOCK	  8
#define RLIMIT_AS	  9
#define RLIMIT_LOCKS	  10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE	  12
#define RLIMIT_NICE	  13
#define RLIMIT_RTPRIO	  14
#define RLIMIT_RTTIME	  15
#define RLIM_NLIMITS	  16

#define RLIM_INFINITY (~0UL)

struct rlimit {
	unsigned long rlim_cur; /* the soft limit, what is enforced */
	unsigned long rlim_max; /* the hard limit, the ceiling of the soft one */
};

struct task_struct;

/* A new process's limits (the first one's; others inherit their parent's). */
void rlimit_init(struct task_struct *p);
/*
 * The soft limit @resource of the calling task (<kernel/sched.h> needed);
 * one word, read without a lock: a concurrent prlimit() gives the old
 * value or the new.  Only processes have files, and their limits are set
 * (rlimit_init()) before their first file.
 */
#define rlimit(resource) READ_ONCE(current->rlim[(resource)].rlim_cur)

#endif
