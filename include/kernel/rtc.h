/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dates and the real-time clock: the calendar arithmetic that turns a
 * date into seconds since the epoch and back (kernel/time/calendar.c), and
 * the PC's CMOS clock (drivers/rtc/rtc-cmos.c), which gives the date once
 * at boot; the wall clock (CLOCK_REALTIME) runs on the clocksource from
 * there (Documentation/core/timekeeping.md).
 *
 * The fields and their ranges are Linux's struct rtc_time (those of
 * struct tm): a month from 0, a year from 1900.
 */
#ifndef _KERNEL_RTC_H
#define _KERNEL_RTC_H

#include <kernel/types.h>

struct rtc_time {
	int tm_sec;  /* 0-59 */
	int tm_min;  /* 0-59 */
	int tm_hour; /* 0-23 */
	int tm_mday; /* 1-31 */
	int tm_mon;  /* 0-11 */
	int tm_year; /* years since 1900 */
	int tm_wday; /* 0-6, Sunday 0 */
	int tm_yday; /* 0-365 */
};

/*
 * Seconds since 1970-01-01 00:00:00 UTC of a date, as Linux's mktime64():
 * @mon 1-12, @day 1-31, any year of the Gregorian calendar from 1 on.
 * Out-of-range fields are not refused but carried (60 seconds are the
 * next minute), which is what settimeofday()-style callers rely on.
 */
s64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec);
/* The date of @time (seconds since the epoch, maybe negative), as rtc_time64_to_tm(). */
void rtc_time64_to_tm(s64 time, struct rtc_time *tm);
/* 0 if @tm is a real date (and a year from 1970), else -EINVAL, as rtc_valid_tm(). */
int rtc_valid_tm(const struct rtc_time *tm);
static inline s64 rtc_tm_to_time64(const struct rtc_time *tm)
{
	return mktime64(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
			tm->tm_sec);
}

/*
 * The MC146818's time and date registers as read, and its register B,
 * which says how they are coded: BCD or binary (RTC_DM_BINARY), 12 or 24
 * hours (RTC_24H; in 12-hour mode bit 7 of the hour is PM).
 */
#define RTC_DM_BINARY 0x04
#define RTC_24H	      0x02
#define RTC_SET	      0x80
struct mc146818_regs {
	u8 sec, min, hour, mday, mon, year, reg_b;
};

/*
 * Decode @r into @tm: a year below 70 is 20xx, as Linux assumes without a
 * century register.  0, or -EINVAL if the registers hold no valid date
 * (a clock never set, a battery gone flat).
 */
int mc146818_decode(const struct mc146818_regs *r, struct rtc_time *tm);
/* The CMOS clock's date now (CONFIG_RTC_DRV_CMOS): 0, -EIO (always updating) or -EINVAL. */
int rtc_cmos_read_time(struct rtc_time *tm);

#endif
