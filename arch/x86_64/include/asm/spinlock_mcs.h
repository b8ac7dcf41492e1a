/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CONFIG_SPINLOCK_MCS: an MCS queue lock in the shape of Linux's
 * qspinlock (without its "pending" bit).  The lock is one 32-bit word: a
 * locked byte, and the tail of a queue of waiters (which CPU, which of
 * its nodes).  A free lock (the whole word 0) is taken with one cmpxchg,
 * here, inline; anything else queues in kernel/locking/mcs_spinlock.c,
 * where each waiter spins on a node of its own CPU, so that a release
 * touches the cache line of one waiter, not of every waiter.  The node is
 * needed only while its CPU waits, not while it holds the lock: that is
 * what lets a few nodes per CPU serve any number of locks held at once.
 * Included by <asm/spinlock.h> only.
 */
#ifndef _ASM_SPINLOCK_MCS_H
#define _ASM_SPINLOCK_MCS_H

#include <asm/cpu.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

typedef union {
	u32 val;
	struct {
		u8 locked; /* 1 while held */
		u8 unused;
		u16 tail; /* the last waiter: ((cpu + 1) << 2) | node, 0 if none */
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		.val = 0          \
	}

/*
 * Nodes per CPU: one per context that can be waiting at once (a task, an
 * interrupt handler, an exception inside the handler).
 */
#define MCS_NODES 3

/* Queue, wait and take @lock; the polls that found it taken. */
unsigned long mcs_spin_lock_slowpath(arch_spinlock_t *lock);

/* How many times a CPU needed a node when all MCS_NODES were in use. */
extern unsigned long mcs_node_overflows;
/* Per CPU: how many of its nodes are in use (kernel/locking/mcs_spinlock.c). */
extern unsigned int mcs_spin_nesting[];

/* Free means no holder and no queue: a waiter must not be overtaken. */
static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 free = 0;

	return __atomic_compare_exchange_n(&lock->val, &free, 1, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static inline unsigned long native_spin_lock_spins(arch_spinlock_t *lock)
{
	if (likely(arch_spin_trylock(lock)))
		return 0;
	return mcs_spin_lock_slowpath(lock);
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

/* Held: the queue's head takes the locked byte as soon as it is 0. */
static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	return __atomic_load_n(&lock->locked, __ATOMIC_RELAXED);
}

#endif
