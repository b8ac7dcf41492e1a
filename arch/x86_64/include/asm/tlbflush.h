/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dropping stale kernel translations from every CPU's TLB
 * (arch/x86_64/mm/tlb.c): after unmapping or restricting a kernel page.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

/*
 * Flush [@start, @end) from this CPU's TLB and, with CONFIG_SMP, every
 * other online CPU's, and return once all have.  The caller must hold no
 * lock another CPU may wait for with interrupts off (tlb.c).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/*
 * Several changes, one shootdown: the covering range of what was added.
 * Start from TLB_BATCH_INIT; tlb_batch_flush() of an empty batch does
 * nothing.
 */
struct tlb_batch {
	unsigned long start, end;
};
#define TLB_BATCH_INIT \
	{              \
		0, 0   \
	}

void tlb_batch_add(struct tlb_batch *b, unsigned long start, unsigned long end);
void tlb_batch_flush(struct tlb_batch *b);

/* Shootdowns that went to other CPUs, for the tests. */
extern unsigned long tlb_shootdowns;

#endif
