// SPDX-License-Identifier: GPL-2.0
/*
 * The arithmetic of timekeeping, on any timekeeper; see timekeeper.h.
 * Nothing here touches hardware or global state, so the host program runs
 * it too, where a test drives it across the wrap of a 32-bit counter.
 *
 * The time is the clocksource's counter since the last tick, converted,
 * on top of the time accumulated until that tick.  The accumulation keeps
 * the fraction of a nanosecond that the conversion would drop (in units of
 * 2^-shift ns), so that time read just before a tick and just after it
 * never goes backwards; and since each tick converts only the counts since
 * the one before, no product can overflow however long the kernel runs.
 *
 * jiffies are the number of whole ticks since the first one, counted on
 * the clocksource and rounded to the nearest: if ticks were lost, the next
 * one catches up all of them at once, and jiffies never lag real time by
 * more than a tick.  With the tick clocksource there is nothing to catch
 * up from, and jiffies count interrupts.
 */
#include <kernel/time.h>
#include "timekeeper.h"

u64 tk_read(const struct timekeeper *t)
{
	u64 cycles = clocksource_delta(t->cs, t->cycle_last, t->cs->read());

	return t->base_ns + ((t->frac + cycles * t->cs->mult) >> t->cs->shift);
}

/* Fold the counts since the last fold into base_ns and frac. */
static void accumulate(struct timekeeper *t)
{
	u64 now = t->cs->read();

	t->frac += clocksource_delta(t->cs, t->cycle_last, now) * t->cs->mult;
	t->cycle_last = now;
	t->base_ns += t->frac >> t->cs->shift;
	t->frac &= (1ULL << t->cs->shift) - 1;
}

void tk_switch(struct timekeeper *t, const struct clocksource *cs)
{
	if (t->cs)
		accumulate(t);
	t->cs = cs;
	t->cycle_last = cs->read();
	t->frac = 0;
}

unsigned long tk_tick(struct timekeeper *t, unsigned long jiffies)
{
	unsigned long target;

	accumulate(t);
	if (t->cs->counts_ticks)
		return jiffies + 1;
	if (!t->ticked) {
		t->ticked = true;
		t->first_tick_ns = t->base_ns;
		t->jiffies_at_first_tick = jiffies;
	}
	target = t->jiffies_at_first_tick +
		 (t->base_ns - t->first_tick_ns + TICK_NSEC / 2) / TICK_NSEC;
	return time_after(target, jiffies) ? target : jiffies;
}
