// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as a clocksource.
 *
 * rdtsc is the cheapest clock there is, but its rate is nowhere to be
 * read, so it is measured: the TSC counts across a 50 ms one-shot of PIT
 * channel 2, whose input is a fixed 1.193182 MHz.  Three rounds with
 * interrupts off; the shortest wins, since anything that gets in the way
 * (an SMI, the host descheduling a virtual CPU) only makes a round
 * longer.
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

#define CALIBRATE_COUNT	  59659 /* PIT clocks: 50 ms */
#define CALIBRATE_ROUNDS  3
#define CPUID_APM	  0x80000007
#define APM_INVARIANT_TSC (1U << 8)

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

/* TSC counts in one channel 2 one-shot of @count PIT clocks. */
static u64 tsc_across_oneshot(u16 count)
{
	u64 start;

	pit_oneshot_start(count);
	start = rdtsc();
	while (!pit_oneshot_done())
		;
	return rdtsc() - start;
}

u64 tsc_calibrate(void)
{
	unsigned long flags = local_irq_save();
	u64 best = ~0ULL;
	int i;

	for (i = 0; i < CALIBRATE_ROUNDS; i++)
		best = min(best, tsc_across_oneshot(CALIBRATE_COUNT));
	local_irq_restore(flags);
	return best * PIT_TICK_RATE / CALIBRATE_COUNT;
}

struct clocksource *tsc_clocksource_init(void)
{
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
	if (clocksource_set_rate(&tsc_clocksource, tsc_calibrate()))
		return NULL;
	return &tsc_clocksource;
}
