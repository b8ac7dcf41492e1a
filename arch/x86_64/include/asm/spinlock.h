/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock word of spinlock_t (<kernel/spinlock.h>): a ticket lock, as
 * Linux x86 had before queued spinlocks.  A locker takes the next ticket
 * with one atomic add and waits until "head", the ticket being served,
 * reaches it; unlock serves the next ticket.  Lockers get the lock in the
 * order they asked, so none can starve on SMP, and the word is a handful
 * of instructions on one CPU, where it never has to wait.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <asm/cpu.h>
#include <kernel/types.h>

typedef struct {
	u16 head; /* the ticket being served */
	u16 tail; /* the next ticket to hand out */
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		0, 0              \
	}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->tail, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->head, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
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
