/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers (kernel/time/timer.c), as in Linux: a function to call
 * from the timer interrupt once jiffies reach a given value.
 *
 *	timer_setup(&t, fn, 0);
 *	mod_timer(&t, jiffies + msecs_to_jiffies(100));
 *	del_timer(&t);
 *
 * The function runs in interrupt context, with interrupts off, on the boot
 * CPU (whose tick alone runs timers), and without the timers' lock held:
 * it may wake tasks, take locks and re-arm its timer, never sleep.
 * Because jiffies are caught up from the clocksource, a timer fires at the
 * first tick at or after its time even when ticks were lost in between.
 * Any CPU may arm and delete timers.
 */
#ifndef _KERNEL_TIMER_H
#define _KERNEL_TIMER_H

#include <kernel/list.h>
#include <kernel/types.h>

struct timer_list {
	struct list_head entry; /* in the pending list, or empty */
	unsigned long expires;	/* jiffies */
	void (*function)(struct timer_list *timer);
};

/* Ready @timer to call @fn; it is not pending.  @flags must be 0. */
void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags);
/*
 * (Re)arm @timer for @expires: 1 if it was pending, 0 if not, -EINVAL for
 * a timer that timer_setup() never saw.
 */
int mod_timer(struct timer_list *timer, unsigned long expires);
/*
 * Disarm @timer: 1 if it was pending, 0 if not (nothing changes then).
 * Returns only when its function is not running on another CPU either
 * (Linux's del_timer_sync()), so that the timer may then be freed; the
 * caller must not hold a lock the function takes.  From the function
 * itself it does not wait.
 */
int del_timer(struct timer_list *timer);
/*
 * The same without waiting: -1, and nothing done, if the function runs on
 * another CPU now.  For a caller that holds a lock the function takes: it
 * drops the lock and tries again.
 */
int try_to_del_timer_sync(struct timer_list *timer);
bool timer_pending(const struct timer_list *timer);

/* From the boot CPU's tick, with interrupts off: call every timer whose time came. */
void run_timers(void);

/*
 * Sleep the calling task for @timeout jiffies, or until someone wakes it;
 * returns the jiffies left (0 when the time ran out).
 */
long schedule_timeout(long timeout);
/*
 * The same for a caller that has marked itself sleeping already
 * (set_current_state()) and then tested what it waits for; a wake-up in
 * between makes it return at once.  Interrupts on or off.
 */
long __schedule_timeout(long timeout);
/* With @lock held and interrupts off: __schedule_timeout() as sleep_locked() sleeps. */
struct spinlock;
long schedule_timeout_locked(struct spinlock *lock, long timeout);

#endif
