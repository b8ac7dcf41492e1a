/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deferred work (kernel/workqueue.c), as Linux's system work queue: a
 * function that an interrupt handler, or any code that must not wait,
 * hands to a kernel thread, "kworker", to run later in task context, where
 * it may sleep.  It is the C counterpart of blog_os's async executor.
 *
 *	INIT_WORK(&w, fn);
 *	schedule_work(&w);	(from any context)
 *	flush_work(&w);		(sleeps until fn has run)
 *
 * Works run one at a time, in the order they were queued.
 */
#ifndef _KERNEL_WORKQUEUE_H
#define _KERNEL_WORKQUEUE_H

#include <kernel/list.h>
#include <kernel/types.h>

struct work_struct {
	struct list_head entry; /* in the queue, or empty */
	void (*func)(struct work_struct *work);
};

#define INIT_WORK(w, fn)                     \
	do {                                 \
		INIT_LIST_HEAD(&(w)->entry); \
		(w)->func = (fn);            \
	} while (0)

/* Queue @work; false if it was queued already (it then runs once). */
bool schedule_work(struct work_struct *work);
/* Sleep until @work, if queued, has run.  Not from kworker itself. */
void flush_work(struct work_struct *work);

/* Start kworker; called by init before the initcalls. */
void workqueue_init(void);

#endif
