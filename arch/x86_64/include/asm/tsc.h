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
/* The TSC's rate in Hz, measured against PIT channel 2 (150 ms). */
u64 tsc_calibrate(void);
/*
 * The TSC clocksource, calibrated on the first call; NULL (and the reason
 * in the log) if the TSC is not invariant and "tsc=reliable" was not given.
 */
struct clocksource *tsc_clocksource_init(void);

#endif
