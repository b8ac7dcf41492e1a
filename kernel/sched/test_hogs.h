/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU hogs for the policy suites (test_hogs.c): the workload with which
 * each policy shows how it shares the CPU, and a periodic sleeper beside
 * them, with which it shows how soon a task that mostly sleeps gets the
 * CPU back.
 */
#ifndef _KERNEL_SCHED_TEST_HOGS_H
#define _KERNEL_SCHED_TEST_HOGS_H

#include <kernel/ktest.h>
#include <kernel/types.h>
#include <kernel/workload.h>
#include "sched.h"

#define MAX_HOGS 8

/*
 * Wake-up latency bounds: the sleeper ran in the tick that woke it (a
 * switch takes far less than half a tick); or after @n time slices, and
 * the switch.
 */
#define LATENCY_AT_ONCE_NS   (TICK_NSEC / 2)
#define LATENCY_SLICES_NS(n) ((u64)(n)*TIMESLICE_TICKS * TICK_NSEC + TICK_NSEC / 2)

/*
 * The result of run_cpu_hogs() or run_sleeper_beside_hogs() for a case:
 * true to go on; false if the case is over, skipped because a busy host
 * disturbed every try (-EAGAIN, with how much it took), or failed.
 */
bool hogs_ran(struct ktest *t, int err);

/*
 * Run @n CPU hogs (at most MAX_HOGS), the i-th with scheduling parameter
 * @params[i] (the policy's default if @params is NULL), all woken at once
 * and each offering the CPU with cond_resched() until @run_ns of
 * clocksource time has passed, so that they share in either preemption
 * model.  Their CPU time in µs goes to @us.  0, or -ENOMEM or -EINVAL if
 * a hog could not be created or given its parameter (none is left behind),
 * or -EAGAIN if the host took more than 1% of the time in each of
 * KTEST_TRIES runs (a tenth of the closest tolerance of the suites).
 */
int run_cpu_hogs(unsigned int n, const int *params, u64 run_ns, int *us);

/*
 * What run_sleeper_beside_hogs() saw.  The sleeper is woken by a timer
 * at the start of each period and computes work_ns; a period that began
 * before it had finished the one before is missed.  Its latency is the
 * clocksource time from the timer's wake-up to the sleeper running.
 */
struct sleeper_report {
	unsigned int period_ticks; /* asked for: work_ns every period_ticks */
	u64 work_ns;
	unsigned int periods; /* of the run, missed ones included */
	unsigned int missed;
	u64 cpu_ns; /* the sleeper's CPU time over the periods */
	u64 worst_latency_ns, total_latency_ns;
	int hog_us[MAX_HOGS];  /* each hog's CPU time, warm-up included */
	u64 stolen_ns, run_ns; /* workload_stolen_ns() over the sleeper's run, and its length */
};

/*
 * Run @n CPU hogs (parameters @hog_params, or the policy's defaults if
 * NULL) and a periodic sleeper (parameter *@sleeper_param, or the default
 * if NULL).  The hogs run alone for two periods first, so that a policy
 * that tells tasks apart by their past has seen them compute.  The period
 * is 2 * @n + 2 time slices, long enough for the sleeper to wait behind
 * every hog twice and still finish in time; the work is 1 ms, or the
 * clocksource's resolution if that is coarser, as a shorter time cannot
 * be measured.  Fills @r and prints it; 0, or -ENOMEM, -EINVAL as
 * run_cpu_hogs(), or -EAGAIN if the host took any time while the sleeper
 * ran (its exit and the reaping after it are not watched: a debug kernel
 * frees a stack with interrupts off for longer than half a tick) in each
 * of KTEST_TRIES runs, as a single wake-up that it delays is a failure.
 */
int run_sleeper_beside_hogs(unsigned int n, const int *hog_params, const int *sleeper_param,
			    struct sleeper_report *r);

#endif
