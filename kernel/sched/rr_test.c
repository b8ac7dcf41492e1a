// SPDX-License-Identifier: GPL-2.0
/*
 * The round-robin suite (CONFIG_SCHED_RR), in either preemption model:
 * three CPU hogs that offer the CPU with cond_resched() take turns slice
 * by slice and end with equal shares within 10%; a task that sleeps
 * most of the time waits behind them for at most a slice each; round
 * robin has no parameter to set.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "test_hogs.h"

#define NR_HOGS 3
#define RUN_NS	(600 * NSEC_PER_MSEC)

static void cpu_hogs_get_equal_shares(struct ktest *t)
{
	int us[NR_HOGS], i, sum = 0;

	if (!hogs_ran(t, run_cpu_hogs(NR_HOGS, NULL, RUN_NS, us)))
		return;
	for (i = 0; i < NR_HOGS; i++)
		sum += us[i];
	printk("    # CPU time of three hogs: %d, %d and %d us\n", us[0], us[1], us[2]);
	/* each within 10% of the mean */
	for (i = 0; i < NR_HOGS; i++) {
		KTEST_EXPECT_GE(t, us[i] * NR_HOGS * 10, sum * 9);
		KTEST_EXPECT_LE(t, us[i] * NR_HOGS * 10, sum * 11);
	}
}

/*
 * A woken task goes to the back of the queue: it waits for what is left of
 * the running hog's slice and for one slice of the other, and so gets all
 * the CPU it asks for every period of six slices.
 */
static void sleeper_waits_a_slice_per_hog(struct ktest *t)
{
	struct sleeper_report r;

	if (!hogs_ran(t, run_sleeper_beside_hogs(2, NULL, NULL, &r)))
		return;
	KTEST_EXPECT_GE(t, r.cpu_ns, r.periods * r.work_ns);
	KTEST_EXPECT_LE(t, r.worst_latency_ns, LATENCY_SLICES_NS(2));
}

static int nothing(void *unused)
{
	return 0;
}

static void there_is_no_parameter(struct ktest *t)
{
	struct task_struct *k = kthread_create(nothing, NULL, "rr-param");

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, sched_set_param(k, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 1), -EINVAL);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static const struct ktest_case rr_cases[] = {
	KTEST_CASE(cpu_hogs_get_equal_shares),
	KTEST_CASE(sleeper_waits_a_slice_per_hog),
	KTEST_CASE(there_is_no_parameter),
	{},
};
KTEST_SUITE(rr, rr_cases);
