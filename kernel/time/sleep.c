// SPDX-License-Identifier: GPL-2.0
/*
 * msleep(): sleep until enough clocksource time has passed.
 *
 * A task sleeps on a timer (schedule_timeout()) and other tasks run
 * meanwhile; only when nothing can run does the idle task halt the CPU.
 * The deadline is clocksource time, not a count of ticks: the task sleeps
 * the ticks that cover what is left and looks at the clocksource again
 * when it wakes, so neither lost ticks nor an early wake-up can shorten
 * the sleep, and no tick wakes it in between.  The deadline adds the
 * clocksource's resolution, because a reading may lag the true time by
 * that much (a whole tick, with the tick clocksource).
 *
 * The idle task (the boot flow, before init exists) must never sleep, and
 * has nothing else to run anyway: it halts until the deadline instead.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static void halt_until(u64 end)
{
	for (;;) {
		local_irq_disable();
		if (ktime_get() >= end)
			break;
		safe_halt(); /* enables interrupts as it halts */
	}
	local_irq_enable();
}

void msleep(unsigned int ms)
{
	u64 end = ktime_get() + ms * NSEC_PER_MSEC + current_clocksource()->resolution_ns;
	u64 now;

	if (irqs_disabled())
		panic("msleep(%u) with interrupts disabled would never wake up", ms);
	if (current->pid == 0) {
		halt_until(end);
		return;
	}
	might_sleep();
	while ((now = ktime_get()) < end)
		schedule_timeout((end - now + TICK_NSEC - 1) / TICK_NSEC);
}
