// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads: <kernel/kthread.h> over task_create() and task_wait().
 */
#include <kernel/errno.h>
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

bool kthread_should_stop(void)
{
	return current->should_stop;
}
