/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TSC (arch/x86_64/kernel/tsc.c): a clocksource when it is invariant,
 * and its rate measured against the PIT.
 */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <kernel/clocksource.h>

/* Does CPUID promise one TSC rate in every power state? */
bool tsc_is_invariant(void);
/*
 * A one-shot to calibrate against: started for @count PIT clocks (838 ns
 * each), done once they have passed.  PIT channel 2 in the kernel; the
 * tests give stand-ins that never expire, or expire at once.
 */
struct tsc_stopwatch {
	void (*start)(u16 count);
	bool (*done)(void);
};

extern const struct tsc_stopwatch pit_channel2;

/*
 * The TSC's rate in Hz, measured against @sw (three 50 ms rounds), or 0,
 * with the reason in the log, if it could not be.
 */
u64 tsc_calibrate_with(const struct tsc_stopwatch *sw);
/* The same against PIT channel 2. */
u64 tsc_calibrate(void);
/*
 * The TSC clocksource, calibrated on the first call; NULL (and the reason
 * in the log) if the TSC is not invariant and "tsc=reliable" was not given.
 */
struct clocksource *tsc_clocksource_init(void);

#endif
