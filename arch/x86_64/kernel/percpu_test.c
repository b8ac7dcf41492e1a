// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the per-CPU areas (<asm/percpu.h>): GS reaches this CPU's
 * copy and nothing else, the copies are apart and start as the template
 * did, and each CPU's entry area has its page to itself, as page table
 * isolation needs.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/percpu.h>
#include <kernel/ktest.h>
#include <kernel/preempt.h>
#include <kernel/sched.h>
#include <kernel/smp.h>

static DEFINE_PER_CPU(unsigned long, test_counter) = 42;
static DEFINE_PER_CPU(unsigned int, test_count32);
struct test_pair {
	unsigned long a;
	unsigned int b;
};
static DEFINE_PER_CPU(struct test_pair, test_pairs[2]) = { { 7, 8 }, { 9, 10 } };
/* kernel.ld.S: the template. */
extern char __per_cpu_start[], __per_cpu_end[];

static void gs_base_is_this_cpus_offset(struct ktest *t)
{
	preempt_guard();
	unsigned int cpu = smp_processor_id();

	KTEST_EXPECT_EQ(t, rdmsr(MSR_GS_BASE), per_cpu_offset(cpu));
	KTEST_EXPECT_EQ(t, this_cpu_read(this_cpu_off), per_cpu_offset(cpu));
	KTEST_EXPECT_EQ(t, this_cpu_read(cpu_number), cpu);
	/* With SMP the template is no CPU's copy; without, it is the one CPU's area. */
	if (IS_ENABLED(CONFIG_SMP))
		KTEST_EXPECT_NE(t, per_cpu_offset(cpu), 0);
	else
		KTEST_EXPECT_EQ(t, per_cpu_offset(cpu), 0);
}

static void copies_start_from_the_template(struct ktest *t)
{
	unsigned int cpu;

	/* The template's initial value reached every copy. */
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_TRUE(t, per_cpu(test_counter, cpu) == 42 || cpu == smp_processor_id());
}

static void this_cpu_ops_change_this_copy_only(struct ktest *t)
{
	preempt_guard();
	unsigned int cpu = smp_processor_id();
	unsigned long before = this_cpu_read(test_counter);

	this_cpu_write(test_counter, 1000);
	this_cpu_add(test_counter, 24);
	this_cpu_inc(test_counter);
	KTEST_EXPECT_EQ(t, this_cpu_read(test_counter), 1025);
	KTEST_EXPECT_EQ(t, per_cpu(test_counter, cpu), 1025);
	KTEST_EXPECT_EQ(t, *this_cpu_ptr(&test_counter), 1025);
	KTEST_EXPECT_TRUE(t, this_cpu_ptr(&test_counter) == per_cpu_ptr(&test_counter, cpu));
	/* The template, read by its link address, is untouched: it is no CPU's. */
	KTEST_EXPECT_EQ(t, test_counter, IS_ENABLED(CONFIG_SMP) ? 42 : 1025);
	this_cpu_write(test_counter, before);
}

/*
 * raw_cpu_*() through a pointer to the template (as the slab's fast
 * paths reach a cache's part): this CPU's copy of that member changes,
 * and neither its neighbours, nor the template, nor another CPU's copy.
 */
static void raw_cpu_ops_through_a_pointer(struct ktest *t)
{
	preempt_guard();
	unsigned int cpu = smp_processor_id(), other;
	struct test_pair *p = &test_pairs[1], *mine = this_cpu_ptr(p);
	struct test_pair before = *mine;

	raw_cpu_write(p->a, 1000);
	raw_cpu_inc(p->a);
	raw_cpu_dec(p->b);
	KTEST_EXPECT_EQ(t, raw_cpu_read(p->a), 1001);
	KTEST_EXPECT_EQ(t, raw_cpu_read(p->b), before.b - 1);
	KTEST_EXPECT_EQ(t, mine->a, 1001);
	KTEST_EXPECT_EQ(t, per_cpu_ptr(p, cpu)->a, 1001);
	/* The slot before it, of the same array, is as it was. */
	KTEST_EXPECT_EQ(t, this_cpu_ptr(&test_pairs[0])->a, 7);
	KTEST_EXPECT_EQ(t, this_cpu_ptr(&test_pairs[0])->b, 8);
	/*
	 * Only without SMP is the template this CPU's copy.  Read through a
	 * pointer the compiler cannot see through: it takes a plain
	 * test_pairs[1].a for what the %gs writes above wrote (<asm/percpu.h>).
	 */
	KTEST_EXPECT_EQ(t, RELOC_HIDE(p, 0UL)->a, IS_ENABLED(CONFIG_SMP) ? 9 : 1001);
	for_each_online_cpu (other)
		if (other != cpu)
			KTEST_EXPECT_EQ(t, per_cpu_ptr(p, other)->a, 9);
	*mine = before;
}

static void dec_and_test_says_when_zero(struct ktest *t)
{
	preempt_guard();

	this_cpu_write(test_count32, 2);
	KTEST_EXPECT_FALSE(t, this_cpu_dec_and_test(test_count32));
	KTEST_EXPECT_TRUE(t, this_cpu_dec_and_test(test_count32));
	KTEST_EXPECT_EQ(t, this_cpu_read(test_count32), 0);
	/* 0 - 1 wraps, and is not zero. */
	KTEST_EXPECT_FALSE(t, this_cpu_dec_and_test(test_count32));
	KTEST_EXPECT_EQ(t, this_cpu_read(test_count32), ~0U);
	this_cpu_write(test_count32, 0);
}

static void copies_are_apart(struct ktest *t)
{
	unsigned long size = __per_cpu_end - __per_cpu_start;
	unsigned int cpu;

	if (!IS_ENABLED(CONFIG_SMP)) {
		/* The one CPU's area is the template itself. */
		KTEST_EXPECT_EQ(t, NR_CPUS, 1);
		KTEST_EXPECT_EQ(t, per_cpu_offset(0), 0);
		return;
	}
	KTEST_EXPECT_EQ(t, size % 4096, 0);
	for (cpu = 1; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_EQ(t, per_cpu_offset(cpu) - per_cpu_offset(cpu - 1), size);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned long copy = (unsigned long)__per_cpu_start + per_cpu_offset(cpu);

		/* Outside the template, and no copy runs into the kernel's other data. */
		KTEST_EXPECT_TRUE(t, copy >= (unsigned long)__per_cpu_end);
		KTEST_EXPECT_EQ(t, copy % 4096, 0);
	}
}

/* Page table isolation maps each CPU's first page: only the entry area may be on it. */
static void entry_area_has_its_page(struct ktest *t)
{
	unsigned long area = (unsigned long)&cpu_entry_area;

	KTEST_EXPECT_EQ(t, area, (unsigned long)__per_cpu_start);
	KTEST_EXPECT_EQ(t, sizeof(struct cpu_entry_area), 4096);
	KTEST_EXPECT_TRUE(t, (unsigned long)&this_cpu_off >= area + 4096);
	KTEST_EXPECT_TRUE(t, (unsigned long)&test_counter >= area + 4096);
	KTEST_EXPECT_TRUE(t, (unsigned long)&current_task >= area + 4096);
}

static void descriptor_tables_are_this_cpus(struct ktest *t)
{
	preempt_guard();
	const struct cpu_entry_area *area = this_cpu_ptr(&cpu_entry_area);
	struct desc_ptr gdtr;

	store_gdt(&gdtr);
	KTEST_EXPECT_EQ(t, gdtr.base, (u64)area->gdt);
	KTEST_EXPECT_EQ(t, area->percpu.entry_stack,
			(unsigned long)area->entry_stack + ENTRY_STACK_SIZE);
}

static const struct ktest_case percpu_cases[] = {
	KTEST_CASE(gs_base_is_this_cpus_offset),
	KTEST_CASE(copies_start_from_the_template),
	KTEST_CASE(this_cpu_ops_change_this_copy_only),
	KTEST_CASE(raw_cpu_ops_through_a_pointer),
	KTEST_CASE(dec_and_test_says_when_zero),
	KTEST_CASE(copies_are_apart),
	KTEST_CASE(entry_area_has_its_page),
	KTEST_CASE(descriptor_tables_are_this_cpus),
	{},
};
KTEST_SUITE(percpu, percpu_cases);
