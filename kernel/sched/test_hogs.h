/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU hogs for the policy suites (test_hogs.c): the workload with which
 * each policy shows how it shares the CPU.
 */
#ifndef _KERNEL_SCHED_TEST_HOGS_H
#define _KERNEL_SCHED_TEST_HOGS_H

#include <kernel/types.h>

/*
 * Run @n CPU hogs (at most 8), the i-th with scheduling parameter
 * @params[i] (the policy's default if @params is NULL), all woken at once
 * and each offering the CPU with cond_resched() until @run_ns of
 * clocksource time has passed, so that they share in either preemption
 * model.  Their CPU time in µs goes to @us.  0, or -ENOMEM or -EINVAL if
 * a hog could not be created or given its parameter (none is left behind).
 */
int run_cpu_hogs(unsigned int n, const int *params, u64 run_ns, int *us);

#endif
