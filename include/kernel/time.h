/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel time (kernel/time/): nanoseconds since boot, jiffies, sleeping.
 *
 * Time comes from a clocksource (<kernel/clocksource.h>), a counter that
 * can be read at any moment.  The timer interrupt, CONFIG_HZ times a
 * second, is only an event: each one brings jiffies up to date from the
 * clocksource, so ticks that were lost are caught up at the next one.
 */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <kernel/types.h>

#define HZ	  CONFIG_HZ
#define TICK_NSEC (1000000000UL / HZ)
/* What user space counts clock ticks in (times(), /proc, AT_CLKTCK), whatever HZ is. */
#define USER_HZ	  100

/* Clock ticks of USER_HZ in @ns nanoseconds. */
static inline unsigned long nsec_to_clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

/* Ticks since boot, caught up from the clocksource on every tick. */
extern volatile unsigned long jiffies;
/* Timer interrupts actually taken (the tests compare the two). */
extern volatile unsigned long tick_count;
/*
 * Clocksource time that no tick covered: at each tick that came more than
 * half a tick late, the time beyond one tick since the tick before.  It
 * grows when the CPU did not run this kernel (a host that descheduled the
 * virtual CPU) or ran it with interrupts off, and tests that measure over
 * a stretch read it before and after, to tell a busy host from a wrong
 * kernel.  Always 0 with the tick clocksource, which cannot see such time.
 * Written by the tick alone.
 */
extern volatile u64 tick_gap_ns;

/* True if jiffies value @a is after @b, even across a wrap-around. */
#define time_after(a, b)  ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)

/* Rounded up: a sleep is never shorter than asked for. */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * 1000 / HZ;
}

/* Nanoseconds since timekeeping started; never goes backwards. */
u64 ktime_get(void);
/* The time of the last tick, as ktime_get() read it then. */
u64 ktime_last_tick(void);

/*
 * The wall clock (CLOCK_REALTIME): nanoseconds since 1970-01-01 00:00:00
 * UTC, as the real-time clock said at boot plus the clocksource's time
 * since (or as timekeeping_set_wall() set it).  It jumps when the date is
 * set; ktime_get() never does.  The coarse one is as of the last tick.
 */
s64 ktime_get_real(void);
s64 ktime_get_coarse_real(void);
/*
 * The latest date settimeofday() takes, as Linux's TIME_SETTOD_SEC_MAX:
 * ktime's limit (2262) less 30 years of uptime.
 */
#define TIME_SETTOD_SEC_MAX (9223372036LL - 30LL * 365 * 86400)
/*
 * Set the wall clock to @sec.@nsec since the epoch: 0, or -EINVAL for a
 * negative or too late date, @nsec outside 0 to 999999999, or a date
 * before the boot (which would put the boot before the epoch).
 */
int timekeeping_set_wall(s64 sec, long nsec);

/* Linux's struct __kernel_timespec and timeval, as x86_64 programs pass them. */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct task_struct;
/* A process ends: its interval timer with it (kernel/time/itimer.c). */
void exit_itimers(struct task_struct *p);

/* Every CPU's timer interrupt: its scheduler's and watchdog's tick; the boot CPU's keeps time. */
void timer_tick(void);

/*
 * Sleep at least @ms milliseconds of clocksource time; other tasks run
 * meanwhile (kernel/time/sleep.c).  Needs interrupts enabled, or no tick
 * would come.
 */
void msleep(unsigned int ms);

/*
 * Choose the clocksource and start the tick; the architecture provides it
 * (arch/x86_64/kernel/time.c).  Called by start_kernel().
 */
void time_init(void);

#endif
