// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the other CPUs (CONFIG_SMP): every CPU the MADT lists is up,
 * calls run where they are sent and nowhere else, the reschedule IPI
 * arrives, and a kernel page remapped on one CPU is seen remapped on
 * every other at once: without the TLB shootdown, the others' TLBs would
 * still give the old page, in QEMU as on hardware.
 *
 * With one CPU online the cases that need another are skipped; without
 * a MADT (acpi=off) the boot CPU must be the only one.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <asm/stacks.h>
#include <asm/tlbflush.h>
#include <kernel/acpi.h>
#include <kernel/cpumask.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/time.h>

/* Far from pgtable_test.c's own scratch pages. */
#define SMP_SCRATCH (PGTABLE_TEST_SCRATCH + (64UL << 20))
#define WAIT_NS	    (1000ULL * 1000 * 1000)

struct seen {
	unsigned int ran[NR_CPUS]; /* calls run on each CPU */
	bool irqs_off[NR_CPUS];	   /* and whether interrupts were off there */
	volatile u64 *addr;	   /* what to read, for the TLB cases */
	u64 value[NR_CPUS];	   /* what each CPU read there */
};

static void note_cpu(void *arg)
{
	struct seen *s = arg;
	unsigned int cpu = smp_processor_id();

	__atomic_fetch_add(&s->ran[cpu], 1, __ATOMIC_RELAXED);
	s->irqs_off[cpu] = irqs_disabled();
	if (s->addr)
		s->value[cpu] = *s->addr;
}

static bool need_two(struct ktest *t)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(t, "one CPU online");
	return false;
}

static void every_madt_cpu_is_up(struct ktest *t)
{
	const struct madt_info *madt = acpi_madt();
	unsigned int cpu, want;

	/* No MADT (acpi=off): the boot CPU alone, as smp_init() says. */
	if (!madt) {
		KTEST_EXPECT_EQ(t, num_online_cpus(), 1);
		KTEST_EXPECT_EQ(t, num_possible_cpus(), 1);
		KTEST_EXPECT_TRUE(t, cpu_online(0));
		return;
	}
	for (want = 0, cpu = 0; cpu < madt->nr_cpus; cpu++)
		want += madt->cpus[cpu].enabled;
	want = min(want, (unsigned int)NR_CPUS);
	KTEST_EXPECT_EQ(t, num_online_cpus(), want);
	KTEST_EXPECT_EQ(t, num_possible_cpus(), want);
	/* Each with its own APIC ID, the boot CPU's first. */
	KTEST_EXPECT_EQ(t, cpu_apic_id[0], lapic_id());
	for_each_online_cpu (cpu)
		KTEST_EXPECT_TRUE(t, madt_cpu_index(madt, cpu_apic_id[cpu]) >= 0);
}

static void call_runs_on_its_cpu_only(struct ktest *t)
{
	unsigned int cpu, other;

	for_each_online_cpu (cpu) {
		struct seen s = { 0 };

		KTEST_EXPECT_EQ(t, smp_call_function_single(cpu, note_cpu, &s), 0);
		for (other = 0; other < NR_CPUS; other++)
			KTEST_EXPECT_EQ(t, s.ran[other], other == cpu);
		KTEST_EXPECT_TRUE(t, s.irqs_off[cpu]);
	}
}

static void bad_calls_run_nothing(struct ktest *t)
{
	struct seen s = { 0 };
	unsigned int cpu;

	KTEST_EXPECT_EQ(t, smp_call_function_single(NR_CPUS, note_cpu, &s), -ENXIO);
	KTEST_EXPECT_EQ(t, smp_call_function_single(~0U, note_cpu, &s), -ENXIO);
	KTEST_EXPECT_EQ(t, smp_call_function_single(0, NULL, &s), -EINVAL);
	KTEST_EXPECT_EQ(t, on_each_cpu(NULL, &s), -EINVAL);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			KTEST_EXPECT_EQ(t, smp_call_function_single(cpu, note_cpu, &s), -ENXIO);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_EQ(t, s.ran[cpu], 0);
}

static void on_each_cpu_runs_once_everywhere(struct ktest *t)
{
	struct seen s = { 0 };
	unsigned int cpu;

	KTEST_EXPECT_EQ(t, on_each_cpu(note_cpu, &s), 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_EQ(t, s.ran[cpu], cpu_online(cpu));
}

/* A caller with interrupts off still gets its answer (smp.c polls). */
static void call_with_interrupts_off(struct ktest *t)
{
	struct seen s = { 0 };
	unsigned long flags;
	unsigned int cpu;
	int err;

	if (!need_two(t))
		return;
	flags = local_irq_save();
	err = on_each_cpu(note_cpu, &s);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, err, 0);
	for_each_online_cpu (cpu)
		KTEST_EXPECT_EQ(t, s.ran[cpu], 1);
}

struct call_back {
	unsigned int caller; /* the CPU waiting, with interrupts off */
	struct seen seen;    /* what the call back to it saw */
	int err;
};

/* On the called CPU, in its IPI handler: call the waiting caller back. */
static void call_the_caller_back(void *arg)
{
	struct call_back *cb = arg;

	cb->err = smp_call_function_single(cb->caller, note_cpu, &cb->seen);
}

/*
 * Two CPUs that call each other with interrupts off: this CPU waits for
 * CPU 1 with interrupts off, and CPU 1, in its IPI handler (interrupts
 * off too), calls this CPU back before it answers.  Neither can take the
 * other's IPI; each must run the calls queued for it while it waits
 * (smp.c), or both wait for ever.  call_with_interrupts_off above never
 * gets this far: there nobody calls the waiting CPU.
 */
static void calls_crossing_with_interrupts_off(struct ktest *t)
{
	struct call_back cb = { .err = -1 };
	unsigned long flags;
	int err;

	if (!need_two(t))
		return;
	flags = local_irq_save();
	cb.caller = smp_processor_id();
	err = smp_call_function_single(cb.caller == 1 ? 0 : 1, call_the_caller_back, &cb);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, err, 0);
	KTEST_EXPECT_EQ(t, cb.err, 0);
	KTEST_EXPECT_EQ(t, cb.seen.ran[cb.caller], 1);
	KTEST_EXPECT_TRUE(t, cb.seen.irqs_off[cb.caller]);
}

static void reschedule_ipi_arrives(struct ktest *t)
{
	unsigned int cpu;

	if (!need_two(t))
		return;
	for_each_online_cpu (cpu) {
		unsigned long before = per_cpu(ipi_resched_count, cpu);
		u64 start = ktime_get();

		if (cpu == 0)
			continue;
		smp_send_reschedule(cpu);
		while (READ_ONCE(per_cpu(ipi_resched_count, cpu)) == before &&
		       ktime_get() - start < WAIT_NS)
			cpu_relax();
		KTEST_EXPECT_EQ(t, per_cpu(ipi_resched_count, cpu), before + 1);
	}
}

/*
 * Every CPU reads a page through the scratch address, so that each TLB
 * holds the translation; the address is then moved to another page.
 * Each CPU must read the new page's value at once.
 */
static void remapped_page_seen_everywhere(struct ktest *t)
{
	u64 *old = alloc_page(), *new = alloc_page();
	struct seen s = { .addr = (volatile u64 *)SMP_SCRATCH };
	unsigned long shootdowns = tlb_shootdowns;
	unsigned int cpu;

	if (!need_two(t))
		goto out;
	KTEST_ASSERT_TRUE(t, old && new);
	*old = 0x01d;
	*new = 0x4e3;
	KTEST_ASSERT_EQ(t, map_page(SMP_SCRATCH, virt_to_phys(old), PAGE_KERNEL), 0);
	on_each_cpu(note_cpu, &s);
	for_each_online_cpu (cpu)
		KTEST_EXPECT_EQ(t, s.value[cpu], 0x01d);

	KTEST_EXPECT_EQ(t, unmap_page(SMP_SCRATCH), 0);
	KTEST_EXPECT_EQ(t, tlb_shootdowns, shootdowns + 1);
	KTEST_EXPECT_EQ(t, map_page(SMP_SCRATCH, virt_to_phys(new), PAGE_KERNEL), 0);
	on_each_cpu(note_cpu, &s);
	for_each_online_cpu (cpu)
		KTEST_EXPECT_EQ(t, s.value[cpu], 0x4e3);
	KTEST_EXPECT_EQ(t, unmap_page(SMP_SCRATCH), 0);
out:
	free_page(old);
	free_page(new);
}

/* A batch of three unmaps is one shootdown, and each page is gone everywhere. */
static void batch_is_one_shootdown(struct ktest *t)
{
	struct tlb_batch batch = TLB_BATCH_INIT;
	u64 *page = alloc_page();
	unsigned long shootdowns, i;

	if (!need_two(t)) {
		free_page(page);
		return;
	}
	KTEST_ASSERT_TRUE(t, page);
	for (i = 0; i < 3; i++)
		KTEST_ASSERT_EQ(
			t, map_page(SMP_SCRATCH + i * PAGE_SIZE, virt_to_phys(page), PAGE_KERNEL),
			0);
	shootdowns = tlb_shootdowns;
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, unmap_page_batch(SMP_SCRATCH + i * PAGE_SIZE, &batch), 0);
	KTEST_EXPECT_EQ(t, tlb_shootdowns, shootdowns);
	KTEST_EXPECT_EQ(t, batch.start, SMP_SCRATCH);
	KTEST_EXPECT_EQ(t, batch.end, SMP_SCRATCH + 3 * PAGE_SIZE);
	tlb_batch_flush(&batch);
	KTEST_EXPECT_EQ(t, tlb_shootdowns, shootdowns + 1);
	/* Flushed and emptied: a second flush sends nothing. */
	tlb_batch_flush(&batch);
	KTEST_EXPECT_EQ(t, tlb_shootdowns, shootdowns + 1);
	free_page(page);
}

/* What each CPU finds of its own state, read on that CPU. */
struct own_state {
	u64 gs_base[NR_CPUS], gdtr[NR_CPUS], ist1[NR_CPUS];
	unsigned int number[NR_CPUS];
	u16 tr[NR_CPUS];
	const struct task_struct *task[NR_CPUS];
};

static void read_own_state(void *arg)
{
	struct own_state *s = arg;
	unsigned int cpu = smp_processor_id();
	struct desc_ptr gdtr;

	s->gs_base[cpu] = rdmsr(MSR_GS_BASE);
	s->number[cpu] = this_cpu_read(cpu_number);
	store_gdt(&gdtr);
	s->gdtr[cpu] = gdtr.base;
	s->tr[cpu] = store_tr();
	s->ist1[cpu] = this_cpu_ptr(&cpu_entry_area)->tss.ist[0];
	s->task[cpu] = current;
}

/*
 * Every CPU runs on its own per-CPU copy, GDT, TSS and IST stacks, and
 * (the APs) its own idle task: what start_secondary() set up.
 */
static void each_cpu_has_its_own_state(struct ktest *t)
{
	struct own_state s = { 0 };
	unsigned int cpu;

	KTEST_ASSERT_EQ(t, on_each_cpu(read_own_state, &s), 0);
	for_each_online_cpu (cpu) {
		const struct stack_info *df = cpu_ist_stack(cpu, IST_DOUBLE_FAULT);

		KTEST_EXPECT_EQ(t, s.gs_base[cpu], per_cpu_offset(cpu));
		KTEST_EXPECT_EQ(t, s.number[cpu], cpu);
		KTEST_EXPECT_EQ(t, s.gdtr[cpu], (u64)per_cpu(cpu_entry_area, cpu).gdt);
		KTEST_EXPECT_EQ(t, s.tr[cpu], TSS_SELECTOR);
		KTEST_ASSERT_TRUE(t, df);
		KTEST_EXPECT_EQ(t, s.ist1[cpu], df->top);
		/* Idle, unless its tick just woke its soft-lockup detector. */
		if (cpu)
			KTEST_EXPECT_TRUE(t, s.task[cpu] &&
						     (s.task[cpu]->pid == 0 ||
						      !strncmp(s.task[cpu]->comm, "watchdog/", 9)));
	}
	/* No two CPUs share a double-fault stack. */
	for_each_online_cpu (cpu)
		if (cpu)
			KTEST_EXPECT_NE(t, s.ist1[cpu], s.ist1[0]);
}

static const struct ktest_case smp_cases[] = {
	KTEST_CASE(every_madt_cpu_is_up),
	KTEST_CASE(each_cpu_has_its_own_state),
	KTEST_CASE(call_runs_on_its_cpu_only),
	KTEST_CASE(bad_calls_run_nothing),
	KTEST_CASE(on_each_cpu_runs_once_everywhere),
	KTEST_CASE(call_with_interrupts_off),
	KTEST_CASE(calls_crossing_with_interrupts_off), /* fails as a hang */
	KTEST_CASE(reschedule_ipi_arrives),
	KTEST_CASE(remapped_page_seen_everywhere),
	KTEST_CASE(batch_is_one_shootdown),
	{},
};
KTEST_SUITE(smp, smp_cases);
