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

/* Called by the timer interrupt. */
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
