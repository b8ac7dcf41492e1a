// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers and schedule_timeout(); see <kernel/timer.h>.
 *
 * Pending timers are kept in one list sorted by expiry, so the tick looks
 * only at the front: arming is O(n) in the pending timers, the tick O(1)
 * when none is due.  Linux's timer wheel arms in O(1); with the handful of
 * timers a Kestrel boot has, the sorted list is the easier one to read.
 *
 * Only the boot CPU's tick runs timers (and advances jiffies: see
 * timer_tick()); the other CPUs' ticks are the scheduler's alone.  So the
 * functions run one at a time, in order, on CPU 0, while any CPU may arm
 * and delete timers.  timer_lock, taken with interrupts off since the tick
 * takes it, guards the pending list, every timer's entry and expires, and
 * running_timer.  A function runs WITHOUT it, as in Linux: it may re-arm
 * its timer, arm others, or take locks that are ordered before timer_lock
 * (a process's signal lock, for itimer's SIGALRM).  Lock order: anything a
 * caller of mod_timer()/del_timer() holds, then timer_lock, then the run
 * queues' (a function's wake_up_process() runs after timer_lock is
 * dropped).
 *
 * del_timer() is Linux's del_timer_sync(): it returns only once the
 * timer's function is not running on another CPU, so that a timer on the
 * caller's stack (__schedule_timeout()'s) or in a structure about to be
 * freed (a task's real_timer) is not used after.  The caller must not
 * hold a lock the function takes.  Called from the function itself it
 * does not wait (the function is the caller's own frame).
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(pending); /* under timer_lock */
/* The timer whose function runs now, and where; under timer_lock. */
static struct timer_list *running_timer;
static unsigned int running_cpu;

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

/* timer_lock held.  After every timer due no later, so equal times keep their order. */
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
	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del(&timer->entry);
	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/* Its function runs now on another CPU: timer_lock held. */
static bool running_elsewhere(const struct timer_list *timer)
{
	return running_timer == timer && running_cpu != smp_processor_id();
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int ret = -1;

	spin_lock_irqsave(&timer_lock, flags);
	if (!running_elsewhere(timer)) {
		ret = timer_pending(timer);
		if (ret)
			list_del(&timer->entry);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}

/*
 * A function that re-arms its timer while the caller waits has it deleted
 * by the try after: when del_timer() returns, the timer is neither
 * pending nor running.
 */
int del_timer(struct timer_list *timer)
{
	int ret;

	while ((ret = try_to_del_timer_sync(timer)) < 0)
		cpu_relax();
	return ret;
}

/*
 * The timers due in this tick move to a list of their own before any of
 * them runs: one that re-arms itself for now (mod_timer(t, jiffies)) goes
 * back to the pending list and runs at the next tick, as in Linux, instead
 * of again in this one, without end.  Each leaves the due list just before
 * it runs, so it may re-arm itself; one that an earlier function deletes
 * or moves (from any CPU: the due list is under timer_lock too) is still
 * pending there, and so leaves it without running.  Each function runs
 * with timer_lock dropped and running_timer naming it, for del_timer().
 */
void run_timers(void)
{
	void (*fn)(struct timer_list * timer);
	LIST_HEAD(due);
	struct timer_list *t;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
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
		fn = t->function;
		running_timer = t;
		running_cpu = smp_processor_id();
		spin_unlock_irqrestore(&timer_lock, flags);
		fn(t);
		spin_lock_irqsave(&timer_lock, flags);
		running_timer = NULL;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
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

/*
 * A tick between the mark and the arming of the timer may preempt the
 * task: it stays runnable, still marked (kernel/sched/core.c), and goes
 * on to arm the timer and sleep when it runs again.
 */
long schedule_timeout(long timeout)
{
	might_sleep();
	set_current_state(TASK_SLEEPING);
	return __schedule_timeout(timeout);
}
