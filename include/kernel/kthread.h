/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads (kernel/kthread.c), as in Linux.
 *
 * kthread_create() makes a task that runs @fn(@arg) once woken, and whose
 * exit code is what @fn returns (or what it passes to task_exit()).
 * kthread_run() also wakes it.  Someone must collect every task with
 * task_wait() or kthread_stop(), which free it.
 */
#ifndef _KERNEL_KTHREAD_H
#define _KERNEL_KTHREAD_H

#include <kernel/compiler.h>
#include <kernel/err.h>
#include <kernel/sched.h>

/*
 * A new, sleeping task named by @namefmt (truncated to TASK_COMM_LEN - 1
 * characters).  ERR_PTR(-ENOMEM) when memory runs out, ERR_PTR(-EAGAIN)
 * when no pid or stack slot is left, ERR_PTR(-EINVAL) for a NULL @fn;
 * nothing stays allocated then.
 */
__printf(3, 4) struct task_struct *kthread_create(int (*fn)(void *), void *arg, const char *namefmt,
						  ...);

#define kthread_run(fn, arg, ...)                                               \
	({                                                                      \
		struct task_struct *__k = kthread_create(fn, arg, __VA_ARGS__); \
		if (!IS_ERR(__k))                                               \
			wake_up_process(__k);                                   \
		__k;                                                            \
	})

/*
 * Tell @k to stop, wake it, wait for it to exit and free it.  Returns its
 * exit code, or -ESRCH if @k is not a task, -EBUSY if another task already
 * waits for it, -EDEADLK for the caller itself.
 */
int kthread_stop(struct task_struct *k);
/* Has kthread_stop() been called on the caller? */
bool kthread_should_stop(void);
/*
 * Let @k run on CPU @cpu alone (a per-CPU thread, as Linux's): 0, or
 * -EINVAL if @cpu is not online.  set_cpus_allowed() with one CPU.
 */
int kthread_bind(struct task_struct *k, unsigned int cpu);

#endif
