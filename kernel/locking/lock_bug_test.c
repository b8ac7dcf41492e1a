// SPDX-License-Identifier: GPL-2.0
/*
 * Lock bug tests: "ktest.lock_bug=NAME" makes init commit one lock bug on
 * purpose, in place of the test suites, for CONFIG_DEBUG_MUTEXES and
 * CONFIG_DEBUG_ATOMIC_SLEEP to catch.  The kernel reports it, refuses it
 * (or, for what a task leaves behind at exit, repairs it) and goes on; the
 * host runner (scripts/locktests.py) checks the report and that exactly
 * one was counted.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

static DEFINE_MUTEX(bug_lock);
static DEFINE_SPINLOCK(bug_spinlock);

static int unlock_it(void *unused)
{
	mutex_unlock(&bug_lock);
	return 0;
}

static int lock_and_exit(void *unused)
{
	mutex_lock(&bug_lock);
	return 0;
}

static int spin_lock_and_exit(void *unused)
{
	spin_lock(&bug_spinlock);
	return 0;
}

static void run_and_wait(int (*fn)(void *), const char *name)
{
	struct task_struct *k = kthread_run(fn, NULL, "%s", name);

	if (IS_ERR(k) || task_wait(k->pid, NULL))
		panic("ktest: lock bug: cannot run task %s", name);
}

static __noinline void unlock_not_owner(void)
{
	mutex_lock(&bug_lock);
	run_and_wait(unlock_it, "intruder");
	mutex_unlock(&bug_lock);
}

static __noinline void unlock_unlocked(void)
{
	mutex_unlock(&bug_lock);
}

static __noinline void recursive_lock(void)
{
	mutex_lock(&bug_lock);
	mutex_lock(&bug_lock);
	mutex_unlock(&bug_lock);
}

/* The mutex was handed on at exit: init takes it, and does not sleep for ever. */
static __noinline void held_at_exit(void)
{
	run_and_wait(lock_and_exit, "leaker");
	mutex_lock(&bug_lock);
	mutex_unlock(&bug_lock);
}

/* Noted, and init goes on with its own count. */
static __noinline void preempt_at_exit(void)
{
	run_and_wait(spin_lock_and_exit, "leaker");
}

/* Reported, and the count stays init's own until it enables preemption. */
static __noinline void schedule_while_atomic(void)
{
	preempt_disable();
	yield();
	preempt_enable();
}

static __noinline void sleep_in_atomic(void)
{
	local_irq_disable();
	mutex_lock(&bug_lock); /* free: it does not really sleep */
	mutex_unlock(&bug_lock);
	local_irq_enable();
}

static __noinline void spin_recursion(void)
{
	spin_lock(&bug_spinlock);
	spin_lock(&bug_spinlock); /* would spin for ever on one CPU */
	spin_unlock(&bug_spinlock);
}

static __noinline void spin_unlock_unlocked(void)
{
	spin_unlock(&bug_spinlock);
}

static __noinline void sleep_holding_spinlock(void)
{
	spin_lock(&bug_spinlock);
	mutex_lock(&bug_lock); /* free: it does not really sleep */
	mutex_unlock(&bug_lock);
	spin_unlock(&bug_spinlock);
}

static const struct {
	const char *name;
	void (*commit)(void);
} lock_bugs_table[] = {
	{ "unlock_not_owner", unlock_not_owner },
	{ "unlock_unlocked", unlock_unlocked },
	{ "recursive_lock", recursive_lock },
	{ "held_at_exit", held_at_exit },
	{ "preempt_at_exit", preempt_at_exit },
	{ "schedule_while_atomic", schedule_while_atomic },
	{ "sleep_in_atomic", sleep_in_atomic },
	{ "spin_recursion", spin_recursion },
	{ "spin_unlock_unlocked", spin_unlock_unlocked },
	{ "sleep_holding_spinlock", sleep_holding_spinlock },
};

static int requested = -1;

static int set_lock_bug(const char *val)
{
	size_t i;

	for (i = 0; val && i < ARRAY_SIZE(lock_bugs_table); i++) {
		if (!strcmp(val, lock_bugs_table[i].name)) {
			requested = i;
			return 0;
		}
	}
	return -EINVAL;
}
kernel_param("ktest.lock_bug", set_lock_bug);

bool ktest_commit_lock_bug(void)
{
	unsigned long before = lock_bugs;
	const char *name;

	if (requested < 0)
		return false;
	name = lock_bugs_table[requested].name;
	pr_info("ktest: lock bug %s\n", name);
	lock_bugs_table[requested].commit();
	pr_info("ktest: lock bug %s: %lu reported\n", name, lock_bugs - before);
	return true;
}
