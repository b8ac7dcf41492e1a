// SPDX-License-Identifier: GPL-2.0
/*
 * The timekeeper suite: timekeeping's arithmetic (timekeeper.c) driven
 * over fake counters, tick by tick, in the kernel and in the host program.
 *
 * QEMU's counters have 64 bits and never wrap, so no boot crosses a wrap;
 * a real HPET may have 32 bits, which wrap every 43 s at 100 MHz.  Here a
 * 32-bit counter at 100 MHz (10 ns a count: every expected time is exact)
 * is started just before its wrap and read across it, between ticks, at
 * ticks and after seconds without one.  Then ten minutes between two ticks
 * (the most clocksource_set_rate() promises to convert), the fraction of a
 * nanosecond kept across a tick, and the rates clocksource_set_rate() must
 * refuse.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "timekeeper.h"

#define FAKE_HZ	      100000000ULL /* 10 ns a count */
#define FAKE_MASK     0xffffffffULL
#define COUNTS_A_TICK (TICK_NSEC / 10)

/* The fake counter: what it has counted, of which it shows the low 32 bits. */
static u64 fake_counted;

static u64 read_fake32(void)
{
	return fake_counted & FAKE_MASK;
}

static u64 read_fake64(void)
{
	return fake_counted;
}

static struct clocksource fake32 = {
	.name = "fake32",
	.read = read_fake32,
	.mask = FAKE_MASK,
};

/* A timekeeper on the fake counter, @before counts short of its wrap. */
static bool start_before_wrap(struct ktest *t, struct timekeeper *tk, u64 before)
{
	memset(tk, 0, sizeof(*tk));
	fake_counted = FAKE_MASK + 1 - before;
	if (!ktest_check(t, clocksource_set_rate(&fake32, FAKE_HZ) == 0, __FILE__, __LINE__,
			 "clocksource_set_rate(fake32, 100 MHz) refused"))
		return false;
	tk_switch(tk, &fake32);
	return true;
}

/* Ticks, and reads between them, from five ticks before the wrap to five after. */
static void ticks_across_a_32bit_wrap(struct ktest *t)
{
	struct timekeeper tk;
	unsigned long jiffies = 1000, wrong_ns = 0, wrong_jiffies = 0;
	u64 counted = 0;
	int i;

	if (!start_before_wrap(t, &tk, 5 * COUNTS_A_TICK + 7))
		return;
	for (i = 0; i < 10; i++) {
		fake_counted += COUNTS_A_TICK / 2;
		counted += COUNTS_A_TICK / 2;
		wrong_ns += tk_read(&tk) != counted * 10;
		fake_counted += COUNTS_A_TICK - COUNTS_A_TICK / 2;
		counted += COUNTS_A_TICK - COUNTS_A_TICK / 2;
		jiffies = tk_tick(&tk, jiffies);
		wrong_ns += tk_read(&tk) != counted * 10;
		/* The first tick is where jiffies start counting from. */
		wrong_jiffies += jiffies != 1000UL + i;
	}
	KTEST_EXPECT_LT(t, read_fake32(), 5 * COUNTS_A_TICK); /* it did wrap */
	KTEST_EXPECT_EQ(t, wrong_ns, 0);
	KTEST_EXPECT_EQ(t, tk_read(&tk), 10 * COUNTS_A_TICK * 10);
	KTEST_EXPECT_EQ(t, wrong_jiffies, 0);
}

/* 30 s with no tick (3e9 counts of the 4.3e9 the counter holds), across its wrap. */
static void lost_ticks_across_a_32bit_wrap(struct ktest *t)
{
	struct timekeeper tk;
	unsigned long jiffies = 0;

	if (!start_before_wrap(t, &tk, COUNTS_A_TICK))
		return;
	jiffies = tk_tick(&tk, jiffies);
	fake_counted += 30 * FAKE_HZ;
	KTEST_EXPECT_EQ(t, tk_read(&tk), 30 * NSEC_PER_SEC);
	jiffies = tk_tick(&tk, jiffies);
	KTEST_EXPECT_LT(t, read_fake32(), 30 * FAKE_HZ); /* it did wrap */
	KTEST_EXPECT_EQ(t, tk_read(&tk), 30 * NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t, jiffies, 30 * HZ);
}

static struct clocksource fake64 = {
	.name = "fake64",
	.read = read_fake64,
	.mask = ~0ULL,
};

/*
 * The longest stretch clocksource_set_rate() promises to convert, in one
 * step, at a rate that no power of two divides: 600 s within a millionth.
 */
static void ten_minutes_between_two_ticks(struct ktest *t)
{
	struct timekeeper tk = { .cs = NULL };
	u64 hz = 2445482011ULL, ns;

	KTEST_ASSERT_EQ(t, clocksource_set_rate(&fake64, hz), 0);
	fake_counted = 12345;
	tk_switch(&tk, &fake64);
	fake_counted += CLOCKSOURCE_MAX_SECS * hz;
	ns = tk_read(&tk);
	KTEST_EXPECT_GE(t, ns + CLOCKSOURCE_MAX_SECS * 1000, CLOCKSOURCE_MAX_SECS * NSEC_PER_SEC);
	KTEST_EXPECT_LE(t, ns, CLOCKSOURCE_MAX_SECS * NSEC_PER_SEC + CLOCKSOURCE_MAX_SECS * 1000);
	tk_tick(&tk, 0);
	KTEST_EXPECT_EQ(t, tk_read(&tk), ns);
}

/*
 * At a rate whose counts are no whole number of nanoseconds, a thousand
 * ticks lose nothing: the fraction each tick leaves is kept, so the time
 * is the whole count converted at once, and a read just before a tick is
 * the read just after it.
 */
static void fractions_carry_across_ticks(struct ktest *t)
{
	struct timekeeper tk;
	u64 counted = 0, before;
	unsigned long jumped = 0;
	int i;

	memset(&tk, 0, sizeof(tk));
	KTEST_ASSERT_EQ(t, clocksource_set_rate(&fake32, 14318180), 0);
	fake_counted = FAKE_MASK - 1000;
	tk_switch(&tk, &fake32);
	for (i = 0; i < 1000; i++) {
		fake_counted += 14318180 / HZ + i % 7;
		counted += 14318180 / HZ + i % 7;
		before = tk_read(&tk);
		tk_tick(&tk, 0);
		jumped += tk_read(&tk) != before;
	}
	KTEST_EXPECT_EQ(t, jumped, 0);
	KTEST_EXPECT_EQ(t, tk_read(&tk), clocksource_cyc2ns(&fake32, counted));
}

static void impossible_rates_are_refused(struct ktest *t)
{
	static const u64 bad[] = { 0, CLOCKSOURCE_MAX_HZ + 1, ~0ULL };
	struct clocksource cs = {
		.name = "hostile", .freq_hz = 123, .mult = 456, .shift = 7, .resolution_ns = 89
	};
	unsigned int i;
	u64 since;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		since = ktest_mute_console();
		KTEST_EXPECT_EQ(t, clocksource_set_rate(&cs, bad[i]), -EINVAL);
		ktest_unmute_console();
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "clocksource: hostile: a rate of "));
	}
	KTEST_EXPECT_EQ(t, cs.freq_hz, 123); /* nothing changed */
	KTEST_EXPECT_EQ(t, cs.mult, 456);
	KTEST_EXPECT_EQ(t, cs.shift, 7);
	KTEST_EXPECT_EQ(t, cs.resolution_ns, 89);
}

/*
 * From the slowest rate to the fastest: one second and ten minutes,
 * within a millionth (9843025827 Hz has the largest error of 200,000
 * random rates: 0.29 ppm).
 */
static void every_possible_rate_converts(struct ktest *t)
{
	static const u64 rates[] = { 1,
				     20,
				     1000,
				     1193182,
				     14318180,
				     100000000,
				     2445482011ULL,
				     9843025827ULL,
				     CLOCKSOURCE_MAX_HZ };
	struct clocksource cs = { .name = "rate" };
	unsigned int i, s;
	u64 ns, want;

	for (i = 0; i < ARRAY_SIZE(rates); i++) {
		cs.resolution_ns = 0;
		KTEST_EXPECT_EQ(t, clocksource_set_rate(&cs, rates[i]), 0);
		KTEST_EXPECT_EQ(t, cs.freq_hz, rates[i]);
		KTEST_EXPECT_EQ(t, cs.resolution_ns, (NSEC_PER_SEC + rates[i] - 1) / rates[i]);
		for (s = 1; s <= CLOCKSOURCE_MAX_SECS; s += CLOCKSOURCE_MAX_SECS - 1) {
			ns = clocksource_cyc2ns(&cs, s * rates[i]);
			want = s * NSEC_PER_SEC;
			ktest_check(t, ns + want / 1000000 >= want && ns <= want + want / 1000000,
				    __FILE__, __LINE__, "%llu s at %llu Hz converts to %llu ns",
				    (unsigned long long)s, (unsigned long long)rates[i],
				    (unsigned long long)ns);
		}
	}
}

static const struct ktest_case timekeeper_cases[] = {
	KTEST_CASE(ticks_across_a_32bit_wrap),
	KTEST_CASE(lost_ticks_across_a_32bit_wrap),
	KTEST_CASE(ten_minutes_between_two_ticks),
	KTEST_CASE(fractions_carry_across_ticks),
	KTEST_CASE(impossible_rates_are_refused),
	KTEST_CASE(every_possible_rate_converts),
	{},
};
KTEST_SUITE(timekeeper, timekeeper_cases);
