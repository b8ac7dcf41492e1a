/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CONFIG_SPINLOCK_TAS: test-and-test-and-set.  The lock is a word that
 * xchg sets; a locker that finds it set reads it (a shared, cached read
 * that makes no bus traffic) until it looks free, and only then tries the
 * xchg again, as the classic TTAS lock does to keep waiters from writing
 * the line in turn.  Unfair: whoever's xchg lands first after a release
 * wins.  Included by <asm/spinlock.h> only.
 */
#ifndef _ASM_SPINLOCK_TAS_H
#define _ASM_SPINLOCK_TAS_H

#include <asm/cpu.h>
#include <kernel/types.h>

typedef struct {
	u32 locked; /* 1 while held */
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		0                 \
	}

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

/*
 * The wait is test-and-test-and-set over trylock and is_locked, written
 * once in <asm/spinlock.h>, where it also serves the fair designs under a
 * hypervisor (CONFIG_SPINLOCK_VIRT).
 */
#define native_spin_lock_spins(lock) ttas_spin_lock_spins(lock)

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	return __atomic_load_n(&lock->locked, __ATOMIC_RELAXED);
}

#endif
