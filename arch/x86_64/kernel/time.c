// SPDX-License-Identifier: GPL-2.0
/*
 * time_init() for x86_64: pick the clocksource the configuration asks for,
 * falling back as far as needed (TSC, then HPET, then the tick), start
 * timekeeping on it, then start the tick (the PIT, or the local APIC
 * timer, which is measured against that clocksource and falls back to
 * the PIT).  Each step that does
 * not work out says why in the boot log.
 */
#include <asm/apic.h>
#include <asm/hpet.h>
#include <asm/i8253.h>
#include <asm/tsc.h>
#include <kernel/clocksource.h>
#include <kernel/printk.h>
#include <kernel/time.h>

static struct clocksource *choose_clocksource(void)
{
	struct clocksource *cs = NULL;

	if (IS_ENABLED(CONFIG_CLOCKSOURCE_TICK))
		return &tick_clocksource;
	if (IS_ENABLED(CONFIG_CLOCKSOURCE_TSC))
		cs = tsc_clocksource_init();
	if (!cs && IS_ENABLED(CONFIG_HPET))
		cs = hpet_clocksource_init();
	if (!cs) {
		pr_warn("clocksource: no counter to keep time with; the tick will do, and "
			"every lost tick is lost time\n");
		cs = &tick_clocksource;
	}
	return cs;
}

void time_init(void)
{
	timekeeping_init(choose_clocksource());
	if (IS_ENABLED(CONFIG_TICK_PIT) || !lapic_timer_init())
		pit_init();
}
