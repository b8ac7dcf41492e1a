// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the local APIC and the I/O APIC (CONFIG_X86_IO_APIC), on the
 * machine the kernel runs on: the local APIC enabled in the mode CPUID
 * and the configuration call for, with an ID the MADT lists; its spurious
 * vector counted; an IPI to itself delivered (and held while interrupts
 * are off), one to all but itself not; every ISA IRQ's redirection entry
 * read back from the I/O APIC as the MADT's overrides say it must be
 * (GSI, vector, polarity, trigger, destination, mask), every line nobody
 * requested masked, and request_irq()/free_irq() unmasking and masking
 * the entry.  The expected values are computed here from the MADT, not
 * taken from io_apic.c.  Skipped when the kernel fell back to the 8259.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/interrupt.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <kernel/acpi.h>
#include <kernel/cpumask.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

#define TEST_VECTOR   0xf0
#define FREE_IRQ_LINE 5
#define WAIT_TRIES    1000000 /* polls for an IPI to arrive; it takes a few instructions */

static bool io_apic_in_use(struct ktest *t)
{
	if (strcmp(irq_get_chip()->name, "IO-APIC")) {
		ktest_skip(t, "no I/O APIC: the kernel fell back to the 8259");
		return false;
	}
	return true;
}

static void lapic_id_is_in_the_madt(struct ktest *t)
{
	const struct madt_info *madt = acpi_madt();

	if (!io_apic_in_use(t))
		return;
	KTEST_ASSERT_NOT_NULL(t, madt);
	KTEST_EXPECT_GE(t, madt_cpu_index(madt, lapic_id()), 0);
	KTEST_EXPECT_TRUE(t, rdmsr(MSR_IA32_APICBASE) & MSR_IA32_APICBASE_BSP);
}

static void lapic_enabled_in_its_mode(struct ktest *t)
{
	bool has_x2apic = cpuid(1).ecx & X86_FEATURE_X2APIC_ECX;
	u64 base = rdmsr(MSR_IA32_APICBASE);
	u32 divider;

	if (!io_apic_in_use(t))
		return;
	KTEST_EXPECT_TRUE(t, base & MSR_IA32_APICBASE_ENABLE);
	KTEST_EXPECT_EQ(t, !!(base & MSR_IA32_APICBASE_EXTD), lapic_x2apic_mode());
	if (!(base & MSR_IA32_APICBASE_EXTD))
		KTEST_EXPECT_EQ(t, lapic_x2apic_mode(),
				IS_ENABLED(CONFIG_X86_X2APIC) && has_x2apic);
	KTEST_EXPECT_EQ(t, lapic_read(APIC_SPIV) & 0x1ff,
			APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	KTEST_EXPECT_EQ(t, lapic_read(APIC_TPR), 0);
	KTEST_EXPECT_TRUE(t, lapic_read(APIC_LVT0) & APIC_LVT_MASKED);
	/* The timer is the tick's, if the tick is the local APIC's: unmasked then. */
	if (lapic_ticks())
		KTEST_EXPECT_EQ(t, lapic_read(APIC_LVTT) & (APIC_LVT_MASKED | 0xff),
				LOCAL_TIMER_VECTOR);
	else
		KTEST_EXPECT_TRUE(t, lapic_read(APIC_LVTT) & APIC_LVT_MASKED);
	/*
	 * A register written and read back through lapic_write(): the
	 * timer's divider, put back as it was, as the tick may depend on it.
	 */
	divider = lapic_read(APIC_TDCR);
	lapic_write(APIC_TDCR, divider ^ 0x8);
	KTEST_EXPECT_EQ(t, lapic_read(APIC_TDCR) & 0xf, (divider ^ 0x8) & 0xf);
	lapic_write(APIC_TDCR, divider);
	KTEST_EXPECT_EQ(t, lapic_read(APIC_TDCR), divider);
}

static void spurious_vector_counted(struct ktest *t)
{
	unsigned long before = lapic_spurious_count;

	if (!io_apic_in_use(t))
		return;
	__asm__ __volatile__("int %0" : : "i"(SPURIOUS_APIC_VECTOR) : "memory");
	KTEST_EXPECT_EQ(t, lapic_spurious_count, before + 1);
}

/* Per CPU: with SMP the other CPUs take the all-but-self IPI too. */
static DEFINE_PER_CPU(unsigned long, test_ipis);

static void test_ipi(struct pt_regs *regs)
{
	this_cpu_inc(test_ipis);
	lapic_eoi();
}

/* IPIs taken by this CPU (@me) or, with @others, by every other online CPU. */
static unsigned long ipis_on(unsigned int me, bool others)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_online_cpu (cpu)
		if ((cpu == me) != others)
			n += READ_ONCE(per_cpu(test_ipis, cpu));
	return n;
}

static bool wait_for_ipis(unsigned int me, bool others, unsigned long n)
{
	unsigned int i;

	for (i = 0; i < WAIT_TRIES && ipis_on(me, others) < n; i++)
		cpu_relax();
	return ipis_on(me, others) >= n;
}

static void self_ipi_arrives(struct ktest *t)
{
	unsigned long flags;
	unsigned int cpu, me;

	if (!io_apic_in_use(t))
		return;
	KTEST_ASSERT_EQ(t, register_interrupt_handler(TEST_VECTOR, test_ipi), 0);
	for_each_possible_cpu (cpu)
		per_cpu(test_ipis, cpu) = 0;
	flags = local_irq_save();
	me = smp_processor_id();
	apic_send_ipi(lapic_id(), TEST_VECTOR);
	KTEST_EXPECT_TRUE(t, apic_wait_icr_idle());
	KTEST_EXPECT_EQ(t, ipis_on(me, false), 0); /* pending in the IRR while interrupts are off */
	local_irq_enable();
	KTEST_EXPECT_TRUE(t, wait_for_ipis(me, false, 1));
	local_irq_disable();
	/* All but this CPU: none arrives here; each other CPU takes one. */
	apic_send_ipi_allbutself(TEST_VECTOR);
	KTEST_EXPECT_TRUE(t, apic_wait_icr_idle());
	local_irq_enable();
	KTEST_EXPECT_FALSE(t, wait_for_ipis(me, false, 2));
	KTEST_EXPECT_TRUE(t, wait_for_ipis(me, true, num_online_cpus() - 1));
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, ipis_on(me, false), 1);
	KTEST_EXPECT_EQ(t, ipis_on(me, true), num_online_cpus() - 1);
	unregister_interrupt_handler(TEST_VECTOR);
}

/* Where ISA @irq must be wired, from the MADT alone: its GSI and RTE bits. */
static int expected_gsi(const struct madt_info *madt, unsigned int irq, u64 *bits)
{
	unsigned int i;
	u16 flags = 0;
	int gsi = irq;

	for (i = 0; i < madt->nr_overrides; i++) {
		const struct madt_override *o = &madt->overrides[i];

		if (o->bus)
			continue;
		if (o->source == irq) {
			gsi = o->gsi;
			flags = o->flags;
			break;
		}
		if (o->gsi == irq)
			gsi = -1; /* given to another IRQ, unless this one has its own */
	}
	*bits = 0;
	if ((flags & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_LOW)
		*bits |= IOAPIC_RTE_POLARITY_LOW;
	if ((flags & ACPI_MADT_TRIGGER_MASK) == ACPI_MADT_TRIGGER_LEVEL)
		*bits |= IOAPIC_RTE_LEVEL;
	return gsi;
}

static void isa_irqs_as_the_madt_says(struct ktest *t)
{
	const struct madt_info *madt = acpi_madt();
	unsigned int irq;
	u64 rte, bits;
	int gsi;

	if (!io_apic_in_use(t))
		return;
	for (irq = 0; irq < NR_IRQS; irq++) {
		gsi = expected_gsi(madt, irq, &bits);
		if (gsi >= (int)io_apic_nr_gsis())
			gsi = -1;
		KTEST_EXPECT_EQ(t, io_apic_irq_gsi(irq), gsi);
		if (gsi < 0) {
			KTEST_EXPECT_FALSE(t, irq_get_chip()->valid(irq));
			continue;
		}
		KTEST_ASSERT_TRUE(t, io_apic_read_rte(gsi, &rte));
		KTEST_EXPECT_EQ(t, rte & IOAPIC_RTE_VECTOR, IRQ0_VECTOR + irq);
		KTEST_EXPECT_EQ(t, rte & 0x700, APIC_DM_FIXED);
		KTEST_EXPECT_FALSE(t, rte & IOAPIC_RTE_DEST_LOGICAL);
		KTEST_EXPECT_EQ(t, rte & (IOAPIC_RTE_POLARITY_LOW | IOAPIC_RTE_LEVEL), bits);
		KTEST_EXPECT_EQ(t, rte >> IOAPIC_RTE_DEST_SHIFT, lapic_id());
		KTEST_EXPECT_EQ(t, !!(rte & IOAPIC_RTE_MASKED), irq_get_chip()->masked(irq));
	}
	/*
	 * QEMU's wiring: the PIT on GSI 2, edge, high; nothing left for IRQ
	 * 2.  Unmasked if the PIT is the tick.
	 */
	KTEST_ASSERT_TRUE(t, io_apic_read_rte(io_apic_irq_gsi(0), &rte));
	KTEST_EXPECT_FALSE(t, rte & IOAPIC_RTE_LEVEL);
	KTEST_EXPECT_EQ(t, !!(rte & IOAPIC_RTE_MASKED), lapic_ticks());
	KTEST_EXPECT_EQ(t, io_apic_irq_gsi(0), 2);
	KTEST_EXPECT_EQ(t, io_apic_irq_gsi(2), -1);
}

/* Every GSI no requested ISA IRQ uses is masked. */
static void unrequested_lines_masked(struct ktest *t)
{
	unsigned int gsi, irq;
	bool in_use;
	u64 rte;

	if (!io_apic_in_use(t))
		return;
	KTEST_EXPECT_GE(t, io_apic_nr_gsis(), 16);
	for (gsi = 0; gsi < io_apic_nr_gsis(); gsi++) {
		in_use = false;
		for (irq = 0; irq < NR_IRQS; irq++)
			if (io_apic_irq_gsi(irq) == (int)gsi && !irq_get_chip()->masked(irq))
				in_use = true;
		KTEST_ASSERT_TRUE(t, io_apic_read_rte(gsi, &rte));
		KTEST_EXPECT_EQ(t, !!(rte & IOAPIC_RTE_MASKED), !in_use);
	}
	KTEST_EXPECT_FALSE(t, io_apic_read_rte(io_apic_nr_gsis(), &rte));
}

static void dummy_irq(unsigned int irq)
{
}

static void request_irq_unmasks_the_entry(struct ktest *t)
{
	int gsi = io_apic_irq_gsi(FREE_IRQ_LINE);
	u64 rte;

	if (!io_apic_in_use(t))
		return;
	KTEST_ASSERT_TRUE(t, gsi >= 0);
	KTEST_ASSERT_TRUE(t, io_apic_read_rte(gsi, &rte));
	KTEST_EXPECT_TRUE(t, rte & IOAPIC_RTE_MASKED);
	KTEST_ASSERT_EQ(t, request_irq(FREE_IRQ_LINE, dummy_irq, "test"), 0);
	KTEST_ASSERT_TRUE(t, io_apic_read_rte(gsi, &rte));
	KTEST_EXPECT_FALSE(t, rte & IOAPIC_RTE_MASKED);
	KTEST_EXPECT_EQ(t, rte & IOAPIC_RTE_VECTOR, IRQ0_VECTOR + FREE_IRQ_LINE);
	free_irq(FREE_IRQ_LINE);
	KTEST_ASSERT_TRUE(t, io_apic_read_rte(gsi, &rte));
	KTEST_EXPECT_TRUE(t, rte & IOAPIC_RTE_MASKED);
	KTEST_EXPECT_EQ(t, rte >> IOAPIC_RTE_DEST_SHIFT, lapic_id());
}

static const struct ktest_case apic_cases[] = {
	KTEST_CASE(lapic_id_is_in_the_madt),	   KTEST_CASE(lapic_enabled_in_its_mode),
	KTEST_CASE(spurious_vector_counted),	   KTEST_CASE(self_ipi_arrives),
	KTEST_CASE(isa_irqs_as_the_madt_says),	   KTEST_CASE(unrequested_lines_masked),
	KTEST_CASE(request_irq_unmasks_the_entry), {},
};
KTEST_SUITE(apic, apic_cases);
