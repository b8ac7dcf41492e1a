// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the real-time clock's arithmetic: the CMOS registers decoded
 * in each of their codings (BCD and binary, 12 and 24 hours), and dates to
 * seconds and back (kernel/time/calendar.c) against dates whose answers
 * are known (Python's calendar.timegm() gave them), leap years, the
 * century rules and times before the epoch included.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/rtc.h>

struct known_date {
	unsigned int year, mon, day, hour, min, sec;
	s64 secs;
	int wday, yday;
};

static const struct known_date known[] = {
	{ 1970, 1, 1, 0, 0, 0, 0, 4, 0 },
	{ 2000, 3, 1, 0, 0, 0, 951868800, 3, 60 },    /* 2000 is leap (400) */
	{ 2038, 1, 19, 3, 14, 7, 2147483647, 2, 18 }, /* 32-bit time_t's last */
	{ 2024, 2, 29, 12, 0, 0, 1709208000, 4, 59 }, /* a leap day */
	{ 2100, 3, 1, 0, 0, 0, 4107542400LL, 1, 59 }, /* 2100 is not (100) */
	{ 2026, 12, 4, 18, 31, 19, 1796409079, 5, 337 },
	{ 1999, 12, 31, 23, 7, 59, 946681679, 5, 364 },
	{ 1900, 1, 1, 0, 0, 0, -2208988800LL, 1, 0 }, /* before the epoch */
};

static void mktime64_known_dates(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known); i++) {
		const struct known_date *k = &known[i];

		KTEST_EXPECT_EQ(t, mktime64(k->year, k->mon, k->day, k->hour, k->min, k->sec),
				k->secs);
	}
	/* Carried, not refused: 23:59:60 is the next day's midnight. */
	KTEST_EXPECT_EQ(t, mktime64(1999, 12, 31, 23, 59, 60), 946684800);
}

static void time64_to_tm_known_dates(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known); i++) {
		const struct known_date *k = &known[i];
		struct rtc_time tm;

		rtc_time64_to_tm(k->secs, &tm);
		KTEST_EXPECT_EQ(t, tm.tm_year + 1900, (int)k->year);
		KTEST_EXPECT_EQ(t, tm.tm_mon + 1, (int)k->mon);
		KTEST_EXPECT_EQ(t, tm.tm_mday, (int)k->day);
		KTEST_EXPECT_EQ(t, tm.tm_hour, (int)k->hour);
		KTEST_EXPECT_EQ(t, tm.tm_min, (int)k->min);
		KTEST_EXPECT_EQ(t, tm.tm_sec, (int)k->sec);
		KTEST_EXPECT_EQ(t, tm.tm_wday, k->wday);
		KTEST_EXPECT_EQ(t, tm.tm_yday, k->yday);
	}
}

/* Every day's last second from 1900 to 2200: to a date and back gives the same second. */
static void time64_round_trip_every_day(struct ktest *t)
{
	s64 secs, bad = 0, days = 0;
	struct rtc_time tm;

	for (secs = -2208988800LL + 86399; secs < 7258118400LL; secs += 86400, days++) {
		rtc_time64_to_tm(secs, &tm);
		if (rtc_tm_to_time64(&tm) != secs || tm.tm_hour != 23 || tm.tm_sec != 59)
			bad++;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, days, 300 * 365 + 73); /* 75 fourth years, less 1900 and 2100 */
}

static int decode(u8 sec, u8 min, u8 hour, u8 mday, u8 mon, u8 year, u8 reg_b, struct rtc_time *tm)
{
	const struct mc146818_regs r = { sec, min, hour, mday, mon, year, reg_b };

	return mc146818_decode(&r, tm);
}

static void cmos_bcd_24h(struct ktest *t)
{
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, decode(0x59, 0x07, 0x23, 0x31, 0x12, 0x99, RTC_24H, &tm), 0);
	KTEST_EXPECT_EQ(t, rtc_tm_to_time64(&tm), 946681679); /* 1999-12-31 23:07:59 */
	KTEST_ASSERT_EQ(t, decode(0x00, 0x00, 0x00, 0x01, 0x01, 0x25, RTC_24H, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_year, 125); /* below 70: 2025 */
	KTEST_ASSERT_EQ(t, decode(0x00, 0x00, 0x00, 0x01, 0x01, 0x70, RTC_24H, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_year, 70);
	/* Nibbles above 9, a 13th month, a 30th of February: no date. */
	KTEST_EXPECT_EQ(t, decode(0x1a, 0x00, 0x00, 0x01, 0x01, 0x25, RTC_24H, &tm), -EINVAL);
	KTEST_EXPECT_EQ(t, decode(0x00, 0x00, 0x00, 0x01, 0x13, 0x25, RTC_24H, &tm), -EINVAL);
	KTEST_EXPECT_EQ(t, decode(0x00, 0x00, 0x00, 0x30, 0x02, 0x24, RTC_24H, &tm), -EINVAL);
	KTEST_EXPECT_EQ(t, decode(0x00, 0x00, 0x24, 0x01, 0x01, 0x25, RTC_24H, &tm), -EINVAL);
}

static void cmos_binary_24h(struct ktest *t)
{
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, decode(59, 7, 23, 31, 12, 99, RTC_24H | RTC_DM_BINARY, &tm), 0);
	KTEST_EXPECT_EQ(t, rtc_tm_to_time64(&tm), 946681679);
	/* 0x1a is 26 in binary, not a bad BCD digit */
	KTEST_ASSERT_EQ(t, decode(0x1a, 0, 0, 1, 1, 26, RTC_24H | RTC_DM_BINARY, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_sec, 26);
	KTEST_EXPECT_EQ(t, decode(60, 0, 0, 1, 1, 26, RTC_24H | RTC_DM_BINARY, &tm), -EINVAL);
}

/* In 12-hour mode bit 7 is PM, and 12 is the first hour of each half. */
static void cmos_12h(struct ktest *t)
{
	static const struct {
		u8 reg;
		int hour;
	} bcd[] = {
		{ 0x12, 0 }, { 0x01, 1 }, { 0x11, 11 }, { 0x92, 12 }, { 0x81, 13 }, { 0x91, 23 },
	};
	struct rtc_time tm;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bcd); i++) {
		KTEST_ASSERT_EQ(t, decode(0, 0, bcd[i].reg, 1, 1, 0x26, 0, &tm), 0);
		KTEST_EXPECT_EQ(t, tm.tm_hour, bcd[i].hour);
	}
	KTEST_ASSERT_EQ(t, decode(0, 0, 0x80 | 12, 1, 1, 26, RTC_DM_BINARY, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 12);
	KTEST_ASSERT_EQ(t, decode(0, 0, 12, 1, 1, 26, RTC_DM_BINARY, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 0);
	/* Hour 0 and 13 do not exist on a 12-hour dial. */
	KTEST_EXPECT_EQ(t, decode(0, 0, 0x00, 1, 1, 0x26, 0, &tm), -EINVAL);
	KTEST_EXPECT_EQ(t, decode(0, 0, 0x13, 1, 1, 0x26, 0, &tm), -EINVAL);
}

/* The machine's own clock: a date QEMU (and any real PC) sets, after 2020. */
static void cmos_clock_reads_a_date(struct ktest *t)
{
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, rtc_cmos_read_time(&tm), 0);
	KTEST_EXPECT_TRUE(t, tm.tm_year + 1900 >= 2020 && tm.tm_year + 1900 < 2070);
}

static const struct ktest_case rtc_cases[] = {
	KTEST_CASE(mktime64_known_dates),
	KTEST_CASE(time64_to_tm_known_dates),
	KTEST_CASE(time64_round_trip_every_day),
	KTEST_CASE(cmos_bcd_24h),
	KTEST_CASE(cmos_binary_24h),
	KTEST_CASE(cmos_12h),
	KTEST_CASE(cmos_clock_reads_a_date),
	{},
};
KTEST_SUITE(rtc, rtc_cases);
