/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A clocksource: a counter the kernel can read at any moment, with a known
 * rate.  Timekeeping (kernel/time/timekeeping.c) turns its counts into
 * nanoseconds; the timer tick is then only an event, and a tick that is
 * lost costs no time.  Each variant is a file of its own: the TSC and the
 * HPET (arch/x86_64/kernel/tsc.c, hpet.c) and the tick itself
 * (kernel/time/clocksource.c), which is all the smallest kernels have.
 *
 *	ns = (cycles * mult) >> shift
 *
 * mult and shift come from the rate (clocksource_set_rate()), chosen so
 * that ten minutes of cycles times mult still fits in 64 bits.
 */
#ifndef _KERNEL_CLOCKSOURCE_H
#define _KERNEL_CLOCKSOURCE_H

#include <kernel/types.h>

#define NSEC_PER_SEC	     1000000000ULL
#define NSEC_PER_MSEC	     1000000ULL
#define CLOCKSOURCE_MAX_SECS 600 /* the longest gap between two ticks we convert */
/* Faster than any counter; up to it ten minutes convert within 0.3 ppm. */
#define CLOCKSOURCE_MAX_HZ   10000000000ULL

struct clocksource {
	const char *name; /* "tsc", "hpet", "tick" */
	u64 (*read)(void);
	u64 mask;    /* the counter's width: it wraps from mask to 0 */
	u64 freq_hz; /* counts per second */
	u32 mult, shift;
	u64 resolution_ns;	 /* how far a reading may lag the true time */
	const char *rate_source; /* how freq_hz was found, for the boot log */
	bool counts_ticks;	 /* only the tick: lost ticks are lost time */
};

/*
 * Set @freq_hz and the conversion to nanoseconds for @cs; -EINVAL (said
 * in the log, @cs unchanged) for 0 or above CLOCKSOURCE_MAX_HZ.
 */
int clocksource_set_rate(struct clocksource *cs, u64 freq_hz);

/* Counts from reading @from to reading @to, across one wrap-around of the counter. */
static inline u64 clocksource_delta(const struct clocksource *cs, u64 from, u64 to)
{
	return (to - from) & cs->mask;
}

static inline u64 clocksource_cyc2ns(const struct clocksource *cs, u64 cycles)
{
	return (cycles * cs->mult) >> cs->shift;
}

/* The tick as a clocksource: CONFIG_HZ counts a second, nothing in between. */
extern struct clocksource tick_clocksource;

/*
 * The architecture's choice (arch/x86_64/kernel/time.c), which the boot
 * log explains; timekeeping_init() starts the kernel's time from it.
 */
void timekeeping_init(struct clocksource *cs);
/* The clocksource timekeeping runs on. */
const struct clocksource *current_clocksource(void);

#endif
