// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as a clocksource.
 *
 * rdtsc is the cheapest clock there is, but its rate is nowhere to be
 * read, so it is measured: the TSC counts across a 50 ms one-shot of PIT
 * channel 2, whose input is a fixed 1.193182 MHz, with interrupts off.
 * The count runs from the read right after the one-shot started to the
 * read right after the poll that saw it expire; the TSC is also read on
 * the other side of both moments, so anything that got in the way there
 * (an SMI, the host descheduling a virtual CPU) shows as a wide window
 * instead of passing for a short or long count, and in the middle it
 * changes nothing.  The round with the narrowest window of three gives
 * the rate; on a busy host, rounds wider than 500 ppm are taken again, up
 * to ten.  (The middle of the window would be no better a count: the
 * gate's rise is the last of the start's port writes, not their middle.)
 *
 * A calibration that cannot finish says so and gives no rate, and the
 * kernel falls back to another clocksource: a channel 2 that never
 * expires is given up once the TSC has counted what the fastest TSC
 * (CLOCKSOURCE_MAX_HZ) counts in 50 ms, a TSC that does not move once a
 * thousand reads of the PIT have not moved it, and a channel 2 that
 * expires at once is not believed, as in Linux's pit_calibrate_tsc(): 50
 * ms take at least 5000 reads of it.
 *
 * Only an invariant TSC (CPUID 0x80000007 EDX bit 8: one rate in every
 * power state) keeps time; older CPUs slow it down with the core clock.
 * "tsc=reliable" on the command line vouches for it anyway, as in Linux.
 */
#include <asm/cpu.h>
#include <asm/i8253.h>
#include <asm/irqflags.h>
#include <asm/tsc.h>
#include <kernel/clocksource.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define CALIBRATE_MS	      50
#define CALIBRATE_COUNT	      59659 /* PIT clocks: 50 ms */
#define CALIBRATE_ROUNDS      3	    /* undisturbed ones */
#define CALIBRATE_MAX_ROUNDS  10    /* at most, on a busy host */
#define CALIBRATE_NARROW      2000  /* bounds within 1/2000 (500 ppm), as quick_pit_calibrate() */
#define CALIBRATE_MIN_READS   5000  /* Linux's CAL2_PIT_LOOPS: a PIT read takes < 10 us */
#define CALIBRATE_MAX_COUNTS  (CLOCKSOURCE_MAX_HZ / 1000 * CALIBRATE_MS)
#define CALIBRATE_STILL_READS 1000 /* reads of the PIT that must move any TSC */
#define CPUID_APM	      0x80000007
#define APM_INVARIANT_TSC     (1U << 8)

static bool tsc_reliable;

static int set_tsc(const char *val)
{
	if (!val || strcmp(val, "reliable"))
		return -EINVAL;
	tsc_reliable = true;
	return 0;
}
kernel_param("tsc", set_tsc);

static u64 read_tsc(void)
{
	return rdtsc();
}

static struct clocksource tsc_clocksource = {
	.name = "tsc",
	.read = read_tsc,
	.mask = ~0ULL,
};

bool tsc_is_invariant(void)
{
	return cpuid(0x80000000).eax >= CPUID_APM && (cpuid(CPUID_APM).edx & APM_INVARIANT_TSC);
}

const struct tsc_stopwatch pit_channel2 = {
	.start = pit_oneshot_start,
	.done = pit_oneshot_done,
};

/*
 * TSC counts in one 50 ms one-shot of @sw, from the read right after it
 * started to the read right after the poll that saw it expire, and in
 * *@window how far the reads on the other side of those two moments are:
 * what a host that stopped the CPU at either edge would have added.
 * False (and why, in the log) if it cannot tell.
 */
static bool tsc_across_oneshot(const struct tsc_stopwatch *sw, u64 *count, u64 *window)
{
	unsigned long reads = 0;
	u64 before, start, last, now;

	before = rdtsc();
	sw->start(CALIBRATE_COUNT);
	start = last = rdtsc();
	for (;;) {
		now = rdtsc();
		if (now - start > CALIBRATE_MAX_COUNTS) {
			pr_warn("clocksource: cannot calibrate the TSC: the PIT did not expire in "
				"%llu TSC counts (%u ms at %llu GHz)\n",
				(unsigned long long)CALIBRATE_MAX_COUNTS, CALIBRATE_MS,
				(unsigned long long)(CLOCKSOURCE_MAX_HZ / 1000000000));
			return false;
		}
		if (now == start && reads >= CALIBRATE_STILL_READS) {
			pr_warn("clocksource: cannot calibrate the TSC: it did not move in %u "
				"reads of the PIT\n",
				CALIBRATE_STILL_READS);
			return false;
		}
		reads++;
		if (sw->done())
			break;
		last = now;
	}
	if (reads < CALIBRATE_MIN_READS) {
		pr_warn("clocksource: cannot calibrate the TSC: the PIT's %u ms passed in %lu "
			"reads of it, fewer than %u: this CPU reads it too slowly (or it runs "
			"too fast) to time against\n",
			CALIBRATE_MS, reads, CALIBRATE_MIN_READS);
		return false;
	}
	now = rdtsc();
	*count = now - start;
	*window = (start - before) + (now - last);
	return true;
}

u64 tsc_calibrate_with(const struct tsc_stopwatch *sw)
{
	unsigned long flags = local_irq_save();
	u64 count, window, best = 0, best_window = ~0ULL;
	int i, narrow = 0;

	for (i = 0; i < CALIBRATE_MAX_ROUNDS && narrow < CALIBRATE_ROUNDS; i++) {
		if (!tsc_across_oneshot(sw, &count, &window)) {
			best = 0;
			break;
		}
		if (window < best_window) {
			best_window = window;
			best = count;
		}
		narrow += window * CALIBRATE_NARROW <= count;
	}
	local_irq_restore(flags);
	if (best && !narrow)
		pr_warn("clocksource: TSC calibration disturbed in %d rounds: its rate may be "
			"off by up to %llu ppm\n",
			i, (unsigned long long)(best_window * 1000000 / best));
	return best * PIT_TICK_RATE / CALIBRATE_COUNT;
}

u64 tsc_calibrate(void)
{
	return tsc_calibrate_with(&pit_channel2);
}

struct clocksource *tsc_clocksource_init(void)
{
	u64 hz;

	if (tsc_clocksource.freq_hz)
		return &tsc_clocksource;
	if (!tsc_is_invariant() && !tsc_reliable) {
		pr_info("clocksource: the TSC is not invariant (CPUID 0x80000007 EDX bit 8 is "
			"clear), not used; tsc=reliable vouches for it\n");
		return NULL;
	}
	tsc_clocksource.rate_source =
		tsc_reliable && !tsc_is_invariant()
			? "calibrated against the PIT; not invariant, tsc=reliable"
			: "calibrated against the PIT";
	hz = tsc_calibrate();
	if (!hz || clocksource_set_rate(&tsc_clocksource, hz))
		return NULL;
	return &tsc_clocksource;
}
