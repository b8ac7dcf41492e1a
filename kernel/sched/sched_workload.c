// SPDX-License-Identifier: GPL-2.0
/*
 * The workload table of the scheduler benchmark (sched_bench.c): CPU-bound
 * tasks beside I/O-bound ones, which sleep 10 ms and compute 1 ms, for one
 * second, and what each kind got:
 *
 *   - the I/O tasks' response time, from the wake-up that ends a sleep to
 *     the task running again: the mean and the worst;
 *   - the CPU tasks' throughput, the share of the second they computed;
 *   - Jain's fairness index over the CPU tasks' CPU time,
 *     (sum x)^2 / (n * sum x^2): 1 when they shared equally, 1/n when one
 *     took everything.
 *
 * Every task runs with the policy's default parameter, so the table
 * compares the policies as they come.  The times are the clocksource's,
 * which -icount makes follow the guest's instructions: the figures repeat.
 */
#include <kernel/clocksource.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "sched.h"

#define RUN_NS	     (1000 * NSEC_PER_MSEC)
#define NR_CPU_TASKS 2
#define NR_IO_TASKS  2
#define IO_SLEEP_MS  10
#define IO_WORK_NS   (1 * NSEC_PER_MSEC)

struct io_stats {
	u64 total_ns, worst_ns;
	unsigned int wakeups;
};

static u64 start;
static struct io_stats io_stats[NR_IO_TASKS];

/* The exit code is the CPU time in µs. */
static int cpu_task(void *unused)
{
	while (ktime_get() - start < RUN_NS)
		cond_resched();
	return task_cputime_ns(current) / 1000;
}

static int io_task(void *arg)
{
	struct io_stats *st = arg;
	u64 late;

	while (ktime_get() - start < RUN_NS) {
		msleep(IO_SLEEP_MS);
		late = ktime_get() - current->woken_at;
		st->total_ns += late;
		st->wakeups++;
		if (late > st->worst_ns)
			st->worst_ns = late;
		burn_cpu(IO_WORK_NS);
	}
	return 0;
}

/* Jain's index of @x[0..n), in thousandths. */
static unsigned long jain_index(const int *x, unsigned int n)
{
	u64 sum = 0, squares = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		sum += x[i];
		squares += (u64)x[i] * x[i];
	}
	return squares ? sum * sum * 1000 / (n * squares) : 0;
}

void sched_workload(void)
{
	struct task_struct *cpu[NR_CPU_TASKS], *io[NR_IO_TASKS];
	int cpu_us[NR_CPU_TASKS];
	u64 total = 0, worst = 0, cpu_total = 0;
	unsigned int i, wakeups = 0;

	for (i = 0; i < NR_CPU_TASKS; i++)
		cpu[i] = kthread_create(cpu_task, NULL, "cpu-%u", i);
	for (i = 0; i < NR_IO_TASKS; i++)
		io[i] = kthread_create(io_task, &io_stats[i], "io-%u", i);
	start = ktime_get();
	for (i = 0; i < NR_CPU_TASKS; i++)
		if (!IS_ERR(cpu[i]))
			wake_up_process(cpu[i]);
	for (i = 0; i < NR_IO_TASKS; i++)
		if (!IS_ERR(io[i]))
			wake_up_process(io[i]);
	for (i = 0; i < NR_CPU_TASKS; i++)
		if (IS_ERR(cpu[i]) || task_wait(cpu[i]->pid, &cpu_us[i]))
			goto fail;
	for (i = 0; i < NR_IO_TASKS; i++) {
		if (IS_ERR(io[i]) || task_wait(io[i]->pid, NULL))
			goto fail;
		total += io_stats[i].total_ns;
		wakeups += io_stats[i].wakeups;
		if (io_stats[i].worst_ns > worst)
			worst = io_stats[i].worst_ns;
	}
	for (i = 0; i < NR_CPU_TASKS; i++)
		cpu_total += cpu_us[i];
	pr_info("sched_bench: workload: I/O mean %llu us, worst %llu us; CPU %llu%%; Jain %lu\n",
		(unsigned long long)(wakeups ? total / wakeups / 1000 : 0),
		(unsigned long long)(worst / 1000),
		(unsigned long long)(cpu_total * 1000 * 100 / RUN_NS),
		jain_index(cpu_us, NR_CPU_TASKS));
	return;
fail:
	pr_err("sched_bench: workload: a task could not be created or collected\n");
}
