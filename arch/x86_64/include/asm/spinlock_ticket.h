/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CONFIG_SPINLOCK_TICKET: a ticket lock, as Linux x86 had before queued
 * spinlocks.  A locker takes the next ticket with one atomic add and
 * waits until "head", the ticket being served, reaches it; unlock serves
 * the next ticket.  Lockers get the lock in the order they asked, so none
 * can starve on SMP, and the word is a handful of instructions on one
 * CPU, where it never has to wait.  Included by <asm/spinlock.h> only.
 */
#ifndef _ASM_SPINLOCK_TICKET_H
#define _ASM_SPINLOCK_TICKET_H

#include <asm/cpu.h>
#include <kernel/types.h>

typedef union {
	u32 val; /* both halves, for trylock's compare-and-swap */
	struct {
		u16 head; /* the ticket being served */
		u16 tail; /* the next ticket to hand out */
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		.val = 0          \
	}

static inline unsigned long native_spin_lock_spins(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->tail, 1, __ATOMIC_RELAXED);
	unsigned long spins = 0;

	while (__atomic_load_n(&lock->head, __ATOMIC_ACQUIRE) != ticket) {
		cpu_relax();
		spins++;
	}
	return spins;
}

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = __atomic_load_n(&lock->val, __ATOMIC_RELAXED);
	u16 head = old & 0xffff, tail = old >> 16;

	/* Free only when no ticket is outstanding; then take the next one. */
	return head == tail && __atomic_compare_exchange_n(&lock->val, &old, old + 0x10000, false,
							   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->head, lock->head + 1, __ATOMIC_RELEASE);
}

static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	return __atomic_load_n(&lock->head, __ATOMIC_RELAXED) !=
	       __atomic_load_n(&lock->tail, __ATOMIC_RELAXED);
}

#endif
