// SPDX-License-Identifier: GPL-2.0
/*
 * Lock bug tests: "ktest.lock_bug=NAME" makes init commit one lock bug on
 * purpose, in place of the test suites (a boot mode), for
 * CONFIG_DEBUG_MUTEXES, CONFIG_DEBUG_SPINLOCK, CONFIG_DEBUG_ATOMIC_SLEEP
 * and CONFIG_PROVE_LOCKING (ab_ba: an AB-BA inversion that never
 * deadlocks) to catch.  The kernel
 * reports it, refuses it (or, for what a task leaves behind at exit,
 * repairs it) and goes on; the host runner checks the report each mode
 * declares, and that exactly one was counted.
 */
#include <asm/irqflags.h>
#include <kernel/boot_mode.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

static DEFINE_MUTEX(bug_lock);
static DEFINE_SPINLOCK(bug_spinlock);
static DEFINE_SPINLOCK(bug_lock_a);
static DEFINE_SPINLOCK(bug_lock_b);

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

/* The first order: recorded, with this stack. */
static __noinline void lock_a_then_b(void)
{
	spin_lock(&bug_lock_a);
	spin_lock(&bug_lock_b);
	spin_unlock(&bug_lock_b);
	spin_unlock(&bug_lock_a);
}

/* The other: reported before it takes bug_lock_a (which is free: no deadlock here). */
static __noinline void lock_b_then_a(void)
{
	spin_lock(&bug_lock_b);
	spin_lock(&bug_lock_a);
	spin_unlock(&bug_lock_a);
	spin_unlock(&bug_lock_b);
}

static __noinline void ab_ba(void)
{
	lock_a_then_b();
	lock_b_then_a();
	barrier(); /* not a tail call: the stacks name ab_ba */
}

/*
 * Each is reported as Linux reports it, naming init (pid 1) or the task it
 * started (whose pid depends on the tasks the configuration has: 4 with
 * kworker and the watchdog), and counted once.
 */
BOOT_MODE_PARAM("ktest.lock_bug", lock_bug);

/* might_sleep()'s report, as Linux words it, about init taking bug_lock. */
#define MIGHT_SLEEP_REPORT(atomic, irqs_off)                                                     \
	BOOT_MODE_REPORT("BUG: sleeping function called from invalid context at "                \
			 "kernel/locking/mutex.c:",                                              \
			 "in_atomic(): " #atomic ", irqs_disabled(): " #irqs_off ", non_block: " \
			 "0, pid: 1, name: init")

#define LOCK_BUG(mname, text, ...) \
	BOOT_MODE("ktest.lock_bug", mname, text, mname, .count = &lock_bugs, __VA_ARGS__)

LOCK_BUG(unlock_not_owner, "a task unlocks a mutex init holds",
	 .report = BOOT_MODE_REPORT("------------[ cut here ]------------",
				    "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)",
				    "unlock of bug_lock, owned by init/1",
				    "CPU: 0 PID: {dec} Comm: intruder", "---[ end trace"),
	 .culprit = "unlock_it");
LOCK_BUG(unlock_unlocked, "init unlocks a free mutex",
	 .report = BOOT_MODE_REPORT("WARNING: bad unlock balance detected!",
				    "init/1 is trying to release lock (bug_lock) at:",
				    "but there are no more locks to release!"),
	 .culprit = "boot_mode_run");
LOCK_BUG(recursive_lock, "init locks a mutex it holds",
	 .report = BOOT_MODE_REPORT("WARNING: possible recursive locking detected",
				    "init/1 is trying to acquire lock:",
				    "but task is already holding lock:", "*** DEADLOCK ***"),
	 .culprit = "recursive_lock");
LOCK_BUG(held_at_exit, "a task exits holding a mutex, which init then takes",
	 .report = BOOT_MODE_REPORT("WARNING: leaker/{dec} still has locks held!",
				    "1 lock held by leaker/{dec}:", " #0: "),
	 .culprit = "task_exit");
LOCK_BUG(preempt_at_exit, "a task exits holding a spinlock",
	 .report = BOOT_MODE_REPORT("note: leaker[{dec}] exited with preempt_count 1"));
LOCK_BUG(schedule_while_atomic, "init yields with preemption disabled",
	 .report = BOOT_MODE_REPORT("BUG: scheduling while atomic: init/1/0x00000001"),
	 .culprit = "schedule_while_atomic");
LOCK_BUG(sleep_in_atomic, "init takes a mutex with interrupts disabled",
	 .report = MIGHT_SLEEP_REPORT(0, 1), .culprit = "sleep_in_atomic");
LOCK_BUG(spin_recursion, "init takes a spinlock it holds",
	 .report = BOOT_MODE_REPORT("BUG: spinlock recursion on CPU#0, init/1",
				    " lock: bug_spinlock, .magic: dead4ead, .owner: init/1, "
				    ".owner_cpu: 0"),
	 .culprit = "spin_recursion");
LOCK_BUG(spin_unlock_unlocked, "init releases a free spinlock",
	 .report = BOOT_MODE_REPORT("BUG: spinlock already unlocked on CPU#0, init/1",
				    " lock: bug_spinlock, .magic: dead4ead, .owner: <none>/-1, "
				    ".owner_cpu: -1"),
	 .culprit = "spin_unlock_unlocked");
/* Both stacks: the one that recorded a -> b, and the one taking a with b held. */
LOCK_BUG(
	ab_ba, "init takes two spinlocks in one order, then in the other",
	.needs = BOOT_MODE_NEEDS(CONFIG_PROVE_LOCKING),
	.report = BOOT_MODE_REPORT(
		"WARNING: possible circular locking dependency detected",
		"init/1 is trying to acquire lock:", "{hex} (bug_lock_a){spin}, at: lock_b_then_a+",
		"but task is already holding lock:", "{hex} (bug_lock_b){spin}, at: lock_b_then_a+",
		"which lock already depends on the new lock.",
		"the existing dependency chain (in reverse order) is:", "-> #1 (bug_lock_b){spin}:",
		"       lock_a_then_b+", "       ab_ba+",
		"-> #0 (bug_lock_a){spin}:", "       lock_b_then_a+", "       ab_ba+",
		" Possible unsafe locking scenario:", "  lock(bug_lock_b);", "lock(bug_lock_a);",
		"lock(bug_lock_b);", "  lock(bug_lock_a);", "*** DEADLOCK ***",
		"1 lock held by init/1:", " #0: {hex} (bug_lock_b){spin}, at: lock_b_then_a+",
		"stack backtrace:"),
	.culprit = "lock_b_then_a");
LOCK_BUG(sleep_holding_spinlock, "init takes a mutex holding a spinlock",
	 .report = MIGHT_SLEEP_REPORT(1, 0), .culprit = "sleep_holding_spinlock");
