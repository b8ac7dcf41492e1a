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
 * The runner boots these tests under QEMU -icount, where the PIT follows
 * the guest's instructions and cannot drop a tick however busy the host
 * is, so the interrupt count is held to one tick.
 */
#include <asm/cpu.h>
#include <asm/i8253.h>
#include <asm/irqflags.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define CH2_COUNT  65535U
#define CH2_ROUNDS 9 /* 9 x 54.9 ms = 494 ms */

static void ch2_wait(u16 count)
{
	pit_oneshot_start(count);
	while (!pit_oneshot_done())
		cpu_relax();
}

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

	for (i = 0; i < 1000 && (b = pit_read_counter()) == a; i++)
		cpu_relax();
	KTEST_EXPECT_LE(t, a, PIT_LATCH);
	KTEST_EXPECT_LE(t, b, PIT_LATCH);
	KTEST_EXPECT_NE(t, a, b); /* it is running */
}

/*
 * Over 494 ms of channel 2: timer interrupts and jiffies both advance by
 * CONFIG_HZ a second, give or take the tick that the phase at the end may
 * add or take.  A wrong divisor or doubled ticks miss by far more.
 */
static void ticks_and_jiffies_advance_at_hz(struct ktest *t)
{
	unsigned long want_milli = 1000UL * CH2_ROUNDS * CH2_COUNT * HZ / PIT_TICK_RATE;
	unsigned long ticks, j, ticks_milli, jiffies_milli;
	int i;

	KTEST_ASSERT_TRUE(t, !irqs_disabled());
	ticks = next_tick();
	j = jiffies;
	for (i = 0; i < CH2_ROUNDS; i++)
		ch2_wait(CH2_COUNT);
	ticks_milli = (tick_count - ticks) * 1000;
	jiffies_milli = (jiffies - j) * 1000;
	pr_info("    # %s: over %lu.%03lu ticks of channel 2: %lu interrupts, %lu jiffies\n",
		t->name, want_milli / 1000, want_milli % 1000, tick_count - ticks, jiffies - j);
	KTEST_EXPECT_GE(t, ticks_milli + 1000, want_milli);
	KTEST_EXPECT_LE(t, ticks_milli, want_milli + 1000);
	KTEST_EXPECT_GE(t, jiffies_milli + 1000, want_milli);
	KTEST_EXPECT_LE(t, jiffies_milli, want_milli + 1000);
}

static void msleep_sleeps_at_least(struct ktest *t)
{
	u64 start, slept;

	next_tick();
	start = ktime_get();
	msleep(50);
	slept = ktime_get() - start;
	KTEST_EXPECT_GE(t, slept, 50 * 1000000ULL);
	KTEST_EXPECT_LE(t, slept, 50 * 1000000ULL + 2 * TICK_NSEC);
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
