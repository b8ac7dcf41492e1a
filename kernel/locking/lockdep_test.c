// SPDX-License-Identifier: GPL-2.0
/*
 * The lockdep suite (CONFIG_PROVE_LOCKING), on classes of its own so
 * that nothing it does can meet an order the rest of the kernel takes:
 * held locks are stacked and unstacked, in or out of order; taking B with
 * A held records A -> B and not B -> A, for spinlocks and mutexes; a
 * trylock records no order; and a task switched out holding a spinlock is
 * reported (muted), but not the one lock the scheduler may be told to
 * allow.  Detecting a cycle would report and turn the checks off for the
 * rest of the boot: the lock_graph suite covers the detection on a graph
 * of its own, and the lock_bug boot mode ab_ba the report.
 */
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>

static DEFINE_SPINLOCK(dep_a);
static DEFINE_SPINLOCK(dep_b);
static DEFINE_SPINLOCK(dep_c);
static DEFINE_MUTEX(dep_m);
static DEFINE_MUTEX(dep_try);

static void held_locks_stack_up_and_down(struct ktest *t)
{
	unsigned int depth = current->lockdep_depth;

	KTEST_ASSERT_TRUE(t, lockdep_enabled());
	spin_lock(&dep_a);
	spin_lock(&dep_b);
	KTEST_EXPECT_EQ(t, current->lockdep_depth, depth + 2);
	KTEST_EXPECT_TRUE(t, current->held_dep[depth].instance == &dep_a.dep_map);
	KTEST_EXPECT_TRUE(t, current->held_dep[depth + 1].instance == &dep_b.dep_map);
	KTEST_EXPECT_STREQ(t, current->held_dep[depth + 1].class->name, "dep_b");
	KTEST_EXPECT_FALSE(t, current->held_dep[depth + 1].hardirq);
	/* Out of order: the other stays. */
	spin_unlock(&dep_a);
	KTEST_EXPECT_EQ(t, current->lockdep_depth, depth + 1);
	KTEST_EXPECT_TRUE(t, current->held_dep[depth].instance == &dep_b.dep_map);
	spin_unlock(&dep_b);
	KTEST_EXPECT_EQ(t, current->lockdep_depth, depth);
}

static void orders_are_recorded_one_way(struct ktest *t)
{
	spin_lock(&dep_a);
	spin_lock(&dep_b);
	spin_unlock(&dep_b);
	spin_unlock(&dep_a);
	KTEST_EXPECT_TRUE(t, lockdep_depends(&dep_a.dep_map, &dep_b.dep_map, LOCK_KIND_SPIN));
	KTEST_EXPECT_FALSE(t, lockdep_depends(&dep_b.dep_map, &dep_a.dep_map, LOCK_KIND_SPIN));
	/* A mutex, then a spinlock under it: the mutex comes first. */
	mutex_lock(&dep_m);
	spin_lock(&dep_c);
	spin_unlock(&dep_c);
	mutex_unlock(&dep_m);
	KTEST_EXPECT_TRUE(t, lockdep_depends(&dep_m.dep_map, &dep_c.dep_map, LOCK_KIND_SPIN));
	KTEST_EXPECT_FALSE(t, lockdep_depends(&dep_c.dep_map, &dep_m.dep_map, LOCK_KIND_SPIN));
	/* Transitive orders are found by the search, not recorded. */
	KTEST_EXPECT_FALSE(t, lockdep_depends(&dep_a.dep_map, &dep_c.dep_map, LOCK_KIND_SPIN));
	KTEST_EXPECT_TRUE(t, lockdep_enabled());
}

static void trylock_records_no_order(struct ktest *t)
{
	unsigned int depth = current->lockdep_depth;

	spin_lock(&dep_c);
	KTEST_EXPECT_TRUE(t, mutex_trylock(&dep_try));	       /* sleeping lock under a spinlock: */
	KTEST_EXPECT_EQ(t, current->lockdep_depth, depth + 2); /* a trylock, it cannot sleep */
	mutex_unlock(&dep_try);
	spin_unlock(&dep_c);
	KTEST_EXPECT_EQ(t, current->lockdep_depth, depth);
	KTEST_EXPECT_FALSE(t, lockdep_depends(&dep_c.dep_map, &dep_try.dep_map, LOCK_KIND_MUTEX));
}

static void spinlock_across_switch_is_reported(struct ktest *t)
{
	unsigned long bugs = lock_bugs;
	u64 since;

	/* The one the scheduler allows is not reported. */
	spin_lock(&dep_c);
	lockdep_check_switch(current, &dep_c.dep_map);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs);
	since = ktest_mute_console();
	yield(); /* also "scheduling while atomic" where preemption is counted */
	ktest_unmute_console();
	spin_unlock(&dep_c);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1 + IS_ENABLED(CONFIG_PREEMPT_COUNT));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "BUG: spinlock held across a context "
						       "switch: "));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "(dep_c){spin}, at: "));
	KTEST_EXPECT_TRUE(t, lockdep_enabled()); /* a report of its own kind: checks go on */
	/* Without it, nothing. */
	since = ktest_mute_console();
	yield();
	ktest_unmute_console();
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1 + IS_ENABLED(CONFIG_PREEMPT_COUNT));
}

static const struct ktest_case lockdep_cases[] = {
	KTEST_CASE(held_locks_stack_up_and_down),
	KTEST_CASE(orders_are_recorded_one_way),
	KTEST_CASE(trylock_records_no_order),
	KTEST_CASE(spinlock_across_switch_is_reported),
	{},
};
KTEST_SUITE(lockdep, lockdep_cases);
