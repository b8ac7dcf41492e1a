// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues; see <kernel/wait.h>.  A queue is a list of the sleeping
 * tasks' entries, which live on their stacks for as long as they wait.
 * Interrupts off is the queue's lock (one CPU).
 */
#include <kernel/panic.h>
#include <kernel/wait.h>
#include "sched.h"

void __add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	list_add_tail(&w->node, &wq->waiters);
}

void __remove_wait_queue(struct wait_queue_entry *w)
{
	list_del(&w->node);
}

void __wait_sleep(void)
{
	current->state = TASK_SLEEPING;
	__schedule();
}

void wake_up(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();
	struct wait_queue_entry *w;

	list_for_each_entry (w, &wq->waiters, node) {
		w->woken = true;
		wake_up_process(w->task);
	}
	local_irq_restore(flags);
	preempt_check_resched();
}

__noreturn void sleep_forever(void)
{
	local_irq_disable();
	for (;;)
		__wait_sleep();
}
