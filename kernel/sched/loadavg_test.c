// SPDX-License-Identifier: GPL-2.0
/*
 * The load average's fixed-point step (calc_load(), <kernel/loadavg.h>)
 * against values worked out by hand and against the exponential it
 * stands for: a minute of one busy task brings the 1-minute average to
 * 1 - 1/e of it, a constant load is reached exactly (the rounding up while
 * rising), an idle machine decays to exactly 0, and /proc/loadavg's
 * two-decimal form of a fixed-point value.
 */
#include <kernel/ktest.h>
#include <kernel/loadavg.h>

#define PERIODS_PER_MIN 12 /* of LOAD_FREQ, 5 s each */

static void one_step_by_hand(struct ktest *t)
{
	/* (0 * 1884 + 2048 * 164 + 2047) / 2048: the rounding adds less than one */
	KTEST_EXPECT_EQ(t, calc_load(0, EXP_1, FIXED_1), 164UL);
	KTEST_EXPECT_EQ(t, calc_load(0, EXP_1, 2 * FIXED_1), 328UL);
	/* falling: 2048 * 1884 / 2048, no rounding up */
	KTEST_EXPECT_EQ(t, calc_load(FIXED_1, EXP_1, 0), 1884UL);
	KTEST_EXPECT_EQ(t, calc_load(FIXED_1, EXP_15, FIXED_1), FIXED_1);
}

static void one_minute_of_one_task(struct ktest *t)
{
	unsigned long l1 = 0, l5 = 0, l15 = 0;
	int i;

	for (i = 0; i < PERIODS_PER_MIN; i++) {
		l1 = calc_load(l1, EXP_1, FIXED_1);
		l5 = calc_load(l5, EXP_5, FIXED_1);
		l15 = calc_load(l15, EXP_15, FIXED_1);
	}
	KTEST_EXPECT_EQ(t, l1, 1299UL);
	KTEST_EXPECT_EQ(t, l5, 378UL);
	KTEST_EXPECT_EQ(t, l15, 132UL);
	/* 2048 * (1 - 1/e) = 1294.6 and 2048 * (1 - e^-0.2) = 371.2, within 2% */
	KTEST_EXPECT_GE(t, l1 * 100, 1294UL * 98);
	KTEST_EXPECT_LE(t, l1 * 100, 1295UL * 102);
	KTEST_EXPECT_GE(t, l5 * 100, 371UL * 98);
	KTEST_EXPECT_LE(t, l5 * 100, 372UL * 102);
	KTEST_EXPECT_EQ(t, LOAD_INT(l1), 0UL);
	KTEST_EXPECT_EQ(t, LOAD_FRAC(l1), 63UL);
}

static void constant_load_is_reached_and_idle_decays_to_zero(struct ktest *t)
{
	unsigned long l = 0;
	int i;

	/* 15 minutes is the time constant: 98% (6104) after an hour, 3.00 after 760 periods */
	for (i = 0; i < 60 * PERIODS_PER_MIN; i++)
		l = calc_load(l, EXP_15, 3 * FIXED_1);
	KTEST_EXPECT_EQ(t, l, 6104UL);
	for (; i < 760; i++)
		l = calc_load(l, EXP_15, 3 * FIXED_1);
	KTEST_EXPECT_EQ(t, l, 3 * FIXED_1);
	l = calc_load(l, EXP_15, 3 * FIXED_1);
	KTEST_EXPECT_EQ(t, l, 3 * FIXED_1); /* and stays */
	KTEST_EXPECT_EQ(t, LOAD_INT(l), 3UL);
	KTEST_EXPECT_EQ(t, LOAD_FRAC(l), 0UL);
	for (i = 0; i < 60 * PERIODS_PER_MIN && l; i++)
		l = calc_load(l, EXP_1, 0);
	KTEST_EXPECT_EQ(t, l, 0UL);
	KTEST_EXPECT_EQ(t, i, 81); /* periods from 3.00 to 0 */
	l = 0;
	for (i = 0; i < PERIODS_PER_MIN; i++)
		l = calc_load(l, EXP_1, 3 * FIXED_1);
	KTEST_EXPECT_EQ(t, l, 3892UL); /* 1.90 */
	KTEST_EXPECT_EQ(t, LOAD_INT(l), 1UL);
	KTEST_EXPECT_EQ(t, LOAD_FRAC(l), 90UL);
}

static const struct ktest_case loadavg_cases[] = {
	KTEST_CASE(one_step_by_hand),
	KTEST_CASE(one_minute_of_one_task),
	KTEST_CASE(constant_load_is_reached_and_idle_decays_to_zero),
	{},
};

KTEST_SUITE(loadavg, loadavg_cases);
