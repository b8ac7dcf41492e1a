/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues (kernel/sched/wait.c): a task sleeps until a condition holds,
 * and whoever makes it hold, an interrupt handler included, calls wake_up().
 *
 * Every sleep follows the same order, on one CPU or many.  The sleeper
 * is on the queue and marked sleeping (set_current_state()) before it
 * tests the condition; the waker makes the condition true before it
 * calls wake_up().  So either the sleeper sees the condition, or the
 * waker finds it marked and wakes it, even if it has not left the CPU
 * yet (it then goes on running).  The condition is tested with interrupts
 * as the caller had them and no lock held: it may take locks of its own,
 * but must not sleep, since the caller is marked sleeping.
 */
#ifndef _KERNEL_WAIT_H
#define _KERNEL_WAIT_H

#include <kernel/errno.h>
#include <kernel/list.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>

struct wait_queue_head {
	spinlock_t lock; /* the waiters list; taken with interrupts off */
	struct list_head waiters;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct wait_queue_head *head; /* the queue it is on */
	struct list_head node;
	/*
	 * Set by wake_up(): for a waiter on many queues (poll()) that looks
	 * between its own sleeps, so that no wake-up falls between a check
	 * and the sleep that follows it.
	 */
	bool woken;
};

#define WAIT_QUEUE_HEAD_INIT(name)                                                                 \
	{                                                                                          \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .waiters = LIST_HEAD_INIT((name).waiters) \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = WAIT_QUEUE_HEAD_INIT(name)

/* One lock class per call site, as spin_lock_init(). */
#define init_waitqueue_head(wq)                 \
	do {                                    \
		spin_lock_init(&(wq)->lock);    \
		INIT_LIST_HEAD(&(wq)->waiters); \
	} while (0)

/* With @wq->lock held: queue @w, or take it out again. */
void __add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void __remove_wait_queue(struct wait_queue_entry *w);
/* The same, taking the queue's lock. */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void remove_wait_queue(struct wait_queue_entry *w);
/* Wake every task waiting on @wq; from any context, with any lock held but a run queue's. */
void wake_up(struct wait_queue_head *wq);

/*
 * The loop of every wait_event*(): @cmd sleeps (the caller is marked
 * sleeping and off no queue when it runs); with @intr, a signal the
 * caller does not block ends the wait with -ERESTARTSYS.
 */
#define ___wait_event(wq, condition, intr, cmd)                       \
	({                                                            \
		struct wait_queue_entry __wait = { .task = current }; \
		int __ret = 0;                                        \
                                                                      \
		might_sleep();                                        \
		add_wait_queue(&(wq), &__wait);                       \
		for (;;) {                                            \
			current->interruptible = (intr);              \
			set_current_state(TASK_SLEEPING);             \
			if (condition)                                \
				break;                                \
			if ((intr) && signal_pending(current)) {      \
				__ret = -ERESTARTSYS;                 \
				break;                                \
			}                                             \
			cmd;                                          \
		}                                                     \
		current->interruptible = false;                       \
		__set_current_state(TASK_RUNNING);                    \
		remove_wait_queue(&__wait);                           \
		__ret;                                                \
	})

#define wait_event(wq, condition) ((void)___wait_event(wq, condition, false, schedule()))

/*
 * wait_event() that a signal the caller does not block ends (sending it
 * wakes the sleeper): 0 once @condition is true, or -ERESTARTSYS if a
 * signal came first, which the system call returns for the way back to
 * user mode to restart it or turn it into -EINTR (Linux's
 * wait_event_interruptible()).
 */
#define wait_event_interruptible(wq, condition) ___wait_event(wq, condition, true, schedule())

/*
 * wait_event() for at most @timeout jiffies: 0 if @condition is still
 * false when the time runs out, else the jiffies left (at least 1), as
 * in Linux.
 */
#define wait_event_timeout(wq, condition, timeout)                   \
	({                                                           \
		long __left = (timeout);                             \
                                                                     \
		___wait_event(wq, (condition) || __left <= 0, false, \
			      __left = __schedule_timeout(__left));  \
		(condition) ? (__left > 0 ? __left : 1) : 0;         \
	})

#endif
