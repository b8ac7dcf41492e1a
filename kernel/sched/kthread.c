// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads: <kernel/kthread.h> over task_create() and task_wait().
 */
#include <asm/irqflags.h>
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

/* A refused stop must change nothing, so every check comes first. */
int kthread_stop(struct task_struct *k)
{
	unsigned long flags = local_irq_save();
	int code, err;

	k = find_task(k);
	err = check_waitable(k);
	if (err) {
		local_irq_restore(flags);
		return err;
	}
	k->should_stop = true;
	wake_up_process(k);
	err = task_wait(k->pid, &code);
	local_irq_restore(flags);
	return err ? err : code;
}

bool kthread_should_stop(void)
{
	return current->should_stop;
}
