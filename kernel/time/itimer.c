// SPDX-License-Identifier: GPL-2.0
/*
 * The real-time interval timer: setitimer(ITIMER_REAL), getitimer() and
 * alarm(), which send SIGALRM when it runs out, and again every interval
 * if there is one, as in Linux.
 *
 * It is a kernel timer (<kernel/timer.h>) in the task, so it counts in
 * ticks: a time is rounded up to whole ticks, plus one, because jiffies
 * are the nearest tick and the current one may be half over; SIGALRM
 * never comes early, and at most two ticks late.  The timer function runs
 * in the boot CPU's tick, where send_sig() and re-arming are allowed.
 *
 * itimer_lock (interrupts off: the timer function takes it) guards every
 * task's it_real_incr_ns and the arming of its real_timer, between the
 * task's setitimer() on one CPU and the timer function on the boot CPU.
 * The function sends SIGALRM before it takes the lock, so no signal lock
 * is ever taken under it.  Lock order: itimer_lock, then timer_lock.
 * A setitimer() that finds the function running (try_to_del_timer_sync())
 * drops the lock and tries again, as Linux's does with its hrtimer: the
 * function waits for the lock, so waiting for the function with the lock
 * held would never end.
 *
 * A process keeps its timer across execve() and not across fork(); it
 * ends with the process (exit_itimers()).
 *
 * ITIMER_VIRTUAL and ITIMER_PROF, which count CPU time, are not there:
 * they give -EINVAL (Documentation/core/misc-syscalls.md).
 */
#include <asm/cpu.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

#define NSEC_PER_USEC  1000ULL
/* 136 years: longer is never in practice, and no sum below can overflow. */
#define ITIMER_SEC_MAX 0xffffffffULL

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

static DEFINE_SPINLOCK(itimer_lock);

static unsigned long ns_to_ticks_after(u64 ns)
{
	return (ns + TICK_NSEC - 1) / TICK_NSEC + 1;
}

static void it_real_fn(struct timer_list *timer)
{
	struct task_struct *p = container_of(timer, struct task_struct, real_timer);
	unsigned long flags;

	send_sig(SIGALRM, p);
	spin_lock_irqsave(&itimer_lock, flags);
	if (p->it_real_incr_ns)
		mod_timer(timer, jiffies + ns_to_ticks_after(p->it_real_incr_ns));
	spin_unlock_irqrestore(&itimer_lock, flags);
}

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	u64 sec = (u64)tv->tv_sec > ITIMER_SEC_MAX ? ITIMER_SEC_MAX : (u64)tv->tv_sec;

	return sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	struct __kernel_old_timeval tv = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / NSEC_PER_USEC };

	return tv;
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

/*
 * The time left, in ns.  A timer due but not yet run says 1 us, as
 * Linux's does, so that "pending" never reads as "off".  itimer_lock held.
 */
static u64 it_real_remaining(struct task_struct *p)
{
	long ticks;

	if (!timer_pending(&p->real_timer))
		return 0;
	ticks = (long)(p->real_timer.expires - jiffies);
	return ticks > 0 ? (u64)ticks * TICK_NSEC : NSEC_PER_USEC;
}

/* itimer_lock held. */
static void get_it_real(struct task_struct *p, struct __kernel_old_itimerval *old)
{
	old->it_value = ns_to_timeval(it_real_remaining(p));
	old->it_interval = ns_to_timeval(p->it_real_incr_ns);
}

/* Arm (or, with a zero value, disarm) the caller's ITIMER_REAL; the old setting in @old. */
static void set_it_real(const struct __kernel_old_itimerval *new,
			struct __kernel_old_itimerval *old)
{
	struct task_struct *p = current;
	u64 value = timeval_to_ns(&new->it_value);
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&itimer_lock, flags);
		if (!p->real_timer.function)
			timer_setup(&p->real_timer, it_real_fn, 0);
		if (old)
			get_it_real(p, old);
		if (try_to_del_timer_sync(&p->real_timer) >= 0)
			break;
		spin_unlock_irqrestore(&itimer_lock, flags);
		cpu_relax(); /* the function runs on the boot CPU: let it have the lock */
	}
	p->it_real_incr_ns = value ? timeval_to_ns(&new->it_interval) : 0;
	if (value)
		mod_timer(&p->real_timer, jiffies + ns_to_ticks_after(value));
	spin_unlock_irqrestore(&itimer_lock, flags);
}

/*
 * The task is exiting: its timer is deleted, and its function is not
 * running on another CPU either when this returns, so the task may go.
 */
void exit_itimers(struct task_struct *p)
{
	if (p->real_timer.function)
		del_timer(&p->real_timer);
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval v;
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	spin_lock_irqsave(&itimer_lock, flags);
	get_it_real(current, &v);
	spin_unlock_irqrestore(&itimer_lock, flags);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

/* A NULL @value disarms, as Linux allows (with a warning there). */
SYSCALL_DEFINE3(setitimer, int, which, const struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval new = {}, old;

	if (value && copy_from_user(&new, value, sizeof(new)))
		return -EFAULT;
	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!timeval_valid(&new.it_value) || !timeval_valid(&new.it_interval))
		return -EINVAL;
	set_it_real(&new, &old);
	return ovalue && copy_to_user(ovalue, &old, sizeof(old)) ? -EFAULT : 0;
}

/* The seconds that were left, rounded to the nearest (and never 0 for a timer armed). */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval new = { .it_value = { seconds, 0 } }, old;

	set_it_real(&new, &old);
	if ((!old.it_value.tv_sec && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		old.it_value.tv_sec++;
	return old.it_value.tv_sec;
}
