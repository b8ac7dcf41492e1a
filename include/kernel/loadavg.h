/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The load average (kernel/sched/loadavg.c): Linux's exponentially
 * damped averages of the tasks that run or wait to, over 1, 5 and 15
 * minutes, kept in fixed point with FSHIFT bits of fraction and updated
 * every LOAD_FREQ ticks.  /proc/loadavg and sysinfo(2) read them.
 */
#ifndef _KERNEL_LOADAVG_H
#define _KERNEL_LOADAVG_H

#include <kernel/time.h>

#define FSHIFT	  11		  /* bits of fraction */
#define FIXED_1	  (1UL << FSHIFT) /* 1.0 */
#define LOAD_FREQ (5 * HZ + 1)	  /* 5 s of ticks, and one: off the 5 s beat */
#define EXP_1	  1884		  /* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5	  2014		  /* FIXED_1 / exp(5 s / 5 min) */
#define EXP_15	  2037		  /* FIXED_1 / exp(5 s / 15 min) */

/* The whole and the hundredths of a fixed-point load, as /proc/loadavg prints it. */
#define LOAD_INT(x)  ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

/*
 * One step of an average: @load decays by @exp and moves towards
 * @active (both fixed point).  Rounded up while the load rises, so that a
 * constant load is reached, not approached forever.
 */
static inline unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/*
 * The three averages, each plus @offset and shifted left by @shift
 * (sysinfo(2) wants them with 16 bits of fraction: shift 5).
 */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
/* Tasks that count towards the load now: running, runnable, in an uninterruptible wait. */
unsigned int nr_active(void);
/* From sched_tick(), interrupts off: fold the load in every LOAD_FREQ ticks. */
void calc_global_load_tick(void);

#endif
