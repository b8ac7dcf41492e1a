// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers and schedule_timeout(); see <kernel/timer.h>.
 *
 * Pending timers are kept in one list sorted by expiry, so the tick looks
 * only at the front: arming is O(n) in the pending timers, the tick O(1)
 * when none is due.  Linux's timer wheel arms in O(1); with the handful of
 * timers a Kestrel boot has, the sorted list is the easier one to read.
 * Interrupts off is the list's lock (one CPU): the tick walks it in the
 * timer interrupt.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static LIST_HEAD(pending);

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->expires = 0;
	timer->function = fn;
}

bool timer_pending(const struct timer_list *timer)
{
	return timer->entry.next && !list_empty(&timer->entry);
}

/* Interrupts off.  After every timer due no later, so equal times keep their order. */
static void enqueue_timer(struct timer_list *timer)
{
	struct list_head *pos = &pending;
	struct timer_list *t;

	list_for_each_entry (t, &pending, entry) {
		if (time_after(t->expires, timer->expires))
			break;
		pos = &t->entry;
	}
	list_add(&timer->entry, pos);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	if (!timer->function || !timer->entry.next)
		return -EINVAL;
	flags = local_irq_save();
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del(&timer->entry);
	timer->expires = expires;
	enqueue_timer(timer);
	local_irq_restore(flags);
	return was_pending;
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags = local_irq_save();
	int was_pending = timer_pending(timer);

	if (was_pending)
		list_del(&timer->entry);
	local_irq_restore(flags);
	return was_pending;
}

/*
 * The timers due in this tick move to a list of their own before any of
 * them runs: one that re-arms itself for now (mod_timer(t, jiffies)) goes
 * back to the pending list and runs at the next tick, as in Linux, instead
 * of again in this one, without end.  Each leaves the due list just before
 * it runs, so it may re-arm itself; one that an earlier function deletes
 * or moves is still pending there, and so leaves it without running.
 */
void run_timers(void)
{
	LIST_HEAD(due);
	struct timer_list *t;

	while (!list_empty(&pending)) {
		t = list_first_entry(&pending, struct timer_list, entry);
		if (time_after(t->expires, jiffies))
			break;
		list_del(&t->entry);
		list_add_tail(&t->entry, &due);
	}
	while (!list_empty(&due)) {
		t = list_first_entry(&due, struct timer_list, entry);
		list_del(&t->entry);
		t->function(t);
	}
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *timer)
{
	wake_up_process(container_of(timer, struct process_timer, timer)->task);
}

/*
 * The caller marked itself sleeping before it tested its condition: a
 * wake-up since then, from the timer or anyone, has set it running again
 * and schedule() returns at once.  The timer is on this stack, so it is
 * deleted before the return whatever woke the task.
 */
long __schedule_timeout(long timeout)
{
	struct process_timer t = { .task = current };
	unsigned long expires = jiffies + timeout;
	long left;

	if (timeout <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	timer_setup(&t.timer, process_timeout, 0);
	mod_timer(&t.timer, expires);
	schedule();
	del_timer(&t.timer);
	left = (long)(expires - jiffies);
	return left > 0 ? left : 0;
}

long schedule_timeout_locked(spinlock_t *lock, long timeout)
{
	long left;

	set_current_state(TASK_SLEEPING);
	spin_unlock(lock);
	left = __schedule_timeout(timeout);
	spin_lock(lock);
	return left;
}

long schedule_timeout(long timeout)
{
	might_sleep();
	set_current_state(TASK_SLEEPING);
	return __schedule_timeout(timeout);
}
