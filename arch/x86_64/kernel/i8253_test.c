// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the timer tick against an independent clock.
 *
 * Channel 2 of the PIT counts the same 1.193182 MHz input as channel 0,
 * but nothing in the kernel keeps time with it: run as a one-shot it
 * raises its output after exactly the count written.  A row of such
 * one-shots measures an interval without relying on the timer interrupt
 * being tested.  If channel 0 were programmed for the wrong rate, or ticks
 * were doubled, the count of timer interrupts would disagree; if jiffies
 * did not follow the clocksource, they would.
 *
 * Under QEMU without -icount a busy host stops the virtual CPU at will,
 * and the ticks of that time are lost: the tick records such time
 * (tick_gap_ns), and a case that needs every tick measures again, then
 * skips with the reason, rather than blame the kernel.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/i8253.h>
#include <asm/irqflags.h>
#include <asm/pit_ruler.h>
#include <kernel/clocksource.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define CH2_COUNT  65535U
#define CH2_ROUNDS 9 /* 9 x 54.9 ms = 494 ms */

/* Wait for the start of a tick, so that the count begins on an edge. */
static unsigned long next_tick(void)
{
	unsigned long t = tick_count;

	while (tick_count == t)
		cpu_relax();
	return tick_count;
}

static void channel0_counts_down_from_latch(struct ktest *t)
{
	u16 a = pit_read_counter(), b;
	int i;

	if (lapic_ticks()) {
		ktest_skip(t, "the local APIC timer ticks; channel 0 is not programmed");
		return;
	}
	for (i = 0; i < 1000 && (b = pit_read_counter()) == a; i++)
		cpu_relax();
	KTEST_EXPECT_LE(t, a, PIT_LATCH);
	KTEST_EXPECT_LE(t, b, PIT_LATCH);
	KTEST_EXPECT_NE(t, a, b); /* it is running */
}

/* What one stretch of channel 2 one-shots saw of the tick. */
struct tick_run {
	struct pit_ruler ruler; /* channel 2 on the clocksource */
	u64 span_ns;		/* from the tick before to the tick after */
	u64 gap_ns;		/* of it, time no tick covered (tick_gap_ns) */
	unsigned long ticks, jiffies;
};

/*
 * Read the time of the last tick, jiffies, the interrupt count and the
 * gaps together: with interrupts off no tick comes between the reads.
 */
static void tick_snapshot(u64 *at, unsigned long *j, unsigned long *ticks, u64 *gap)
{
	unsigned long flags = local_irq_save();

	*at = ktime_last_tick();
	*j = jiffies;
	*ticks = tick_count;
	*gap = tick_gap_ns;
	local_irq_restore(flags);
}

/* One stretch, from a tick to a tick; true if nothing disturbed it. */
static bool measure_ticks(struct tick_run *m)
{
	u64 t0, gap0, max_window = pit_ruler_want_ns(CH2_ROUNDS, CH2_COUNT) / 400;
	unsigned long j0, ticks0;
	bool steady;

	next_tick();
	tick_snapshot(&t0, &j0, &ticks0, &gap0);
	steady = pit_ruler_measure(&m->ruler, CH2_ROUNDS, CH2_COUNT, max_window);
	next_tick();
	tick_snapshot(&m->span_ns, &m->jiffies, &m->ticks, &m->gap_ns);
	m->span_ns -= t0;
	m->jiffies -= j0;
	m->ticks -= ticks0;
	m->gap_ns -= gap0;
	return steady && !m->gap_ns;
}

/*
 * Over 494 ms of channel 2: timer interrupts and jiffies both advance by
 * CONFIG_HZ a second, give or take the tick that the phase at either end
 * may add or take.  A wrong divisor or doubled ticks miss by far more.
 *
 * Jiffies are measured against the clocksource, from tick to tick, and
 * the clocksource against channel 2 in the same stretch.  What a host
 * that stops the virtual CPU cannot change is checked every time: never
 * more interrupts than ticks of time, and jiffies caught up with it.  The
 * rest holds only if no tick came late; if some did in every try, the
 * case is skipped with what was seen.
 */
static void ticks_and_jiffies_advance_at_hz(struct ktest *t)
{
	u64 want = pit_ruler_want_ns(CH2_ROUNDS, CH2_COUNT);
	u64 slack = want / 200 + current_clocksource()->resolution_ns;
	struct tick_run m;
	bool steady = false;
	int try;

	KTEST_ASSERT_TRUE(t, !irqs_disabled());
	for (try = 0; try < KTEST_TRIES && !steady; try++)
		steady = measure_ticks(&m);
	pr_info("    # %s: %lu interrupts, %lu jiffies over %lu us from tick to tick, "
		"around %lu us of channel 2\n",
		t->name, m.ticks, m.jiffies, (unsigned long)(m.span_ns / 1000),
		(unsigned long)(want / 1000));
	KTEST_EXPECT_LE(t, m.ticks * TICK_NSEC, m.span_ns + TICK_NSEC);
	KTEST_EXPECT_GE(t, m.jiffies * TICK_NSEC + TICK_NSEC, m.span_ns);
	KTEST_EXPECT_LE(t, m.jiffies * TICK_NSEC, m.span_ns + TICK_NSEC);
	if (!steady) {
		ktest_skipf(t,
			    "in each of %d tries " KTEST_DISTURBED ": %lu us that no "
			    "tick covered, channel 2 bounds %lu us apart",
			    KTEST_TRIES, (unsigned long)(m.gap_ns / 1000),
			    (unsigned long)(m.ruler.window_ns / 1000));
		return;
	}
	KTEST_EXPECT_GE(t, m.ticks * TICK_NSEC + TICK_NSEC, m.span_ns);
	KTEST_EXPECT_GE(t, m.ruler.hi_ns + slack, want);
	KTEST_EXPECT_LE(t, m.ruler.lo_ns, want + slack);
}

/*
 * At least the time asked for, always; at most two ticks more, unless
 * the host kept the CPU when the wake-up was due (a tick came late, or
 * the task ran well after the tick that woke it).
 */
static void msleep_sleeps_at_least(struct ktest *t)
{
	u64 start, slept, woken_late, gap0;
	unsigned long flags;
	int try;

	for (try = 0; try < KTEST_TRIES; try++) {
		next_tick();
		gap0 = tick_gap_ns;
		start = ktime_get();
		msleep(50);
		flags = local_irq_save(); /* no tick between the reads */
		slept = ktime_get() - start;
		woken_late = ktime_get() - ktime_last_tick();
		local_irq_restore(flags);
		KTEST_EXPECT_GE(t, slept, 50 * NSEC_PER_MSEC);
		if (tick_gap_ns == gap0 && woken_late < TICK_NSEC / 2)
			break;
	}
	if (try == KTEST_TRIES) {
		ktest_skipf(t, "in each of %d tries " KTEST_DISTURBED " around the wake-up",
			    KTEST_TRIES);
		return;
	}
	KTEST_EXPECT_LE(t, slept, 50 * NSEC_PER_MSEC + 2 * TICK_NSEC);
}

static void ms_to_jiffies_rounds_up(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, msecs_to_jiffies(0), 0);
	KTEST_EXPECT_GE(t, msecs_to_jiffies(1), 1);
	KTEST_EXPECT_EQ(t, msecs_to_jiffies(1000), HZ);
	KTEST_EXPECT_EQ(t, jiffies_to_msecs(HZ), 1000);
}

static const struct ktest_case timer_cases[] = {
	KTEST_CASE(channel0_counts_down_from_latch),
	KTEST_CASE(ticks_and_jiffies_advance_at_hz),
	KTEST_CASE(msleep_sleeps_at_least),
	KTEST_CASE(ms_to_jiffies_rounds_up),
	{},
};
KTEST_SUITE(timer, timer_cases);
