/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Workloads (kernel/sched/workload.c): tasks that load the CPU on purpose.
 * One generator serves the three that need them: the shell's demo
 * workloads (spawn cpu, io, mixed, spin), the scheduler benchmark's table
 * of CPU-bound tasks beside I/O-bound ones, and the CPU hogs with which
 * each policy's suite shows how it shares the CPU.
 *
 * A workload computes work_ns of its own CPU time, offering the CPU with
 * cond_resched() between passes so that it shares in either preemption
 * model, then sleeps sleep_ms, and again, until its time is up, it has
 * had its CPU budget, its flag says stop, or kthread_stop() asks.  "spin"
 * is the exception: it never offers the CPU, as a driver's busy-wait that
 * forgot to would, and stops on the same conditions.
 *
 * Every pass reads the clock through a workload clock, which notes the
 * time a busy host took from the CPU: a pass with no switch in it that
 * lasted longer than any pass can, and ticks that came late.  A policy
 * charges such time to whichever task it found running, so a share or a
 * latency measured across it says nothing about the policy.
 */
#ifndef _KERNEL_WORKLOAD_H
#define _KERNEL_WORKLOAD_H

#include <kernel/types.h>

struct workload {
	u64 work_ns;	       /* CPU time to compute each round; 0: until the end */
	unsigned int sleep_ms; /* then sleep this long; 0: compute on */
	bool spin;	       /* never offer the CPU */
	u64 until;	       /* stop at this clocksource time; 0: no time limit */
	u64 budget_ns;	       /* or once it has had this much CPU time; 0: no limit */
	const bool *stop;      /* or once this is true; NULL: no flag */
	/*
	 * What it saw, once it has ended: its CPU time, its wake-ups from
	 * its sleeps and, with CONFIG_SCHED_BENCH (which notes each
	 * wake-up's time), how long after the wake-up it ran.
	 */
	u64 cpu_ns;
	unsigned int wakeups;
	u64 total_latency_ns, worst_latency_ns;
};

/*
 * A workload task: kthread_create(workload_fn, w, ...), with @w the
 * task's own struct workload until it has been waited for.  Its exit code
 * is 0.
 */
int workload_fn(void *w);

/* A clock read once a pass, noting a pass that took too long. */
struct workload_clock {
	u64 last, exec_start, gap;
	unsigned long ticks;
};

/* Start watching the calling task's passes. */
void workload_clock_start(struct workload_clock *c);
/* ktime_get(), once a pass. */
u64 workload_clock_read(struct workload_clock *c);
/* Nanoseconds a busy host took from the workloads and the tick since boot. */
u64 workload_stolen_ns(void);

#endif
