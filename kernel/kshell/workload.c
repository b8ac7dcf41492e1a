// SPDX-License-Identifier: GPL-2.0
/*
 * Demo workloads for watching a policy share the CPU: "cpu" computes
 * without end, "io" sleeps 10 ms and computes 1 ms (a task that waits
 * for a device), "mixed" computes 5 ms and sleeps 5 ms.
 *
 * Each task is a workload (<kernel/workload.h>, the generator the
 * benchmark and the policies' suites use too); this file keeps the kinds
 * and the table of those running.  They compute by watching their own CPU
 * time and offer the CPU with cond_resched(), so they share it in either
 * preemption model and stop within a pass when kill asks.
 *
 * "spin" never offers the CPU, as a driver's busy-wait that forgot to
 * would: it only checks whether kill asked it to stop.  Under
 * CONFIG_PREEMPT the tick takes the CPU from it all the same, and the
 * shell answers beside it; under CONFIG_PREEMPT_NONE nothing ever runs
 * again, and the soft-lockup detector (kernel/watchdog.c) names it.
 *
 * The table of running workloads is only touched by the shell task
 * (spawn and kill), so it needs no lock.
 */
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/kthread.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/workload.h>
#include "workload.h"

struct workload_kind {
	const char *name;
	struct workload w; /* what each task of the kind is given */
};

static const struct workload_kind kinds[] = {
	{ .name = "cpu", .w = { .work_ns = NSEC_PER_MSEC } },
	{ .name = "io", .w = { .work_ns = NSEC_PER_MSEC, .sleep_ms = 10 } },
	{ .name = "mixed", .w = { .work_ns = 5 * NSEC_PER_MSEC, .sleep_ms = 5 } },
	{ .name = "spin", .w = { .spin = true } },
};

/* The running workloads, and the struct each runs with, in the same slot. */
static struct task_struct *workloads[MAX_WORKLOADS];
static struct workload slots[MAX_WORKLOADS];
static unsigned int serial; /* numbers the names: cpu-1, io-2, ... */

static const struct workload_kind *find_kind(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].name, name))
			return &kinds[i];
	return NULL;
}

static unsigned int free_slots(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < MAX_WORKLOADS; i++)
		n += !workloads[i];
	return n;
}

/* The next free slot from @i on; there is one (free_slots() said so). */
static unsigned int next_free(unsigned int i)
{
	while (workloads[i])
		i++;
	return i;
}

/* Create @n sleeping tasks in free slots (@slot[]); on failure, stop the ones made. */
static int create_all(const struct workload_kind *kind, struct task_struct **made,
		      unsigned int *slot, unsigned int n, bool set_param, int param)
{
	unsigned int i, at = 0;
	int err;

	for (i = 0; i < n; i++) {
		slot[i] = at = next_free(at);
		slots[at] = kind->w;
		made[i] = kthread_create(workload_fn, &slots[at++], "%s-%u", kind->name,
					 serial + i + 1);
		if (IS_ERR(made[i])) {
			err = PTR_ERR(made[i]);
			kshell_error("spawn", "cannot create a task (error %d)\n", err);
			goto undo;
		}
		err = set_param ? sched_set_param(made[i], param) : 0;
		if (err) { /* spawn parsed it in range: the policy cannot refuse it */
			kshell_error("spawn", "%s %d refused (error %d)\n", sched_param_name(),
				     param, err);
			i++; /* made[i] exists: stop it too */
			goto undo;
		}
	}
	return 0;
undo:
	while (i--)
		kthread_stop(made[i]);
	return err;
}

int workload_spawn(const char *name, unsigned int n, bool set_param, int param)
{
	const struct workload_kind *kind = find_kind(name);
	struct task_struct *made[MAX_WORKLOADS];
	unsigned int slot[MAX_WORKLOADS], i;
	int err;

	if (!kind) {
		kshell_error("spawn", "'%s' is no workload: cpu, io, mixed or spin\n", name);
		return -EINVAL;
	}
	if (n > free_slots()) {
		kshell_error("spawn", "%u more would pass the %d workloads the shell keeps\n", n,
			     MAX_WORKLOADS);
		return -EAGAIN;
	}
	err = create_all(kind, made, slot, n, set_param, param);
	if (err)
		return err;
	serial += n;
	for (i = 0; i < n; i++) {
		workloads[slot[i]] = made[i];
		wake_up_process(made[i]);
		kshell_printf("started %s (pid %d)\n", made[i]->comm, made[i]->pid);
	}
	/* The shell goes on until it waits for the next line, then never runs again. */
	if (kind->w.spin && !IS_ENABLED(CONFIG_PREEMPT))
		kshell_printf("spin never gives up the CPU, and without CONFIG_PREEMPT nothing "
			      "takes it: the shell will not answer again\n");
	return 0;
}

struct task_struct *workload_find(int pid)
{
	unsigned int i;

	for (i = 0; i < MAX_WORKLOADS; i++)
		if (workloads[i] && workloads[i]->pid == pid)
			return workloads[i];
	return NULL;
}

/* The slot is free once the task is collected: it ran with slots[i] till then. */
int workload_stop(struct task_struct *p)
{
	unsigned int i;
	int code = kthread_stop(p);

	for (i = 0; i < MAX_WORKLOADS; i++)
		if (workloads[i] == p)
			workloads[i] = NULL;
	return code;
}
