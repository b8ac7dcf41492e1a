// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's time cases: the clocks, the date, and sleeping on them.
 *
 * The system calls are made raw (no C library's vDSO or fallbacks in
 * between): what is checked is the kernel's answer.  Sleeps are judged
 * by the clock the kernel keeps, which under QEMU -icount is guest time:
 * a sleep must last at least what was asked, never "about" it.  Setting
 * the date is done only on Kestrel: the host's is not this suite's.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "usertest.h"

#define NSEC_PER_SEC 1000000000LL
/* 2020-01-01 and 2100-01-01, UTC */
#define DATE_2020    1577836800LL
#define DATE_2100    4102444800LL

struct kts {
	long long tv_sec, tv_nsec;
};

static long gettime(int clock, struct kts *ts)
{
	return raw_sys(SYS_clock_gettime, clock, ts, 0);
}

static long long ns_of(const struct kts *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static long long now_ns(int clock)
{
	struct kts ts;

	return gettime(clock, &ts) ? -1 : ns_of(&ts);
}

static const struct {
	int id;
	const char *name;
} clocks[] = {
	{ CLOCK_REALTIME, "REALTIME" },
	{ CLOCK_MONOTONIC, "MONOTONIC" },
	{ CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID" },
	{ CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID" },
	{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" },
	{ CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
	{ CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" },
	{ CLOCK_BOOTTIME, "BOOTTIME" },
};

/* Each clock, read 2000 times, never goes back and keeps tv_nsec in range. */
void clocks_are_monotonic(struct utest *t)
{
	size_t c;
	int i;

	for (c = 0; c < sizeof(clocks) / sizeof(clocks[0]); c++) {
		long long prev = -1, back = 0, bad_nsec = 0, err = 0;

		for (i = 0; i < 2000; i++) {
			struct kts ts;

			if (gettime(clocks[c].id, &ts)) {
				err++;
				continue;
			}
			bad_nsec += ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC;
			back += ns_of(&ts) < prev;
			prev = ns_of(&ts);
		}
		UT_EXPECT(t, !err && !back && !bad_nsec,
			  "CLOCK_%s: %lld errors, %lld steps back, %lld bad tv_nsec",
			  clocks[c].name, err, back, bad_nsec);
	}
}

/* The wall clock started from the RTC: a date after 2020, before 2100. */
void realtime_is_the_date(struct utest *t)
{
	long long real = now_ns(CLOCK_REALTIME), coarse = now_ns(CLOCK_REALTIME_COARSE);
	long long mono = now_ns(CLOCK_MONOTONIC);

	/*
	 * A kernel without the CMOS clock's driver starts the wall clock at
	 * 1970, as Linux without an RTC: then the date is the uptime.  A
	 * driver that read a wrong date still fails below.
	 */
	if (on_kestrel() && real - mono < 86400 * NSEC_PER_SEC) {
		ut_skip(t, "only with a real-time clock: the wall clock started at 1970 "
			   "(CONFIG_RTC_DRV_CMOS is off)");
		return;
	}
	UT_EXPECT(t, real / NSEC_PER_SEC >= DATE_2020 && real / NSEC_PER_SEC < DATE_2100,
		  "CLOCK_REALTIME is %lld s since 1970", real / NSEC_PER_SEC);
	UT_EXPECT(t, coarse / NSEC_PER_SEC >= DATE_2020 && coarse <= now_ns(CLOCK_REALTIME),
		  "CLOCK_REALTIME_COARSE is %lld ns, REALTIME %lld", coarse, real);
	/* The boot is after 1970: monotonic time is less than the date. */
	UT_EXPECT(t, mono >= 0 && mono < real, "CLOCK_MONOTONIC %lld, REALTIME %lld", mono, real);
}

/* gettimeofday() and time() read the clock that clock_gettime(CLOCK_REALTIME) reads. */
void gettimeofday_agrees_with_clock_gettime(struct utest *t)
{
	struct {
		long sec, usec;
	} tv;
	struct {
		int minuteswest, dsttime;
	} tz = { 12345, 12345 };
	long long before, coarse, after, tod;
	long ret, secs;

	coarse = now_ns(CLOCK_REALTIME_COARSE);
	before = now_ns(CLOCK_REALTIME);
	ret = raw_sys(SYS_gettimeofday, &tv, &tz, 0);
	secs = raw_sys(SYS_time, 0, 0, 0);
	after = now_ns(CLOCK_REALTIME);
	UT_EXPECT(t, ret == 0, "gettimeofday() returned %ld", ret);
	tod = tv.sec * NSEC_PER_SEC + tv.usec * 1000LL;
	UT_EXPECT(t, tv.usec >= 0 && tv.usec < 1000000, "tv_usec %ld", tv.usec);
	UT_EXPECT(t, before / 1000 <= tod / 1000 && tod <= after,
		  "clock_gettime %lld, then gettimeofday %lld, then clock_gettime %lld", before,
		  tod, after);
	/*
	 * Linux's time() is the clock's seconds as of the last tick, those of
	 * CLOCK_REALTIME_COARSE: just past a second it may still say the one
	 * before, which "before" already left.
	 */
	UT_EXPECT(t, coarse / NSEC_PER_SEC <= secs && secs <= after / NSEC_PER_SEC,
		  "time() %ld between %lld and %lld", secs, coarse / NSEC_PER_SEC,
		  after / NSEC_PER_SEC);
	UT_EXPECT(t, tz.minuteswest != 12345 && tz.dsttime != 12345, "the time zone not written");
	/* NULL for either is allowed; a bad pointer is not. */
	ret = raw_sys(SYS_gettimeofday, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "gettimeofday(NULL, NULL) returned %ld", ret);
	ret = raw_sys(SYS_gettimeofday, 1, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "gettimeofday(1, NULL) returned %ld", ret);
	ret = raw_sys(SYS_gettimeofday, 0, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "gettimeofday(NULL, 1) returned %ld", ret);
	ret = raw_sys(SYS_time, 1, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "time(1) returned %ld", ret);
}

void clock_getres_and_bad_clocks(struct utest *t)
{
	/* No clock: ids past the table, 10 (none on x86_64), a CPU clock of kind 3. */
	static const int bad[] = { 12, 16, 100, 0x7fffffff, 10, (int)(~0U << 3) | 3 };
	size_t i;
	long ret;

	for (i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		struct kts res = { -1, -1 };

		ret = raw_sys(SYS_clock_getres, clocks[i].id, &res, 0);
		UT_EXPECT(t,
			  ret == 0 && res.tv_sec == 0 && res.tv_nsec > 0 &&
				  res.tv_nsec <= NSEC_PER_SEC / 20,
			  "clock_getres(CLOCK_%s) returned %ld, %lld.%09lld", clocks[i].name, ret,
			  res.tv_sec, res.tv_nsec);
		ret = raw_sys(SYS_clock_getres, clocks[i].id, 0, 0);
		UT_EXPECT(t, ret == 0, "clock_getres(CLOCK_%s, NULL) returned %ld", clocks[i].name,
			  ret);
		ret = raw_sys(SYS_clock_getres, clocks[i].id, 1, 0);
		UT_EXPECT(t, ret == -EFAULT, "clock_getres(CLOCK_%s, 1) returned %ld",
			  clocks[i].name, ret);
		ret = gettime(clocks[i].id, (struct kts *)0xffffffff80000000UL);
		UT_EXPECT(t, ret == -EFAULT, "clock_gettime(CLOCK_%s, kernel) returned %ld",
			  clocks[i].name, ret);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct kts ts;

		ret = gettime(bad[i], &ts);
		UT_EXPECT(t, ret == -EINVAL, "clock_gettime(%d) returned %ld", bad[i], ret);
		ret = raw_sys(SYS_clock_getres, bad[i], &ts, 0);
		UT_EXPECT(t, ret == -EINVAL, "clock_getres(%d) returned %ld", bad[i], ret);
	}
	/* The caller's own CPU clocks, by pid as clock_getcpuclockid() makes them. */
	{
		int pid = getpid(), process = (int)((~(unsigned)pid) << 3) | 2;
		struct kts ts;

		ret = gettime(process, &ts);
		UT_EXPECT(t, ret == 0 && ns_of(&ts) > 0, "the process's own CPU clock: %ld", ret);
		ret = gettime((int)((~(unsigned)0x7ffffff0) << 3) | 2, &ts);
		UT_EXPECT(t, ret == -EINVAL, "the CPU clock of no process: %ld", ret);
	}
}

/* Hostile times: -EINVAL or -EFAULT, and no clock set, no sleep. */
void time_calls_refuse_bad_arguments(struct utest *t)
{
	static const struct kts bad[] = { { 0, -1 }, { 0, NSEC_PER_SEC }, { -1, 0 } };
	struct kts mono = { 0, 0 };
	long long real0 = now_ns(CLOCK_REALTIME), real1;
	size_t i;
	long ret;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ret = raw_sys(SYS_nanosleep, &bad[i], 0, 0);
		UT_EXPECT(t, ret == -EINVAL, "nanosleep({%lld, %lld}) returned %ld", bad[i].tv_sec,
			  bad[i].tv_nsec, ret);
		ret = raw_sys(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad[i]);
		UT_EXPECT(t, ret == -EINVAL, "clock_nanosleep({%lld, %lld}) returned %ld",
			  bad[i].tv_sec, bad[i].tv_nsec, ret);
		ret = raw_sys(SYS_clock_settime, CLOCK_REALTIME, &bad[i], 0);
		UT_EXPECT(t, ret == -EINVAL, "clock_settime({%lld, %lld}) returned %ld",
			  bad[i].tv_sec, bad[i].tv_nsec, ret);
	}
	ret = raw_sys(SYS_nanosleep, 0, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "nanosleep(NULL) returned %ld", ret);
	ret = raw_sys(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, 1);
	UT_EXPECT(t, ret == -EFAULT, "clock_nanosleep(1) returned %ld", ret);
	ret = raw_sys(SYS_clock_nanosleep, 12, 0, &mono);
	UT_EXPECT(t, ret == -EINVAL, "clock_nanosleep on clock 12 returned %ld", ret);
	ret = raw_sys(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &mono);
	UT_EXPECT(t, ret == -EOPNOTSUPP, "clock_nanosleep on the thread's clock returned %ld", ret);
	ret = raw_sys(SYS_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, &mono);
	UT_EXPECT(t, ret == -EOPNOTSUPP, "clock_nanosleep on MONOTONIC_RAW returned %ld", ret);
	ret = raw_sys(SYS_clock_nanosleep, CLOCK_MONOTONIC_COARSE, 0, &mono);
	UT_EXPECT(t, ret == -EOPNOTSUPP, "clock_nanosleep on MONOTONIC_COARSE returned %ld", ret);
	/* Only the date can be set. */
	ret = raw_sys(SYS_clock_settime, CLOCK_MONOTONIC, &mono, 0);
	UT_EXPECT(t, ret == -EINVAL, "clock_settime(MONOTONIC) returned %ld", ret);
	ret = raw_sys(SYS_clock_settime, 12, &mono, 0);
	UT_EXPECT(t, ret == -EINVAL, "clock_settime(12) returned %ld", ret);
	ret = raw_sys(SYS_clock_settime, CLOCK_REALTIME, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "clock_settime(REALTIME, 1) returned %ld", ret);
	{
		struct {
			long sec, usec;
		} tv = { DATE_2020, 1000000 };

		ret = raw_sys(SYS_settimeofday, &tv, 0, 0);
		UT_EXPECT(t, ret == -EINVAL, "settimeofday(usec 1000000) returned %ld", ret);
		ret = raw_sys(SYS_settimeofday, 1, 0, 0);
		UT_EXPECT(t, ret == -EFAULT, "settimeofday(1) returned %ld", ret);
	}
	/* None of it set the date. */
	real1 = now_ns(CLOCK_REALTIME);
	UT_EXPECT(t, real1 >= real0 && real1 - real0 < 60 * NSEC_PER_SEC,
		  "the date moved from %lld to %lld", real0, real1);
}

/* Slept for @ns asked, on @clock (relative), measured on CLOCK_MONOTONIC. */
static long long slept(int clock, long long ns, long *ret)
{
	struct kts req = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
	long long start = now_ns(CLOCK_MONOTONIC);

	*ret = clock < 0 ? raw_sys(SYS_nanosleep, &req, 0, 0)
			 : raw_sys(SYS_clock_nanosleep, clock, 0, &req);
	return now_ns(CLOCK_MONOTONIC) - start;
}

void nanosleep_sleeps_at_least_the_time_asked(struct utest *t)
{
	static const long long asks[] = { 0, 1, 1000000, 20000000, 150000000 };
	static const int how[] = { -1, CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_BOOTTIME };
	size_t i, h;

	for (h = 0; h < sizeof(how) / sizeof(how[0]); h++) {
		for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
			long ret;
			long long took = slept(how[h], asks[i], &ret);

			UT_EXPECT(t, ret == 0 && took >= asks[i],
				  "%s%d: asked %lld ns, returned %ld after %lld ns",
				  how[h] < 0 ? "nanosleep" : "clock_nanosleep on clock ", how[h],
				  asks[i], ret, took);
		}
	}
}

void clock_nanosleep_abstime(struct utest *t)
{
	long long start = now_ns(CLOCK_MONOTONIC), end;
	struct kts until = { (start + 100000000) / NSEC_PER_SEC,
			     (start + 100000000) % NSEC_PER_SEC };
	struct kts past = { 0, 1 }, rem = { 77, 77 };
	long ret;

	/* A deadline 100 ms ahead: not before it, whatever rmtp. */
	ret = raw_syscall6(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, (long)&until,
			   (long)&rem, 0, 0);
	end = now_ns(CLOCK_MONOTONIC);
	UT_EXPECT(t, ret == 0 && end >= ns_of(&until), "returned %ld at %lld ns, the deadline %lld",
		  ret, end, ns_of(&until));
	UT_EXPECT(t, rem.tv_sec == 77 && rem.tv_nsec == 77, "rmtp written");
	/* A deadline long past: at once, not as a relative sleep of that much. */
	start = now_ns(CLOCK_MONOTONIC);
	ret = raw_syscall6(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, (long)&past, 0, 0,
			   0);
	end = now_ns(CLOCK_MONOTONIC);
	UT_EXPECT(t, ret == 0 && end - start < NSEC_PER_SEC / 2,
		  "a deadline in the past returned %ld after %lld ns", ret, end - start);
	/* The date a second ago, on CLOCK_REALTIME: at once too. */
	past.tv_sec = now_ns(CLOCK_REALTIME) / NSEC_PER_SEC - 1;
	start = now_ns(CLOCK_MONOTONIC);
	ret = raw_syscall6(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, (long)&past, 0, 0,
			   0);
	end = now_ns(CLOCK_MONOTONIC);
	UT_EXPECT(t, ret == 0 && end - start < NSEC_PER_SEC / 2,
		  "a past date returned %ld after %lld ns", ret, end - start);
	/* A realtime deadline 50 ms ahead. */
	start = now_ns(CLOCK_REALTIME) + 50000000;
	until.tv_sec = start / NSEC_PER_SEC;
	until.tv_nsec = start % NSEC_PER_SEC;
	ret = raw_syscall6(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, (long)&until, 0, 0,
			   0);
	end = now_ns(CLOCK_REALTIME);
	UT_EXPECT(t, ret == 0 && end >= start, "returned %ld at %lld, the date asked %lld", ret,
		  end, start);
}

/*
 * Setting the date (Kestrel only: not the build machine's clock) moves
 * CLOCK_REALTIME and gettimeofday(), not CLOCK_MONOTONIC; a date before
 * the boot is refused.
 */
void settimeofday_moves_only_the_date(struct utest *t)
{
	struct {
		long sec, usec;
	} tv, back;
	long long mono0, mono1, real0, real1;
	long ret;

	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: sets the date");
		return;
	}
	mono0 = now_ns(CLOCK_MONOTONIC);
	real0 = now_ns(CLOCK_REALTIME);
	tv.sec = real0 / NSEC_PER_SEC + 86400 * 365;
	tv.usec = 0;
	ret = raw_sys(SYS_settimeofday, &tv, 0, 0);
	UT_EXPECT(t, ret == 0, "settimeofday(a year ahead) returned %ld", ret);
	raw_sys(SYS_gettimeofday, &back, 0, 0);
	mono1 = now_ns(CLOCK_MONOTONIC);
	real1 = now_ns(CLOCK_REALTIME);
	UT_EXPECT(t, back.sec >= tv.sec && back.sec < tv.sec + 10,
		  "gettimeofday() gives %ld, set %ld", back.sec, tv.sec);
	UT_EXPECT(t, real1 / NSEC_PER_SEC >= tv.sec, "CLOCK_REALTIME %lld", real1);
	UT_EXPECT(t, mono1 >= mono0 && mono1 - mono0 < 10 * NSEC_PER_SEC,
		  "CLOCK_MONOTONIC jumped from %lld to %lld", mono0, mono1);
	/* Before the boot: refused, the date unchanged. */
	tv.sec = 0;
	ret = raw_sys(SYS_settimeofday, &tv, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "settimeofday(1970) returned %ld", ret);
	UT_EXPECT(t, now_ns(CLOCK_REALTIME) >= real1, "the date moved back");
	/* And back, through clock_settime(). */
	{
		long long ns = real0 + (now_ns(CLOCK_MONOTONIC) - mono0);
		struct kts ts = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };

		ret = raw_sys(SYS_clock_settime, CLOCK_REALTIME, &ts, 0);
		UT_EXPECT(t, ret == 0, "clock_settime() back returned %ld", ret);
		UT_EXPECT(t, now_ns(CLOCK_REALTIME) / NSEC_PER_SEC < real0 / NSEC_PER_SEC + 10,
			  "the date is not back");
	}
}
