// SPDX-License-Identifier: GPL-2.0
/*
 * The stride suite (CONFIG_SCHED_STRIDE): three CPU hogs holding 100, 200
 * and 300 tickets get CPU time in the ratio 1:2:3 within 5%, in either
 * preemption model (they call cond_resched()); a task that computes in
 * bursts and yields pays for the bursts; a task that wakes waits at most
 * a slice for each hog; tickets out of range are refused and change
 * nothing.
 */
#include <asm/cpu.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "test_hogs.h"

/*
 * Stride scheduling is off by at most about one quantum per task at any
 * moment (Waldspurger and Weihl), whatever the phase the tasks start in:
 * 200 time slices (2 s of 10 ms) give the 100-ticket task some 33, so
 * that one is 3% of its share and 5% holds whatever the timing.  A run of
 * fixed length would not: at 20 Hz, or with 100 ms slices, 2 s are 20 or
 * 40 slices.
 */
#define RUN_NS (200ULL * TIMESLICE_TICKS * TICK_NSEC)

static void tickets_give_cpu_in_proportion(struct ktest *t)
{
	static const int tickets[3] = { 100, 200, 300 };
	int us[3];

	if (!hogs_ran(t, run_cpu_hogs(3, tickets, RUN_NS, us)))
		return;
	printk("    # CPU time for 100:200:300 tickets: %d:%d:%d us\n", us[0], us[1], us[2]);
	/* b = 2a and c = 3a, each within 5% */
	KTEST_EXPECT_GE(t, us[1] * 100, us[0] * 2 * 95);
	KTEST_EXPECT_LE(t, us[1] * 100, us[0] * 2 * 105);
	KTEST_EXPECT_GE(t, us[2] * 100, us[0] * 3 * 95);
	KTEST_EXPECT_LE(t, us[2] * 100, us[0] * 3 * 105);
}

/*
 * A task that computes a few ticks and then yields must pay for those
 * ticks: charged one tick for each burst, under PREEMPT_NONE (where the
 * burst is one stretch on the CPU), it took three times its share.  Thirty
 * bursts make the error of a burst in flight 3%, and under PREEMPT_NONE
 * the shares must be even within 10%.  Under PREEMPT the ticks cut each
 * burst, and the piece before the yield, less than a tick, is charged a
 * whole one (the rest of the quantum it gives up): the yielder pays up to
 * BURST_TICKS + 1 ticks for BURST_TICKS, and must get at least 90% of
 * BURST_TICKS / (BURST_TICKS + 1) of the hog's CPU time.
 */
#define BURST_TICKS 3
#define BURSTS	    30

static bool yielder_stop;

/* Both tasks watch their passes for time a busy host takes (test_hogs.h). */
static int burst_then_yield(void *unused)
{
	struct workload_clock c;
	u64 end;

	workload_clock_start(&c);
	while (!READ_ONCE(yielder_stop)) {
		for (end = task_cputime_ns(current) + BURST_TICKS * TICK_NSEC;
		     task_cputime_ns(current) < end;) {
			workload_clock_read(&c);
			cpu_relax();
		}
		yield();
	}
	return 0;
}

static struct task_struct *yielder;
static u64 yielder_ns;

#define YIELD_RUN_NS (BURSTS * BURST_TICKS * TICK_NSEC)

/* Compute for the run, then note both tasks' CPU time and stop the yielder. */
static int hog_then_stop_yielder(void *unused)
{
	u64 end = ktime_get() + YIELD_RUN_NS;
	struct workload_clock c;

	workload_clock_start(&c);
	while (workload_clock_read(&c) < end)
		cond_resched();
	yielder_ns = task_cputime_ns(yielder);
	WRITE_ONCE(yielder_stop, true);
	return task_cputime_ns(current) / 1000;
}

/*
 * One run of the two; false if a busy host took more than 1% of it, which
 * the policy charged to whichever of them it found running.
 */
static bool yield_run(struct ktest *t, int *y_us, int *h_us)
{
	u64 stolen = workload_stolen_ns();
	struct task_struct *h;

	yielder_stop = false;
	yielder = kthread_create(burst_then_yield, NULL, "stride-yield");
	h = kthread_create(hog_then_stop_yielder, NULL, "stride-hog");
	KTEST_EXPECT_TRUE(t, !IS_ERR(yielder) && !IS_ERR(h));
	if (t->failed)
		return true; /* no need to measure again */
	wake_up_process(yielder);
	wake_up_process(h);
	KTEST_EXPECT_EQ(t, task_wait(h->pid, h_us), 0);
	KTEST_EXPECT_EQ(t, task_wait(yielder->pid, NULL), 0);
	*y_us = yielder_ns / 1000;
	return workload_stolen_ns() - stolen <= YIELD_RUN_NS / 100;
}

static void yield_is_charged_what_was_used(struct ktest *t)
{
	int y_us, h_us, try;

	for (try = 0; try < KTEST_TRIES; try++)
		if (yield_run(t, &y_us, &h_us))
			break;
	if (try == KTEST_TRIES) {
		ktest_skipf(t, "in each of %d tries " KTEST_DISTURBED, KTEST_TRIES);
		return;
	}
	if (t->failed)
		return;
	printk("    # %d-tick bursts, each ending in yield(), beside a hog: %d and %d us\n",
	       BURST_TICKS, y_us, h_us);
	if (IS_ENABLED(CONFIG_PREEMPT))
		KTEST_EXPECT_GE(t, (u64)y_us * (BURST_TICKS + 1) * 100,
				(u64)h_us * BURST_TICKS * 90);
	else
		KTEST_EXPECT_GE(t, y_us * 100, h_us * 90);
	KTEST_EXPECT_LE(t, y_us * 100, h_us * 110);
}

/*
 * A task that wakes starts at the pass of the last task picked, behind
 * the tasks queued at that pass: it waits for what is left of the running
 * hog's slice and at most one slice of the other, and gets all the CPU it
 * asks for every period of six slices.
 */
static void sleeper_waits_at_most_a_slice_per_hog(struct ktest *t)
{
	static const int tickets[2] = { 100, 10 };
	struct sleeper_report r;

	if (!hogs_ran(t, run_sleeper_beside_hogs(2, tickets, NULL, &r)))
		return;
	KTEST_EXPECT_GE(t, r.cpu_ns, r.periods * r.work_ns);
	KTEST_EXPECT_LE(t, r.worst_latency_ns, LATENCY_SLICES_NS(2));
}

static int nothing(void *unused)
{
	return 0;
}

static void bad_tickets_are_refused(struct ktest *t)
{
	struct task_struct *k = kthread_create(nothing, NULL, "tickets");
	static const int bad[] = { 0, -1, 1001, -2147483647 - 1, 2147483647 };
	static struct task_struct fake = { .pid = 2 }; /* too big for a stack */
	unsigned int i;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, sched_get_param(k), 100);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(t, sched_set_param(k, bad[i]), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 100);
	KTEST_EXPECT_EQ(t, sched_set_param(&fake, 50), -ESRCH);
	KTEST_EXPECT_EQ(t, sched_set_param(NULL, 50), -ESRCH);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 1), 0);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 1000), 0);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 1000);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static const struct ktest_case stride_cases[] = {
	KTEST_CASE(tickets_give_cpu_in_proportion),
	KTEST_CASE(yield_is_charged_what_was_used),
	KTEST_CASE(sleeper_waits_at_most_a_slice_per_hog),
	KTEST_CASE(bad_tickets_are_refused),
	{},
};
KTEST_SUITE(stride, stride_cases);
