/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-CPU area (arch/x86_64/kernel/percpu.c), reached through GS.
 *
 * The system call entry has no free register and no stack it may use:
 * SYSCALL leaves RSP the user's.  What it needs (the kernel stack to
 * switch to, a slot to park the user's RSP) must therefore be found
 * through a segment base, and x86_64 keeps GS for that: in the kernel,
 * MSR_GS_BASE points here, and SWAPGS exchanges it with
 * MSR_KERNEL_GS_BASE, which holds the user's GS base while the kernel
 * runs.  Every entry from ring 3 swaps GS once, every exit to ring 3
 * swaps it back (entry.asm, entry_64.asm).
 *
 * One CPU today, so one area; with SMP each CPU gets its own and loads
 * its address into its own MSR_GS_BASE, and nothing reading the area
 * through this_cpu_read() changes.  The assembly reaches the members at
 * offsets the build computes (PERCPU_* of asm-offsets.c).
 *
 * Only with CONFIG_USER_MODE: without it nothing sets MSR_GS_BASE.
 * With CONFIG_PAGE_TABLE_ISOLATION the area is mapped in the user page
 * tables too (__entry_bss): the system call entry parks the user's RSP
 * here before it can switch CR3.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

/*
 * With CONFIG_PAGE_TABLE_ISOLATION, where ring 3's interrupts land
 * (TSS.RSP0): the task's stack is not mapped in the user tables, so
 * the CPU pushes its frame here and the entry code moves it.  The most
 * it holds is 28 words: an iretq's frame, the #GP that iretq raised
 * when its frame was bad (and the word the CPU skips to align it), and
 * the registers (entry.asm).
 */
#define ENTRY_STACK_SIZE 512

#define MSR_FS_BASE	   0xc0000100
#define MSR_GS_BASE	   0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

#ifndef __ASSEMBLY__
#include <kernel/types.h>

struct percpu {
	struct percpu *self;	    /* this area's own address: this_cpu_ptr() */
	unsigned long top_of_stack; /* the running task's kernel stack top (= TSS.RSP0) */
	unsigned long user_rsp;	    /* the user's RSP, parked by the syscall entry */
	unsigned long entry_stack;  /* the entry stack's top (PTI only) */
	unsigned long scratch;	    /* a register, across the CR3 switch of an exit (PTI) */
};

/*
 * A %gs-relative load or store of one member of the running CPU's area:
 * one instruction, which no interrupt can split, so no locking either.
 */
#define this_cpu_read(member)                                                 \
	({                                                                    \
		__typeof__(((struct percpu *)0)->member) __v;                 \
		__asm__ __volatile__("mov %%gs:%c1, %0"                       \
				     : "=r"(__v)                              \
				     : "i"(offsetof(struct percpu, member))); \
		__v;                                                          \
	})

#define this_cpu_write(member, val)                                                   \
	do {                                                                          \
		__typeof__(((struct percpu *)0)->member) __v = (val);                 \
		__asm__ __volatile__("mov %0, %%gs:%c1"                               \
				     :                                                \
				     : "r"(__v), "i"(offsetof(struct percpu, member)) \
				     : "memory");                                     \
	} while (0)

#define this_cpu_ptr() this_cpu_read(self)

/* Point MSR_GS_BASE at the boot CPU's area; the user's GS base starts at 0. */
void percpu_init(void);

#endif /* __ASSEMBLY__ */
#endif
