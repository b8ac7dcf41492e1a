/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between the scheduler core (core.c, task.c) and a
 * scheduling policy.  Each policy is one file, linked in by
 * obj-$(CONFIG_SCHED_...) in kernel/sched/Makefile, that defines
 * sched_policy; the core calls nothing else of it and has no #ifdef.
 *
 * A policy keeps a queue per run queue (struct rq): one for the whole
 * machine, or one per CPU (CONFIG_SCHED_RQ_PERCPU), which it cannot
 * tell apart.  Every hook that is given a run queue is called with that
 * queue's lock held and interrupts off, so a policy needs no lock of its
 * own: what it keeps of a task changes only under the lock of the queue
 * the task is on, or runs from.
 *
 * The running task is not in the queue: schedule() gives it back with
 * enqueue() (if it is still runnable) and takes the next with pick_next().
 * The core gives every task it switches to a time slice of
 * CONFIG_SCHED_TIMESLICE_MS and asks it to give way when that is used up.
 * The idle tasks are never in a queue.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

/*
 * A run queue.  Its tasks list holds the same tasks as the policy's
 * queue, in no order: the load balancer looks there for a task that may
 * move, whatever the policy's structure.
 */
#define SCHED_RQ_WORDS 136
struct rq {
	spinlock_t lock;
	unsigned int cpu;	  /* its CPU; 0 for the one global queue */
	unsigned int nr_queued;	  /* tasks in it */
	struct list_head tasks;	  /* the same tasks, through rq_node */
	unsigned long balance_at; /* jiffies of its next periodic push */
	unsigned long policy[SCHED_RQ_WORDS];
};

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
	/* Set up @rq's queue, before the first fork(); NULL if none is needed. */
	void (*init)(struct rq *rq);
	/* @p can run: put it in @rq's queue. */
	void (*enqueue)(struct rq *rq, struct task_struct *p);
	/* Take @p, which is in @rq's queue, out of it (to move it to another). */
	void (*dequeue)(struct rq *rq, struct task_struct *p);
	/*
	 * Take the task to run next on this CPU out of @rq's queue: the
	 * first, in the policy's order, that may run here
	 * (task_runs_here()); NULL if there is none.
	 */
	struct task_struct *(*pick_next)(struct rq *rq);
	/*
	 * A timer tick found @curr running on this CPU, perhaps its idle
	 * task (the core counts its slice down); @rq is this CPU's.
	 */
	void (*tick)(struct rq *rq, struct task_struct *curr);
	/* @curr gives up the CPU of its own will; enqueue() follows. */
	void (*yield)(struct rq *rq, struct task_struct *curr);
	/* @p woke from sleep, to go on @rq; enqueue() follows. */
	void (*wakeup)(struct rq *rq, struct task_struct *p);
	/*
	 * Whether @p, just queued on @rq, should take the CPU from @curr,
	 * which runs from @rq (never an idle task).
	 */
	bool (*preempt)(struct rq *rq, struct task_struct *curr, struct task_struct *p);
	/*
	 * @p goes from @from to @to: queued there, or waking from a sleep
	 * it began there.  Make what it keeps relative to a queue relative
	 * to @to's.  Both locks are held.  NULL if nothing is relative.
	 */
	void (*migrate)(struct rq *from, struct rq *to, struct task_struct *p);
	/* @p was created (before it first runs), or has exited. */
	void (*fork)(struct task_struct *p);
	void (*exit)(struct task_struct *p);
	/* The policy's column of show_tasks() for @p. */
	int (*ps_line)(const struct task_struct *p, char *buf, size_t size);
	/* Set @p's parameter (tickets, priority, nice), already in range; @p's run queue locked. */
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
	 * chain on from @p (sched_pi_chain()), with @p's run queue locked.
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

/*
 * Declare @type as what the policy keeps in each run queue, in
 * rq->policy, and a static function to reach it: @name(rq).
 */
#define DEFINE_POLICY_RQ(type, name)                                                         \
	_Static_assert(sizeof(type) <= sizeof(((struct rq *)0)->policy),                     \
		       #type " does not fit in rq.policy: raise SCHED_RQ_WORDS");            \
	_Static_assert(_Alignof(type) <= _Alignof(unsigned long), #type " is over-aligned"); \
	static inline __maybe_unused type *name(struct rq *rq)                               \
	{                                                                                    \
		return (type *)rq->policy;                                                   \
	}

/* Core internals shared by core.c, task.c and kthread.c */
extern struct task_struct idle_task; /* the boot CPU's */

/* Whether @p is one of the idle tasks: one per CPU, all pid 0. */
static inline bool is_idle_task(const struct task_struct *p)
{
	return p->pid == 0;
}

/* Whether @p is in a run queue: runnable, and neither running nor idle. */
static inline bool task_queued(const struct task_struct *p)
{
	return p->queued;
}

/*
 * Whether @p may run on this CPU now: its mask allows it, and no other
 * CPU is still on its stack (on_cpu, kernel/sched/core.c) -- which, in a
 * queue all CPUs share, a task just switched from may be.
 */
static inline bool task_runs_here(const struct task_struct *p)
{
	return cpumask_test_cpu(smp_processor_id(), &p->cpus_allowed) &&
	       (p == current || !READ_ONCE(p->on_cpu));
}

/* The run queue of @cpu: its own, or the one they all share. */
struct rq *cpu_rq(unsigned int cpu);
extern struct rq runqueues[];
/*
 * Each CPU's own queue, with CONFIG_SCHED_RQ_PERCPU: one %gs load where
 * cpu_rq(smp_processor_id()) is a load and a multiply, which every
 * switch would pay several times over.
 */
DECLARE_PER_CPU(struct rq *, this_cpu_rq);

/* The running CPU's run queue; the caller must not migrate while it uses it. */
static inline struct rq *this_rq(void)
{
	return IS_ENABLED(CONFIG_SCHED_RQ_PERCPU) ? this_cpu_read(this_cpu_rq) : &runqueues[0];
}
static inline struct rq *task_rq(const struct task_struct *p)
{
	return cpu_rq(READ_ONCE(p->cpu));
}

/* The task @cpu runs, its idle task included: stable under its run queue's lock. */
struct task_struct *cpu_curr(unsigned int cpu);
/*
 * Each task @p that another CPU sharing @rq runs, as @cpu goes over them:
 * under @rq's lock, which their switches take.  For a policy whose queue
 * has a clock (fair's min_vruntime, stride's global pass) that must not
 * run ahead of a task on a CPU; only the one global queue has such CPUs,
 * and with a queue per CPU the loop compiles to nothing.
 */
#define for_each_other_curr(p, cpu, rq)                                                   \
	for_each_online_cpu (cpu)                                                         \
		if (!IS_ENABLED(CONFIG_SCHED_RQ_GLOBAL) || (cpu) == smp_processor_id() || \
		    cpu_rq(cpu) != (rq) || is_idle_task((p) = cpu_curr(cpu))) {           \
		} else

/* Ask the running task to give way (at the next preemption point). */
void resched_curr(void);
/* CONFIG_SCHED_TIMESLICE_MS in ticks, at least one. */
#define TIMESLICE_TICKS \
	(CONFIG_SCHED_TIMESLICE_MS * HZ / 1000 ? CONFIG_SCHED_TIMESLICE_MS * HZ / 1000 : 1)
/*
 * A new, sleeping task that will run @fn(@arg), named @name (truncated);
 * ERR_PTR(-EINVAL, -ENOMEM or -EAGAIN) with nothing allocated on failure.
 * It may run where its creator may (cpus_allowed is inherited).
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
/* kthread_stop()'s core: set @want's should_stop, wake it, collect it. */
int task_stop(struct task_struct *want, int *code);
/*
 * @p's CPU time, its open stretch included if it runs: for the hooks,
 * under the lock of @p's run queue (task_cputime_ns() takes it).
 */
u64 task_exec_ns(const struct task_struct *p);
/* sched_set_param() with tasklist_lock held. */
int sched_set_param_locked(struct task_struct *p, int value);
/* find_task() with tasklist_lock held. */
struct task_struct *__find_task(const struct task_struct *want);
/* The scheduler's side of a new task: its CPU and where it may run. */
void sched_fork(struct task_struct *p);
/* Wait until @p, dead, has left its CPU for good: its stack may go. */
void sched_dead_done(struct task_struct *p);

#endif
