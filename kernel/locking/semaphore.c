// SPDX-License-Identifier: GPL-2.0
/*
 * Counting semaphores; see <kernel/semaphore.h>.  up() with a sleeper
 * waiting gives the unit to the oldest one directly, without raising the
 * count, so a down() arriving later cannot take it first.  The count and
 * the waiters are under the semaphore's spinlock, taken with interrupts
 * off: up() may come from an interrupt handler on any CPU.
 */
#include <kernel/sched.h>
#include <kernel/semaphore.h>

struct semaphore_waiter {
	struct list_head node;
	struct task_struct *task;
	bool up; /* a unit was handed to it */
};

struct lock_class_key semaphore_lock_key;

void down(struct semaphore *sem)
{
	struct semaphore_waiter w = { .task = current };
	unsigned long flags, sleeps = 0;
	bool contended;

	might_sleep();
	spin_lock_irqsave(&sem->lock, flags);
	contended = !sem->count;
	if (!contended) {
		sem->count--;
	} else {
		list_add_tail(&w.node, &sem->waiters);
		while (!w.up) {
			sleep_locked(&sem->lock);
			sleeps++;
		}
	}
	spin_unlock_irqrestore(&sem->lock, flags);
	lock_stat_acquired(&sem->dep_map, LOCK_KIND_SEMAPHORE, sleeps, contended);
}

int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int busy;

	spin_lock_irqsave(&sem->lock, flags);
	busy = !sem->count;
	if (!busy)
		sem->count--;
	spin_unlock_irqrestore(&sem->lock, flags);
	if (!busy)
		lock_stat_acquired(&sem->dep_map, LOCK_KIND_SEMAPHORE, 0, false);
	return busy;
}

void up(struct semaphore *sem)
{
	struct semaphore_waiter *w;
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	if (list_empty(&sem->waiters)) {
		sem->count++;
	} else {
		w = list_first_entry(&sem->waiters, struct semaphore_waiter, node);
		list_del(&w->node);
		w->up = true;
		wake_up_process(w->task);
	}
	spin_unlock_irqrestore(&sem->lock, flags);
}
