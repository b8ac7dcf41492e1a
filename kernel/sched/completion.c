// SPDX-License-Identifier: GPL-2.0
/*
 * Completions; see <kernel/completion.h>.  The count is under the wait
 * queue's lock, as in Linux: it is looked at and taken in one stretch
 * under it, so two waiters can never both take the same complete().
 */
#include <kernel/completion.h>

void complete(struct completion *c)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&c->wait.lock, flags);
	c->done++;
	list_for_each_entry (w, &c->wait.waiters, node)
		wake_up_process(w->task);
	spin_unlock_irqrestore(&c->wait.lock, flags);
}

void wait_for_completion(struct completion *c)
{
	struct wait_queue_entry w = { .task = current };
	unsigned long flags;

	might_sleep();
	spin_lock_irqsave(&c->wait.lock, flags);
	__add_wait_queue(&c->wait, &w);
	while (!c->done)
		sleep_locked(&c->wait.lock);
	__remove_wait_queue(&w);
	c->done--;
	spin_unlock_irqrestore(&c->wait.lock, flags);
}
