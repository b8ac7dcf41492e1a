// SPDX-License-Identifier: GPL-2.0
/*
 * The round-robin suite (CONFIG_SCHED_RR), in either preemption model:
 * three CPU hogs that offer the CPU with cond_resched() take turns slice
 * by slice and end with equal shares within 10%; round robin has no
 * parameter to set.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define NR_HOGS	3
#define RUN_NS	(600 * NSEC_PER_MSEC)

static u64 start;

/* Until RUN_NS after start; the exit code is the CPU time in µs. */
static int hog(void *unused)
{
	while (ktime_get() - start < RUN_NS)
		cond_resched();
	return task_cputime_ns(current) / 1000;
}

static void cpu_hogs_get_equal_shares(struct ktest *t)
{
	struct task_struct *k[NR_HOGS];
	int us[NR_HOGS], i, sum = 0;

	for (i = 0; i < NR_HOGS; i++) {
		k[i] = kthread_create(hog, NULL, "rr-hog-%d", i);
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
	}
	start = ktime_get();
	for (i = 0; i < NR_HOGS; i++)
		wake_up_process(k[i]);
	for (i = 0; i < NR_HOGS; i++) {
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, &us[i]), 0);
		sum += us[i];
	}
	printk("    # CPU time of three hogs: %d, %d and %d us\n", us[0], us[1], us[2]);
	/* each within 10% of the mean */
	for (i = 0; i < NR_HOGS; i++) {
		KTEST_EXPECT_GE(t, us[i] * NR_HOGS * 10, sum * 9);
		KTEST_EXPECT_LE(t, us[i] * NR_HOGS * 10, sum * 11);
	}
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
	KTEST_CASE(there_is_no_parameter),
	{}
};
KTEST_SUITE(rr, rr_cases);
