/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock word of spinlock_t (<kernel/spinlock.h>): one of three designs,
 * chosen in Kconfig (kernel/locking/Kconfig), each in a header of its own
 * with the same API, so that spinlock_t, lock statistics and lock
 * debugging are written once:
 *
 *	arch_spinlock_t, __ARCH_SPIN_LOCK_UNLOCKED
 *	arch_spin_lock_spins(l)	take it; how many times the caller polled
 *				before it had it (0: it was free)
 *	arch_spin_lock(l)	take it
 *	arch_spin_trylock(l)	take it if free, without waiting
 *	arch_spin_unlock(l)	release it
 *	arch_spin_is_locked(l)	someone holds it
 *
 * The spin count costs nothing when nobody reads it: the functions are
 * inline, and a count no caller uses is dropped by the compiler.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#if defined(CONFIG_SPINLOCK_TAS)
#include <asm/spinlock_tas.h>
#elif defined(CONFIG_SPINLOCK_MCS)
#include <asm/spinlock_mcs.h>
#else
#include <asm/spinlock_ticket.h>
#endif

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	(void)arch_spin_lock_spins(lock);
}

#endif
