/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PIT channel 2 as a ruler for the clocksource (arch/x86_64/kernel/pit_ruler.c),
 * for the timer and timekeeping suites.
 *
 * A row of channel 2 one-shots is an exact interval of an independent
 * clock, but the clocksource can only be read before and after the moment
 * a one-shot starts or expires, never at it.  The ruler reads it on both
 * sides, as Linux's TSC calibration does against the PIT, so each
 * one-shot's clocksource time is known to lie between two bounds: a host
 * that stops the virtual CPU between a one-shot's end and the next one's
 * start widens the bounds instead of making the clocksource look fast.
 * Bounds too far apart to judge by say the measure was disturbed.
 */
#ifndef _ASM_PIT_RULER_H
#define _ASM_PIT_RULER_H

#include <kernel/types.h>

struct pit_ruler {
	u64 lo_ns, hi_ns; /* the one-shots' clocksource time lies within */
	u64 window_ns;	  /* hi_ns - lo_ns; for the tick clocksource, ticks missed */
};

/*
 * Measure @rounds one-shots of @count PIT clocks each on the clocksource.
 * Ticks come during them, but not during a read: a one-shot whose end a
 * tick came within is measured again, while fewer than 2 * @rounds have
 * been (so at most 3 * @rounds one-shots in all).
 * True if the bounds are at most @max_window_ns apart; false if they were
 * not, the measure disturbed.  Call it on the boot CPU, whose tick counts.
 */
bool pit_ruler_measure(struct pit_ruler *r, unsigned int rounds, u16 count, u64 max_window_ns);

/* The nanoseconds of @rounds one-shots of @count, exactly. */
u64 pit_ruler_want_ns(unsigned int rounds, u16 count);

#endif
