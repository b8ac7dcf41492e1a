// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks come and go: creation, exit, and task_wait(), which frees them.
 *
 * A task that exits keeps its structure and stack, TASK_DEAD, until
 * task_wait() collects its exit code: it cannot free the stack it is
 * running on, and its waiter may not have asked yet; the waiter frees it
 * once its CPU has left it for good (sched_dead_done()).  The task list,
 * the pid counter and each task's waiter are under tasklist_lock.
 *
 * Nothing of an exited task may outlive it elsewhere: a task that exits
 * with preemption disabled is noted and its count dropped, and the
 * mutexes it still holds are handed on, so that no lock keeps a pointer
 * to the structure task_wait() frees.
 */
#include <asm/irqflags.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/proc_fs.h>
#include <kernel/process.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "sched.h"

DEFINE_SPINLOCK(tasklist_lock);
static LIST_HEAD(task_list);
static int next_pid = 1;
static unsigned int task_count;

struct task_struct *task_create(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	if (!fn)
		return ERR_PTR(-EINVAL);
	if (next_pid == PID_MAX)
		return ERR_PTR(-EAGAIN); /* every pid used once */
	p = kzalloc(sizeof(*p));
	if (!p)
		return ERR_PTR(-ENOMEM);
	err = arch_task_setup(p, fn, arg);
	if (err) {
		kfree(p);
		return ERR_PTR(err);
	}
	strscpy(p->comm, name, sizeof(p->comm));
	p->state = TASK_SLEEPING;
	p->start_time = ktime_get();
	INIT_LIST_HEAD(&p->held_locks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	sched_fork(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	if (next_pid == PID_MAX) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		arch_task_release(p);
		kfree(p);
		return ERR_PTR(-EAGAIN); /* the last pid went while this one was made */
	}
	p->pid = next_pid++;
	sched_policy.fork(p);
	list_add_tail(&p->tasks, &task_list);
	task_count++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/*
 * As Linux's do_exit(): a task that returns with preemption disabled
 * (a spinlock held, say) is noted, and leaves with a count of 0.
 */
static void exit_preempt_count(const struct task_struct *p)
{
	if (likely(!in_atomic()))
		return;
	lock_bugs++;
	pr_info("note: %s[%d] exited with preempt_count %d\n", p->comm, p->pid,
		(int)preempt_count());
	this_cpu_write(__preempt_count, 0);
}

__noreturn void task_exit(int code)
{
	struct task_struct *p = current, *waiter;

	if (unlikely(in_interrupt()))
		panic("Aiee, killing interrupt handler!");
	if (p == &idle_task)
		panic("the idle task tried to exit");
	if (p->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	/* A kernel thread's programs (spawn_process()) must not keep it as their parent. */
	if (IS_ENABLED(CONFIG_USER_MODE) && (p->process || !list_empty(&p->children)))
		exit_process(p);
	exit_preempt_count(p);
	debug_check_no_locks_held(p);
	local_irq_disable();
	mutex_release_held(p);
	lockdep_forget_held(p);
	spin_lock(&tasklist_lock);
	p->exit_code = code;
	p->state = TASK_DEAD;
	sched_policy.exit(p);
	waiter = p->waiter;
	if (waiter)
		wake_up_process(waiter);
	/* Dead and reported in one stretch: wait4() tests both under the lock. */
	if (IS_ENABLED(CONFIG_USER_MODE) && p->process)
		exit_notify(p);
	spin_unlock(&tasklist_lock);
	__schedule();
	panic("task %s (pid %d) ran again after it exited", p->comm, p->pid);
}

struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p;

	list_for_each_entry (p, &task_list, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

int task_comm_by_pid(int pid, char *comm)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid == 0 ? &idle_task : find_task_by_pid(pid);
	if (p)
		strscpy(comm, p->comm, TASK_COMM_LEN);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? 0 : -ESRCH;
}

/* The lookup and the change in one stretch: the task cannot exit in between. */
int sched_set_param_pid(int pid, int value)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid == 0 ? &idle_task : find_task_by_pid(pid);
	err = p ? sched_set_param_locked(p, value) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

struct task_struct *__find_task(const struct task_struct *want)
{
	struct task_struct *p;

	list_for_each_entry (p, &task_list, tasks)
		if (p == want)
			return p;
	return NULL;
}

struct task_struct *find_task(const struct task_struct *want)
{
	struct task_struct *found;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	found = __find_task(want);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/*
 * Free a dead task that nobody else can reach any more, once its CPU is
 * off its stack.  Its stack goes back with no lock held (smp.md: a batch
 * of freed stacks may wait for other CPUs' TLB flushes).
 */
static void task_release(struct task_struct *p)
{
	sched_dead_done(p);
	arch_task_release(p);
	kfree(p);
}

struct task_struct *next_task(struct task_struct *p)
{
	struct list_head *next = p ? p->tasks.next : task_list.next;

	return next == &task_list ? NULL : list_entry(next, struct task_struct, tasks);
}

struct task_struct *find_dead_orphan(void)
{
	struct task_struct *p;

	list_for_each_entry (p, &task_list, tasks)
		if (p->process && !p->parent && p->state == TASK_DEAD && p != current)
			return p;
	return NULL;
}

/*
 * Its parent, if it has one, is waiting for it in wait4(): as in Linux,
 * the child's CPU time and its own children's become the parent's
 * children's (times(), getrusage(RUSAGE_CHILDREN), /proc/PID/stat).
 */
void release_task(struct task_struct *p)
{
	/* Off its CPU first: its exec_ns holds its last stretch from then on. */
	sched_dead_done(p);
	if (p->parent)
		p->parent->children_ns += p->exec_ns + p->children_ns;
	list_del(&p->tasks);
	task_count--;
	proc_flush_pid(p->pid);
	task_release(p);
}

/*
 * Under tasklist_lock: ps and /proc copy names under it (task_comm_by_pid(),
 * task_snapshot()), and see the old or the new, whole.
 */
void set_task_comm(struct task_struct *p, const char *name)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	strscpy(p->comm, name, TASK_COMM_LEN);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

int last_pid(void)
{
	return READ_ONCE(next_pid) - 1;
}

static int check_waitable(const struct task_struct *p)
{
	if (!p)
		return -ESRCH;
	if (p == current)
		return -EDEADLK;
	if (p == &idle_task || p->pid == 1)
		return -EINVAL;
	if (p->process)
		return -ECHILD; /* its parent's, through wait4() */
	if (p->waiter)
		return -EBUSY;
	return 0;
}

/* tasklist_lock held: become @p's waiter, or say why the caller cannot. */
static int claim(struct task_struct *p)
{
	int err = check_waitable(p);

	if (!err)
		p->waiter = current;
	return err;
}

/*
 * tasklist_lock held, as @p's waiter: sleep until it is dead, then take
 * it off the list.  task_exit() marks it dead and wakes us under the same
 * lock.  The caller frees it, with the lock dropped.
 */
static void collect(struct task_struct *p, int *code)
{
	while (p->state != TASK_DEAD)
		sleep_locked(&tasklist_lock);
	list_del(&p->tasks);
	task_count--;
	if (code)
		*code = p->exit_code;
}

int task_wait(int pid, int *code)
{
	unsigned long flags;
	struct task_struct *p;
	int err;

	might_sleep();
	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid == 0 ? &idle_task : find_task_by_pid(pid);
	err = claim(p);
	if (!err)
		collect(p, code);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!err)
		task_release(p);
	return err;
}

/*
 * Every check comes before the task is touched: a refused stop changes
 * nothing.  The stopper lends @want its priority until it exits
 * (task_stopper()), or a victim below a busy priority would never run to
 * see that it should stop, and the stopper would wait for ever.
 */
int task_stop(struct task_struct *want, int *code)
{
	unsigned long flags;
	struct task_struct *p;
	int err;

	might_sleep();
	spin_lock_irqsave(&tasklist_lock, flags);
	p = __find_task(want);
	err = claim(p);
	if (!err) {
		sched_pi_lock();
		p->should_stop = true;
		current->stopping = p;
		sched_pi_chain(p);
		sched_pi_unlock();
		wake_up_process(p);
		collect(p, code);
		sched_pi_lock();
		current->stopping = NULL;
		sched_pi_unlock();
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!err)
		task_release(p);
	return err;
}

unsigned int nr_tasks(void)
{
	return task_count + 1; /* and the idle task */
}

static const char *const state_names[] = {
	[TASK_RUNNING] = "running",
	[TASK_RUNNABLE] = "runnable",
	[TASK_SLEEPING] = "sleeping",
	[TASK_DEAD] = "dead",
};

static void show_task(const struct task_struct *p)
{
	char policy[32];
	u64 us = task_cputime_ns(p) / 1000;

	sched_policy.ps_line(p, policy, sizeof(policy));
	pr_info("%5d %-8s %3u %8lu %10llu.%03llu %-10s %s\n", p->pid, state_names[p->state],
		READ_ONCE(p->cpu), p->ticks, (unsigned long long)(us / 1000),
		(unsigned long long)(us % 1000), policy, p->comm);
}

static void snapshot_task(const struct task_struct *p, struct task_info *info)
{
	info->pid = p->pid;
	info->state = p->state;
	info->cpu = READ_ONCE(p->cpu);
	info->cputime_ns = task_cputime_ns(p);
	sched_policy.ps_line(p, info->sched, sizeof(info->sched));
	strscpy(info->comm, p->comm, sizeof(info->comm));
}

/*
 * One pass under tasklist_lock: no task comes or goes meanwhile.  The
 * tasks running on other CPUs go on running: their states and times are
 * each read once, a moment apart.
 */
unsigned int task_snapshot(struct task_info *info, unsigned int max)
{
	struct task_struct *p;
	unsigned int n = 0;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (n < max)
		snapshot_task(&idle_task, &info[n]);
	n++;
	list_for_each_entry (p, &task_list, tasks) {
		if (n < max)
			snapshot_task(p, &info[n]);
		n++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

const char *task_state_name(enum task_state state)
{
	return state_names[state];
}

void show_tasks(void)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	pr_info("  PID STATE    CPU    TICKS    TIME(ms) POLICY     COMM\n");
	show_task(&idle_task);
	list_for_each_entry (p, &task_list, tasks)
		show_task(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
