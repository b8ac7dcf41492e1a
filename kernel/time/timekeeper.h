/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arithmetic of timekeeping (kernel/time/timekeeper.c) on a
 * timekeeper of the caller's: clocksource counts to nanoseconds, folded at
 * each tick, and jiffies caught up from them.  The kernel's own timekeeper
 * (kernel/time/timekeeping.c) adds the sequence count and the tick; a test
 * can drive one of its own over a fake counter, in the kernel or in the
 * host program.
 */
#ifndef _KERNEL_TIME_TIMEKEEPER_H
#define _KERNEL_TIME_TIMEKEEPER_H

#include <kernel/clocksource.h>
#include <kernel/types.h>

struct timekeeper {
	const struct clocksource *cs;
	u64 cycle_last;	   /* the counter at the last fold */
	u64 base_ns;	   /* time up to cycle_last, whole nanoseconds */
	u64 frac;	   /* and the fraction, in 2^-shift ns */
	u64 first_tick_ns; /* jiffies are counted from the first tick */
	unsigned long jiffies_at_first_tick;
	bool ticked;
};

/* @cs keeps @t's time from now on; the time so far (on the last one) stays. */
void tk_switch(struct timekeeper *t, const struct clocksource *cs);
/* Nanoseconds now. */
u64 tk_read(const struct timekeeper *t);
/* One tick: fold the counts since the last; the jiffies after it, from @jiffies. */
unsigned long tk_tick(struct timekeeper *t, unsigned long jiffies);

#endif
