// SPDX-License-Identifier: GPL-2.0
/*
 * What every clocksource shares: the conversion of its rate into mult and
 * shift, and the fallback that every kernel has, the tick itself.
 *
 * mult/shift: the largest shift (for precision) such that converting
 * CLOCKSOURCE_MAX_SECS worth of cycles cannot overflow 64 bits; between
 * two ticks timekeeping never converts more than that.  A rate of 0 (a
 * calibration gone wrong) would divide by zero, and one above
 * CLOCKSOURCE_MAX_HZ would leave mult too few bits for ten minutes to
 * convert within a millionth: both are refused, and the clocksource is
 * not used.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/time.h>

/* The tick clocksource's counter; timer_tick() counts. */
volatile unsigned long tick_count;

int clocksource_set_rate(struct clocksource *cs, u64 freq_hz)
{
	u64 max_cycles = freq_hz * CLOCKSOURCE_MAX_SECS, mult = 0;
	u32 shift;

	if (!freq_hz || freq_hz > CLOCKSOURCE_MAX_HZ) {
		pr_err("clocksource: %s: a rate of %llu Hz is impossible (1 Hz to %llu GHz), "
		       "not used\n",
		       cs->name, (unsigned long long)freq_hz,
		       (unsigned long long)(CLOCKSOURCE_MAX_HZ / 1000000000));
		return -EINVAL;
	}

	for (shift = 32; shift > 0; shift--) {
		mult = ((NSEC_PER_SEC << shift) + freq_hz / 2) / freq_hz;
		if (mult <= 0xffffffffULL && (!max_cycles || mult <= ~0ULL / max_cycles))
			break;
	}
	cs->freq_hz = freq_hz;
	cs->mult = mult;
	cs->shift = shift;
	if (!cs->resolution_ns)
		cs->resolution_ns = (NSEC_PER_SEC + freq_hz - 1) / freq_hz;
	return 0;
}

static u64 read_ticks(void)
{
	return tick_count;
}

/*
 * CONFIG_CLOCKSOURCE_TICK, and what every other choice falls back on: the
 * count of tick interrupts.  Cheap and always there, but it knows only
 * the ticks it saw: each one lost (interrupts off too long, a vCPU not
 * scheduled) is a tick's worth of time lost for good.
 */
struct clocksource tick_clocksource = {
	.name = "tick",
	.read = read_ticks,
	.mask = ~0ULL,
	.freq_hz = HZ,
	.shift = 6, /* mult = 2^6 * TICK_NSEC fits 32 bits down to 15 Hz */
	.mult = ((NSEC_PER_SEC << 6) + HZ / 2) / HZ,
	.resolution_ns = TICK_NSEC,
	.rate_source = "counting timer interrupts; loses time when ticks are lost",
	.counts_ticks = true,
};
