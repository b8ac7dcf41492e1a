// SPDX-License-Identifier: GPL-2.0
/*
 * Calendar arithmetic: a date to seconds since the epoch and back, for
 * the real-time clock, which counts in dates, and the wall clock, which
 * counts in seconds (<kernel/rtc.h>).  Proleptic Gregorian, UTC, no leap
 * seconds, as Linux and POSIX time are.  No hardware and no state: the
 * RTC suite checks it against dates whose answers are known.
 */
#include <kernel/errno.h>
#include <kernel/rtc.h>

#define SECS_PER_DAY		 86400
/* Days from 0000-03-01 (the start of the shifted year below) to 1970-01-01. */
#define DAYS_0000_03_01_TO_EPOCH 719468
#define DAYS_PER_400_YEARS	 146097

/*
 * Gauss's way, as Linux's mktime64(): count the year from March, so that
 * the leap day is the last of the year and the days before each month
 * follow 367 * mon / 12 without a table; 719499 is the day count of
 * 1970-01-01 in that reckoning.
 */
s64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec)
{
	s64 days;

	if ((int)(mon -= 2) <= 0) {
		mon += 12;
		year -= 1;
	}
	days = (s64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) + (s64)year * 365 -
	       719499;
	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

static bool is_leap_year(s64 year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int mon, s64 year)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return days[mon] + (mon == 1 && is_leap_year(year));
}

/*
 * Whole days first (rounded down, for times before 1970), then the date of
 * that day counted in 400-year eras from a March 1st, where every era has
 * the same number of days and the leap day ends the year.
 */
void rtc_time64_to_tm(s64 time, struct rtc_time *tm)
{
	s64 days = time / SECS_PER_DAY, secs = time % SECS_PER_DAY;
	s64 z, era, doe, yoe, doy, mp, year;
	int mon, m;

	if (secs < 0) {
		secs += SECS_PER_DAY;
		days--;
	}
	tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);

	z = days + DAYS_0000_03_01_TO_EPOCH;
	era = (z >= 0 ? z : z - (DAYS_PER_400_YEARS - 1)) / DAYS_PER_400_YEARS;
	doe = z - era * DAYS_PER_400_YEARS;			     /* 0 to 146096 */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0 to 399 */
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		     /* from March 1st */
	mp = (5 * doy + 2) / 153;				     /* March is 0 */
	year = yoe + era * 400 + (mp >= 10);
	mon = (int)(mp < 10 ? mp + 2 : mp - 10);
	tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->tm_mon = mon;
	tm->tm_year = (int)(year - 1900);
	tm->tm_yday = tm->tm_mday - 1;
	for (m = 0; m < mon; m++)
		tm->tm_yday += days_in_month(m, year);
}

int rtc_valid_tm(const struct rtc_time *tm)
{
	if (tm->tm_year < 70 || tm->tm_mon < 0 || tm->tm_mon >= 12 || tm->tm_mday < 1 ||
	    tm->tm_mday > days_in_month(tm->tm_mon, tm->tm_year + 1900) || tm->tm_hour < 0 ||
	    tm->tm_hour >= 24 || tm->tm_min < 0 || tm->tm_min >= 60 || tm->tm_sec < 0 ||
	    tm->tm_sec >= 60)
		return -EINVAL;
	return 0;
}
