// SPDX-License-Identifier: GPL-2.0
/*
 * The PC's CMOS real-time clock (a Motorola MC146818 or its copies), read
 * once at boot to start the wall clock, as Linux's rtc-cmos and hctosys
 * do: CLOCK_REALTIME is then the clocksource's time since, plus what the
 * clock said (kernel/time/timekeeping.c).  The kernel never writes the
 * clock back, as Linux does not without NTP: "date -s" changes the
 * kernel's wall clock, and the next boot reads the hardware again.
 *
 * The clock updates its registers once a second, and a read in the middle
 * of an update can see 09:59:59 become 10:00:00 half-way (10:59:00).  The
 * chip sets UIP in register A 244 us before it starts; so, as Linux's
 * mc146818_avoid_UIP(): wait while UIP is set, read every register, and
 * start again if UIP came on meanwhile or the seconds moved.
 *
 * Register B says how the values are coded: BCD or binary, 12 or 24
 * hours.  Firmware picks; QEMU's and most BIOSes' choice is BCD, 24 hours.
 */
#define pr_fmt(fmt) "rtc_cmos: " fmt

#include <asm/io.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/rtc.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

#define RTC_PORT_INDEX 0x70
#define RTC_PORT_DATA  0x71

#define RTC_SECONDS	 0x00
#define RTC_MINUTES	 0x02
#define RTC_HOURS	 0x04
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH	 0x08
#define RTC_YEAR	 0x09
#define RTC_REG_A	 0x0a
#define RTC_REG_B	 0x0b
#define RTC_UIP		 0x80 /* in register A: an update starts within 244 us */
#define RTC_PM		 0x80 /* in the hour, in 12-hour mode */

#define READ_TRIES 10 /* an update lasts under 2 ms: a few tries, a millisecond apart */

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* A BCD digit above 9 is no date: a clock never set, or garbage. */
static bool valid_bcd(u8 v)
{
	return (v & 0x0f) <= 9 && (v >> 4) <= 9;
}

int mc146818_decode(const struct mc146818_regs *r, struct rtc_time *tm)
{
	bool binary = r->reg_b & RTC_DM_BINARY, h24 = r->reg_b & RTC_24H;
	u8 hour = h24 ? r->hour : r->hour & ~RTC_PM;
	const u8 v[] = { r->sec, r->min, hour, r->mday, r->mon, r->year };
	unsigned int i;

	if (!binary)
		for (i = 0; i < sizeof(v); i++)
			if (!valid_bcd(v[i]))
				return -EINVAL;
	tm->tm_sec = binary ? r->sec : bcd2bin(r->sec);
	tm->tm_min = binary ? r->min : bcd2bin(r->min);
	tm->tm_hour = binary ? hour : bcd2bin(hour);
	tm->tm_mday = binary ? r->mday : bcd2bin(r->mday);
	tm->tm_mon = (binary ? r->mon : bcd2bin(r->mon)) - 1;
	tm->tm_year = binary ? r->year : bcd2bin(r->year);
	if (!h24) {
		/* 12 AM is midnight, 12 PM noon: hours 1 to 12 on the dial */
		if (tm->tm_hour < 1 || tm->tm_hour > 12)
			return -EINVAL;
		tm->tm_hour = tm->tm_hour % 12 + (r->hour & RTC_PM ? 12 : 0);
	}
	if (tm->tm_year < 70) /* no century register read: 1970 to 2069 */
		tm->tm_year += 100;
	tm->tm_wday = tm->tm_yday = 0;
	return rtc_valid_tm(tm);
}

/*
 * Bit 7 of the index masks NMIs on PC chipsets, and stays as last
 * written: it is left clear, as Linux's CMOS_READ() leaves it.  rtc_lock,
 * as Linux's, keeps the index and the data of one read together against
 * another CPU's read (and, with interrupts off, a handler's); nothing is
 * taken under it.  The stack protector's early read of the clock
 * (arch/x86_64/kernel/stackprotector.c) comes before any other CPU runs.
 */
static DEFINE_SPINLOCK(rtc_lock);

static u8 cmos_read(u8 reg)
{
	unsigned long flags;
	u8 v;

	spin_lock_irqsave(&rtc_lock, flags);
	outb(RTC_PORT_INDEX, reg);
	v = inb(RTC_PORT_DATA);
	spin_unlock_irqrestore(&rtc_lock, flags);
	return v;
}

static int cmos_read_regs(struct mc146818_regs *r)
{
	int i;

	for (i = 0; i < READ_TRIES; i++) {
		if (i)
			msleep(1);
		if (cmos_read(RTC_REG_A) & RTC_UIP)
			continue;
		r->sec = cmos_read(RTC_SECONDS);
		r->min = cmos_read(RTC_MINUTES);
		r->hour = cmos_read(RTC_HOURS);
		r->mday = cmos_read(RTC_DAY_OF_MONTH);
		r->mon = cmos_read(RTC_MONTH);
		r->year = cmos_read(RTC_YEAR);
		r->reg_b = cmos_read(RTC_REG_B);
		if (cmos_read(RTC_REG_A) & RTC_UIP)
			continue; /* the update may have begun before the last read */
		if (cmos_read(RTC_SECONDS) == r->sec)
			return 0;
	}
	return -EIO;
}

int rtc_cmos_read_time(struct rtc_time *tm)
{
	struct mc146818_regs r;
	int err = cmos_read_regs(&r);

	return err ? err : mc146818_decode(&r, tm);
}

/* Start the wall clock from the CMOS clock, as Linux's hctosys. */
static int rtc_cmos_init(void)
{
	struct rtc_time tm;
	s64 secs;
	int err = rtc_cmos_read_time(&tm);

	if (err) {
		pr_warn("no valid date in the CMOS clock (error %d): the wall clock starts at "
			"1970-01-01\n",
			err);
		return err;
	}
	secs = rtc_tm_to_time64(&tm);
	timekeeping_set_wall(secs, 0);
	pr_info("setting system clock to %04d-%02d-%02dT%02d:%02d:%02d UTC (%lld)\n",
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		(long long)secs);
	return 0;
}
device_initcall(rtc_cmos_init);
