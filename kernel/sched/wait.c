// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues; see <kernel/wait.h>.  A queue is a list of the sleeping
 * tasks' entries, which live on their stacks for as long as they wait,
 * under the queue's own spinlock: an interrupt handler on any CPU may
 * wake the queue while a task on another adds itself.
 */
#include <kernel/panic.h>
#include <kernel/wait.h>
#include "sched.h"

void __add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	w->head = wq;
	list_add_tail(&w->node, &wq->waiters);
}

void __remove_wait_queue(struct wait_queue_entry *w)
{
	list_del(&w->node);
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__add_wait_queue(wq, w);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(struct wait_queue_entry *w)
{
	struct wait_queue_head *wq = w->head;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__remove_wait_queue(w);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void sleep_locked(spinlock_t *lock)
{
	set_current_state(TASK_SLEEPING);
	spin_unlock(lock);
	__schedule();
	spin_lock(lock);
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry (w, &wq->waiters, node) {
		WRITE_ONCE(w->woken, true);
		wake_up_process(w->task);
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

__noreturn void sleep_forever(void)
{
	for (;;) {
		set_current_state(TASK_SLEEPING);
		schedule();
	}
}
