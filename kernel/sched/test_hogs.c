// SPDX-License-Identifier: GPL-2.0
/*
 * CPU hogs for the policy suites; see test_hogs.h.  Each hog stops at the
 * same moment of clocksource time, so their CPU times are what the policy
 * gave each of them over one stretch.
 */
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/time.h>
#include "test_hogs.h"

#define MAX_HOGS 8

static u64 start, run_for;

/* The exit code is the CPU time in µs. */
static int hog(void *unused)
{
	while (ktime_get() - start < run_for)
		cond_resched();
	return task_cputime_ns(current) / 1000;
}

static void stop_hogs(struct task_struct **k, unsigned int n)
{
	while (n--)
		kthread_stop(k[n]);
}

int run_cpu_hogs(unsigned int n, const int *params, u64 run_ns, int *us)
{
	struct task_struct *k[MAX_HOGS];
	unsigned int i;
	int err = 0;

	if (n > MAX_HOGS)
		return -EINVAL;
	run_for = 0; /* a hog stopped before the start returns at once */
	for (i = 0; i < n; i++) {
		k[i] = kthread_create(hog, NULL, "hog-%u", i);
		if (IS_ERR(k[i])) {
			stop_hogs(k, i);
			return PTR_ERR(k[i]);
		}
		if (params && sched_set_param(k[i], params[i])) {
			stop_hogs(k, i + 1);
			return -EINVAL;
		}
	}
	run_for = run_ns;
	start = ktime_get();
	for (i = 0; i < n; i++)
		wake_up_process(k[i]);
	for (i = 0; i < n; i++)
		if (task_wait(k[i]->pid, &us[i]))
			err = -EINVAL;
	return err;
}
