/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll(): how a file says whether it can be read or written now, and how
 * a caller that must wait learns when that changes.
 *
 * A file's ->poll() (struct file_operations) returns its POLL* mask at
 * once and, through poll_wait(), names the wait queues that a change of
 * that mask wakes.  poll(), select() and their kin (fs/select.c) pass a
 * poll_table that queues the caller on each of them, then sleep until one
 * wakes; a caller that only wants the mask passes NULL.  This is Linux's
 * contract (include/linux/poll.h), so that a driver reads the same.  A
 * file without ->poll() is always ready for both, as in Linux.
 */
#ifndef _KERNEL_POLL_H
#define _KERNEL_POLL_H

#include <kernel/types.h>

/* Linux's values (include/uapi/asm-generic/poll.h) */
#define POLLIN	   0x0001
#define POLLPRI	   0x0002
#define POLLOUT	   0x0004
#define POLLERR	   0x0008
#define POLLHUP	   0x0010
#define POLLNVAL   0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

typedef unsigned int __poll_t;

struct file;
struct wait_queue_head;

typedef struct poll_table_struct {
	/* Queue the caller on @wq, which @file's mask changes wake. */
	void (*qproc)(struct file *file, struct wait_queue_head *wq, struct poll_table_struct *pt);
} poll_table;

static inline void poll_wait(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	if (pt && pt->qproc && wq)
		pt->qproc(file, wq, pt);
}

#endif
