// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlock waits on one CPU.  A waiter needs a holder that lets go while
 * it spins, which on one CPU only an interrupt can be: the case takes the
 * lock word itself, as another CPU would, and arms a timer whose handler
 * (the tick's interrupt) releases it; the caller then spins on the lock
 * with interrupts on, and must get it once the handler has run, having
 * counted polls, whatever the design.  For the MCS lock the handler
 * also waits in the slow path itself, on a node of the same CPU, while
 * the interrupted task's node is queued on the first lock: the task's
 * node must come through untouched (mcs_spinlock.c says why it does).
 */
#include <kernel/ktest.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static arch_spinlock_t held_by_other = __ARCH_SPIN_LOCK_UNLOCKED;
static struct timer_list release_timer;
static bool released;
#ifdef CONFIG_SPINLOCK_MCS
static unsigned int handler_found_in_use, handler_left_in_use;
static u16 tail_before, tail_after;
static unsigned long handler_spins;
#endif

static void release_from_interrupt(struct timer_list *unused)
{
#ifdef CONFIG_SPINLOCK_MCS
	arch_spinlock_t other = __ARCH_SPIN_LOCK_UNLOCKED;

	handler_found_in_use = mcs_spin_nesting[smp_processor_id()];
	tail_before = held_by_other.tail;
	handler_spins = mcs_spin_lock_slowpath(&other); /* takes the next node */
	arch_spin_unlock(&other);
	tail_after = held_by_other.tail;
	handler_left_in_use = mcs_spin_nesting[smp_processor_id()];
#endif
	released = true;
	arch_spin_unlock(&held_by_other);
}

static void waiter_spins_until_interrupt_releases(struct ktest *t)
{
	unsigned long spins;

	released = false;
	arch_spin_lock(&held_by_other); /* "another CPU" holds it */
	timer_setup(&release_timer, release_from_interrupt, 0);
	mod_timer(&release_timer, jiffies + 2);
	preempt_disable(); /* as spin_lock() waits: not preempted, interrupts on */
	spins = native_spin_lock_spins(&held_by_other); /* the design's own wait */
	preempt_enable();
	KTEST_EXPECT_TRUE(t, released);
	KTEST_EXPECT_GT(t, spins, 0);
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&held_by_other));
	arch_spin_unlock(&held_by_other);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&held_by_other));
	/* Free again, and taken at once. */
	KTEST_EXPECT_EQ(t, arch_spin_lock_spins(&held_by_other), 0);
	arch_spin_unlock(&held_by_other);
#ifdef CONFIG_SPINLOCK_MCS
	KTEST_EXPECT_EQ(t, handler_found_in_use, 1); /* the task's node */
	KTEST_EXPECT_EQ(t, handler_left_in_use, 1);
	KTEST_EXPECT_EQ(t, handler_spins, 1);
	KTEST_EXPECT_NE(t, tail_before, 0); /* the task was queued, its node at the tail */
	KTEST_EXPECT_EQ(t, tail_after, tail_before);
	KTEST_EXPECT_EQ(t, held_by_other.val, 0); /* the queue emptied */
	KTEST_EXPECT_EQ(t, mcs_spin_nesting[smp_processor_id()], 0);
#endif
}

static const struct ktest_case spinlock_wait_cases[] = {
	KTEST_CASE(waiter_spins_until_interrupt_releases),
	{},
};
KTEST_SUITE(spinlock_wait, spinlock_wait_cases);
