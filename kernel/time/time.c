// SPDX-License-Identifier: GPL-2.0
/*
 * The date in the old interfaces: time(), gettimeofday() and
 * settimeofday(), on the wall clock of kernel/time/timekeeping.c.
 *
 * The time zone these take and give is Linux's sys_tz: a number the
 * kernel keeps for whoever asks (nothing here converts with it), as
 * Linux keeps it.  Written by settimeofday() as one word; readers may see
 * the old one or the new, which is all it promises.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

static struct timezone sys_tz;

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long secs = ktime_get_real() / (s64)NSEC_PER_SEC;

	if (tloc && put_user(secs, tloc))
		return -EFAULT;
	return secs;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv, struct timezone __user *,
		tz)
{
	if (tv) {
		s64 ns = ktime_get_real();
		struct __kernel_old_timeval t = { ns / (s64)NSEC_PER_SEC,
						  ns % (s64)NSEC_PER_SEC / 1000 };

		if (copy_to_user(tv, &t, sizeof(t)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

/*
 * Linux's order: both copied in (-EFAULT), then checked (-EINVAL: a
 * negative time, microseconds outside 0 to 999999, a zone more than 15
 * hours from Greenwich), then the zone and the date set.
 */
SYSCALL_DEFINE2(settimeofday, const struct __kernel_old_timeval __user *, tv,
		const struct timezone __user *, tz)
{
	struct __kernel_old_timeval t;
	struct timezone z;

	if (tv && copy_from_user(&t, tv, sizeof(t)))
		return -EFAULT;
	if (tz && copy_from_user(&z, tz, sizeof(z)))
		return -EFAULT;
	if (tv && (t.tv_sec < 0 || t.tv_usec < 0 || t.tv_usec >= 1000000))
		return -EINVAL;
	if (tz && (z.tz_minuteswest > 15 * 60 || z.tz_minuteswest < -15 * 60))
		return -EINVAL;
	if (tz)
		sys_tz = z;
	return tv ? timekeeping_set_wall(t.tv_sec, t.tv_usec * 1000) : 0;
}
