// SPDX-License-Identifier: GPL-2.0
/*
 * The POSIX clocks of Linux, and sleeping on them: clock_gettime(),
 * clock_getres(), clock_settime(), clock_nanosleep() and nanosleep().
 *
 * Every clock is the kernel's one time, ktime_get(), seen differently:
 *
 *	CLOCK_MONOTONIC, _RAW, CLOCK_BOOTTIME	ktime_get() (no NTP slews it, no
 *						suspend stops it: the three agree)
 *	CLOCK_REALTIME, CLOCK_TAI		ktime_get_real(): the date (TAI is
 *						REALTIME + 0, Linux's offset until
 *						someone sets it)
 *	*_COARSE				the same at the last tick
 *	CLOCK_PROCESS/THREAD_CPUTIME_ID		task_cputime_ns(): one thread a process
 *	a negative id				another task's CPU clock, as glibc's
 *						clock_getcpuclockid() makes them
 *
 * A sleep ends at a deadline on the clocksource, as msleep()'s does: the
 * task sleeps the ticks that cover what is left and looks again when it
 * wakes, so no lost tick and no early wake-up can shorten it, and the
 * clocksource's resolution is added because a reading may lag the true
 * time by that much.  A relative sleep is on CLOCK_MONOTONIC whatever the
 * clock, as in Linux (setting the date does not stretch "sleep 1"); an
 * absolute one on CLOCK_REALTIME looks at the date again at least once a
 * second, so that a date set forward ends it then.
 *
 * A signal ends a sleep as in Linux: a relative sleep writes the time
 * left to @rmtp and returns -ERESTART_RESTARTBLOCK, which a handler turns
 * into -EINTR and which otherwise (a stop and a continue) goes on to the
 * same deadline through restart_syscall(); an absolute one returns
 * -ERESTARTNOHAND, restarted as it was, with its deadline in its
 * arguments.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#define CLOCK_REALTIME		 0
#define CLOCK_MONOTONIC		 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	 3
#define CLOCK_MONOTONIC_RAW	 4
#define CLOCK_REALTIME_COARSE	 5
#define CLOCK_MONOTONIC_COARSE	 6
#define CLOCK_BOOTTIME		 7
#define CLOCK_TAI		 11

#define TIMER_ABSTIME 0x01

/*
 * A CPU clock's id, as Linux encodes it: ~pid << 3, then bit 2 for a
 * thread's clock, and the low two bits the kind (0 prof, 1 virt, 2 sched;
 * 3 is no CPU clock).  With one thread a process and no user/system split
 * the three kinds read the same.  pid 0 is the caller.
 */
#define CPUCLOCK_PERTHREAD_MASK 4
#define CPUCLOCK_CLOCK_MASK	3
#define CPUCLOCK_MAX		3

/*
 * The CPU time of the task a CPU clock names: 0, or -EINVAL if the id is
 * no CPU clock or its task does not exist.
 */
static int cpu_clock_get(int which, s64 *ns)
{
	int pid = ~(which >> 3);
	struct task_struct *p;
	unsigned long flags;

	if ((which & CPUCLOCK_CLOCK_MASK) == CPUCLOCK_MAX)
		return -EINVAL;
	if (!pid) {
		*ns = task_cputime_ns(current);
		return 0;
	}
	spin_lock_irqsave(&tasklist_lock, flags); /* p stays until it is dropped */
	p = find_task_by_pid(pid);
	if (p && p->state != TASK_DEAD)
		*ns = task_cputime_ns(p);
	else
		p = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? 0 : -EINVAL;
}

/* Clock @which now, in nanoseconds: 0, or -EINVAL for no such clock. */
static int clock_get_ns(int which, s64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		*ns = ktime_get_real();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = (s64)ktime_get();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_coarse_real();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = (s64)ktime_last_tick();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = (s64)task_cputime_ns(current);
		return 0;
	}
	return which < 0 ? cpu_clock_get(which, ns) : -EINVAL;
}

static s64 clock_resolution(int which)
{
	if (which == CLOCK_REALTIME_COARSE || which == CLOCK_MONOTONIC_COARSE)
		return TICK_NSEC;
	return current_clocksource()->resolution_ns;
}

static struct __kernel_timespec ns_to_timespec(s64 ns)
{
	struct __kernel_timespec ts = { ns / (s64)NSEC_PER_SEC, ns % (s64)NSEC_PER_SEC };

	if (ts.tv_nsec < 0) {
		ts.tv_sec--;
		ts.tv_nsec += NSEC_PER_SEC;
	}
	return ts;
}

static int put_timespec_ns(s64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts = ns_to_timespec(ns);

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* A timespec from user memory: 0, -EFAULT, or -EINVAL if it is no time (timespec64_valid()). */
static int get_timespec(struct __kernel_timespec *ts, const struct __kernel_timespec __user *uts)
{
	if (copy_from_user(ts, uts, sizeof(*ts)))
		return -EFAULT;
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which, struct __kernel_timespec __user *, tp)
{
	s64 ns;
	int err = clock_get_ns(which, &ns);

	return err ? err : put_timespec_ns(ns, tp);
}

/* NULL @tp only asks whether the clock exists, as in Linux. */
SYSCALL_DEFINE2(clock_getres, int, which, struct __kernel_timespec __user *, tp)
{
	s64 ns;
	int err = clock_get_ns(which, &ns);

	if (err)
		return err;
	return tp ? put_timespec_ns(clock_resolution(which), tp) : 0;
}

/*
 * Only the date can be set.  Linux refuses the others with -EINVAL, a CPU
 * clock with -EPERM.
 */
SYSCALL_DEFINE2(clock_settime, int, which, const struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts;
	s64 ns;

	if (which != CLOCK_REALTIME) {
		if (which < 0 && !clock_get_ns(which, &ns))
			return -EPERM;
		return -EINVAL;
	}
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	return timekeeping_set_wall(ts.tv_sec, ts.tv_nsec);
}

/*
 * Sleep until clock @which reads @deadline: 0, or -EINTR if a signal came
 * first.  @which is CLOCK_MONOTONIC, CLOCK_REALTIME or a CPU clock, which
 * other tasks' running moves: it is looked at every tick.
 */
static int sleep_until(int which, s64 deadline)
{
	s64 now;

	deadline += current_clocksource()->resolution_ns;
	for (;;) {
		s64 ticks;

		if (clock_get_ns(which, &now))
			return -EINVAL; /* the task of the CPU clock is gone */
		if (now >= deadline)
			return 0;
		ticks = (deadline - now + TICK_NSEC - 1) / TICK_NSEC;
		if (which < 0 || which == CLOCK_PROCESS_CPUTIME_ID)
			ticks = 1;
		else if (which == CLOCK_REALTIME && ticks > HZ)
			ticks = HZ; /* notice a date set forward within a second */
		might_sleep();
		/*
		 * Marked before the test (<kernel/wait.h>): a signal sent
		 * after it finds the mark and wakes the sleep.  Preempted
		 * between the mark and the sleep, the task stays runnable,
		 * still marked (kernel/sched/core.c).
		 */
		current->interruptible = true;
		set_current_state(TASK_SLEEPING);
		if (signal_pending(current)) {
			current->interruptible = false;
			__set_current_state(TASK_RUNNING);
			return -EINTR;
		}
		__schedule_timeout(ticks);
		current->interruptible = false;
	}
}

/* 136 years: longer is forever in practice, and the sums below cannot overflow. */
#define SLEEP_SEC_MAX 0xffffffffLL

static long nanosleep_restart(struct restart_block *rb);

/* Sleep on clock @which to @deadline, relative sleeps' remaining time to @rmtp. */
static long sleep_to(int which, s64 deadline, bool abs, struct __kernel_timespec __user *rmtp)
{
	struct restart_block *rb = &current->signal.restart;
	int err = sleep_until(which, deadline);
	s64 now;

	if (err != -EINTR)
		return err;
	if (abs)
		return -ERESTARTNOHAND;
	if (rmtp && !clock_get_ns(which, &now) &&
	    put_timespec_ns(deadline > now ? deadline - now : 0, rmtp))
		return -EFAULT;
	rb->which = which;
	rb->expires = deadline;
	rb->rmtp = rmtp;
	set_restart_fn(nanosleep_restart);
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return sleep_to(rb->which, rb->expires, false, rb->rmtp);
}

static long do_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp)
{
	struct __kernel_timespec ts;
	s64 start, deadline;
	int err = get_timespec(&ts, rqtp);

	if (err)
		return err;
	if (ts.tv_sec > SLEEP_SEC_MAX)
		ts.tv_sec = SLEEP_SEC_MAX;
	deadline = ts.tv_sec * (s64)NSEC_PER_SEC + ts.tv_nsec;
	if (flags & TIMER_ABSTIME)
		return sleep_to(which, deadline, true, NULL);
	if (which >= 0)
		which = CLOCK_MONOTONIC;
	err = clock_get_ns(which, &start);
	if (err)
		return err;
	return sleep_to(which, start + deadline, false, rmtp);
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

/*
 * As Linux: no such clock -EINVAL; a clock one cannot sleep on (the raw
 * and coarse ones, CLOCK_THREAD_CPUTIME_ID) -EOPNOTSUPP; the caller's own
 * thread clock by pid, which cannot move while it sleeps, -EINVAL.  @rmtp is not written for an
 * absolute sleep.
 */
SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags, const struct __kernel_timespec __user *,
		rqtp, struct __kernel_timespec __user *, rmtp)
{
	s64 ns;

	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		which = CLOCK_REALTIME;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		which = CLOCK_MONOTONIC;
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
		break;
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;
	default:
		if (clock_get_ns(which, &ns))
			return -EINVAL;
		if ((which & CPUCLOCK_PERTHREAD_MASK) &&
		    (~(which >> 3) == 0 || ~(which >> 3) == current->pid))
			return -EINVAL;
	}
	return do_nanosleep(which, flags, rqtp, flags & TIMER_ABSTIME ? NULL : rmtp);
}
