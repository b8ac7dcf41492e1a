// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU areas (<asm/percpu.h> says how GS reaches them).
 *
 * The linker reserves NR_CPUS copies of .data..percpu in .bss
 * (kernel.ld.S), each a whole number of pages, so that each CPU's
 * cpu_entry_area, which comes first, fills a page of its own that the
 * user page tables can map alone.  Without CONFIG_SMP there are no
 * copies: the template is the one CPU's area, at offset 0, so that a
 * uniprocessor kernel costs what it did before per-CPU data, in memory
 * as in instructions.  A static area, rather than pages
 * allocated per CPU found, means per_cpu() works from the first
 * instruction of setup_arch() on, for every CPU, before the memory
 * allocators exist; the price is NR_CPUS copies whatever the machine has,
 * which is why NR_CPUS is a Kconfig choice.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/percpu.h>
#include <asm/sections.h>
#include <kernel/compiler.h>
#include <kernel/cpumask.h>
#include <kernel/smp.h>
#include <kernel/string.h>

DEFINE_PER_CPU_PAGE_ALIGNED(struct cpu_entry_area, cpu_entry_area);
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(unsigned int, cpu_number);
unsigned long __per_cpu_offset[NR_CPUS];
/* The boot CPU, always; smpboot.c adds the others it finds and starts. */
struct cpumask cpu_possible_mask = { 1 };
struct cpumask cpu_online_mask = { 1 };

/* kernel.ld.S: the template, and NR_CPUS copies of it. */
extern char __per_cpu_start[], __per_cpu_end[], __per_cpu_copies[];

void percpu_load(unsigned int cpu)
{
	wrmsr(MSR_GS_BASE, __per_cpu_offset[cpu]);
	/*
	 * User programs cannot set a GS base (no arch_prctl(ARCH_SET_GS),
	 * CR4.FSGSBASE off), so SWAPGS gives all of them 0, and nothing
	 * needs saving per task.
	 */
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

void percpu_init(void)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		char *copy = __per_cpu_start;
		struct cpu_entry_area *area;

		if (IS_ENABLED(CONFIG_SMP)) {
			copy = __per_cpu_copies + cpu * size;
			memcpy(copy, __per_cpu_start, size);
		}
		__per_cpu_offset[cpu] = copy - __per_cpu_start;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
		area = &per_cpu(cpu_entry_area, cpu);
		area->percpu.entry_stack = (unsigned long)area->entry_stack + ENTRY_STACK_SIZE;
		/* With CONFIG_PAGE_TABLE_ISOLATION ring 3's interrupts land there for good. */
		if (IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION))
			area->tss.rsp[0] = area->percpu.entry_stack;
	}
	percpu_load(0);
}
