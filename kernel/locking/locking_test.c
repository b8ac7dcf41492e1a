// SPDX-License-Identifier: GPL-2.0
/*
 * The locking suite: mutexes keep tasks that give up the CPU inside the
 * critical section apart (an exact total, where the same code without the
 * mutex loses updates), hand the mutex to waiters in arrival order, and
 * trylock never sleeps; a semaphore lets exactly its count of tasks in.
 * With CONFIG_DEBUG_MUTEXES, each misuse is reported once and refused.
 * A spinlock holds off preemption (and interrupts, irqsave) exactly while
 * it is held; with CONFIG_DEBUG_SPINLOCK each misuse is reported once and
 * refused, the lock, the preemption count and the interrupt flag as they
 * were.
 */
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/semaphore.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define WORKERS	   4
#define INCREMENTS 50

static DEFINE_MUTEX(counter_lock);
static unsigned long counter;

/*
 * Read, give up the CPU, write: every other task runs in between.  A
 * sleep, as yield() may give the CPU straight back under a policy that
 * prefers the caller.
 */
static void slow_increment(void)
{
	unsigned long v = counter;

	msleep(1);
	counter = v + 1;
}

static int increment_locked(void *arg)
{
	int i;

	for (i = 0; i < INCREMENTS; i++) {
		mutex_lock(&counter_lock);
		slow_increment();
		mutex_unlock(&counter_lock);
	}
	return 0;
}

static int increment_unlocked(void *arg)
{
	int i;

	for (i = 0; i < INCREMENTS; i++)
		slow_increment();
	return 0;
}

static unsigned long run_workers(int (*fn)(void *))
{
	struct task_struct *k[WORKERS];
	int i;

	counter = 0;
	for (i = 0; i < WORKERS; i++)
		k[i] = kthread_run(fn, NULL, "incr-%d", i);
	for (i = 0; i < WORKERS; i++)
		if (IS_ERR(k[i]) || task_wait(k[i]->pid, NULL))
			return 0;
	return counter;
}

static void mutex_keeps_tasks_apart(struct ktest *t)
{
	/* The test can fail: without the mutex, updates are lost. */
	KTEST_EXPECT_LT(t, run_workers(increment_unlocked), WORKERS * INCREMENTS);
	KTEST_EXPECT_EQ(t, run_workers(increment_locked), WORKERS * INCREMENTS);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&counter_lock));
}

static char arrivals[8];
static unsigned int nr_arrivals;

static int lock_and_note(void *arg)
{
	mutex_lock(&counter_lock);
	arrivals[nr_arrivals++] = (char)(long)arg;
	mutex_unlock(&counter_lock);
	return 0;
}

static void mutex_hands_over_in_arrival_order(struct ktest *t)
{
	struct task_struct *k[3];
	int i;

	nr_arrivals = 0;
	memset(arrivals, 0, sizeof(arrivals));
	mutex_lock(&counter_lock);
	for (i = 0; i < 3; i++) {
		k[i] = kthread_run(lock_and_note, (void *)(long)('a' + i), "waiter-%c", 'a' + i);
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
		while (READ_ONCE(k[i]->blocked_on) != &counter_lock)
			msleep(1); /* until it queues on the mutex */
	}
	KTEST_EXPECT_EQ(t, nr_arrivals, 0);
	/*
	 * Handed to a, which cannot be overtaken by the caller taking it
	 * back: checked before a runs, which a policy may otherwise make it
	 * do as soon as it is woken.
	 */
	preempt_disable();
	mutex_unlock(&counter_lock);
	KTEST_EXPECT_FALSE(t, mutex_trylock(&counter_lock));
	preempt_enable();
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, NULL), 0);
	KTEST_EXPECT_STREQ(t, arrivals, "abc");
	KTEST_EXPECT_TRUE(t, mutex_trylock(&counter_lock));
	KTEST_EXPECT_TRUE(t, current->held_locks.next == &counter_lock.held);
	mutex_unlock(&counter_lock);
	KTEST_EXPECT_TRUE(t, list_empty(&current->held_locks));
}

static DEFINE_SEMAPHORE(slots, 2);
static unsigned int inside, most_inside;

static int use_a_slot(void *arg)
{
	down(&slots);
	inside++;
	if (inside > most_inside)
		most_inside = inside;
	msleep(1); /* the others try meanwhile */
	inside--;
	up(&slots);
	return 0;
}

static void semaphore_lets_count_tasks_in(struct ktest *t)
{
	struct task_struct *k[5];
	int i;

	inside = most_inside = 0;
	for (i = 0; i < 5; i++) {
		k[i] = kthread_run(use_a_slot, NULL, "slot-%d", i);
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
	}
	for (i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, most_inside, 2);
	KTEST_EXPECT_EQ(t, slots.count, 2);
	KTEST_EXPECT_EQ(t, down_trylock(&slots), 0);
	KTEST_EXPECT_EQ(t, down_trylock(&slots), 0);
	KTEST_EXPECT_EQ(t, down_trylock(&slots), 1); /* none left: refused */
	KTEST_EXPECT_EQ(t, slots.count, 0);
	up(&slots);
	up(&slots);
}

static struct mutex *to_unlock;

static int unlock_not_mine(void *arg)
{
	mutex_unlock(to_unlock);
	return 0;
}

/* Each misuse: one report, and the mutex as it was. */
static void misuse_is_reported_and_refused(struct ktest *t)
{
	unsigned long bugs = lock_bugs;
	struct task_struct *k;
	DEFINE_MUTEX(m);
	u64 since;

	if (!IS_ENABLED(CONFIG_DEBUG_MUTEXES)) {
		ktest_skip(t, "CONFIG_DEBUG_MUTEXES is off");
		return;
	}
	since = ktest_mute_console();
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
	mutex_lock(&m);
	mutex_lock(&m);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 2);
	KTEST_EXPECT_TRUE(t, m.owner == current);
	to_unlock = &m;
	k = kthread_run(unlock_not_mine, NULL, "not-owner");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	ktest_unmute_console();
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 3);
	KTEST_EXPECT_TRUE(t, m.owner == current);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "WARNING: bad unlock balance detected!"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "WARNING: possible recursive locking"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "DEBUG_LOCKS_WARN_ON("));
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 3);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
}

/* Preemption off is counted with CONFIG_PREEMPT_COUNT only. */
#define HELD IS_ENABLED(CONFIG_PREEMPT_COUNT)

static void spinlock_holds_off_preemption_and_interrupts(struct ktest *t)
{
	unsigned int count = preempt_count();
	unsigned long flags;
	DEFINE_SPINLOCK(l);

	spin_lock(&l);
	KTEST_EXPECT_TRUE(t, spin_is_locked(&l));
	KTEST_EXPECT_EQ(t, preempt_count(), count + HELD);
	KTEST_EXPECT_FALSE(t, irqs_disabled());
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&l));
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	spin_lock_irqsave(&l, flags);
	KTEST_EXPECT_TRUE(t, irqs_disabled());
	KTEST_EXPECT_EQ(t, preempt_count(), count + HELD);
	spin_unlock_irqrestore(&l, flags);
	KTEST_EXPECT_FALSE(t, irqs_disabled());
	KTEST_EXPECT_EQ(t, preempt_count(), count);
}

/* Each misuse: one report, and the lock, preemption and interrupts as they were. */
static void spinlock_misuse_is_reported_and_refused(struct ktest *t)
{
	unsigned int count = preempt_count();
	unsigned long bugs = lock_bugs;
	static struct task_struct other = { .pid = 99, .comm = "other" };
	spinlock_t bad = { .magic = 0 };
	DEFINE_SPINLOCK(l);
	u64 since;

	if (!IS_ENABLED(CONFIG_DEBUG_SPINLOCK)) {
		ktest_skip(t, "CONFIG_DEBUG_SPINLOCK is off");
		return;
	}
	since = ktest_mute_console();
	spin_unlock(&l);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&l));
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	spin_lock(&l);
	spin_lock(&l);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 2);
	KTEST_EXPECT_EQ(t, preempt_count(), count + HELD);
	l.owner = &other; /* as if another task held it, one no longer alive */
	l.owner_pid = other.pid;
	spin_unlock(&l);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 3);
	KTEST_EXPECT_TRUE(t, spin_is_locked(&l));
	KTEST_EXPECT_TRUE(t, l.owner == &other);
	l.owner = current;
	l.owner_pid = current->pid;
	l.owner_cpu = NR_CPUS; /* as if taken on a CPU that is not this one */
	spin_unlock(&l);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 4);
	KTEST_EXPECT_TRUE(t, spin_is_locked(&l));
	l.owner_cpu = smp_processor_id();
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&l));
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	spin_lock(&bad);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 5);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&bad));
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	/* A trylock too: refused, not taken to be refused at its unlock. */
	KTEST_EXPECT_FALSE(t, spin_trylock(&bad));
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 6);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&bad));
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "BUG: spinlock already unlocked on CPU#0"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "BUG: spinlock recursion on CPU#0"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "BUG: spinlock wrong owner on CPU#0"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "BUG: spinlock wrong CPU on CPU#0"));
	/* not in the task list: named as gone, its memory not read */
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, ".owner: <exited>/99, .owner_cpu: 0"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "BUG: spinlock bad magic on CPU#0"));
}

static const struct ktest_case locking_cases[] = {
	KTEST_CASE(mutex_keeps_tasks_apart),
	KTEST_CASE(mutex_hands_over_in_arrival_order),
	KTEST_CASE(semaphore_lets_count_tasks_in),
	KTEST_CASE(misuse_is_reported_and_refused),
	KTEST_CASE(spinlock_holds_off_preemption_and_interrupts),
	KTEST_CASE(spinlock_misuse_is_reported_and_refused),
	{},
};
KTEST_SUITE(locking, locking_cases);
