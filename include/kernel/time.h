/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel time (kernel/time.c): the jiffies tick counter and sleeping.
 *
 * The timer interrupt (the PIT, arch/x86_64/kernel/i8253.c) fires
 * CONFIG_HZ times a second and adds one to jiffies each time.
 */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <kernel/types.h>

#define HZ	CONFIG_HZ

extern volatile unsigned long jiffies;

/* True if jiffies value @a is after @b, even across a wrap-around. */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

/* Rounded up: a sleep is never shorter than asked for. */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * 1000 / HZ;
}

/* Called by the timer interrupt. */
void timer_tick(void);

/*
 * Sleep at least @ms milliseconds, halting the CPU between ticks.  Needs
 * interrupts enabled, or no tick would ever come.
 */
void msleep(unsigned int ms);

/* Start the timer interrupt; called by start_kernel(). */
void time_init(void);

#endif
