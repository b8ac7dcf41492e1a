/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between the scheduler core (core.c, task.c) and a
 * scheduling policy.  Each policy is one file, linked in by
 * obj-$(CONFIG_SCHED_...) in kernel/sched/Makefile, that defines
 * sched_policy; the core calls nothing else of it and has no #ifdef.
 *
 * The running task is not in the run queue: schedule() gives it back with
 * enqueue() (if it is still runnable) and takes the next with pick_next().
 * The core gives every task it switches to a time slice of
 * CONFIG_SCHED_TIMESLICE_MS and asks it to give way when that is used up.
 * The idle task is never in the queue.  Every hook runs with interrupts
 * off, so a policy needs no lock of its own on one CPU.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <kernel/sched.h>
#include <kernel/time.h>

struct sched_policy {
	const char *name;
	/*
	 * What it promises beyond this contract (SCHED_STRICT_PRIORITY, ...
	 * in <kernel/sched.h>), for the code and the tests that rely on it:
	 * they ask sched_policy_has(), never which policy this is.
	 */
	unsigned int caps;
	/*
	 * What set_param() sets ("nice", "tickets"), for users; NULL if
	 * nothing.  Its range, stated once: the core refuses a value outside
	 * it before set_param() is called, and the shell's messages quote it.
	 */
	const char *param_name;
	int param_min, param_max;
	/* Set up the run queue, before the first fork(); NULL if none is needed. */
	void (*init)(void);
	/* @p can run: put it in the queue. */
	void (*enqueue)(struct task_struct *p);
	/* Take the task to run next out of the queue; NULL when it is empty. */
	struct task_struct *(*pick_next)(void);
	/*
	 * A timer tick found @curr running, perhaps the idle task (the core
	 * counts its slice down).
	 */
	void (*tick)(struct task_struct *curr);
	/* @curr gives up the CPU of its own will; enqueue() follows. */
	void (*yield)(struct task_struct *curr);
	/* @p woke from sleep; enqueue() follows. */
	void (*wakeup)(struct task_struct *p);
	/* @p was created (before it first runs), or has exited. */
	void (*fork)(struct task_struct *p);
	void (*exit)(struct task_struct *p);
	/* The policy's column of show_tasks() for @p. */
	int (*ps_line)(const struct task_struct *p, char *buf, size_t size);
	/* Set @p's parameter (tickets, priority, nice), already in range. */
	void (*set_param)(struct task_struct *p, int value);
	/*
	 * @p's parameter as set_param() set it, or, with @effective, the one
	 * it runs at now (a priority lent to it, or raised by aging,
	 * included).  NULL for a policy without a parameter.
	 */
	int (*get_param)(const struct task_struct *p, bool effective);
	/*
	 * Priority inheritance, exactly when caps has
	 * SCHED_PRIORITY_INHERITANCE; NULL otherwise.  The
	 * tasks that sleep until @p gets on changed, or their priorities
	 * did: the waiters of the mutexes @p holds (<kernel/mutex.h>), and
	 * the task that waits in kthread_stop() for @p to exit
	 * (task_stopper()).  Give @p the highest of their priorities if
	 * that is higher than its own, or drop back.  The core walks the
	 * chain on from @p (sched_pi_chain()).
	 */
	void (*pi_update)(struct task_struct *p);
};

extern const struct sched_policy sched_policy;

/*
 * What @s lacks to keep its side of this contract, for a message ("it
 * needs pick_next()"); NULL if nothing.  sched_init() panics with it.
 */
const char *sched_policy_breach(const struct sched_policy *s);

/*
 * Declare @type as what the policy keeps of each task, in
 * task_struct.se.policy, and static functions to reach it: @name(p) gives
 * @p's, @name##_ro(p) the same of a const task, read-only, and
 * @name##_task() goes back from it to the task.  The build fails here if
 * @type does not fit.
 */
#define DEFINE_POLICY_ENTITY(type, name)                                                        \
	_Static_assert(sizeof(type) <= sizeof(((struct task_struct *)0)->se.policy),            \
		       #type " does not fit in sched_entity.policy: raise SCHED_POLICY_WORDS"); \
	_Static_assert(_Alignof(type) <= _Alignof(unsigned long), #type " is over-aligned");    \
	static inline __maybe_unused type *name(struct task_struct *p)                          \
	{                                                                                       \
		return (type *)p->se.policy;                                                    \
	}                                                                                       \
	static inline __maybe_unused const type *name##_ro(const struct task_struct *p)         \
	{                                                                                       \
		return (const type *)p->se.policy;                                              \
	}                                                                                       \
	static inline __maybe_unused struct task_struct *name##_task(type *e)                   \
	{                                                                                       \
		return container_of(e, struct task_struct, se.policy);                          \
	}

/* Core internals shared by core.c, task.c and kthread.c */
extern struct task_struct idle_task;

/* Whether @p is in the policy's queue: runnable, and neither running nor idle. */
static inline bool task_queued(const struct task_struct *p)
{
	return p->state == TASK_RUNNABLE && p != &idle_task;
}

/* Ask the running task to give up the CPU (at the next preemption point). */
void resched_curr(void);
/* CONFIG_SCHED_TIMESLICE_MS in ticks, at least one. */
#define TIMESLICE_TICKS \
	(CONFIG_SCHED_TIMESLICE_MS * HZ / 1000 ? CONFIG_SCHED_TIMESLICE_MS * HZ / 1000 : 1)
/*
 * A new, sleeping task that will run @fn(@arg), named @name (truncated);
 * ERR_PTR(-EINVAL, -ENOMEM or -EAGAIN) with nothing allocated on failure.
 */
struct task_struct *task_create(int (*fn)(void *), void *arg, const char *name);
/*
 * The task that waits in kthread_stop() for @p to exit, or NULL.  It
 * lends @p its priority, as a mutex's waiters lend theirs to the owner:
 * @p must run to see that it should stop, whatever its own priority.
 */
static inline struct task_struct *task_stopper(const struct task_struct *p)
{
	return p->should_stop ? p->waiter : NULL;
}
/* Call @fn for every task but the idle task.  Interrupts off. */
void for_each_task(void (*fn)(struct task_struct *p));
/* kthread_stop()'s core: set @want's should_stop, wake it, collect it. */
int task_stop(struct task_struct *want, int *code);

#endif
