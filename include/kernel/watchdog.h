/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The soft-lockup detector (kernel/watchdog.c, CONFIG_SOFTLOCKUP_DETECTOR),
 * as Linux's: code that keeps the CPU from every other task for twice
 * watchdog_thresh seconds (20 s by default) is reported from that CPU's tick,
 * with the registers and backtrace of the code the tick interrupted:
 *
 *	watchdog: BUG: soft lockup - CPU#0 stuck for 20s! [spin-1:5]
 */
#ifndef _KERNEL_WATCHDOG_H
#define _KERNEL_WATCHDOG_H

/* The largest watchdog_thresh, in seconds, as Linux's. */
#define WATCHDOG_THRESH_MAX 60

/* Start watchdog/N on each online CPU; init calls it after smp_init(), before the initcalls. */
void lockup_detector_init(void);
/* From every CPU's timer_tick(), interrupts off: wake its watchdog/N when due, report a lockup. */
void watchdog_tick(void);
/*
 * Set watchdog_thresh: soft lockups after 2 * @thresh seconds, watchdog/N
 * woken every 2/5 of @thresh; 0 turns the detector off.  The count starts
 * again from now.  0, or -EINVAL (nothing changes) above
 * WATCHDOG_THRESH_MAX.  The "watchdog_thresh=" parameter calls it.
 */
int watchdog_set_thresh(unsigned int thresh);
unsigned int watchdog_get_thresh(void);
/* Soft lockups reported since boot. */
unsigned long softlockup_count(void);

#endif
