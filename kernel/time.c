// SPDX-License-Identifier: GPL-2.0
/*
 * jiffies and msleep().
 *
 * Sleeping is halting: the CPU stops until the next interrupt, at the
 * latest the next tick, and checks the time again.  There is one thread
 * of execution, so there is nothing else to run meanwhile.
 */
#include <asm/i8253.h>
#include <asm/irqflags.h>
#include <kernel/panic.h>
#include <kernel/time.h>

volatile unsigned long jiffies;

void timer_tick(void)
{
	jiffies++;
}

void msleep(unsigned int ms)
{
	/* +1: the current tick is already partly over. */
	unsigned long end = jiffies + msecs_to_jiffies(ms) + 1;

	if (irqs_disabled())
		panic("msleep(%u) with interrupts disabled would never wake up", ms);
	while (time_before(jiffies, end)) {
		local_irq_disable();
		if (time_before(jiffies, end))
			safe_halt();	/* enables interrupts as it halts */
		else
			local_irq_enable();
	}
}

void time_init(void)
{
	pit_init();
}
