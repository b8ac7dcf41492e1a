// SPDX-License-Identifier: GPL-2.0
/*
 * The MLFQ suite (CONFIG_SCHED_MLFQ), in either preemption model (the busy
 * tasks call cond_resched()).  The load test follows Pintos's mlfqs-load-1
 * idea with the formula checked exactly: one busy task, and nothing else
 * runnable, for 60 of the policy's once-a-second updates; the expected
 * load_avg is computed here with integers at another scale, so that the
 * policy's fixed point is checked, not copied.
 *
 * It costs about two minutes of guest time, which -icount makes a few
 * seconds of the host's: the one suite that must run long enough for a
 * minute's average to mean something.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "mlfq.h"
#include "test_hogs.h"

#define SCALE	       1000000000UL /* load_avg in billionths */
#define SINK_LIMIT_S   150
#define SLEEPER_RUN_NS (3000 * NSEC_PER_MSEC)
#define SHARE_RUN_NS   (4000 * NSEC_PER_MSEC)
#define SETTLED_LEVEL  60
#define SETTLE_LIMIT_S 10

/* Busy until the policy has updated load_avg @n more times. */
static void busy_for_updates(unsigned long n)
{
	unsigned long until = mlfq_load_updates() + n;

	while (mlfq_load_updates() != until)
		cond_resched();
}

static unsigned long load_before, load_after;

static int busy_a_minute(void *unused)
{
	busy_for_updates(1); /* start right after an update */
	load_before = mlfq_load_avg(SCALE);
	busy_for_updates(60);
	load_after = mlfq_load_avg(SCALE);
	return 0;
}

/* load_avg = 59/60 load_avg + 1/60 each second, one task ready. */
static void load_avg_after_a_minute_of_one_busy_task(struct ktest *t)
{
	struct task_struct *k = kthread_run(busy_a_minute, NULL, "mlfq-busy");
	u64 expect;
	int i;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	for (expect = load_before, i = 0; i < 60; i++)
		expect = (expect * 59 + SCALE) / 60;
	printk("    # load_avg %lu.%03lu -> %lu.%03lu after 60 s, the formula says %lu.%03lu\n",
	       load_before / SCALE, load_before % SCALE / 1000000, load_after / SCALE,
	       load_after % SCALE / 1000000, expect / SCALE, expect % SCALE / 1000000);
	/* within 0.001; a missed update would be 0.006 off */
	KTEST_EXPECT_LE(t, load_after, expect + SCALE / 1000);
	KTEST_EXPECT_GE(t, load_after + SCALE / 1000, expect);
}

static int sink_top_level, sink_lowest;
static unsigned long sink_seconds;

/* Busy until it has been on the lowest level, or SINK_LIMIT_S seconds. */
static int sink(void *unused)
{
	unsigned long start = mlfq_load_updates();

	sink_top_level = sink_lowest = mlfq_se(current)->level.prio;
	while (sink_lowest > 0 && mlfq_load_updates() - start < SINK_LIMIT_S) {
		if (mlfq_se(current)->level.prio < sink_lowest)
			sink_lowest = mlfq_se(current)->level.prio;
		cond_resched();
	}
	sink_seconds = mlfq_load_updates() - start;
	return 0;
}

/*
 * A task that never stops computing reaches the lowest level.  Its
 * recent_cpu climbs by 100 a second and decays once a second, so at a
 * load near 1 its level swings between 0, late in each second, and about
 * 14 just after the decay.
 */
static void cpu_hog_sinks_to_the_lowest_level(struct ktest *t)
{
	struct task_struct *k = kthread_run(sink, NULL, "mlfq-hog");

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	printk("    # the hog went from level %d to %d in %lu s, load_avg %lu.%03lu\n",
	       sink_top_level, sink_lowest, sink_seconds, mlfq_load_avg(1000) / 1000,
	       mlfq_load_avg(1000) % 1000);
	KTEST_EXPECT_GT(t, sink_top_level, 32);
	KTEST_EXPECT_EQ(t, sink_lowest, 0);
}

static bool stop_hog;
static int sleeper_lowest;
static u64 sleeper_cpu_ns, sleeper_run_ns;

/* The exit code is the lowest level it was on. */
static int hog_until_stopped(void *unused)
{
	int lowest = mlfq_se(current)->level.prio;

	while (!READ_ONCE(stop_hog)) {
		if (mlfq_se(current)->level.prio < lowest)
			lowest = mlfq_se(current)->level.prio;
		cond_resched();
	}
	return lowest;
}

/*
 * Compute 1 ms for every 10 ms of sleep, for SLEEPER_RUN_NS, and note the
 * lowest level seen.  A clock coarser than 1 ms cannot time 1 ms: with
 * the tick as the clock, at 100 Hz, burn_cpu() computes until the next
 * tick, 10 ms, and the task would compute a third of the time.  It then
 * computes one reading of the clock, and sleeps ten.
 */
static int io_task(void *unused)
{
	u64 resolution = current_clocksource()->resolution_ns;
	u64 work = resolution > NSEC_PER_MSEC ? resolution : NSEC_PER_MSEC;
	u64 start = ktime_get();

	sleeper_lowest = mlfq_se(current)->level.prio;
	while (ktime_get() - start < SLEEPER_RUN_NS) {
		msleep(10 * work / NSEC_PER_MSEC);
		if (mlfq_se(current)->level.prio < sleeper_lowest)
			sleeper_lowest = mlfq_se(current)->level.prio;
		burn_cpu(work);
	}
	sleeper_cpu_ns = task_cputime_ns(current);
	sleeper_run_ns = ktime_get() - start;
	WRITE_ONCE(stop_hog, true);
	return 0;
}

/*
 * New tasks start from their creator's recent_cpu.  After this suite's
 * first cases the test runner has slept for minutes and is at the top;
 * run with other suites but not those (ktest.filter), it may still carry
 * their work.  Sleep until it is near the top, at most SETTLE_LIMIT_S.
 */
static void settle_at_the_top(void)
{
	int i;

	for (i = 0; i < SETTLE_LIMIT_S && mlfq_se(current)->level.prio < SETTLED_LEVEL; i++)
		msleep(1000);
}

/*
 * Beside a CPU hog, a task that mostly sleeps stays in the top quarter,
 * and the hog sinks below it.  The hog's level just after a
 * once-a-second decay depends on load_avg (near the top, after an idle
 * machine); by the end of each second it has sunk 20 levels or more.
 */
static void sleeper_keeps_its_priority(struct ktest *t)
{
	struct task_struct *hog, *io;
	int hog_lowest;

	settle_at_the_top();
	stop_hog = false;
	hog = kthread_run(hog_until_stopped, NULL, "mlfq-hog");
	io = kthread_run(io_task, NULL, "mlfq-io");
	KTEST_ASSERT_TRUE(t, !IS_ERR(hog) && !IS_ERR(io));
	KTEST_EXPECT_EQ(t, task_wait(io->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(hog->pid, &hog_lowest), 0);
	printk("    # the sleeper (%llu%% CPU) stayed at level %d or above; the hog sank to %d\n",
	       (unsigned long long)(sleeper_cpu_ns * 100 / sleeper_run_ns), sleeper_lowest,
	       hog_lowest);
	KTEST_EXPECT_GE(t, sleeper_lowest, 48);
	KTEST_EXPECT_LT(t, hog_lowest, sleeper_lowest);
}

/*
 * Nice 10 costs 20 levels: the nice-0 hog gets the larger share, and the
 * other still runs.  How much larger depends on load_avg, which this
 * suite's earlier cases raise: 75% after them, 91% on an idle machine.
 */
static void nice_shifts_shares(struct ktest *t)
{
	static const int nice[2] = { 0, 10 };
	int us[2], share;

	if (!hogs_ran(t, run_cpu_hogs(2, nice, SHARE_RUN_NS, us)))
		return;
	share = (int)((u64)us[0] * 100 / (us[0] + us[1] + 1));
	printk("    # nice 0 and 10 got %d and %d ms: %d%% for nice 0\n", us[0] / 1000,
	       us[1] / 1000, share);
	KTEST_EXPECT_GE(t, share, 60);
	KTEST_EXPECT_LE(t, share, 95);
}

/*
 * A task that sleeps most of the time, beside hogs at nice 0 and 19 that
 * have computed for two periods, gets all the CPU it asks for.  It starts
 * from the same recent_cpu as they do and computes less, so it is never
 * below the nice-0 hog: it preempts it when above (at once, almost
 * always), and when level with it, as a tick sampled both, waits at most
 * for the rest of its slice.  The nice-19 hog is 38 levels down.
 */
static void sleeper_preempts_hogs(struct ktest *t)
{
	static const int nice[2] = { 0, 19 };
	struct sleeper_report r;

	if (!hogs_ran(t, run_sleeper_beside_hogs(2, nice, NULL, &r)))
		return;
	KTEST_EXPECT_GE(t, r.cpu_ns, r.periods * r.work_ns);
	KTEST_EXPECT_LE(t, r.worst_latency_ns, LATENCY_SLICES_NS(1));
}

static int nothing(void *unused)
{
	return 0;
}

static void bad_nice_values_are_refused(struct ktest *t)
{
	static const int bad[] = { -21, 20, 100, -2147483647 - 1, 2147483647 };
	struct task_struct *k = kthread_create(nothing, NULL, "mlfq-nice");
	unsigned int i;
	int level;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, sched_set_param(k, 0), 0);
	level = mlfq_se(k)->level.prio;
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(t, sched_set_param(k, bad[i]), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 0);
	KTEST_EXPECT_EQ(t, mlfq_se(k)->level.prio, level);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 19), 0);
	KTEST_EXPECT_LE(t, mlfq_se(k)->level.prio, level - 38 > 0 ? level - 38 : 0);
	KTEST_EXPECT_EQ(t, sched_set_param(k, -20), 0);
	KTEST_EXPECT_EQ(t, sched_get_param(k), -20);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static const struct ktest_case mlfq_cases[] = {
	KTEST_CASE(load_avg_after_a_minute_of_one_busy_task),
	KTEST_CASE(cpu_hog_sinks_to_the_lowest_level),
	KTEST_CASE(sleeper_keeps_its_priority),
	KTEST_CASE(nice_shifts_shares),
	KTEST_CASE(sleeper_preempts_hogs),
	KTEST_CASE(bad_nice_values_are_refused),
	{},
};
KTEST_SUITE(mlfq, mlfq_cases);
