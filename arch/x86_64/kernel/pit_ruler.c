// SPDX-License-Identifier: GPL-2.0
/*
 * PIT channel 2 as a ruler for the clocksource; see <asm/pit_ruler.h>.
 *
 * A one-shot starts during pit_oneshot_start(), so between the reads
 * before and after it.  It expires after the last poll that found it
 * running, so after the read that came before that poll, and before the
 * read after the poll that found it done.  Only the reads on either side
 * of those two moments bound it: what happens inside a one-shot changes
 * neither clock's view of it, and the gaps between one-shots are left out.
 *
 * The tick clocksource is the exception.  Its reads are a tick apart, so
 * bounds per one-shot would be a tick wide each; and the time a host takes
 * is lost to it, with the ticks of that time.  For it the ruler measures
 * the row end to end, one read at each end, and counts the ticks that did
 * not come as the window: channel 2 says how many there should have been.
 */
#include <asm/i8253.h>
#include <asm/irqflags.h>
#include <asm/pit_ruler.h>
#include <kernel/clocksource.h>
#include <kernel/time.h>

u64 pit_ruler_want_ns(unsigned int rounds, u16 count)
{
	return (u64)rounds * count * NSEC_PER_SEC / PIT_TICK_RATE;
}

/*
 * One one-shot's bounds, each as [lo, hi]; false if a tick came between
 * the reads of the end's.  The start is read with interrupts off, and each
 * poll reads the clock, the channel and the tick count with them off too,
 * so a tick can come only between polls.  One that came just before the
 * poll that found the one-shot done puts its handler inside the end's
 * bounds: a debug kernel's is wider than the window allows, and ticks at
 * the same phase put it there every other round.
 */
static bool measure_oneshot(u16 count, u64 *lo, u64 *hi)
{
	u64 start_lo, start_hi, end_lo, end_hi, now;
	unsigned long flags, ticks, poll_ticks;
	bool done;

	flags = local_irq_save();
	start_lo = ktime_get();
	pit_oneshot_start(count);
	start_hi = end_lo = ktime_get();
	ticks = tick_count;
	local_irq_restore(flags);
	for (;;) {
		flags = local_irq_save();
		now = ktime_get();
		done = pit_oneshot_done();
		end_hi = ktime_get();
		poll_ticks = tick_count;
		local_irq_restore(flags);
		if (done)
			break;
		end_lo = now;
		ticks = poll_ticks;
	}
	*lo = end_lo - start_hi;
	*hi = end_hi - start_lo;
	return poll_ticks == ticks;
}

/*
 * The tick clocksource's row, end to end.  It loses the time of ticks
 * that never came, so those are its disturbance: the ticks the row's
 * exact length calls for, less one for the phase, less those that came.
 */
static void measure_end_to_end(struct pit_ruler *r, unsigned int rounds, u16 count)
{
	unsigned long ticks = tick_count, want = pit_ruler_want_ns(rounds, count) / TICK_NSEC;
	u64 start = ktime_get();
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		pit_oneshot_start(count);
		while (!pit_oneshot_done())
			;
	}
	r->lo_ns = r->hi_ns = ktime_get() - start;
	ticks = tick_count - ticks;
	r->window_ns = ticks + 1 < want ? (want - ticks - 1) * TICK_NSEC : 0;
}

bool pit_ruler_measure(struct pit_ruler *r, unsigned int rounds, u16 count, u64 max_window_ns)
{
	unsigned int i, tries;
	u64 lo, hi;

	if (current_clocksource()->counts_ticks) {
		measure_end_to_end(r, rounds, count);
	} else {
		r->lo_ns = r->hi_ns = 0;
		for (i = 0, tries = 0; i < rounds; tries++) {
			/* A one-shot a tick widened is measured again, a few times. */
			if (!measure_oneshot(count, &lo, &hi) && tries < 2 * rounds)
				continue;
			r->lo_ns += lo;
			r->hi_ns += hi;
			i++;
		}
		r->window_ns = r->hi_ns - r->lo_ns;
	}
	return r->window_ns <= max_window_ns;
}
