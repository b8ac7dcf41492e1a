// SPDX-License-Identifier: GPL-2.0
/*
 * The locktorture suite, after Linux's kernel/locking/locktorture.c: two
 * tasks on every CPU take the same lock over and over, and in each
 * critical section read a shared counter, dawdle, and write it back one
 * higher.  The lock is all that keeps two increments apart, so the total
 * is exact only if it excludes: a lost increment, or a second task found
 * inside, fails the case.  Each kind of lock gets a case: spinlock (the
 * design Kconfig picked), spinlock with interrupts off, mutex, and
 * semaphore; a semaphore of two admits two at a time, never three.
 *
 * One CPU can only interleave the tasks where they sleep or are
 * preempted, so the cases prove most with several (-smp 4 in the smp
 * group); they run, and must pass, on one too.
 *
 * The loops are few on purpose.  Under MTTCG each CPU is a host thread,
 * and a host with fewer cores than CPUs stops some of them at any moment:
 * a ticket lock then waits for the one CPU whose turn it is, stopped or
 * not, and its hand-offs convoy behind the host's scheduler (the "lock
 * waiter preemption" for which Linux drops to a test-and-set lock in a
 * guest without paravirtual spinlocks, virt_spin_lock()).  On this
 * machine's 2 cores, loaded to 11, 8 tasks on 4 CPUs took about 1 s for
 * 300 rounds each and 54 s for 1,000.  CONFIG_SPINLOCK_VIRT now takes
 * locks by test-and-set under QEMU, but the smp group also boots the fair
 * designs' own wait (SPINLOCK_VIRT=n), so the tasks still share ROUNDS
 * between them, however many CPUs: each still goes through the lock
 * against all the others many times.
 */
#include <kernel/cpumask.h>
#include <kernel/err.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/semaphore.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>

#define PER_CPU_TASKS 2
/* Rounds through the lock of all tasks together (see below). */
#define ROUNDS	      1000
/* The critical section's dawdle: long enough that an overlap shows. */
#define DAWDLE	      20

enum torture_kind { SPIN, SPIN_IRQ, MUTEX, SEM, SEM2 };

static DEFINE_SPINLOCK(torture_spin);
static DEFINE_MUTEX(torture_mutex);
static DEFINE_SEMAPHORE(torture_sem, 1);
static DEFINE_SEMAPHORE(torture_sem2, 2);

static enum torture_kind kind;
static unsigned long counter;		  /* what the lock guards */
static unsigned long inside, most_inside; /* tasks in the section; atomics */
static unsigned long admitted;		  /* SEM2's: two add at once, so atomically */

static void lock(unsigned long *flags)
{
	switch (kind) {
	case SPIN:
		spin_lock(&torture_spin);
		break;
	case SPIN_IRQ:
		spin_lock_irqsave(&torture_spin, *flags);
		break;
	case MUTEX:
		mutex_lock(&torture_mutex);
		break;
	case SEM:
		down(&torture_sem);
		break;
	case SEM2:
		down(&torture_sem2);
		break;
	}
}

static void unlock(unsigned long flags)
{
	switch (kind) {
	case SPIN:
		spin_unlock(&torture_spin);
		break;
	case SPIN_IRQ:
		spin_unlock_irqrestore(&torture_spin, flags);
		break;
	case MUTEX:
		mutex_unlock(&torture_mutex);
		break;
	case SEM:
		up(&torture_sem);
		break;
	case SEM2:
		up(&torture_sem2);
		break;
	}
}

/* The section: count who is in, and add one the slow way. */
static void critical_section(void)
{
	unsigned long in = __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST), seen, v;
	int i;

	for (seen = __atomic_load_n(&most_inside, __ATOMIC_RELAXED); in > seen;)
		if (__atomic_compare_exchange_n(&most_inside, &seen, in, false, __ATOMIC_RELAXED,
						__ATOMIC_RELAXED))
			break;
	if (kind == SEM2) {
		__atomic_fetch_add(&admitted, 1, __ATOMIC_RELAXED);
	} else {
		v = READ_ONCE(counter);
		for (i = 0; i < DAWDLE; i++)
			cpu_relax();
		WRITE_ONCE(counter, v + 1);
	}
	__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
}

static unsigned int loops; /* each task's share of ROUNDS */

static int torture_fn(void *arg)
{
	unsigned long flags = 0;
	unsigned int i;

	for (i = 0; i < loops; i++) {
		lock(&flags);
		critical_section();
		unlock(flags);
		if (i % 64 == 0)
			cond_resched(); /* so that one CPU interleaves them too */
	}
	return 0;
}

/* Run the torture with @k, PER_CPU_TASKS bound to each online CPU: how many ran. */
static unsigned int torture(struct ktest *t, enum torture_kind k)
{
	struct task_struct *tasks[NR_CPUS * PER_CPU_TASKS];
	unsigned int cpu, i, n = 0;

	kind = k;
	counter = inside = most_inside = admitted = 0;
	loops = ROUNDS / (num_online_cpus() * PER_CPU_TASKS);
	for_each_online_cpu (cpu) {
		for (i = 0; i < PER_CPU_TASKS; i++) {
			struct task_struct *p = kthread_create(torture_fn, NULL, "torture/%u", cpu);

			if (!ktest_check(t, !IS_ERR(p), __FILE__, __LINE__, "no task: %ld",
					 PTR_ERR(p)))
				continue;
			KTEST_EXPECT_EQ(t, kthread_bind(p, cpu), 0);
			tasks[n++] = p;
		}
	}
	for (i = 0; i < n; i++)
		wake_up_process(tasks[i]);
	for (i = 0; i < n; i++)
		KTEST_EXPECT_EQ(t, kthread_stop(tasks[i]), 0);
	return n;
}

static void check_exclusive(struct ktest *t, enum torture_kind k)
{
	unsigned int n = torture(t, k);

	KTEST_EXPECT_EQ(t, counter, (unsigned long)n * loops);
	KTEST_EXPECT_EQ(t, most_inside, 1);
	KTEST_EXPECT_EQ(t, inside, 0);
}

static void spinlock_excludes(struct ktest *t)
{
	check_exclusive(t, SPIN);
}

static void spinlock_irqsave_excludes(struct ktest *t)
{
	check_exclusive(t, SPIN_IRQ);
}

static void mutex_excludes(struct ktest *t)
{
	check_exclusive(t, MUTEX);
}

static void semaphore_excludes(struct ktest *t)
{
	check_exclusive(t, SEM);
}

/* Two units: two inside at most. */
static void semaphore_of_two_admits_two(struct ktest *t)
{
	unsigned int n = torture(t, SEM2);

	KTEST_EXPECT_EQ(t, admitted, (unsigned long)n * loops);
	KTEST_EXPECT_LE(t, most_inside, 2);
	KTEST_EXPECT_EQ(t, torture_sem2.count, 2);
	KTEST_EXPECT_EQ(t, torture_sem.count, 1);
}

static struct ktest_case locktorture_cases[] = {
	KTEST_CASE(spinlock_excludes),
	KTEST_CASE(spinlock_irqsave_excludes),
	KTEST_CASE(mutex_excludes),
	KTEST_CASE(semaphore_excludes),
	KTEST_CASE(semaphore_of_two_admits_two),
	{},
};
KTEST_SUITE_SMP(locktorture, locktorture_cases);
