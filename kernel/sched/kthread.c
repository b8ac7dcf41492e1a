// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads: <kernel/kthread.h> over task_create() and task_wait().
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/sprintf.h>
#include "sched.h"

struct task_struct *kthread_create(int (*fn)(void *), void *arg, const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	va_start(args, namefmt);
	vscnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return task_create(fn, arg, name);
}

int kthread_stop(struct task_struct *k)
{
	int code, err = task_stop(k, &code);

	return err ? err : code;
}

int kthread_bind(struct task_struct *k, unsigned int cpu)
{
	struct cpumask mask = { 0 };

	if (cpu >= NR_CPUS || !cpu_online(cpu))
		return -EINVAL;
	cpumask_set_cpu(cpu, &mask);
	return set_cpus_allowed(k, &mask);
}

/*
 * The runner's mask, while ktest_keep_cpu() keeps it on the boot CPU,
 * where the suites written for one CPU expect to be (the soft-lockup
 * detector watches it, for one); the runner is one task.
 */
static struct cpumask ktest_mask;
static bool ktest_kept;

void ktest_keep_cpu(bool one)
{
	struct cpumask here = { 0 };

	if (one && !ktest_kept) {
		ktest_mask = current->cpus_allowed;
		ktest_kept = true;
		cpumask_set_cpu(0, &here);
		set_cpus_allowed(current, &here);
	} else if (!one && ktest_kept) {
		ktest_kept = false;
		set_cpus_allowed(current, &ktest_mask);
	}
}

bool kthread_should_stop(void)
{
	return current->should_stop;
}
