// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's time: its timekeeper (the arithmetic is timekeeper.c's),
 * ktime_get(), and what every tick does to it.
 *
 * The tick is an event, not the measure of time: it folds the counts of
 * the clocksource into the timekeeper and brings jiffies up to date from
 * it, so that ticks that were lost are caught up at the next one.
 *
 * The wall clock (CLOCK_REALTIME) is the same time plus an offset: the
 * date of the real-time clock at boot (drivers/rtc/), or what
 * settimeofday() set, less the monotonic time then.  Setting the date
 * moves only the offset, so monotonic time never jumps.
 *
 * The tick (an interrupt) writes the timekeeper and anything may read it,
 * on any CPU, so a sequence count guards it: a reader that the tick
 * interrupted, or that ran while another CPU's tick wrote, retries.  The
 * writers are the tick and timekeeping_init(); tk_lock (interrupts off,
 * since the tick takes it) keeps them one at a time, so that the count is
 * odd exactly while one writes.  Only the boot CPU's tick keeps time, and
 * runs the timers and the soft-lockup check: jiffies advance once a tick,
 * not once a tick per CPU.  Another CPU's tick (its local APIC timer,
 * when the scheduler gives each CPU one) is the scheduler's alone.
 */
#include <kernel/clocksource.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/watchdog.h>
#include "timekeeper.h"

volatile unsigned long jiffies;
volatile u64 tick_gap_ns;

/* Until time_init() chooses, the tick (which has not started: time is 0). */
static struct timekeeper tk = { .cs = &tick_clocksource };

/* Odd while the tick is updating tk; changes with every update. */
static volatile unsigned int tk_seq;
/* Keeps the writers of tk and tk_seq one at a time (readers take no lock). */
static DEFINE_SPINLOCK(tk_lock);

/*
 * Wall time less monotonic time, in nanoseconds.  One aligned word, read
 * and written whole (READ_ONCE/WRITE_ONCE), so it needs no lock: a reader
 * sees the old offset or the new; two tasks setting the date at once
 * leave the last one's, as in Linux.
 */
static s64 wall_offset_ns;

u64 ktime_get(void)
{
	unsigned int seq;
	u64 ns;

	do {
		while ((seq = tk_seq) & 1)
			;
		barrier();
		ns = tk_read(&tk);
		barrier();
	} while (seq != tk_seq);
	return ns;
}

s64 ktime_get_real(void)
{
	return (s64)ktime_get() + READ_ONCE(wall_offset_ns);
}

s64 ktime_get_coarse_real(void)
{
	return (s64)ktime_last_tick() + READ_ONCE(wall_offset_ns);
}

int timekeeping_set_wall(s64 sec, long nsec)
{
	s64 offset;

	if (sec < 0 || sec >= TIME_SETTOD_SEC_MAX || nsec < 0 || nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	offset = sec * (s64)NSEC_PER_SEC + nsec - (s64)ktime_get();
	/* A date before the boot would make CLOCK_MONOTONIC negative in Linux: refused too. */
	if (offset < 0)
		return -EINVAL;
	WRITE_ONCE(wall_offset_ns, offset);
	return 0;
}

u64 ktime_last_tick(void)
{
	return READ_ONCE(tk.base_ns);
}

/* A tick more than half a tick late: the time it did not cover. */
static void note_tick_gap(u64 prev_ns)
{
	u64 gap = tk.base_ns - prev_ns;

	if (gap > TICK_NSEC + TICK_NSEC / 2)
		tick_gap_ns += gap - TICK_NSEC;
}

/*
 * Every CPU's tick: the scheduler's and the soft-lockup detector's; the
 * boot CPU's alone keeps time and runs the timers.
 */
void timer_tick(void)
{
	u64 prev_ns;
	bool ticked;

	sched_tick();
	if (smp_processor_id() != 0) {
		if (IS_ENABLED(CONFIG_SOFTLOCKUP_DETECTOR))
			watchdog_tick();
		return;
	}
	tick_count++;
	spin_lock(&tk_lock);
	prev_ns = tk.base_ns;
	ticked = tk.ticked; /* the first tick has no tick before it */
	tk_seq++;
	barrier();
	jiffies = tk_tick(&tk, jiffies);
	barrier();
	tk_seq++;
	spin_unlock(&tk_lock);
	if (ticked)
		note_tick_gap(prev_ns);
	run_timers();
	if (IS_ENABLED(CONFIG_SOFTLOCKUP_DETECTOR))
		watchdog_tick();
}

void timekeeping_init(struct clocksource *cs)
{
	unsigned long flags;

	spin_lock_irqsave(&tk_lock, flags);
	tk_seq++;
	barrier();
	tk_switch(&tk, cs);
	barrier();
	tk_seq++;
	spin_unlock_irqrestore(&tk_lock, flags);
	if (cs->counts_ticks)
		pr_info("clocksource: %s at %u Hz (%s)\n", cs->name, HZ, cs->rate_source);
	else
		pr_info("clocksource: %s at %lu.%03lu MHz (%s)\n", cs->name,
			(unsigned long)(cs->freq_hz / 1000000),
			(unsigned long)(cs->freq_hz / 1000 % 1000), cs->rate_source);
}

const struct clocksource *current_clocksource(void)
{
	return tk.cs;
}
