// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of timekeeping: ktime_get() against PIT channel 2, jiffies after
 * ticks were lost, and the clocksources against each other.
 *
 * Their verdict holds at any guest speed and on a busy host: a clock is
 * read on both sides of the moment another one is read or expires, so a
 * host that stops the virtual CPU widens a measure instead of falsifying
 * it, and a measure too wide to judge by is taken again, then skipped
 * with the reason.
 *
 * A clocksource is right if intervals it measures match an independent
 * clock (channel 2 one-shots, 1.193182 MHz) and a second clocksource (the
 * TSC against the HPET).  Lost ticks are made on purpose: 50 ms with
 * interrupts off lets at most one timer interrupt wait in the PIC, so the
 * others are gone, and jiffies must still be right after the next tick.
 * A TSC calibration against a one-shot that never ends, or ends at once,
 * must give up and say why.
 */
#include <asm/cpu.h>
#include <asm/hpet.h>
#include <asm/i8253.h>
#include <asm/irqflags.h>
#include <asm/pit_ruler.h>
#include <asm/tsc.h>
#include <kernel/acpi.h>
#include <kernel/clocksource.h>
#include <kernel/ktest.h>
#include <kernel/time.h>

#define CH2_COUNT   65535U
#define CH2_ROUNDS  9 /* 494.3 ms */
#define IRQS_OFF_NS (50 * NSEC_PER_MSEC)

/*
 * A one-shot of channel 2 longer than twice what the clocksource resolves
 * (at most 54.9 ms: the tick's 50 ms at HZ=20), so that any clocksource
 * has moved by its end.
 */
static void start_longer_than_resolution(void)
{
	u64 count = 2 * current_clocksource()->resolution_ns * PIT_TICK_RATE / NSEC_PER_SEC + 2;

	pit_oneshot_start(min(count, (u64)CH2_COUNT));
}

/*
 * 100,000 reads, and reads for as long as the clocksource needs to move:
 * never backwards, and moving.  A count of reads alone proves no
 * movement: at -icount shift=0 100,000 of them take 3 ms, less than a tick
 * of the tick clocksource at 100 Hz.
 */
static void ktime_is_monotonic(struct ktest *t)
{
	u64 prev = ktime_get(), now, first = prev;
	unsigned long i, backwards = 0;

	start_longer_than_resolution();
	for (i = 0; i < 100000 || !pit_oneshot_done(); i++) {
		now = ktime_get();
		backwards += now < prev;
		prev = now;
	}
	KTEST_EXPECT_EQ(t, backwards, 0);
	KTEST_EXPECT_GT(t, prev, first); /* and it moves */
}

/*
 * Within 0.5%, plus what the clocksource cannot resolve.  The one-shots'
 * time is known between two bounds (<asm/pit_ruler.h>); a busy host that
 * kept them too far apart in every try skips the case, saying so.
 */
static void ktime_agrees_with_pit_channel2(struct ktest *t)
{
	u64 want = pit_ruler_want_ns(CH2_ROUNDS, CH2_COUNT);
	u64 slack = want / 200 + current_clocksource()->resolution_ns;
	struct pit_ruler r;
	int try;

	for (try = 0; try < KTEST_TRIES; try++)
		if (pit_ruler_measure(&r, CH2_ROUNDS, CH2_COUNT, slack / 2))
			break;
	if (try == KTEST_TRIES) {
		ktest_skipf(t,
			    "in each of %d tries " KTEST_DISTURBED ": channel 2 bounds %lu "
			    "us apart",
			    KTEST_TRIES, (unsigned long)(r.window_ns / 1000));
		return;
	}
	KTEST_EXPECT_GE(t, r.hi_ns + slack, want);
	KTEST_EXPECT_LE(t, r.lo_ns, want + slack);
}

/*
 * 50 ms with interrupts off, on the clocksource: the ticks of that time
 * never arrive (but one), yet jiffies is right after the next tick.
 * Jiffies are compared with the time of the ticks that set them, read
 * with them, so a host that stops the CPU anywhere changes nothing.
 */
static void jiffies_catch_up_after_lost_ticks(struct ktest *t)
{
	unsigned long flags, j0, ticks0, j1, ticks1, elapsed_ticks;
	u64 tick0, tick1, t0;

	if (current_clocksource()->counts_ticks) {
		ktest_skip(t, "the tick clocksource cannot see time pass without ticks");
		return;
	}
	flags = local_irq_save();
	t0 = ktime_get();
	tick0 = ktime_last_tick();
	j0 = jiffies;
	ticks0 = tick_count;
	while (ktime_get() - t0 < IRQS_OFF_NS)
		cpu_relax();
	local_irq_restore(flags);
	while (tick_count < ticks0 + 2) /* the waiting one, then a fresh one */
		cpu_relax();
	flags = local_irq_save();
	tick1 = ktime_last_tick();
	j1 = jiffies;
	ticks1 = tick_count;
	local_irq_restore(flags);
	elapsed_ticks = (tick1 - tick0) / TICK_NSEC;
	KTEST_EXPECT_GE(t, tick1 - tick0, IRQS_OFF_NS);
	KTEST_EXPECT_LT(t, ticks1 - ticks0, elapsed_ticks); /* ticks were lost */
	KTEST_EXPECT_GE(t, j1 - j0 + 1, elapsed_ticks);
	KTEST_EXPECT_LE(t, j1 - j0, elapsed_ticks + 1);
}

static bool has_hpet(struct ktest *t)
{
	if (!IS_ENABLED(CONFIG_HPET)) {
		ktest_skip(t, "CONFIG_HPET is off");
		return false;
	}
	if (!acpi_get_table("HPET")) {
		ktest_skip(t, "this machine has no ACPI HPET table");
		return false;
	}
	return true;
}

static void hpet_found_through_acpi(struct ktest *t)
{
	struct clocksource *hpet;
	u64 first, now;

	if (!has_hpet(t))
		return;
	hpet = hpet_clocksource_init();
	KTEST_ASSERT_NOT_NULL(t, hpet);
	KTEST_EXPECT_GE(t, hpet->freq_hz, 10000000); /* the spec's slowest: 10 MHz */
	/*
	 * It counts: within 1 ms of channel 2, not from one read to the
	 * next, which at -icount shift=0 are closer than its 10 ns.
	 */
	first = hpet->read();
	pit_oneshot_start(PIT_TICK_RATE / 1000);
	while ((now = hpet->read()) == first && !pit_oneshot_done())
		cpu_relax();
	KTEST_EXPECT_NE(t, now, first);
}

/*
 * An HPET read between two TSC reads: the TSC at the moment of the read
 * lies between them.  Their distance is how little the pair says.
 */
static u64 hpet_read_between(const struct clocksource *hpet, u64 *tsc_before, u64 *tsc_after)
{
	u64 counter;

	*tsc_before = rdtsc();
	counter = hpet->read();
	*tsc_after = rdtsc();
	return counter;
}

/*
 * The same ~50 ms measured by both: within 0.5%.  The HPET's reads are
 * bracketed by the TSC's; a host that stopped the CPU inside a bracket in
 * every try skips the case, saying so.
 */
static void tsc_and_hpet_agree(struct ktest *t)
{
	struct clocksource *hpet;
	u64 tsc_hz, a0, b0, a1, b1, hpet0, hpet1, lo_ns, hi_ns, hpet_ns, window;
	int try;

	if (!has_hpet(t))
		return;
	hpet = hpet_clocksource_init();
	KTEST_ASSERT_NOT_NULL(t, hpet);
	tsc_hz = tsc_calibrate();
	KTEST_ASSERT_NE(t, tsc_hz, 0);
	for (try = 0; try < KTEST_TRIES; try++) {
		hpet0 = hpet_read_between(hpet, &a0, &b0);
		do
			hpet1 = hpet_read_between(hpet, &a1, &b1);
		while (clocksource_cyc2ns(hpet, clocksource_delta(hpet, hpet0, hpet1)) <
		       IRQS_OFF_NS);
		hpet_ns = clocksource_cyc2ns(hpet, clocksource_delta(hpet, hpet0, hpet1));
		lo_ns = (a1 - b0) * NSEC_PER_SEC / tsc_hz;
		hi_ns = (b1 - a0) * NSEC_PER_SEC / tsc_hz;
		window = hi_ns - lo_ns;
		if (window <= hpet_ns / 400)
			break;
	}
	if (try == KTEST_TRIES) {
		ktest_skipf(t, "in each of %d tries " KTEST_DISTURBED ": TSC bounds %lu us apart",
			    KTEST_TRIES, (unsigned long)(window / 1000));
		return;
	}
	KTEST_EXPECT_GE(t, hi_ns + hpet_ns / 200, hpet_ns);
	KTEST_EXPECT_LE(t, lo_ns, hpet_ns + hpet_ns / 200);
}

/* Stand-ins for PIT channel 2 that a calibration cannot finish against. */
static void oneshot_ignored(u16 count)
{
}

static bool never_expires(void)
{
	return false;
}

static bool always_expired(void)
{
	return true;
}

/*
 * A one-shot that never expires (no PIT, a gate not wired) or has always
 * expired (an output stuck high): the calibration gives up, says why, and
 * gives no rate, where it used to spin for ever, or divide by the rate 0.
 */
static void tsc_calibration_that_cannot_finish_gives_up(struct ktest *t)
{
	static const struct tsc_stopwatch stuck = { oneshot_ignored, never_expires };
	static const struct tsc_stopwatch early = { oneshot_ignored, always_expired };
	u64 since, hz;

	since = ktest_mute_console();
	hz = tsc_calibrate_with(&stuck);
	ktest_unmute_console();
	KTEST_EXPECT_EQ(t, hz, 0);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "cannot calibrate the TSC: the PIT did not "
						       "expire in 500000000 TSC counts"));
	since = ktest_mute_console();
	hz = tsc_calibrate_with(&early);
	ktest_unmute_console();
	KTEST_EXPECT_EQ(t, hz, 0);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "cannot calibrate the TSC: the PIT's 50 ms "
						       "passed in 1 reads of it"));
	KTEST_EXPECT_FALSE(t, irqs_disabled());
}

static const struct ktest_case time_cases[] = {
	KTEST_CASE(ktime_is_monotonic),
	KTEST_CASE(ktime_agrees_with_pit_channel2),
	KTEST_CASE(jiffies_catch_up_after_lost_ticks),
	KTEST_CASE(hpet_found_through_acpi),
	KTEST_CASE(tsc_and_hpet_agree),
	KTEST_CASE(tsc_calibration_that_cannot_finish_gives_up),
	{},
};
KTEST_SUITE(time, time_cases);
