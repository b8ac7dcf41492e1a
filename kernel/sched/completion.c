// SPDX-License-Identifier: GPL-2.0
/*
 * Completions; see <kernel/completion.h>.  The count is looked at and
 * taken in one stretch with interrupts off, so two waiters can never both
 * take the same complete() (one CPU).
 */
#include <kernel/completion.h>

void complete(struct completion *c)
{
	unsigned long flags = local_irq_save();

	c->done++;
	wake_up(&c->wait);
	local_irq_restore(flags);
	preempt_check_resched();
}

void wait_for_completion(struct completion *c)
{
	struct wait_queue_entry w = { .task = current };
	unsigned long flags;

	might_sleep();
	flags = local_irq_save();
	__add_wait_queue(&c->wait, &w);
	while (!c->done)
		__wait_sleep();
	__remove_wait_queue(&w);
	c->done--;
	local_irq_restore(flags);
}
