// SPDX-License-Identifier: GPL-2.0
/*
 * The spinlock suite: the lock word of whichever design Kconfig chose
 * (<asm/spinlock.h>) through the one API all three share, so that every
 * design passes the same cases, in the kernel and, under the sanitizers,
 * in the host program.  A free lock is taken at once with no spin, a held
 * one refuses trylock, an unlock frees it, and, for the MCS lock, a CPU
 * that runs out of queue nodes says so and still gets the lock.  The
 * waits themselves, which need a holder that lets go while the caller
 * spins, are in spinlock_wait_test.c (an interrupt lets go: kernel only).
 */
#include <kernel/ktest.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>

static void arch_lock_free_held_free(struct ktest *t)
{
	arch_spinlock_t l = __ARCH_SPIN_LOCK_UNLOCKED;
	int round;

	/* Several rounds: a ticket lock's counters must move in step. */
	for (round = 0; round < 3; round++) {
		KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&l));
		KTEST_EXPECT_EQ(t, arch_spin_lock_spins(&l), 0);
		KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l));
		KTEST_EXPECT_FALSE(t, arch_spin_trylock(&l));
		KTEST_EXPECT_FALSE(t, arch_spin_trylock(&l)); /* a refusal changes nothing */
		KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l));
		arch_spin_unlock(&l);
		KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&l));
		KTEST_EXPECT_TRUE(t, arch_spin_trylock(&l));
		KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l));
		arch_spin_unlock(&l);
	}
}

/* Locks are independent words: holding one says nothing of another. */
static void arch_locks_are_independent(struct ktest *t)
{
	arch_spinlock_t a = __ARCH_SPIN_LOCK_UNLOCKED, b = __ARCH_SPIN_LOCK_UNLOCKED;

	arch_spin_lock(&a);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&b));
	KTEST_EXPECT_TRUE(t, arch_spin_trylock(&b));
	arch_spin_unlock(&a);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&a));
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&b));
	arch_spin_unlock(&b);
}

/* spinlock_t over it: the lock word follows spin_lock() and spin_unlock(). */
static void spinlock_takes_the_word(struct ktest *t)
{
	DEFINE_SPINLOCK(l);

	spin_lock(&l);
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l.raw));
	KTEST_EXPECT_FALSE(t, arch_spin_trylock(&l.raw));
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&l.raw));
}

/* spin_trylock(): a free lock is taken, a held one refused, and nothing else changes. */
static void spin_trylock_takes_only_a_free_lock(struct ktest *t)
{
	DEFINE_SPINLOCK(l);
	DEFINE_SPINLOCK(other);

	KTEST_EXPECT_TRUE(t, spin_trylock(&l));
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l.raw));
	KTEST_EXPECT_FALSE(t, spin_trylock(&l));
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l.raw));
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&other.raw));
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&l.raw));
	spin_lock(&l);
	KTEST_EXPECT_FALSE(t, spin_trylock(&l));
	spin_unlock(&l);
	KTEST_EXPECT_TRUE(t, spin_trylock(&l));
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&l.raw));
}

#ifdef CONFIG_SPINLOCK_MCS
/*
 * Every node of the CPU in use (as if MCS_NODES contexts were waiting):
 * the next waiter is reported, once, and still gets the lock by
 * test-and-set; the nodes in use are as they were.
 */
static void mcs_node_overflow_is_reported(struct ktest *t)
{
	unsigned long before = mcs_node_overflows, flags = 0;
	unsigned int *nesting = &mcs_spin_nesting[smp_processor_id()], saved;
	arch_spinlock_t l = __ARCH_SPIN_LOCK_UNLOCKED;
	u64 since = ktest_mute_console();

	/* No interrupt handler may wait meanwhile: it would find no node. */
	if (!IS_ENABLED(CONFIG_HOST))
		flags = local_irq_save();
	saved = *nesting;
	*nesting = MCS_NODES;
	KTEST_EXPECT_GE(t, mcs_spin_lock_slowpath(&l), 1);
	KTEST_EXPECT_EQ(t, *nesting, MCS_NODES);
	*nesting = saved;
	if (!IS_ENABLED(CONFIG_HOST))
		local_irq_restore(flags);
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&l));
	KTEST_EXPECT_EQ(t, l.tail, 0); /* it never queued */
	arch_spin_unlock(&l);
	KTEST_EXPECT_EQ(t, mcs_node_overflows, before + 1);
	if (!before)
		KTEST_EXPECT_TRUE(t,
				  ktest_log_contains(since, "BUG: MCS spinlock nodes exhausted"));
}

/* The slow path on a lock that is free by then takes it without queueing. */
static void mcs_slowpath_on_free_lock(struct ktest *t)
{
	arch_spinlock_t l = __ARCH_SPIN_LOCK_UNLOCKED;
	unsigned int in_use = mcs_spin_nesting[smp_processor_id()];

	preempt_disable();
	KTEST_EXPECT_EQ(t, mcs_spin_lock_slowpath(&l), 1);
	preempt_enable();
	KTEST_EXPECT_EQ(t, l.locked, 1);
	KTEST_EXPECT_EQ(t, l.tail, 0);
	KTEST_EXPECT_EQ(t, mcs_spin_nesting[smp_processor_id()], in_use);
	arch_spin_unlock(&l);
	KTEST_EXPECT_EQ(t, l.val, 0);
}
#endif

static const struct ktest_case spinlock_cases[] = {
	KTEST_CASE(arch_lock_free_held_free),
	KTEST_CASE(arch_locks_are_independent),
	KTEST_CASE(spinlock_takes_the_word),
	KTEST_CASE(spin_trylock_takes_only_a_free_lock),
#ifdef CONFIG_SPINLOCK_MCS
	KTEST_CASE(mcs_node_overflow_is_reported),
	KTEST_CASE(mcs_slowpath_on_free_lock),
#endif
	{},
};
KTEST_SUITE(spinlock, spinlock_cases);
