// SPDX-License-Identifier: GPL-2.0
/*
 * The timekeeping benchmark ("bench=time" on the command line, with
 * CONFIG_TIME_BENCH): what one ktime_get() costs on each clocksource the
 * kernel can run on, and how far the TSC's boot-time calibration against
 * the PIT is from the rate the HPET measures for it.
 *
 * Costs are in TSC counts, which under QEMU -icount shift=0 are executed
 * instructions, exactly and repeatably; the loop's own cost is measured
 * empty and taken off.  Timekeeping switches to each clocksource in turn
 * for its measurement, and back at the end.  scripts/bench-time boots it.
 */
#include <asm/cpu.h>
#include <asm/hpet.h>
#include <asm/irqflags.h>
#include <asm/tsc.h>
#include <kernel/boot_mode.h>
#include <kernel/clocksource.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define CALLS	     10000
#define HPET_SPAN_NS (200 * NSEC_PER_MSEC)

static volatile u64 sink;

/* TSC counts per call of @fn, less the loop's. */
static u64 per_call(u64 (*fn)(void))
{
	unsigned long flags = local_irq_save();
	u64 start, loop, calls;
	int i;

	start = rdtsc();
	for (i = 0; i < CALLS; i++)
		sink = i;
	loop = rdtsc() - start;
	start = rdtsc();
	for (i = 0; i < CALLS; i++)
		sink = fn();
	calls = rdtsc() - start;
	local_irq_restore(flags);
	return (calls - min(loop, calls)) * 100 / CALLS; /* hundredths */
}

static void cost_on(struct clocksource *cs)
{
	u64 h;

	if (!cs)
		return;
	timekeeping_init(cs);
	h = per_call(ktime_get);
	pr_info("time_bench: ktime_get() on %s: %llu.%02llu counts per call\n", cs->name,
		(unsigned long long)h / 100, (unsigned long long)h % 100);
}

/* The TSC's rate over HPET_SPAN_NS of HPET time, against its PIT calibration. */
static void calibration_error(struct clocksource *hpet)
{
	u64 pit_hz = tsc_calibrate(), tsc0, hpet0, ns, hpet_hz;
	long long ppm;

	if (!hpet || !pit_hz) /* no calibration: the log says why */
		return;
	tsc0 = rdtsc();
	hpet0 = hpet->read();
	do
		ns = clocksource_cyc2ns(hpet, clocksource_delta(hpet, hpet0, hpet->read()));
	while (ns < HPET_SPAN_NS);
	hpet_hz = (rdtsc() - tsc0) * NSEC_PER_SEC / ns;
	ppm = ((long long)pit_hz - (long long)hpet_hz) * 1000000 / (long long)hpet_hz;
	pr_info("time_bench: tsc calibrated at %llu Hz against the PIT, %llu Hz against the "
		"HPET: %lld ppm\n",
		(unsigned long long)pit_hz, (unsigned long long)hpet_hz, ppm);
}

static void time_bench(void)
{
	struct clocksource *was = (struct clocksource *)current_clocksource();
	struct clocksource *hpet = IS_ENABLED(CONFIG_HPET) ? hpet_clocksource_init() : NULL;

	cost_on(&tick_clocksource);
	cost_on(hpet);
	cost_on(tsc_clocksource_init());
	calibration_error(hpet);
	timekeeping_init(was);
	pr_info("time_bench: done\n");
}
BOOT_MODE("bench", time, "the cost of ktime_get() on each clocksource, and TSC calibration",
	  time_bench, .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("time_bench: ktime_get() on tick: ", "time_bench: done"));
