// SPDX-License-Identifier: GPL-2.0
/*
 * TLB shootdown: a kernel mapping changed on one CPU is dropped from
 * every CPU's TLB before the change counts as made.
 *
 * The kernel half of the page tables is shared by every CPU, and each
 * CPU caches its translations.  A CPU that unmaps or write-protects a
 * kernel page and flushes only its own TLB leaves the others free to use
 * the old translation: a freed stack page still written, a read-only page
 * still writable.  So the flush runs on every online CPU, through a
 * call-function IPI (smp.c), and the caller goes on only when all have
 * done it.
 *
 * Lock dependencies: the shootdown waits for every other CPU to take an
 * interrupt, so the caller must hold no lock that another CPU may wait
 * for with interrupts off: that CPU would spin, unable to take the IPI,
 * while this one waited for it.  stacks.c holds its stack_lock across
 * the shootdown, and the task release paths take that lock with
 * interrupts off: safe while the boot CPU alone runs tasks, as no other
 * CPU ever waits for it (Documentation/arch/x86_64/smp.md).  Two CPUs
 * shooting down at once with interrupts off each run the other's flush
 * while they wait (smp.c).
 *
 * A batch (struct tlb_batch) gathers the ranges of several changes and
 * flushes once: one round of IPIs for a task stack's four pages, not
 * four.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/tlbflush.h>
#include <kernel/compiler.h>
#include <kernel/cpumask.h>
#include <kernel/smp.h>

/* Past this many pages, reloading CR3 is cheaper than one invlpg each. */
#define FLUSH_ALL_PAGES 32

unsigned long tlb_shootdowns;

struct flush_range {
	unsigned long start, end;
};

static void flush_local(void *arg)
{
	const struct flush_range *r = arg;
	unsigned long addr;

	if ((r->end - r->start) >> PAGE_SHIFT > FLUSH_ALL_PAGES) {
		write_cr3(read_cr3()); /* no global pages: this drops them all */
		return;
	}
	for (addr = r->start & ~(PAGE_SIZE - 1); addr < r->end; addr += PAGE_SIZE)
		invlpg(addr);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_range r = { start, end };

	if (end <= start)
		return;
	if (!IS_ENABLED(CONFIG_SMP) || num_online_cpus() == 1) {
		flush_local(&r);
		return;
	}
	__atomic_fetch_add(&tlb_shootdowns, 1, __ATOMIC_RELAXED);
	on_each_cpu(flush_local, &r);
}

void tlb_batch_add(struct tlb_batch *b, unsigned long start, unsigned long end)
{
	if (b->end <= b->start) {
		b->start = start;
		b->end = end;
		return;
	}
	b->start = min(b->start, start);
	b->end = max(b->end, end);
}

void tlb_batch_flush(struct tlb_batch *b)
{
	flush_tlb_kernel_range(b->start, b->end);
	b->start = b->end = 0;
}
