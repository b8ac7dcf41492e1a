/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler (kernel/sched/).
 *
 * A task is a thread of kernel code with a stack of its own.  pid 0 is the
 * boot flow, which becomes the idle task and runs only when nothing else
 * can; pid 1, init, runs the initcalls, the tests and the console (see
 * kernel/main.c).  Tasks are made with kthread_create() (<kernel/kthread.h>).
 *
 * Under CONFIG_PREEMPT_NONE a task runs until it calls schedule()
 * (yield(), sleeping, task_exit()); under CONFIG_PREEMPT the tick also
 * ends its time slice (<kernel/preempt.h>).  Which runnable task runs
 * next is the policy's choice, one of several picked in Kconfig
 * (kernel/sched/sched.h has their contract).
 *
 * One CPU: the scheduler's state is protected by turning interrupts off,
 * which is also what lets an interrupt handler wake a task.
 */
#ifndef _KERNEL_SCHED_H
#define _KERNEL_SCHED_H

#include <asm/barrier.h>
#include <asm/thread.h>
#include <kernel/compiler.h>
#include <kernel/cpumask.h>
#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/preempt.h>
#include <kernel/resource.h>
#include <kernel/signal.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>
#include <kernel/types.h>

#define TASK_COMM_LEN 16
/* pids are not reused: 2^31 - 1 tasks is more than a boot will see. */
#define PID_MAX	      0x7fffffff

struct mutex;

enum task_state {
	TASK_RUNNING,  /* on the CPU: current */
	TASK_RUNNABLE, /* in the policy's queue */
	TASK_SLEEPING, /* waits for wake_up_process(); new tasks too */
	TASK_DEAD,     /* exited; waits for task_wait() to free it */
};

/*
 * What the scheduler keeps of each task.  The core counts down the time
 * slice; the rest is the policy's, in a layout of its own that only it
 * and its own tests see (DEFINE_POLICY_ENTITY() in kernel/sched/sched.h),
 * so that a new policy brings its state with it and changes nothing here.
 */
#define SCHED_POLICY_WORDS 8
struct sched_entity {
	unsigned int slice; /* ticks left of its time slice */
	unsigned long policy[SCHED_POLICY_WORDS];
};

struct task_struct {
	struct thread_struct thread; /* first: switch_to.asm */
	int pid;
	char comm[TASK_COMM_LEN];
	enum task_state state;
	struct sched_entity se;
	struct list_head tasks; /* every task, in pid order */

	/*
	 * Where it runs (kernel/sched/core.c).  cpu, queued and rq_node
	 * change under the lock of the run queue of cpu (both queues', when
	 * it moves); cpus_allowed under the same, and is read without it.
	 */
	unsigned int cpu;	     /* the CPU it runs on, or ran on last */
	bool on_cpu;		     /* its stack is in use: running, or being switched from */
	bool queued;		     /* in a run queue: runnable, not running */
	struct list_head rq_node;    /* in its run queue's tasks, while queued */
	struct cpumask cpus_allowed; /* where it may run: sched_setaffinity(), kthread_bind() */

	unsigned long ticks; /* timer ticks that found it running */
	u64 exec_ns;	     /* clocksource time on the CPU, to its last switch */
	u64 exec_start;	     /* when it last got the CPU */
	u64 woken_at;	     /* last wake-up (CONFIG_SCHED_BENCH only) */
	u64 start_time;	     /* ktime_get() when it was made: /proc/PID/stat's */
	u64 children_ns;     /* CPU time of its children waited for, and theirs: times() */

	int exit_code;
	struct task_struct *waiter;   /* the task in task_wait() on it */
	bool should_stop;	      /* kthread_stop() was called */
	struct task_struct *stopping; /* the task it waits for in kthread_stop() */
	struct list_head held_locks;  /* mutexes it holds (<kernel/mutex.h>) */
	struct mutex *blocked_on;     /* the mutex it sleeps on */
	unsigned int preempt_count;   /* its __preempt_count while off the CPU */
#ifdef CONFIG_PROVE_LOCKING
	struct held_lock held_dep[CONFIG_LOCKDEP_MAX_DEPTH]; /* lockdep's: innermost last */
	unsigned int lockdep_depth;
#endif

	/*
	 * A process's (CONFIG_USER_MODE; kernel/fork.c, kernel/exit.c).  A
	 * kernel thread has no mm and no files; a process has both.  The
	 * tree (parent, children, sibling) changes with interrupts off, as
	 * the task list does.
	 */
	struct mm_struct *mm;
	struct files_struct *files;
	struct dentry *pwd;	       /* the working directory */
	bool process;		       /* reaped by wait4(), or at exit if parentless */
	bool in_wait4;		       /* asleep in wait4(): a child's exit wakes it */
	bool interruptible;	       /* asleep where a signal it does not block ends the wait */
	struct task_struct *parent;    /* NULL: nobody waits, reaped at exit */
	struct list_head children;     /* its children, alive or not yet waited for */
	struct list_head sibling;      /* in its parent's children */
	int pgrp;		       /* its process group: kill(-pgrp), a terminal's foreground */
	int session;		       /* its session: setsid(), a controlling terminal's */
	bool did_exec;		       /* has called execve(): setpgid() may not move it */
	unsigned long exit_work;       /* EXIT_WORK_*: on its way back to user mode */
	struct completion *vfork_done; /* its vfork() parent, until exec or exit */
	unsigned long tid_address;     /* set_tid_address()'s, for threads to come */

	/*
	 * The small calls' (Documentation/core/misc-syscalls.md).  fork()
	 * copies the limits, the nice value and dumpable; the rest starts
	 * at 0 in the child, as in Linux.
	 */
	struct rlimit rlim[RLIM_NLIMITS]; /* resource limits (kernel/rlimit.c) */
	unsigned long robust_list;	  /* set_robust_list()'s head, for futexes to come */
	int pdeath_signal;		  /* prctl(PR_SET_PDEATHSIG): kept, not yet sent */
	int dumpable;			  /* prctl(PR_SET_DUMPABLE): 0 or 1 */
	int nice;			  /* setpriority()'s, -20 to 19 */
	struct timer_list real_timer;	  /* ITIMER_REAL, alarm() (kernel/time/itimer.c) */
	u64 it_real_incr_ns;		  /* its interval; 0 for one shot */
	struct task_signals signal;	  /* <kernel/signal.h> */
};

/*
 * The running task, per CPU.  A task's own current never changes while
 * it runs, whichever CPU it runs on, so the read may be merged with
 * others and moved (this_cpu_read_stable()), as Linux's get_current().
 */
DECLARE_PER_CPU(struct task_struct *, current_task);
#define current this_cpu_read_stable(current_task)

/*
 * Say that the caller may sleep.  With CONFIG_DEBUG_ATOMIC_SLEEP a call
 * with interrupts off, preemption off or from an interrupt handler is
 * reported as Linux does: "BUG: sleeping function called from invalid
 * context", with the task and a backtrace.  (Whatever the configuration,
 * schedule() itself reports a task that really sleeps so: "BUG:
 * scheduling while atomic".)
 */
void __might_sleep(const char *file, int line);
#define might_sleep()                                      \
	do {                                               \
		if (IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP)) \
			__might_sleep(__FILE__, __LINE__); \
	} while (0)

/* Give the CPU to the task the policy picks (perhaps the caller again). */
void schedule(void);
/*
 * What a sleeping lock (kernel/locking/) needs of the scheduler, and no
 * more: the rest of the core's contract with its policies stays private
 * to kernel/sched/ (kernel/sched/sched.h).
 *
 * __schedule() is schedule() with interrupts already off: a task that has
 * put itself on a lock's wait list and marked itself sleeping blocks
 * there, with no wake-up able to fall in between.
 */
void __schedule(void);
/*
 * Priority inheritance: @p's priority, or the tasks that wait for it,
 * changed: update it and, if it waits in turn for a mutex's owner or for
 * a task it stops, that task, and so on along the chain (with a policy
 * that has pi_update()).  Interrupts off; nothing for a NULL @p.
 */
void sched_pi_chain(struct task_struct *p);
/*
 * With a policy that has priority inheritance: what it reads (each
 * mutex's owner and waiters, each task's held mutexes, blocked_on and
 * stopping) changes under this lock, and sched_pi_chain() walks it under
 * the same; nothing without such a policy.  Interrupts off; inside a
 * mutex's wait_lock and tasklist_lock, outside the run queues' locks.
 */
void sched_pi_lock(void);
void sched_pi_unlock(void);
/* Let every other runnable task run before the caller goes on. */
void yield(void);
/*
 * Make a sleeping task runnable.  False if it was not sleeping.  From any
 * context, with any lock held but a run queue's (they are the innermost).
 * A task marked sleeping that has not left its CPU yet is set running
 * again, and its schedule() returns at once: see set_current_state().
 */
bool wake_up_process(struct task_struct *p);

/*
 * If @p runs on another CPU, interrupt it, so that it passes its way back
 * to user mode, where it sees a signal just sent, at once and not at that
 * CPU's next tick (Linux's kick_process()).  From any context.
 */
void kick_process(struct task_struct *p);

/*
 * A task that is about to sleep marks itself with
 * set_current_state(TASK_SLEEPING) before it tests what it waits for,
 * and calls schedule() if that does not hold yet.  The full barrier
 * orders the mark before the test: a waker that makes the condition true
 * and then calls wake_up_process() either is seen by the test, or finds
 * the mark and undoes it (<kernel/wait.h> has the whole protocol).
 * __set_current_state(TASK_RUNNING) takes the mark back when the task
 * does not sleep after all.
 */
#define __set_current_state(s) WRITE_ONCE(current->state, (s))
#define set_current_state(s)   smp_store_mb(current->state, (s))

/*
 * With @lock held and interrupts off: sleep until woken, with @lock
 * released meanwhile, and take it again.  The caller tested its
 * condition under @lock, and whoever makes it true takes @lock to do so
 * before waking it, so no wake-up falls between the test and the sleep.
 */
void sleep_locked(spinlock_t *lock);

/*
 * Guards the task list and pids, each task's waiter, and the process
 * tree (parent, children, sibling, process groups and sessions).  Taken
 * with interrupts off (spin_lock_irqsave()), outside every lock but the
 * sleeping ones: tasklist_lock, then a wait queue's or timer's, then a
 * run queue's.
 */
extern spinlock_t tasklist_lock;

/*
 * End the calling task with @code, which task_wait() returns.  Its stack
 * and structure are freed by task_wait().  Panics for pid 0 and 1, and in
 * an interrupt handler.  A task that exits with preemption disabled is
 * noted as Linux notes it ("note: NAME[PID] exited with preempt_count N");
 * one that exits holding mutexes is reported with CONFIG_DEBUG_MUTEXES,
 * and each is handed on as mutex_unlock() would (<kernel/mutex.h>).
 */
__noreturn void task_exit(int code);
/* The task with @pid, or NULL.  Interrupts off, until done with it. */
struct task_struct *find_task_by_pid(int pid);
/* The task after @p in pid order (the first if @p is NULL), or NULL.  Interrupts off. */
struct task_struct *next_task(struct task_struct *p);
/* A dead process that nobody will wait for, or NULL.  Interrupts off. */
struct task_struct *find_dead_orphan(void);
/* Take the dead task @p off the task list and free it.  Interrupts off. */
void release_task(struct task_struct *p);
/*
 * Sleep until task @pid has exited, then free it and set *@code.  Returns
 * 0, -ESRCH (no such task, or one already waited for), -EBUSY (another
 * task waits for it), -EDEADLK (the caller itself) or -EINVAL (pid 0 or 1,
 * which never exit).
 */
int task_wait(int pid, int *code);
/*
 * Set @p's scheduling parameter, whose meaning is the policy's: the
 * priority of SCHED_PRIO (0 to 31, 16 by default), the tickets of
 * SCHED_STRIDE (1 to 1000, 100 by default), the nice value of SCHED_FAIR
 * and SCHED_MLFQ (-20 to 19, 0 by default).  0; -EINVAL for a
 * value out of range or a policy without a parameter (round robin);
 * -ESRCH if @p is not a task.  Nothing changes on failure.
 */
int sched_set_param(struct task_struct *p, int value);
/* Copy the name of task @pid to @comm (TASK_COMM_LEN bytes): 0, or -ESRCH. */
int task_comm_by_pid(int pid, char *comm);
/* Name @p (@name cut to TASK_COMM_LEN - 1), under tasklist_lock: exec, prctl(PR_SET_NAME). */
void set_task_comm(struct task_struct *p, const char *name);
/* sched_set_param() on the task numbered @pid; -ESRCH if there is none. */
int sched_set_param_pid(int pid, int value);
/* The task of @p if it exists: a check for pointers from callers. */
struct task_struct *find_task(const struct task_struct *p);
/* Clocksource time @p has had the CPU, the current stretch included. */
u64 task_cputime_ns(const struct task_struct *p);
/*
 * Compute for @ns of the caller's own CPU time, offering the CPU with
 * cond_resched() all along, so that it shares in either preemption model:
 * the work of the test, benchmark and demo tasks.
 */
void burn_cpu(u64 ns);
/* How many tasks exist, the idle task and dead ones not yet waited for included. */
unsigned int nr_tasks(void);
/* The pid the last task made got (pids are not reused: also how many were made). */
int last_pid(void);
/* A line per task: pid, state, CPU time, the policy's column, name. */
void show_tasks(void);

/* What "ps" shows of a task: a copy, so that printing needs no lock. */
struct task_info {
	int pid;
	enum task_state state;
	unsigned int cpu; /* the CPU it runs on, or ran on last */
	u64 cputime_ns;
	char sched[32]; /* the policy's column: "nice 0", "tickets 100" */
	char comm[TASK_COMM_LEN];
};

/*
 * Copy the idle task's and then every other task's info, in pid order,
 * into @info, at most @max of them, all at one instant.  Returns how many
 * tasks there are, which may be more than @max.
 */
unsigned int task_snapshot(struct task_info *info, unsigned int max);
/* "running", "runnable", "sleeping" or "dead". */
const char *task_state_name(enum task_state state);
/*
 * Ticks CPU @cpu has taken of its own: a measure of how far it got that
 * a loaded host cannot stretch, for tests that wait on another CPU.
 */
unsigned long sched_cpu_ticks(unsigned int cpu);
/* Context switches since boot. */
unsigned long nr_context_switches(void);
/* Tasks waiting in the run queue (the running one and idle not counted). */
unsigned int nr_waiting(void);
/* The policy's name, as its ps column and messages give it: "rr", "fair", ... */
const char *sched_policy_name(void);
/*
 * What sched_set_param() sets under this policy: "priority", "tickets" or
 * "nice"; NULL for a policy without a parameter.
 */
const char *sched_param_name(void);
/* The range of that parameter, in *@min and *@max; false if there is none. */
bool sched_param_range(int *min, int *max);
/*
 * @p's parameter as sched_set_param() set it, or, for
 * sched_effective_param(), the one it runs at now: a priority that
 * priority inheritance lent it, or aging raised, included.  Both are
 * SCHED_PARAM_NONE, which no parameter can be, for what is not a task and
 * under a policy without a parameter.
 */
#define SCHED_PARAM_NONE (-0x7fffffff - 1)
/* sched_get_param() for a caller that holds tasklist_lock, @p found under it. */
int sched_get_param_locked(const struct task_struct *p);
int sched_get_param(const struct task_struct *p);
int sched_effective_param(const struct task_struct *p);

/*
 * What a policy may promise beyond the contract every policy keeps.  Code
 * and tests that depend on one ask sched_policy_has(), never which policy
 * runs, so that a new policy that keeps the promise gets the same
 * treatment without a change here.
 */
/* The parameter is a priority: a runnable task of a higher one always runs first. */
#define SCHED_STRICT_PRIORITY	   (1U << 0)
/* Equal tasks (the same parameter) that yield in turn run in turn: a b c a b c. */
#define SCHED_YIELD_ROTATES	   (1U << 1)
/* A task that others wait for runs at their priority (kernel/locking/). */
#define SCHED_PRIORITY_INHERITANCE (1U << 2)
/* Whether the policy makes every promise in @caps. */
bool sched_policy_has(unsigned int caps);

/* Sleep with nobody to wake the caller: a task with nothing left to do. */
__noreturn void sleep_forever(void);

/* Make the boot flow pid 0, the idle task; called by start_kernel(). */
void sched_init(void);
/* @idle (pid 0) is @cpu's idle task: it runs there alone, on no queue. */
void sched_init_idle(struct task_struct *idle, unsigned int cpu);
/*
 * Let @p run only on the CPUs of @mask (sched_setaffinity()): it moves at
 * once if it is queued or running elsewhere, and the caller's own call
 * returns on a CPU of @mask.  0; -EINVAL if @mask has no online CPU or
 * @p is an idle task; -ESRCH if @p is no task.  Nothing changes on
 * failure.  New tasks inherit their creator's mask (every CPU, if an
 * idle task made them).
 */
int set_cpus_allowed(struct task_struct *p, const struct cpumask *mask);
/* set_cpus_allowed() on task @pid (0: the caller), or -ESRCH. */
int sched_setaffinity(int pid, const struct cpumask *mask);
/* The online CPUs task @pid (0: the caller) may run on, into @mask: 0 or -ESRCH. */
int sched_getaffinity(int pid, struct cpumask *mask);
/* The idle task's loop: run what can run, halt when nothing can. */
__noreturn void cpu_idle(void);
/* From the timer tick: CPU time accounting and the policy's tick. */
void sched_tick(void);
/* From the return of an interrupt that came with interrupts on (the arch). */
void preempt_schedule_irq(void);

#endif
