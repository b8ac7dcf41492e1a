/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock word of spinlock_t (<kernel/spinlock.h>): one of three designs,
 * chosen in Kconfig (kernel/locking/Kconfig), each in a header of its own
 * with the same API, so that spinlock_t, lock statistics and lock
 * debugging are written once:
 *
 *	arch_spinlock_t, __ARCH_SPIN_LOCK_UNLOCKED
 *	native_spin_lock_spins(l) take it the design's way; how many
 *				times the caller polled before it had it
 *				(0: it was free)
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

/* Set at boot, before a second CPU runs: see arch_spin_lock_spins() below. */
extern bool virt_spin_lock_on;
/* Under a hypervisor, set virt_spin_lock_on (arch/x86_64/kernel/virt_spinlock.c). */
void virt_spin_lock_init(void);

/*
 * Test-and-test-and-set over any design's word: try, and while that
 * fails, read the word (a shared, cached read) until it looks free.  The
 * TAS design's own wait, and every design's under a hypervisor.
 */
static inline unsigned long ttas_spin_lock_spins(arch_spinlock_t *lock)
{
	unsigned long spins = 0;

	while (!arch_spin_trylock(lock)) {
		do {
			cpu_relax();
			spins++;
		} while (arch_spin_is_locked(lock));
	}
	return spins;
}

/*
 * Take @lock; how many times the caller polled before it had it (0: it
 * was free).
 *
 * CONFIG_SPINLOCK_VIRT: a fair lock (ticket, MCS) under a hypervisor.
 * Its release hands the lock to the next waiter in line; if that
 * waiter's virtual CPU is not running just then (the host runs another,
 * or QEMU's single-threaded TCG runs one vCPU at a time), nobody may take
 * the lock until the host runs it again, and every other waiter waits
 * too.  A lock held for microseconds then costs the host's time slices,
 * and a busy lock (one run queue for every CPU) starves the machine.
 * Linux's qspinlock takes the lock by test-and-set instead there
 * (virt_spin_lock(), arch/x86/include/asm/qspinlock.h): whoever runs
 * takes the lock.  The word is the design's own; only trylock writes it.
 */
static inline unsigned long arch_spin_lock_spins(arch_spinlock_t *lock)
{
	if (IS_ENABLED(CONFIG_SPINLOCK_VIRT) && virt_spin_lock_on)
		return ttas_spin_lock_spins(lock);
	return native_spin_lock_spins(lock);
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	(void)arch_spin_lock_spins(lock);
}

#endif
