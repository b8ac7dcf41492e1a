/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues (kernel/sched/wait.c): a task sleeps until a condition holds,
 * and whoever makes it hold, an interrupt handler included, calls wake_up().
 *
 * wait_event() tests the condition with interrupts off and sleeps in the
 * same stretch, so a wake_up() cannot fall between the test and the sleep
 * (one CPU).  The condition must therefore be cheap and must not sleep.
 */
#ifndef _KERNEL_WAIT_H
#define _KERNEL_WAIT_H

#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/list.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/timer.h>

struct wait_queue_head {
	struct list_head waiters;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head node;
	/*
	 * Set by wake_up(): for a waiter on many queues (poll()) that looks
	 * between its own sleeps, so that no wake-up falls between a check
	 * and the sleep that follows it.
	 */
	bool woken;
};

#define WAIT_QUEUE_HEAD_INIT(name)                        \
	{                                                 \
		.waiters = LIST_HEAD_INIT((name).waiters) \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = WAIT_QUEUE_HEAD_INIT(name)

/* With interrupts off: queue @w, or take it out again. */
void __add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void __remove_wait_queue(struct wait_queue_entry *w);
/* With interrupts off: sleep until woken (the caller tests again). */
void __wait_sleep(void);
/* Wake every task waiting on @wq; from any context. */
void wake_up(struct wait_queue_head *wq);

#define wait_event(wq, condition)                                     \
	do {                                                          \
		struct wait_queue_entry __wait = { .task = current }; \
		unsigned long __flags;                                \
                                                                      \
		might_sleep();                                        \
		__flags = local_irq_save();                           \
		__add_wait_queue(&(wq), &__wait);                     \
		while (!(condition))                                  \
			__wait_sleep();                               \
		__remove_wait_queue(&__wait);                         \
		local_irq_restore(__flags);                           \
	} while (0)

/*
 * wait_event() that a signal the caller does not block ends (sending it
 * wakes the sleeper): 0 once @condition is true, or -ERESTARTSYS if a
 * signal came first, which the system call returns for the way back to
 * user mode to restart it or turn it into -EINTR (Linux's
 * wait_event_interruptible()).
 */
#define wait_event_interruptible(wq, condition)                       \
	({                                                            \
		struct wait_queue_entry __wait = { .task = current }; \
		unsigned long __flags;                                \
		int __ret = 0;                                        \
                                                                      \
		might_sleep();                                        \
		__flags = local_irq_save();                           \
		__add_wait_queue(&(wq), &__wait);                     \
		while (!(condition)) {                                \
			if (signal_pending(current)) {                \
				__ret = -ERESTARTSYS;                 \
				break;                                \
			}                                             \
			current->interruptible = true;                \
			__wait_sleep();                               \
			current->interruptible = false;               \
		}                                                     \
		__remove_wait_queue(&__wait);                         \
		local_irq_restore(__flags);                           \
		__ret;                                                \
	})

/*
 * wait_event() for at most @timeout jiffies: 0 if @condition is still
 * false when the time runs out, else the jiffies left (at least 1), as
 * in Linux.
 */
#define wait_event_timeout(wq, condition, timeout)                    \
	({                                                            \
		struct wait_queue_entry __wait = { .task = current }; \
		long __left = (timeout);                              \
		unsigned long __flags;                                \
                                                                      \
		might_sleep();                                        \
		__flags = local_irq_save();                           \
		__add_wait_queue(&(wq), &__wait);                     \
		while (!(condition) && __left > 0)                    \
			__left = __schedule_timeout(__left);          \
		__remove_wait_queue(&__wait);                         \
		local_irq_restore(__flags);                           \
		(condition) ? (__left > 0 ? __left : 1) : 0;          \
	})

#endif
