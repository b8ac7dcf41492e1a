// SPDX-License-Identifier: GPL-2.0
/*
 * The PIT as the kernel's tick: channel 0 in mode 2 (rate generator),
 * reloading PIT_LATCH so that IRQ 0 comes CONFIG_HZ times a second.  And
 * channel 2, gated through port 0x61, as a one-shot stopwatch for the
 * TSC's calibration and the timer tests.
 */
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <kernel/compiler.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define PIT_SEL_CH0   0x00
#define PIT_LOHI      0x30 /* access the count low byte, then high byte */
#define PIT_MODE2     0x04 /* rate generator */
#define PIT_LATCH_CMD 0x00 /* with channel select: latch the count */
#define PIT_SEL_CH2   0x80
#define PIT_MODE0     0x00 /* interrupt on terminal count: OUT rises at 0 */
#define GATE2	      0x01
#define SPEAKER	      0x02
#define OUT2	      0x20

/* The divisor is 16 bits (0 means 65536): CONFIG_HZ's range keeps it so. */
BUILD_BUG_ON(PIT_LATCH<2 || PIT_LATCH> 65535);

static void timer_interrupt(unsigned int irq)
{
	timer_tick();
}

u16 pit_read_counter(void)
{
	unsigned long flags = local_irq_save();
	u16 count;

	outb(PIT_MODE, PIT_SEL_CH0 | PIT_LATCH_CMD);
	count = inb(PIT_CH0);
	count |= inb(PIT_CH0) << 8;
	local_irq_restore(flags);
	return count;
}

void pit_oneshot_start(u16 count)
{
	u8 gate = inb(PIT_GATE_PORT) & ~(SPEAKER | GATE2);

	outb(PIT_GATE_PORT, gate);
	outb(PIT_MODE, PIT_SEL_CH2 | PIT_LOHI | PIT_MODE0);
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	outb(PIT_GATE_PORT, gate | GATE2); /* counting starts on the gate's rise */
}

bool pit_oneshot_done(void)
{
	return inb(PIT_GATE_PORT) & OUT2;
}

void pit_init(void)
{
	outb(PIT_MODE, PIT_SEL_CH0 | PIT_LOHI | PIT_MODE2);
	outb(PIT_CH0, PIT_LATCH & 0xff);
	outb(PIT_CH0, PIT_LATCH >> 8);
	if (request_irq(0, timer_interrupt, "timer"))
		panic("timer: IRQ 0 is taken");
	pr_info("timer: PIT at %u Hz (divisor %lu)\n", CONFIG_HZ, PIT_LATCH);
}
