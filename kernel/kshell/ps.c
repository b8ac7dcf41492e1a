// SPDX-License-Identifier: GPL-2.0
/*
 * ps: the tasks, with what the policy knows of each and the share of the
 * CPU each got since the previous ps (or top refresh, or the boot).
 *
 * Shares are differences of CPU time between two snapshots, over the
 * clocksource time between them, so they add up to 100% with the idle
 * task's.  A task new since the last snapshot counts from zero.  Both
 * snapshots list tasks in pid order, so one merge pass pairs them.
 * Only the shell task runs this, so the snapshots need no lock.
 */
#include <kernel/kshell.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include "ps.h"

#define PS_MAX_TASKS 64

struct cpu_sample {
	int pid;
	u64 cputime_ns;
};

static struct task_info tasks[PS_MAX_TASKS];
static struct cpu_sample last[PS_MAX_TASKS];
static unsigned int nr_last;
static u64 last_time;

/* CPU time of @pid in the last snapshot; 0 for a task born since. */
static u64 last_cputime(int pid, unsigned int *cursor)
{
	while (*cursor < nr_last && last[*cursor].pid < pid)
		(*cursor)++;
	if (*cursor < nr_last && last[*cursor].pid == pid)
		return last[*cursor].cputime_ns;
	return 0;
}

static void print_task(const struct task_info *t, u64 before_ns, u64 interval_ns)
{
	u64 us = t->cputime_ns / 1000;
	u64 permille = interval_ns ? (t->cputime_ns - before_ns) * 1000 / interval_ns : 0;

	kshell_printf("%5d %-9s %3u %-20s %9llu.%03llu %4llu.%llu%% %s\n", t->pid,
		      task_state_name(t->state), t->cpu, t->sched, (unsigned long long)(us / 1000),
		      (unsigned long long)(us % 1000), (unsigned long long)(permille / 10),
		      (unsigned long long)(permille % 10), t->comm);
}

void ps_print(void)
{
	unsigned int n, i, cursor = 0;
	u64 now, interval;

	n = task_snapshot(tasks, PS_MAX_TASKS);
	now = ktime_get();
	interval = now - last_time;
	kshell_printf("%5s %-9s %3s %-20s %13s %7s %s\n", "PID", "STATE", "CPU", "SCHED",
		      "TIME(ms)", "CPU%", "COMM");
	for (i = 0; i < n && i < PS_MAX_TASKS; i++)
		print_task(&tasks[i], last_cputime(tasks[i].pid, &cursor), interval);
	if (n > PS_MAX_TASKS)
		kshell_printf("(%u more tasks not shown)\n", n - PS_MAX_TASKS);

	for (i = 0; i < n && i < PS_MAX_TASKS; i++)
		last[i] = (struct cpu_sample){ tasks[i].pid, tasks[i].cputime_ns };
	nr_last = i;
	last_time = now;
}

static int ps_run(int argc, char **argv)
{
	ps_print();
	return 0;
}
KSHELL_COMMAND(ps, .run = ps_run, .help = "tasks, their CPU time and share since last ps");
