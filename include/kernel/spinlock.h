/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks, as in Linux.  spin_lock() guards state that only tasks
 * share; spin_lock_irqsave() guards state that an interrupt handler
 * shares too.  A task holding one runs with preemption off (and, with the
 * irqsave forms, interrupts off) until it unlocks, so it must not sleep:
 * CONFIG_DEBUG_ATOMIC_SLEEP reports a sleep with a spinlock held.
 *
 * On one CPU the lock word never has to wait: preemption off, or
 * interrupts off, already keeps every other holder out.  It is taken all
 * the same, so that the code is right as it stands when a second CPU
 * comes, and so that CONFIG_DEBUG_SPINLOCK can check every use and
 * report misuse as Linux does ("BUG: spinlock recursion on CPU#0").  A
 * misuse it reports is refused: the lock, the preemption count and the
 * interrupt flag stay as they were.
 */
#ifndef _KERNEL_SPINLOCK_H
#define _KERNEL_SPINLOCK_H

#include <asm/irqflags.h>
#include <asm/spinlock.h>
#include <kernel/compiler.h>
#include <kernel/lockdep.h>
#include <kernel/preempt.h>

struct task_struct;

#define SPINLOCK_MAGIC 0xdead4ead

typedef struct spinlock {
	arch_spinlock_t raw;
	/* CONFIG_DEBUG_SPINLOCK */
	unsigned int magic;
	int owner_cpu; /* -1 when free */
	struct task_struct *owner;
	int owner_pid; /* pids are never reused: tells the owner from a task at its old address */
	/* its name and class (<kernel/lockdep.h>) */
	struct lockdep_map dep_map;
} spinlock_t;

/* A lock of the class @key (NULL: its own address is its class's key). */
#define __SPIN_LOCK_UNLOCKED_CLASS(lname, key)                                              \
	{                                                                                   \
		.raw = __ARCH_SPIN_LOCK_UNLOCKED, .magic = SPINLOCK_MAGIC, .owner_cpu = -1, \
		.dep_map = STATIC_LOCKDEP_MAP_INIT(lname, key)                              \
	}
/* A static lock: its own address is its class's key. */
#define __SPIN_LOCK_UNLOCKED(lname) __SPIN_LOCK_UNLOCKED_CLASS(#lname, NULL)
#define DEFINE_SPINLOCK(x)	    spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
	*lock = (spinlock_t)__SPIN_LOCK_UNLOCKED();
	lock->dep_map.name = name;
	lock->dep_map.key = key;
}
/* One class per call site, as Linux's static struct lock_class_key. */
#define spin_lock_init(lock)                             \
	do {                                             \
		static struct lock_class_key __key;      \
		__spin_lock_init((lock), #lock, &__key); \
	} while (0)

/* CONFIG_DEBUG_SPINLOCK's checks (kernel/locking/spinlock_debug.c): false refuses. */
bool spin_debug_lock(spinlock_t *lock);
/* A trylock's: the magic only, since a lock held here is a refusal, not a bug. */
bool spin_debug_trylock(spinlock_t *lock);
void spin_debug_locked(spinlock_t *lock);
bool spin_debug_unlock(spinlock_t *lock);

/*
 * With preemption (or interrupts) already off: take the lock word.  The
 * spin count exists only where CONFIG_LOCK_STAT reads it; elsewhere the
 * compiler drops it, and the free path is the design's alone.
 */
static __always_inline bool do_spin_lock(spinlock_t *lock)
{
	unsigned long spins;

	if (IS_ENABLED(CONFIG_DEBUG_SPINLOCK) && !spin_debug_lock(lock))
		return false;
	/* Checked before it can wait: an inversion is reported, not hung on. */
	lock_acquire(&lock->dep_map, LOCK_KIND_SPIN, false, _THIS_IP_);
	spins = arch_spin_lock_spins(&lock->raw);
	lock_stat_acquired(&lock->dep_map, LOCK_KIND_SPIN, spins, spins);
	if (IS_ENABLED(CONFIG_DEBUG_SPINLOCK))
		spin_debug_locked(lock);
	return true;
}

static inline bool do_spin_unlock(spinlock_t *lock)
{
	if (IS_ENABLED(CONFIG_DEBUG_SPINLOCK) && !spin_debug_unlock(lock))
		return false;
	lock_release(&lock->dep_map);
	arch_spin_unlock(&lock->raw);
	return true;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	if (!do_spin_lock(lock))
		preempt_enable_no_resched();
}

static inline void spin_unlock(spinlock_t *lock)
{
	if (do_spin_unlock(lock))
		preempt_enable();
}

/*
 * Take @lock if it is free, without waiting: true if taken, to be let go
 * with spin_unlock().  For a caller that must not wait for @lock where it
 * stands (it holds a lock whose holder's CPU may want @lock's holder's
 * CPU's interrupt: fs/proc), and can let go and try again.  lockdep notes
 * the lock held, but no order: a trylock closes no cycle.
 */
static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if ((IS_ENABLED(CONFIG_DEBUG_SPINLOCK) && !spin_debug_trylock(lock)) ||
	    !arch_spin_trylock(&lock->raw)) {
		preempt_enable();
		return false;
	}
	lock_acquire(&lock->dep_map, LOCK_KIND_SPIN, true, _THIS_IP_);
	lock_stat_acquired(&lock->dep_map, LOCK_KIND_SPIN, 0, false);
	if (IS_ENABLED(CONFIG_DEBUG_SPINLOCK))
		spin_debug_locked(lock);
	return true;
}

/* Take @lock with interrupts off; the state before goes back with the unlock. */
static inline unsigned long __spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = local_irq_save();

	preempt_disable();
	if (!do_spin_lock(lock)) {
		preempt_enable_no_resched();
		local_irq_restore(flags);
	}
	return flags;
}
#define spin_lock_irqsave(lock, flags) ((flags) = __spin_lock_irqsave(lock))

/*
 * Interrupts go back as they were before preemption does, so that a task
 * woken meanwhile runs at once if it should (preempt_enable()).  A refused
 * unlock still gives back the caller's own interrupt state: the unlock of
 * a recursive lock that was refused has already released the lock.
 */
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	bool unlocked = do_spin_unlock(lock);

	local_irq_restore(flags);
	if (unlocked)
		preempt_enable();
}

static inline bool spin_is_locked(const spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw);
}

static inline void __spin_guard_end(spinlock_t **lock)
{
	spin_unlock(*lock);
}

/* spin_lock(@lock) from this line to the end of the enclosing block. */
#define spin_guard(lock)                                                              \
	spinlock_t *__spin_guard __attribute__((cleanup(__spin_guard_end), unused)) = \
		(spin_lock(lock), (lock))

#endif
