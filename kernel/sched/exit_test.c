// SPDX-License-Identifier: GPL-2.0
/*
 * The exit suite: what a task leaves behind when it ends, and what it
 * takes to end one.  A task that exits with preemption disabled is noted
 * as Linux notes it, and the tasks after it are preemptible; one that
 * exits holding mutexes hands them on, to a waiter or free.  Under fixed
 * priorities, kthread_stop() lends the stopper's priority to a task that
 * higher priorities would otherwise keep off the CPU for ever, along a
 * chain of mutexes and stops.
 */
#include <kernel/clocksource.h>
#include <kernel/completion.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
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
	if (IS_ENABLED(CONFIG_DEBUG_SPINLOCK)) {
		/* The lock names its owner as gone, without reading the freed task. */
		since = ktest_mute_console();
		KTEST_EXPECT_FALSE(t, spin_debug_lock(&exit_lock));
		ktest_unmute_console();
		snprintf(note, sizeof(note), ".owner: <exited>/%d, .owner_cpu: 0", pid);
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, note));
		KTEST_EXPECT_EQ(t, lock_bugs, bugs + 2);
	}
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

#define SHELL_PRIO 16 /* the default priority: the shell's, and a cpu workload's */

static struct task_struct *stop_hog;
static u64 hog_ns, hog_cpu_at_stop;

/* 200 ms, or more: four time slices and ticks, whatever Kconfig made them. */
static u64 stop_hog_ns(void)
{
	u64 slices = 4 * (TIMESLICE_TICKS + 1) * TICK_NSEC;

	return slices > 200 * NSEC_PER_MSEC ? slices : 200 * NSEC_PER_MSEC;
}

/* A cpu workload of the shell's: computes until told to stop. */
static int compute_until_stopped(void *unused)
{
	while (!kthread_should_stop())
		burn_cpu(NSEC_PER_MSEC);
	hog_cpu_at_stop = task_cputime_ns(stop_hog);
	return 0;
}

static int hog(void *unused)
{
	burn_cpu(hog_ns);
	return 0;
}

static struct task_struct *create_at(int (*fn)(void *), int prio, const char *name)
{
	struct task_struct *k = kthread_create(fn, NULL, "%s", name);

	if (!IS_ERR(k) && sched_set_param(k, prio)) {
		kthread_stop(k);
		return ERR_PTR(-EINVAL);
	}
	return k;
}

/*
 * The shell's "spawn cpu 1 16", "spawn cpu 1 0", "kill": the victim, at
 * priority 0, can run only on the stopper's priority, beside a hog at the
 * same one.  It stops within a time slice or two of the hog's, long before
 * the hog is done (or aging would lift it that far).
 */
static void stop_does_not_wait_for_the_victims_priority(struct ktest *t)
{
	int old = sched_get_param(current);
	struct task_struct *victim;

	if (!sched_policy_has(SCHED_STRICT_PRIORITY)) {
		ktest_skip(t, "only fixed priorities can keep a task off the CPU for ever");
		return;
	}
	victim = create_at(compute_until_stopped, 0, "stop-victim");
	stop_hog = create_at(hog, SHELL_PRIO, "stop-hog");
	KTEST_ASSERT_TRUE(t, !IS_ERR(victim) && !IS_ERR(stop_hog));
	sched_set_param(current, SHELL_PRIO);
	hog_ns = stop_hog_ns();
	hog_cpu_at_stop = hog_ns;
	wake_up_process(victim);
	wake_up_process(stop_hog);
	KTEST_EXPECT_EQ(t, kthread_stop(victim), 0);
	printk("    # the victim stopped after %llu ms of the hog's %llu\n",
	       (unsigned long long)(hog_cpu_at_stop / NSEC_PER_MSEC),
	       (unsigned long long)(hog_ns / NSEC_PER_MSEC));
	KTEST_EXPECT_LT(t, hog_cpu_at_stop, hog_ns / 2);
	KTEST_EXPECT_EQ(t, task_wait(stop_hog->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, sched_effective_param(current), SHELL_PRIO);
	sched_set_param(current, old);
}

static DEFINE_MUTEX(stop_a); /* the test holds it; the victim waits for it */
static DEFINE_MUTEX(stop_b); /* the stopper holds it; a high task waits for it */
static struct task_struct *chain_victim;

static int lock_a(void *unused)
{
	mutex_lock(&stop_a);
	mutex_unlock(&stop_a);
	return 0;
}

static int lock_b(void *unused)
{
	mutex_lock(&stop_b);
	mutex_unlock(&stop_b);
	return 0;
}

static int stop_holding_b(void *unused)
{
	int code;

	mutex_lock(&stop_b);
	code = kthread_stop(chain_victim);
	mutex_unlock(&stop_b);
	return code;
}

/*
 * The loan follows the chain: the victim (0) sleeps on a mutex the test
 * holds, so it can only take the priorities lent to it.  Its stopper's
 * (10), then what the stopper is given (12), then what a high task (30)
 * waiting on the stopper's mutex lends the stopper.
 */
static void stop_lends_priority_along_the_chain(struct ktest *t)
{
	int old = sched_get_param(current), code = -1;
	struct task_struct *stopper, *high;

	if (!sched_policy_has(SCHED_STRICT_PRIORITY | SCHED_PRIORITY_INHERITANCE)) {
		ktest_skip(t, "the policy has no priority inheritance");
		return;
	}
	sched_set_param(current, 31);
	mutex_lock(&stop_a);
	chain_victim = create_at(lock_a, 0, "chain-victim");
	stopper = create_at(stop_holding_b, 10, "chain-stopper");
	high = create_at(lock_b, 30, "chain-high");
	KTEST_ASSERT_TRUE(t, !IS_ERR(chain_victim) && !IS_ERR(stopper) && !IS_ERR(high));
	wake_up_process(chain_victim);
	wait_until(READ_ONCE(chain_victim->blocked_on) == &stop_a);
	wake_up_process(stopper);
	wait_until(READ_ONCE(chain_victim->waiter) == stopper);
	KTEST_EXPECT_EQ(t, sched_effective_param(chain_victim), 10);
	sched_set_param(stopper, 12);
	KTEST_EXPECT_EQ(t, sched_effective_param(chain_victim), 12);
	wake_up_process(high);
	wait_until(READ_ONCE(high->blocked_on) == &stop_b);
	KTEST_EXPECT_EQ(t, sched_effective_param(stopper), 30);
	KTEST_EXPECT_EQ(t, sched_effective_param(chain_victim), 30);
	mutex_unlock(&stop_a);
	KTEST_EXPECT_EQ(t, task_wait(stopper->pid, &code), 0);
	KTEST_EXPECT_EQ(t, code, 0);
	KTEST_EXPECT_EQ(t, task_wait(high->pid, NULL), 0);
	sched_set_param(current, old);
}

static const struct ktest_case exit_cases[] = {
	KTEST_CASE(exit_with_preemption_disabled_is_noted),
	KTEST_CASE(exit_holding_mutexes_hands_them_on),
	KTEST_CASE(stop_does_not_wait_for_the_victims_priority),
	KTEST_CASE(stop_lends_priority_along_the_chain),
	{},
};
KTEST_SUITE(exit, exit_cases);
