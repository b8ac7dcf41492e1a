/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory barriers between CPUs, as Linux names them.
 *
 * x86 keeps loads in order with loads and stores in order with stores,
 * and a store in order after the loads before it (TSO): the only reorder
 * another CPU can see is a later load passing an earlier store still in
 * the store buffer.  So only smp_mb() costs an instruction; the rest stop
 * the compiler alone.  The locked add to the stack is Linux's choice over
 * mfence: as strong for ordinary memory, and cheaper.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <kernel/compiler.h>

#define smp_mb()  __asm__ __volatile__("lock addl $0, -4(%%rsp)" ::: "memory", "cc")
#define smp_rmb() barrier()
#define smp_wmb() barrier()

/* Every access before it is seen by another CPU before @v is. */
#define smp_store_release(p, v)    \
	do {                       \
		barrier();         \
		WRITE_ONCE(*p, v); \
	} while (0)

/* No access after it is done before @p is read. */
#define smp_load_acquire(p)                         \
	({                                          \
		__typeof__(*p) __v = READ_ONCE(*p); \
		barrier();                          \
		__v;                                \
	})

/* Store @v, then a full barrier: the loads after it see what others stored before they saw @v. */
#define smp_store_mb(var, v)        \
	do {                        \
		WRITE_ONCE(var, v); \
		smp_mb();           \
	} while (0)

#endif
