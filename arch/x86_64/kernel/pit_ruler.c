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
#include <asm/pit_ruler.h>
#include <kernel/clocksource.h>
#include <kernel/time.h>

u64 pit_ruler_want_ns(unsigned int rounds, u16 count)
{
	return (u64)rounds * count * NSEC_PER_SEC / PIT_TICK_RATE;
}

/* One one-shot; adds its bounds to @r. */
static void measure_oneshot(struct pit_ruler *r, u16 count)
{
	u64 start_lo, start_hi, end_lo, end_hi, now;

	start_lo = ktime_get();
	pit_oneshot_start(count);
	start_hi = end_lo = ktime_get();
	for (;;) {
		now = ktime_get();
		if (pit_oneshot_done())
			break;
		end_lo = now;
	}
	end_hi = ktime_get();
	r->lo_ns += end_lo - start_hi;
	r->hi_ns += end_hi - start_lo;
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
	unsigned int i;

	if (current_clocksource()->counts_ticks) {
		measure_end_to_end(r, rounds, count);
	} else {
		r->lo_ns = r->hi_ns = 0;
		for (i = 0; i < rounds; i++)
			measure_oneshot(r, count);
		r->window_ns = r->hi_ns - r->lo_ns;
	}
	return r->window_ns <= max_window_ns;
}
