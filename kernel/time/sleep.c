// SPDX-License-Identifier: GPL-2.0
/*
 * msleep(): halt until enough clocksource time has passed.
 *
 * There is one thread of execution, so there is nothing else to run
 * meanwhile: the CPU halts until the next interrupt (the next tick at the
 * latest) and looks at the time again.  The deadline is clocksource time,
 * not a count of ticks, so lost ticks cannot stretch a sleep; it adds the
 * clocksource's resolution, because a reading may lag the true time by
 * that much (a whole tick, with the tick clocksource).
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/panic.h>
#include <kernel/time.h>

void msleep(unsigned int ms)
{
	u64 end = ktime_get() + ms * NSEC_PER_MSEC + current_clocksource()->resolution_ns;

	if (irqs_disabled())
		panic("msleep(%u) with interrupts disabled would never wake up", ms);
	for (;;) {
		local_irq_disable();
		if (ktime_get() >= end)
			break;
		safe_halt();	/* enables interrupts as it halts */
	}
	local_irq_enable();
}
