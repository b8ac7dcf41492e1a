// SPDX-License-Identifier: GPL-2.0
/*
 * The exit suite: what a task leaves behind when it ends.  A task that
 * exits with preemption disabled is noted as Linux notes it, and the
 * tasks after it are preemptible; one that exits holding mutexes hands
 * them on, to a waiter or free.
 */
#include <kernel/completion.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>
#include "sched.h"

/* Sleep a millisecond at a time until @cond holds, at most a second. */
#define wait_until(cond)                                       \
	do {                                                   \
		unsigned int __ms;                             \
                                                               \
		for (__ms = 0; !(cond) && __ms < 1000; __ms++) \
			msleep(1);                             \
	} while (0)

static DEFINE_SPINLOCK(exit_lock);

static int return_holding_spinlock(void *unused)
{
	spin_lock(&exit_lock);
	return 0;
}

static unsigned int later_count;
static bool later_done;

static int note_count_and_compute(void *arg)
{
	later_count = preempt_count();
	burn_cpu(*(u64 *)arg);
	WRITE_ONCE(later_done, true);
	return 0;
}

/*
 * The note, and the tasks after it as preemptible as ever: one that
 * computes for three time slices and ticks, offering the CPU all along,
 * lets the test, which sleeps until it has started, run again long
 * before it is done.
 */
static void exit_with_preemption_disabled_is_noted(struct ktest *t)
{
	u64 compute_ns = 3 * (TIMESLICE_TICKS + 1) * TICK_NSEC;
	unsigned long bugs = lock_bugs;
	struct task_struct *k;
	char note[64];
	int pid, err;
	u64 since;

	if (!IS_ENABLED(CONFIG_PREEMPT_COUNT)) {
		ktest_skip(t, "CONFIG_PREEMPT_COUNT is off: spin_lock() counts nothing");
		return;
	}
	since = ktest_mute_console();
	k = kthread_run(return_holding_spinlock, NULL, "exit-atomic");
	pid = IS_ERR(k) ? -1 : k->pid;
	err = IS_ERR(k) ? (int)PTR_ERR(k) : task_wait(pid, NULL);
	ktest_unmute_console();
	KTEST_ASSERT_EQ(t, err, 0);
	snprintf(note, sizeof(note), "note: exit-atomic[%d] exited with preempt_count 1", pid);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, note));
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1);
	spin_lock_init(&exit_lock); /* its holder is gone */

	later_count = ~0U;
	later_done = false;
	k = kthread_run(note_count_and_compute, &compute_ns, "exit-later");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	wait_until(READ_ONCE(later_count) != ~0U);
	KTEST_EXPECT_FALSE(t, READ_ONCE(later_done));
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, later_count, 0);
}

static DEFINE_MUTEX(exit_waited);
static DEFINE_MUTEX(exit_free);
static DECLARE_COMPLETION(exit_go);
static bool waiter_got_it;

static int return_holding_mutexes(void *unused)
{
	mutex_lock(&exit_waited);
	mutex_lock(&exit_free);
	wait_for_completion(&exit_go);
	return 0;
}

static int lock_after_holder(void *unused)
{
	mutex_lock(&exit_waited);
	WRITE_ONCE(waiter_got_it, true);
	mutex_unlock(&exit_waited);
	return 0;
}

/*
 * Two mutexes held at exit: the one with a waiter goes to the waiter, the
 * other is free, and neither points at the task any more.
 */
static void exit_holding_mutexes_hands_them_on(struct ktest *t)
{
	unsigned long bugs = lock_bugs;
	struct task_struct *holder, *waiter;
	char report[64];
	int pid;
	u64 since;

	waiter_got_it = false;
	init_completion(&exit_go);
	holder = kthread_run(return_holding_mutexes, NULL, "exit-holder");
	KTEST_ASSERT_TRUE(t, !IS_ERR(holder));
	pid = holder->pid;
	wait_until(READ_ONCE(exit_free.owner) == holder);
	KTEST_ASSERT_TRUE(t, exit_free.owner == holder);
	waiter = kthread_run(lock_after_holder, NULL, "exit-waiter");
	KTEST_ASSERT_TRUE(t, !IS_ERR(waiter));
	wait_until(READ_ONCE(waiter->blocked_on) == &exit_waited);
	KTEST_ASSERT_TRUE(t, waiter->blocked_on == &exit_waited);

	since = ktest_mute_console();
	complete(&exit_go);
	KTEST_EXPECT_EQ(t, task_wait(pid, NULL), 0);
	wait_until(READ_ONCE(waiter_got_it));
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, waiter_got_it);
	if (!waiter_got_it)
		return; /* it sleeps for ever: nothing more to collect */
	KTEST_EXPECT_EQ(t, task_wait(waiter->pid, NULL), 0);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&exit_waited));
	KTEST_EXPECT_TRUE(t, list_empty(&exit_waited.waiters));
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&exit_free));
	KTEST_EXPECT_TRUE(t, mutex_trylock(&exit_free));
	KTEST_EXPECT_TRUE(t, current->held_locks.next == &exit_free.held);
	mutex_unlock(&exit_free);
	if (IS_ENABLED(CONFIG_DEBUG_MUTEXES)) {
		snprintf(report, sizeof(report), "2 locks held by exit-holder/%d:", pid);
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, report));
		KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1);
	} else {
		KTEST_EXPECT_EQ(t, lock_bugs, bugs);
	}
}

static const struct ktest_case exit_cases[] = {
	KTEST_CASE(exit_with_preemption_disabled_is_noted),
	KTEST_CASE(exit_holding_mutexes_hands_them_on),
	{},
};
KTEST_SUITE(exit, exit_cases);
