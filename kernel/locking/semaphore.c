// SPDX-License-Identifier: GPL-2.0
/*
 * Counting semaphores; see <kernel/semaphore.h>.  up() with a sleeper
 * waiting gives the unit to the oldest one directly, without raising the
 * count, so a down() arriving later cannot take it first.  Interrupts off
 * is the semaphore's lock on one CPU.
 */
#include <asm/irqflags.h>
#include <kernel/sched.h>
#include <kernel/semaphore.h>

struct semaphore_waiter {
	struct list_head node;
	struct task_struct *task;
	bool up; /* a unit was handed to it */
};

void down(struct semaphore *sem)
{
	struct semaphore_waiter w = { .task = current };
	unsigned long flags;

	might_sleep();
	flags = local_irq_save();
	if (sem->count) {
		sem->count--;
		lock_stat_acquired(&sem->dep_map, LOCK_KIND_SEMAPHORE, 0, false);
	} else {
		unsigned long sleeps = 0;

		list_add_tail(&w.node, &sem->waiters);
		while (!w.up) {
			current->state = TASK_SLEEPING;
			__schedule();
			sleeps++;
		}
		lock_stat_acquired(&sem->dep_map, LOCK_KIND_SEMAPHORE, sleeps, true);
	}
	local_irq_restore(flags);
}

int down_trylock(struct semaphore *sem)
{
	unsigned long flags = local_irq_save();
	int busy = !sem->count;

	if (!busy) {
		sem->count--;
		lock_stat_acquired(&sem->dep_map, LOCK_KIND_SEMAPHORE, 0, false);
	}
	local_irq_restore(flags);
	return busy;
}

void up(struct semaphore *sem)
{
	unsigned long flags = local_irq_save();
	struct semaphore_waiter *w;

	if (list_empty(&sem->waiters)) {
		sem->count++;
	} else {
		w = list_first_entry(&sem->waiters, struct semaphore_waiter, node);
		list_del(&w->node);
		w->up = true;
		wake_up_process(w->task);
	}
	local_irq_restore(flags);
	preempt_check_resched();
}
