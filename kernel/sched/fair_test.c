// SPDX-License-Identifier: GPL-2.0
/*
 * The fair suite (CONFIG_SCHED_FAIR), in either preemption model (the CPU
 * hogs call cond_resched()): the nice weights, CPU time in their ratio,
 * a sleeper that wakes neither starving nor taking over, a periodic one
 * beside niced hogs that runs as it wakes, the queue kept in order when a
 * queued task's nice value changes, bad nice values.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "fair.h"
#include "test_hogs.h"

/*
 * The runs are counted in time slices (10 ms by default), the grain in
 * which the policy shares the CPU: a run of fixed length is a handful of
 * slices with 100 ms ones, and its shares depend on where the slices fall.
 */
#define SLICE_NS  ((u64)TIMESLICE_TICKS * TICK_NSEC)
#define RUN_NS	  (100 * SLICE_NS)
#define SLEEP_MS  (50 * SLICE_NS / NSEC_PER_MSEC)
#define WINDOW_NS (30 * SLICE_NS)

static int nothing(void *unused)
{
	return 0;
}

static unsigned long weight_of(struct task_struct *k, int nice)
{
	return sched_set_param(k, nice) ? 0 : fair_se(k)->weight;
}

/*
 * 1024 at nice 0, and each level 1.25 times the next: within 1% while the
 * weights are large enough (nice < 10, weight > 100) for rounding to an
 * integer not to matter, and at least decreasing beyond.
 */
static void nice_weights_step_by_a_quarter(struct ktest *t)
{
	struct task_struct *k = kthread_create(nothing, NULL, "fair-weights");
	unsigned long w, next;
	int nice;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, fair_se(k)->weight, 1024);
	KTEST_EXPECT_EQ(t, weight_of(k, -5), 3125);
	KTEST_EXPECT_EQ(t, weight_of(k, 5), 336);
	for (nice = -20; nice < 19; nice++) {
		w = weight_of(k, nice);
		next = weight_of(k, nice + 1);
		KTEST_EXPECT_GT(t, w, next);
		if (nice >= 10)
			continue;
		KTEST_EXPECT_GE(t, w * 100, next * 124);
		KTEST_EXPECT_LE(t, w * 100, next * 126);
	}
	KTEST_EXPECT_GE(t, weight_of(k, 19), 1);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static void cpu_time_follows_nice_weights(struct ktest *t)
{
	static const int nice[2] = { 0, 5 };
	int us[2];
	u64 lhs, rhs;

	if (!hogs_ran(t, run_cpu_hogs(2, nice, RUN_NS, us)))
		return;
	printk("    # CPU time at nice 0 and 5: %d and %d us, weights 1024 and 336\n", us[0],
	       us[1]);
	/* us[0] / us[1] within 10% of 1024 / 336 */
	lhs = (u64)us[0] * 336 * 100;
	rhs = (u64)us[1] * 1024;
	KTEST_EXPECT_GE(t, lhs, rhs * 90);
	KTEST_EXPECT_LE(t, lhs, rhs * 110);
}

static bool stop_hog;
static struct task_struct *other_hog;
static u64 mine_in_window, other_in_window;

static int hog_until_stopped(void *unused)
{
	while (!READ_ONCE(stop_hog))
		cond_resched();
	return 0;
}

/* Run a little, sleep, then measure both tasks' CPU time over a window. */
static int sleeper(void *unused)
{
	u64 t0, mine, other;

	for (t0 = ktime_get(); ktime_get() - t0 < 5 * SLICE_NS;)
		cond_resched();
	msleep(SLEEP_MS);
	t0 = ktime_get();
	mine = task_cputime_ns(current);
	other = task_cputime_ns(other_hog);
	while (ktime_get() - t0 < WINDOW_NS)
		cond_resched();
	mine_in_window = task_cputime_ns(current) - mine;
	other_in_window = task_cputime_ns(other_hog) - other;
	WRITE_ONCE(stop_hog, true);
	return 0;
}

/*
 * A task that slept 50 slices (500 ms) beside a CPU hog shares the CPU
 * with it about evenly over the 30 slices after it wakes: placed at
 * min_vruntime, less half a slice, it neither claims the sleep back nor
 * waits behind the hog.
 */
static void sleeper_neither_starves_nor_takes_over(struct ktest *t)
{
	struct task_struct *s;
	u64 share;

	stop_hog = false;
	other_hog = kthread_create(hog_until_stopped, NULL, "fair-hog");
	s = kthread_create(sleeper, NULL, "fair-sleeper");
	KTEST_ASSERT_TRUE(t, !IS_ERR(other_hog) && !IS_ERR(s));
	wake_up_process(other_hog);
	wake_up_process(s);
	KTEST_EXPECT_EQ(t, task_wait(s->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(other_hog->pid, NULL), 0);
	share = mine_in_window * 100 / (mine_in_window + other_in_window + 1);
	printk("    # after waking, the sleeper had %llu%% of the CPU (%llu of %llu us)\n",
	       (unsigned long long)share, (unsigned long long)(mine_in_window / 1000),
	       (unsigned long long)((mine_in_window + other_in_window) / 1000));
	KTEST_EXPECT_GE(t, share, 40);
	KTEST_EXPECT_LE(t, share, 60);
}

/*
 * A woken task is placed half a slice below min_vruntime, the lowest
 * vruntime running or queued, and preempts the running task when that
 * puts it more than 1 ms behind (fair.c): always, when half a slice is
 * more than 1 ms; otherwise it is still the leftmost task, and runs when
 * the running one's slice ends.
 */
#define SLEEPER_CREDIT_NS     (TIMESLICE_TICKS * TICK_NSEC / 2)
#define WAKEUP_GRANULARITY_NS NSEC_PER_MSEC

/*
 * A task that sleeps most of the time, beside a hog at nice 19 and one at
 * nice 0 (the shell's "spawn cpu 1 19", "spawn cpu 1 0", "spawn io").
 */
static void sleeper_beside_niced_hogs_runs_at_once(struct ktest *t)
{
	static const int nice[2] = { 19, 0 };
	struct sleeper_report r;

	if (!hogs_ran(t, run_sleeper_beside_hogs(2, nice, NULL, &r)))
		return;
	KTEST_EXPECT_GE(t, r.cpu_ns, r.periods * r.work_ns);
	if (SLEEPER_CREDIT_NS > WAKEUP_GRANULARITY_NS)
		KTEST_EXPECT_LE(t, r.worst_latency_ns, LATENCY_AT_ONCE_NS);
	else
		KTEST_EXPECT_LE(t, r.worst_latency_ns, LATENCY_SLICES_NS(1));
}

static bool cycle_stop, cycle_armed;
static struct task_struct *first_after;

/* Yield in turn with the test; the first to run once armed notes itself. */
static int yield_in_turn(void *unused)
{
	unsigned long flags;

	while (!READ_ONCE(cycle_stop)) {
		flags = local_irq_save();
		if (cycle_armed && !first_after)
			first_after = current;
		local_irq_restore(flags);
		yield();
	}
	return 0;
}

/*
 * The queue stays ordered by vruntime when the nice value of a queued task
 * changes.  Three tasks yielding in turn (the test, a at nice 19, b) come
 * round with a and b queued at nearly the same vruntime, and a, preempted
 * or yielding, still owes the CPU time since it was last charged: the
 * change charges it, and a's key grows.  The task that runs first must be
 * the one with the lower vruntime.
 */
static void set_param_keeps_the_queue_in_order(struct ktest *t)
{
	struct task_struct *a, *b;
	unsigned long flags;
	bool a_first;
	u64 va, vb;
	int i;

	cycle_stop = cycle_armed = false;
	first_after = NULL;
	a = kthread_create(yield_in_turn, NULL, "fair-a");
	b = kthread_create(yield_in_turn, NULL, "fair-b");
	KTEST_ASSERT_TRUE(t, !IS_ERR(a) && !IS_ERR(b));
	KTEST_EXPECT_EQ(t, sched_set_param(a, 19), 0);
	wake_up_process(a);
	wake_up_process(b);
	for (i = 0; i < 5; i++)
		yield();
	flags = local_irq_save();
	KTEST_EXPECT_EQ(t, sched_set_param(a, 19), 0);
	va = fair_se(a)->vruntime;
	vb = fair_se(b)->vruntime;
	cycle_armed = true;
	local_irq_restore(flags);
	while (!READ_ONCE(first_after))
		yield();
	/* Which one, before task_wait() frees both: their names go with them. */
	a_first = first_after == a;
	WRITE_ONCE(cycle_stop, true);
	KTEST_EXPECT_EQ(t, task_wait(a->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(b->pid, NULL), 0);
	printk("    # vruntime of a (nice 19) %llu, of b %llu: %s ran first\n",
	       (unsigned long long)va, (unsigned long long)vb, a_first ? "fair-a" : "fair-b");
	KTEST_EXPECT_LE(t, a_first ? va : vb, a_first ? vb : va);
}

static void bad_nice_values_are_refused(struct ktest *t)
{
	static const int bad[] = { -21, 20, 100, -2147483647 - 1, 2147483647 };
	struct task_struct *k = kthread_create(nothing, NULL, "fair-nice");
	unsigned int i;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, sched_set_param(k, 3), 0);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(t, sched_set_param(k, bad[i]), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 3);
	KTEST_EXPECT_EQ(t, sched_set_param(k, -20), 0);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 19), 0);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 19);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static const struct ktest_case fair_cases[] = {
	KTEST_CASE(nice_weights_step_by_a_quarter),
	KTEST_CASE(cpu_time_follows_nice_weights),
	KTEST_CASE(sleeper_neither_starves_nor_takes_over),
	KTEST_CASE(sleeper_beside_niced_hogs_runs_at_once),
	KTEST_CASE(set_param_keeps_the_queue_in_order),
	KTEST_CASE(bad_nice_values_are_refused),
	{},
};
KTEST_SUITE(fair, fair_cases);
