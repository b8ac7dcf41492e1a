// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's time: its timekeeper (the arithmetic is timekeeper.c's),
 * ktime_get(), and what every tick does to it.
 *
 * The tick is an event, not the measure of time: it folds the counts of
 * the clocksource into the timekeeper and brings jiffies up to date from
 * it, so that ticks that were lost are caught up at the next one.
 *
 * The tick (an interrupt) writes the timekeeper and anything may read it,
 * so a sequence count guards it: a reader that the tick interrupted
 * retries.  The writers are the tick and timekeeping_init(), which keeps
 * the tick out with interrupts off.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
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

void timer_tick(void)
{
	u64 prev_ns = tk.base_ns;
	bool ticked = tk.ticked; /* the first tick has no tick before it */

	sched_tick();
	tick_count++;
	tk_seq++;
	barrier();
	jiffies = tk_tick(&tk, jiffies);
	barrier();
	tk_seq++;
	if (ticked)
		note_tick_gap(prev_ns);
	run_timers();
	if (IS_ENABLED(CONFIG_SOFTLOCKUP_DETECTOR))
		watchdog_tick();
}

void timekeeping_init(struct clocksource *cs)
{
	unsigned long flags = local_irq_save();

	tk_seq++;
	barrier();
	tk_switch(&tk, cs);
	barrier();
	tk_seq++;
	local_irq_restore(flags);
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
