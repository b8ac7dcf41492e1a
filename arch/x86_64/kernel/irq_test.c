// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the legacy IRQ layer, under whichever interrupt controller
 * init_IRQ() chose: the masks read back from the chip follow
 * request_irq() and free_irq(), the timer interrupt arrives, and, on the
 * 8259, IRQ 7/15 without an in-service bit are recognized as spurious.
 * A software "int" on an IRQ vector is exactly such a spurious IRQ: the
 * PIC never raised it.
 */
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define FREE_IRQ_LINE 5 /* LPT2/sound: nothing here drives it */
#define NO_LINE_IRQ   2 /* the 8259's cascade; on the I/O APIC, its GSI is the timer's */

static bool masked(unsigned int irq)
{
	return irq_get_chip()->masked(irq);
}

/* The chip's masks, one bit per IRQ as the 8259 has them (set = masked). */
static u16 chip_mask(void)
{
	unsigned int irq;
	u16 mask = 0;

	for (irq = 0; irq < NR_IRQS; irq++)
		if (masked(irq))
			mask |= 1 << irq;
	return mask;
}

static bool is_8259(void)
{
	return irq_get_chip()->spurious != NULL;
}

static void only_claimed_lines_unmasked(struct ktest *t)
{
	u16 want = lapic_ticks() ? 0xffff : 0xffff & ~(1 << 0);

	if (is_8259())
		want &= ~(1 << NO_LINE_IRQ); /* the cascade */
	if (IS_ENABLED(CONFIG_KEYBOARD))
		want &= ~(1 << 1);
	if (IS_ENABLED(CONFIG_SERIAL_INPUT))
		want &= ~(1 << 4);
	KTEST_EXPECT_EQ(t, chip_mask(), want);
}

static void chip_is_the_configured_one(struct ktest *t)
{
	const char *name = irq_get_chip()->name;

	/* The I/O APIC may fall back to the 8259 (no MADT): its own suite then skips. */
	if (IS_ENABLED(CONFIG_X86_PIC))
		KTEST_EXPECT_STREQ(t, name, "XT-PIC");
	else
		KTEST_EXPECT_TRUE(t, !strcmp(name, "IO-APIC") || !strcmp(name, "XT-PIC"));
	KTEST_EXPECT_FALSE(t, irq_get_chip()->valid(NO_LINE_IRQ));
	KTEST_EXPECT_FALSE(t, irq_get_chip()->valid(NR_IRQS));
}

static void dummy_irq(unsigned int irq)
{
}

static void request_irq_rejects_bad_arguments(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, request_irq(FREE_IRQ_LINE, NULL, "test"), -EINVAL);
	KTEST_EXPECT_EQ(t, request_irq(NR_IRQS, dummy_irq, "test"), -EINVAL);
	KTEST_EXPECT_EQ(t, request_irq(NO_LINE_IRQ, dummy_irq, "test"), -EINVAL);
	KTEST_EXPECT_TRUE(t, masked(FREE_IRQ_LINE));
}

static void request_irq_unmasks(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, request_irq(FREE_IRQ_LINE, dummy_irq, "test"), 0);
	KTEST_EXPECT_FALSE(t, masked(FREE_IRQ_LINE));
	KTEST_EXPECT_EQ(t, request_irq(FREE_IRQ_LINE, dummy_irq, "test"), -EBUSY);
	free_irq(FREE_IRQ_LINE);
	KTEST_EXPECT_TRUE(t, masked(FREE_IRQ_LINE));
	if (!lapic_ticks())
		KTEST_EXPECT_EQ(t, request_irq(0, dummy_irq, "test"), -EBUSY); /* the timer's */
}

/*
 * Every tick of 30 ms comes through the timer's interrupt (IRQ 0, or the
 * local APIC timer's vector), but those of time the host did not run the
 * CPU, which no interrupt can bring (tick_gap_ns).
 */
static void timer_irq_arrives(struct ktest *t)
{
	unsigned long flags, irqs, ticks;
	u64 gap;

	/* With interrupts off, so that no tick comes between the reads. */
	flags = local_irq_save();
	irqs = tick_interrupts();
	ticks = tick_count;
	gap = tick_gap_ns;
	local_irq_restore(flags);
	msleep(30);
	flags = local_irq_save();
	irqs = tick_interrupts() - irqs;
	ticks = tick_count - ticks;
	gap = tick_gap_ns - gap;
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, irqs, ticks);
	KTEST_EXPECT_GE(t, irqs + DIV_ROUND_UP(gap, TICK_NSEC), msecs_to_jiffies(30));
}

static void spurious_irq7_and_irq15(struct ktest *t)
{
	unsigned long spurious = spurious_irq_count;
	unsigned long count7 = irq_count[7], count15 = irq_count[15];

	if (!is_8259()) {
		ktest_skip(t,
			   "the 8259 is masked; the local APIC's spurious vector is apic's case");
		return;
	}
	__asm__ __volatile__("int %0" : : "i"(IRQ0_VECTOR + 7) : "memory");
	KTEST_EXPECT_EQ(t, spurious_irq_count, spurious + 1);
	__asm__ __volatile__("int %0" : : "i"(IRQ0_VECTOR + 15) : "memory");
	KTEST_EXPECT_EQ(t, spurious_irq_count, spurious + 2);
	KTEST_EXPECT_EQ(t, irq_count[7], count7);
	KTEST_EXPECT_EQ(t, irq_count[15], count15);
}

static const struct ktest_case irq_cases[] = {
	KTEST_CASE(chip_is_the_configured_one),
	KTEST_CASE(only_claimed_lines_unmasked),
	KTEST_CASE(request_irq_rejects_bad_arguments),
	KTEST_CASE(request_irq_unmasks),
	KTEST_CASE(timer_irq_arrives),
	KTEST_CASE(spurious_irq7_and_irq15),
	{},
};
KTEST_SUITE(irq, irq_cases);
