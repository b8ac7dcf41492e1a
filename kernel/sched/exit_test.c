// SPDX-License-Identifier: GPL-2.0
/*
 * The exit suite: what a task leaves behind when it ends.  A task that
 * exits with preemption disabled is noted as Linux notes it, and the
 * tasks after it are preemptible.
 */
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

static const struct ktest_case exit_cases[] = {
	KTEST_CASE(exit_with_preemption_disabled_is_noted),
	{},
};
KTEST_SUITE(exit, exit_cases);
