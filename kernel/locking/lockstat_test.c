// SPDX-License-Identifier: GPL-2.0
/*
 * The lockstat suite (CONFIG_LOCK_STAT): the counters move as they
 * should.  A lock nobody else holds counts acquisitions only; a spinlock
 * that another holder lets go of while the caller spins counts one
 * contended acquisition and its polls (on one CPU the other holder is
 * the case itself, which takes the lock word as another CPU would, and a
 * timer's interrupt lets go); a mutex or semaphore another task holds
 * counts a contended acquisition when the waiter had to sleep; reset
 * zeroes every class; the snapshot is sorted by contention; and classes
 * are what Linux makes them: one per definition or init call site.
 */
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/lockdep.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/semaphore.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static DEFINE_SPINLOCK(stat_spin);
static DEFINE_MUTEX(stat_mutex);
static DEFINE_SEMAPHORE(stat_sem, 1);

static struct lock_class *class_of(struct lockdep_map *map, enum lock_kind kind)
{
	return lockdep_class(map, kind);
}

#define EXPECT_COUNTS(t, c, acq, con)                       \
	do {                                                \
		KTEST_EXPECT_EQ(t, (c)->acquisitions, acq); \
		KTEST_EXPECT_EQ(t, (c)->contentions, con);  \
	} while (0)

static void uncontended_counts_acquisitions_only(struct ktest *t)
{
	struct lock_class *spin = class_of(&stat_spin.dep_map, LOCK_KIND_SPIN);
	struct lock_class *mutex = class_of(&stat_mutex.dep_map, LOCK_KIND_MUTEX);
	struct lock_class *sem = class_of(&stat_sem.dep_map, LOCK_KIND_SEMAPHORE);
	unsigned long flags;
	int i;

	KTEST_ASSERT_NOT_NULL(t, spin);
	KTEST_ASSERT_NOT_NULL(t, mutex);
	KTEST_ASSERT_NOT_NULL(t, sem);
	lock_stat_reset();
	for (i = 0; i < 5; i++) {
		spin_lock(&stat_spin);
		spin_unlock(&stat_spin);
	}
	spin_lock_irqsave(&stat_spin, flags);
	spin_unlock_irqrestore(&stat_spin, flags);
	for (i = 0; i < 3; i++) {
		mutex_lock(&stat_mutex);
		mutex_unlock(&stat_mutex);
	}
	KTEST_EXPECT_TRUE(t, mutex_trylock(&stat_mutex));
	KTEST_EXPECT_FALSE(t, mutex_trylock(&stat_mutex)); /* refused: not counted */
	mutex_unlock(&stat_mutex);
	down(&stat_sem);
	KTEST_EXPECT_EQ(t, down_trylock(&stat_sem), 1); /* refused: not counted */
	up(&stat_sem);
	EXPECT_COUNTS(t, spin, 6, 0);
	KTEST_EXPECT_EQ(t, spin->spins, 0);
	EXPECT_COUNTS(t, mutex, 4, 0);
	EXPECT_COUNTS(t, sem, 1, 0);
	KTEST_EXPECT_STREQ(t, spin->name, "stat_spin");
	KTEST_EXPECT_EQ(t, spin->kind, LOCK_KIND_SPIN);
}

static struct timer_list release_timer;

static void release_word(struct timer_list *unused)
{
	arch_spin_unlock(&stat_spin.raw);
}

static void spinlock_released_meanwhile_counts_contention(struct ktest *t)
{
	struct lock_class *spin = class_of(&stat_spin.dep_map, LOCK_KIND_SPIN);

	KTEST_ASSERT_NOT_NULL(t, spin);
	lock_stat_reset();
	arch_spin_lock(&stat_spin.raw); /* "another CPU" holds it */
	timer_setup(&release_timer, release_word, 0);
	mod_timer(&release_timer, jiffies + 2);
	spin_lock(&stat_spin); /* spins, interrupts on, until the tick lets go */
	spin_unlock(&stat_spin);
	EXPECT_COUNTS(t, spin, 1, 1);
	KTEST_EXPECT_GT(t, spin->spins, 0);
	spin_lock(&stat_spin);
	spin_unlock(&stat_spin);
	EXPECT_COUNTS(t, spin, 2, 1);
}

static int take_mutex(void *unused)
{
	mutex_lock(&stat_mutex);
	mutex_unlock(&stat_mutex);
	return 0;
}

static int take_sem(void *unused)
{
	down(&stat_sem);
	up(&stat_sem);
	return 0;
}

static void sleeping_locks_count_contention(struct ktest *t)
{
	struct lock_class *mutex = class_of(&stat_mutex.dep_map, LOCK_KIND_MUTEX);
	struct lock_class *sem = class_of(&stat_sem.dep_map, LOCK_KIND_SEMAPHORE);
	struct task_struct *k;

	KTEST_ASSERT_NOT_NULL(t, mutex);
	KTEST_ASSERT_NOT_NULL(t, sem);
	lock_stat_reset();
	mutex_lock(&stat_mutex);
	k = kthread_run(take_mutex, NULL, "stat-mutex");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	while (READ_ONCE(k->blocked_on) != &stat_mutex)
		msleep(1); /* until it sleeps on the mutex */
	mutex_unlock(&stat_mutex);
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	EXPECT_COUNTS(t, mutex, 2, 1);
	KTEST_EXPECT_GT(t, mutex->spins, 0);

	down(&stat_sem);
	k = kthread_run(take_sem, NULL, "stat-sem");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	while (list_empty(&stat_sem.waiters))
		msleep(1); /* until it sleeps on the semaphore */
	up(&stat_sem);
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	EXPECT_COUNTS(t, sem, 2, 1);
}

static struct lock_stat snap[CONFIG_LOCKDEP_MAX_CLASSES];

static void reset_zeroes_and_snapshot_sorts(struct ktest *t)
{
	unsigned int n, i;

	spin_lock(&stat_spin);
	spin_unlock(&stat_spin);
	lock_stat_reset();
	n = lock_stat_snapshot(snap, ARRAY_SIZE(snap));
	KTEST_EXPECT_GT(t, n, 3);
	for (i = 0; i < n && i < ARRAY_SIZE(snap); i++)
		if (snap[i].contentions || snap[i].spins)
			break; /* only the counts of what ran since can move: none contended */
	KTEST_EXPECT_EQ(t, i, n);

	/* One contended class: it comes first, and the rest do not increase. */
	arch_spin_lock(&stat_spin.raw);
	timer_setup(&release_timer, release_word, 0);
	mod_timer(&release_timer, jiffies + 2);
	spin_lock(&stat_spin);
	spin_unlock(&stat_spin);
	n = lock_stat_snapshot(snap, ARRAY_SIZE(snap));
	KTEST_EXPECT_STREQ(t, snap[0].name, "stat_spin");
	KTEST_EXPECT_EQ(t, snap[0].contentions, 1);
	for (i = 1; i < n && i < ARRAY_SIZE(snap); i++)
		ktest_check(t,
			    snap[i].contentions < snap[i - 1].contentions ||
				    (snap[i].contentions == snap[i - 1].contentions &&
				     snap[i].acquisitions <= snap[i - 1].acquisitions),
			    __FILE__, __LINE__, "%s after %s", snap[i].name, snap[i - 1].name);
	/* A short buffer gets the first entries, and the whole count. */
	KTEST_EXPECT_EQ(t, lock_stat_snapshot(snap, 1), n);
	KTEST_EXPECT_STREQ(t, snap[0].name, "stat_spin");
	KTEST_EXPECT_EQ(t, lock_stat_snapshot(snap, 0), n);
}

struct two_locks {
	spinlock_t a, b;
};

static void init_pair(struct two_locks *p)
{
	spin_lock_init(&p->a);
	spin_lock_init(&p->b);
}

static struct lock_class *stack_lock_class(void)
{
	DEFINE_SPINLOCK(stack_lock); /* no static key: its name is */

	return class_of(&stack_lock.dep_map, LOCK_KIND_SPIN);
}

static void a_class_per_definition_or_init_site(struct ktest *t)
{
	struct two_locks x, y;

	init_pair(&x);
	init_pair(&y);
	/* The same call site: one class, whatever the instance. */
	KTEST_EXPECT_TRUE(t, class_of(&x.a.dep_map, LOCK_KIND_SPIN) ==
				     class_of(&y.a.dep_map, LOCK_KIND_SPIN));
	KTEST_EXPECT_TRUE(t, class_of(&x.a.dep_map, LOCK_KIND_SPIN) !=
				     class_of(&x.b.dep_map, LOCK_KIND_SPIN));
	KTEST_EXPECT_STREQ(t, class_of(&x.a.dep_map, LOCK_KIND_SPIN)->name, "&p->a");
	/* Static definitions: each its own. */
	KTEST_EXPECT_TRUE(t, class_of(&stat_spin.dep_map, LOCK_KIND_SPIN) !=
				     class_of(&x.a.dep_map, LOCK_KIND_SPIN));
	/* On the stack: by name, so not a class per call. */
	KTEST_EXPECT_NOT_NULL(t, stack_lock_class());
	KTEST_EXPECT_TRUE(t, stack_lock_class() == stack_lock_class());
	/* Never initialized: no class. */
	{
		struct lockdep_map none = { 0 };

		KTEST_EXPECT_NULL(t, class_of(&none, LOCK_KIND_SPIN));
	}
}

static const struct ktest_case lockstat_cases[] = {
	KTEST_CASE(uncontended_counts_acquisitions_only),
	KTEST_CASE(spinlock_released_meanwhile_counts_contention),
	KTEST_CASE(sleeping_locks_count_contention),
	KTEST_CASE(reset_zeroes_and_snapshot_sorts),
	KTEST_CASE(a_class_per_definition_or_init_site),
	{},
};
KTEST_SUITE(lockstat, lockstat_cases);
