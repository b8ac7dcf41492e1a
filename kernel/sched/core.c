// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core: which task runs on each CPU, the switch to it,
 * where a woken task goes, and its CPU time.
 *
 * Run queues (struct rq, kernel/sched/sched.h) are one per CPU with
 * CONFIG_SCHED_RQ_PERCPU, or one the whole machine shares.  Each has a
 * spinlock, taken with interrupts off, that guards its queue, the policy's
 * state of the tasks on it, and which task its CPU (or, shared, each CPU)
 * runs.  The rules:
 *
 * - A task's cpu field changes only with its run queue locked, and when
 *   it moves between queues with both locked, lower address first
 *   (double_rq_lock()).  task_rq_lock() locks a task's queue and checks
 *   that it did not move meanwhile.
 * - The lock is dropped before the switch itself (switch_to()), so the
 *   task leaving keeps on_cpu set until the CPU is off its stack
 *   (finish_task_switch()); a CPU that picks it meanwhile waits for that,
 *   and so does task_wait() before it frees a dead task's stack.
 * - A task that marked itself sleeping but has not switched out yet is
 *   still its CPU's current task: wake_up_process() finds it so, under
 *   the same lock, and sets it running again instead of queueing it.
 *   Preempted there, it stays in a queue, still marked (state is what a
 *   task means to do, queued where it is): it gets the CPU back to test
 *   its condition, and a wake-up meanwhile only takes the mark back, as
 *   Linux's preemption keeps such a task on its run queue.
 * - Run-queue locks are the innermost: nothing is taken under them.
 *
 * With per-CPU queues a CPU that runs out of tasks pulls one from the
 * busiest queue (pull on idle), and every BALANCE_MS each CPU pushes one
 * of its queued tasks to the least loaded CPU when the difference is two
 * or more (periodic push).  A task runs only where its cpus_allowed says.
 *
 * The switch also swaps the preemption count (<kernel/preempt.h>): each
 * task takes its own with it, and finds it again when it runs next.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/loadavg.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "sched.h"

#define RQ_COUNT   (IS_ENABLED(CONFIG_SCHED_RQ_PERCPU) ? NR_CPUS : 1)
#define BALANCE_MS 20

struct task_struct idle_task = {
	.pid = 0,
	.comm = "idle",
	.state = TASK_RUNNING,
	.on_cpu = true,
	.cpus_allowed = { 1 },
};
DEFINE_PER_CPU(struct task_struct *, current_task) = &idle_task;
DEFINE_PER_CPU(unsigned int, __preempt_count);
DEFINE_PER_CPU(bool, __need_resched);
static DEFINE_PER_CPU(struct task_struct *, idle_of_cpu) = &idle_task;
/*
 * The task each CPU runs, as its run queue's lock sees it: it changes
 * under that lock, before the lock is dropped for the switch, while
 * current changes only at the switch itself (the lock's owner is still
 * the task that took it).
 */
static DEFINE_PER_CPU(struct task_struct *, sched_curr) = &idle_task;
static DEFINE_PER_CPU(unsigned long, context_switches);
static DEFINE_PER_CPU(unsigned long, cpu_ticks); /* this CPU's own ticks */
/* The task this CPU switched from, and whether it must move to another CPU. */
static DEFINE_PER_CPU(struct task_struct *, switch_prev);
static DEFINE_PER_CPU(bool, switch_migrate);

struct rq runqueues[RQ_COUNT];
DEFINE_PER_CPU(struct rq *, this_cpu_rq) = &runqueues[0];

struct rq *cpu_rq(unsigned int cpu)
{
	return &runqueues[IS_ENABLED(CONFIG_SCHED_RQ_PERCPU) ? cpu : 0];
}

struct task_struct *cpu_curr(unsigned int cpu)
{
	return READ_ONCE(per_cpu(sched_curr, cpu));
}

/* Whether @cpu runs its idle task with nothing queued for it; a hint, unlocked. */
static bool cpu_is_idle(unsigned int cpu)
{
	return is_idle_task(cpu_curr(cpu)) && !READ_ONCE(cpu_rq(cpu)->nr_queued);
}

/* Every CPU's mask: what a task may use unless told otherwise. */
static const struct cpumask all_cpus = { NR_CPUS == 64 ? ~0UL : (1UL << NR_CPUS) - 1 };

static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a == b) {
		spin_lock(&a->lock);
	} else if (a < b) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	if (a != b)
		spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

/* Interrupts off: lock @p's run queue, the one it is still on once locked. */
static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = task_rq(p);

		spin_lock(&rq->lock);
		if (rq == task_rq(p))
			return rq;
		spin_unlock(&rq->lock);
	}
}

void resched_curr(void)
{
	this_cpu_write(__need_resched, true);
}

/* Ask @cpu's running task to give way: an IPI if it is another CPU. */
static void resched_cpu(unsigned int cpu)
{
	if (!IS_ENABLED(CONFIG_SMP) || cpu == smp_processor_id()) {
		resched_curr();
		return;
	}
	WRITE_ONCE(per_cpu(__need_resched, cpu), true);
	smp_send_reschedule(cpu);
}

void kick_process(struct task_struct *p)
{
	unsigned int cpu;

	if (!IS_ENABLED(CONFIG_SMP))
		return;
	preempt_disable();
	cpu = READ_ONCE(p->cpu);
	if (cpu != smp_processor_id() && cpu_curr(cpu) == p)
		smp_send_reschedule(cpu); /* the handler does nothing: the way back is the point */
	preempt_enable();
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	sched_policy.enqueue(rq, p);
	list_add_tail(&p->rq_node, &rq->tasks);
	p->queued = true;
	rq->nr_queued++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	sched_policy.dequeue(rq, p);
	list_del(&p->rq_node);
	p->queued = false;
	rq->nr_queued--;
}

/* The task this CPU runs next, out of @rq: the policy's pick, or the idle task. */
static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *p = sched_policy.pick_next(rq);

	if (!p)
		return this_cpu_read(idle_of_cpu);
	list_del(&p->rq_node);
	p->queued = false;
	rq->nr_queued--;
	p->cpu = smp_processor_id();
	return p;
}

/* Both queues locked: move the queued @p from @src to @dst. */
static void move_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	dequeue_task(src, p);
	if (sched_policy.migrate)
		sched_policy.migrate(src, dst, p);
	p->cpu = dst->cpu;
	enqueue_task(dst, p);
}

/* @p was just queued on @cpu's run queue, locked: should @cpu switch to it? */
static void check_preempt(struct rq *rq, unsigned int cpu, struct task_struct *p)
{
	struct task_struct *curr = cpu_curr(cpu);

	if (is_idle_task(curr) || (sched_policy.preempt && sched_policy.preempt(rq, curr, p)))
		resched_cpu(cpu);
}

/*
 * Where the woken (or moving) @p should run: the CPU it ran on if that
 * is idle, or else any idle CPU it may use, or else the CPU it ran on
 * (its cache may still hold its data), if it may still use it.  A hint,
 * taken unlocked; the caller checks it under the locks.
 */
static unsigned int select_cpu(struct task_struct *p)
{
	unsigned int prev = READ_ONCE(p->cpu), cpu;
	bool prev_ok = cpu_online(prev) && cpumask_test_cpu(prev, &p->cpus_allowed);

	/* One CPU online, or one allowed: no choice to make (the SMP kernel on one CPU). */
	if (prev_ok && !(READ_ONCE(cpu_online_mask.bits) & p->cpus_allowed.bits & ~(1UL << prev)))
		return prev;
	if (prev_ok && cpu_is_idle(prev))
		return prev;
	for_each_online_cpu (cpu)
		if (cpumask_test_cpu(cpu, &p->cpus_allowed) && cpu_is_idle(cpu))
			return cpu;
	if (prev_ok)
		return prev;
	for_each_online_cpu (cpu)
		if (cpumask_test_cpu(cpu, &p->cpus_allowed))
			return cpu;
	return prev;
}

/*
 * Interrupts off: lock @p's run queue and the one of the CPU it should
 * go to (*@cpu), both as they still are once locked.
 */
static void lock_for_activation(struct task_struct *p, unsigned int *cpu, struct rq **rq,
				struct rq **dst)
{
	for (;;) {
		*cpu = select_cpu(p);
		*rq = task_rq(p);
		*dst = cpu_rq(*cpu);
		double_rq_lock(*rq, *dst);
		if (*rq == task_rq(p) && cpumask_test_cpu(*cpu, &p->cpus_allowed))
			return;
		double_rq_unlock(*rq, *dst);
	}
}

/*
 * Before a task is queued where another CPU may pick it: the CPU it left
 * may still be on its stack, for the few instructions of the switch.  It
 * needs no lock for them, so the wait is short and may hold run-queue
 * locks; and since every mover waits, no CPU ever picks a task whose old
 * CPU is mid-switch, so two CPUs can never each wait for the other's
 * previous task.
 */
static void wait_off_cpu(struct task_struct *p)
{
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();
}

/*
 * @p is runnable but on no queue and no CPU (it left a CPU it may no
 * longer use, or its mask changed while it waited): queue it where it
 * may run.
 */
static void activate_elsewhere(struct task_struct *p)
{
	struct rq *rq, *dst;
	unsigned int cpu;

	lock_for_activation(p, &cpu, &rq, &dst);
	wait_off_cpu(p);
	if (rq != dst && sched_policy.migrate)
		sched_policy.migrate(rq, dst, p);
	p->cpu = cpu;
	enqueue_task(dst, p);
	check_preempt(dst, cpu, p);
	double_rq_unlock(rq, dst);
}

static void report_invalid_sleep(const char *file, int line)
{
	lock_bugs++;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	dump_stack();
}

void __might_sleep(const char *file, int line)
{
	if (irqs_disabled() || preempt_count())
		report_invalid_sleep(file, line);
}

static void report_atomic_schedule(const struct task_struct *prev)
{
	lock_bugs++;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
	       preempt_count());
	dump_stack();
}

/*
 * As Linux's schedule_debug(), in every configuration: a task that gives
 * up the CPU must not be atomic.  One that does so with preemption off is
 * reported and goes on: its count leaves with it (switch_count()), and
 * the next task runs with its own.  An interrupt handler cannot go on: it
 * would sleep in place of the task it interrupted, and its IRQ would
 * never be acknowledged, which stops the tick and every lower IRQ.
 */
static void schedule_debug(const struct task_struct *prev)
{
	if (unlikely(in_atomic()))
		report_atomic_schedule(prev);
	if (is_idle_task(prev) && prev->state != TASK_RUNNING)
		panic("the idle task tried to sleep or exit; it must always be able to run");
	if (unlikely(in_interrupt()))
		panic("an interrupt handler tried to sleep; it would take %s/%d with it and "
		      "never acknowledge its IRQ",
		      prev->comm, prev->pid);
}

/*
 * The count is the running task's: keep @prev's with it and give @next
 * its own.  Without CONFIG_PREEMPT_COUNT it holds only the interrupt
 * nesting, which schedule_debug() made sure is 0 here.
 */
static void switch_count(struct task_struct *prev, struct task_struct *next)
{
	if (!IS_ENABLED(CONFIG_PREEMPT_COUNT))
		return;
	prev->preempt_count = this_cpu_read(__preempt_count);
	this_cpu_write(__preempt_count, next->preempt_count);
}

/* Close @prev's stretch on the CPU and open @next's. */
static void account_switch(struct task_struct *prev, struct task_struct *next)
{
	u64 now = ktime_get();

	prev->exec_ns += now - prev->exec_start;
	next->exec_start = now;
}

/*
 * Per-CPU queues, this CPU's locked and empty: pull one task from the
 * busiest other queue that may run here.  The lock is dropped to take
 * both in order, so the caller looks again at what may have changed.
 */
static void pull_task(struct rq *rq)
{
	struct rq *busiest = NULL;
	struct task_struct *p;
	unsigned int cpu;

	if (!(READ_ONCE(cpu_online_mask.bits) & ~(1UL << rq->cpu)))
		return; /* no other CPU to pull from */
	for_each_online_cpu (cpu) {
		struct rq *other = cpu_rq(cpu);

		if (other != rq && READ_ONCE(other->nr_queued) &&
		    (!busiest || READ_ONCE(other->nr_queued) > READ_ONCE(busiest->nr_queued)))
			busiest = other;
	}
	if (!busiest)
		return;
	spin_unlock(&rq->lock);
	double_rq_lock(rq, busiest);
	list_for_each_entry (p, &busiest->tasks, rq_node) {
		if (cpumask_test_cpu(rq->cpu, &p->cpus_allowed) && !READ_ONCE(p->on_cpu)) {
			move_task(busiest, rq, p);
			break;
		}
	}
	spin_unlock(&busiest->lock);
}

static void finish_task_switch(void);

/*
 * With interrupts off.  @preempt: the task is taken off the CPU, rather
 * than giving it up; if it had marked itself sleeping it stays runnable
 * (see the top of this file).  @yielding: yield()'s, which tells the
 * policy first.
 */
static void do_schedule(bool preempt, bool yielding)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	schedule_debug(prev);
	/* The run-queue lock is not held yet: a switch may hold no spinlock. */
	lockdep_check_switch(prev, NULL);
	spin_lock(&rq->lock);
	/* Under the lock the switch takes anyway: yield() takes it once. */
	if (yielding && !is_idle_task(prev))
		sched_policy.yield(rq, prev);
	if (!is_idle_task(prev) &&
	    (prev->state == TASK_RUNNING || (preempt && prev->state == TASK_SLEEPING))) {
		if (prev->state == TASK_RUNNING)
			prev->state = TASK_RUNNABLE;
		if (task_runs_here(prev)) {
			enqueue_task(rq, prev);
		} else {
			/* finish_task_switch() moves it; a mark lost is a spurious wake-up. */
			prev->state = TASK_RUNNABLE;
			this_cpu_write(switch_migrate, true);
		}
	}
	if (IS_ENABLED(CONFIG_SCHED_RQ_PERCPU) && !rq->nr_queued) {
		pull_task(rq);
		/* Woken while the lock was down, before it could leave. */
		if (prev->state == TASK_RUNNING && !is_idle_task(prev) && !prev->queued) {
			prev->state = TASK_RUNNABLE;
			enqueue_task(rq, prev);
		}
	}
	next = pick_next_task(rq);
	if (next->state == TASK_RUNNABLE)
		next->state = TASK_RUNNING;
	next->se.slice = TIMESLICE_TICKS;
	this_cpu_write(__need_resched, false);
	if (next == prev) {
		this_cpu_write(switch_migrate, false);
		spin_unlock(&rq->lock);
		return;
	}
	account_switch(prev, next);
	this_cpu_write(sched_curr, next);
	this_cpu_write(switch_prev, prev);
	this_cpu_inc(context_switches);
	spin_unlock(&rq->lock);
	this_cpu_write(current_task, next);

	/* Never waits: whoever queued it here waited (wait_off_cpu()). */
	wait_off_cpu(next);
	next->on_cpu = true;
	switch_count(prev, next);
	switch_to(prev, next);
	finish_task_switch();
}

void __schedule(void)
{
	do_schedule(false, false);
}

/*
 * In the task switched to, with interrupts off, on the way out of
 * __schedule() or into a new task (schedule_tail()): the CPU is off the
 * previous task's stack now.
 */
static void finish_task_switch(void)
{
	struct task_struct *prev = this_cpu_read(switch_prev);

	if (this_cpu_read(switch_migrate)) {
		this_cpu_write(switch_migrate, false);
		smp_store_release(&prev->on_cpu, false);
		activate_elsewhere(prev);
		return;
	}
	/* Last touch: a dead @prev may be freed from here on. */
	smp_store_release(&prev->on_cpu, false);
}

void sched_dead_done(struct task_struct *p)
{
	wait_off_cpu(p);
}

void schedule(void)
{
	unsigned long flags = local_irq_save();

	__schedule();
	local_irq_restore(flags);
}

void preempt_schedule(void)
{
	unsigned long flags;

	if (preempt_count() || irqs_disabled())
		return;
	flags = local_irq_save();
	do_schedule(true, false);
	local_irq_restore(flags);
}

/*
 * On the way back from an interrupt that arrived with interrupts on
 * (arch): switch if the tick or a wake-up asked for it.  Interrupts are
 * off, and the interrupted task resumes later from this very frame.
 */
void preempt_schedule_irq(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT) && !preempt_count() && need_resched())
		do_schedule(true, false);
}

void cond_resched(void)
{
	if (need_resched() && !preempt_count())
		schedule();
}

/* A new task's first steps (ret_from_kthread): it starts with interrupts on. */
void schedule_tail(void);
void schedule_tail(void)
{
	finish_task_switch();
	local_irq_enable();
}

void yield(void)
{
	unsigned long flags = local_irq_save();

	do_schedule(false, true);
	local_irq_restore(flags);
}

/*
 * The task whose progress @p sleeps for, and so lends its priority to:
 * the owner of the mutex it waits on, or the task it stops (kthread_stop()).
 */
static struct task_struct *pi_blocker(const struct task_struct *p)
{
	struct mutex *lock = READ_ONCE(p->blocked_on);

	return lock ? READ_ONCE(lock->owner) : READ_ONCE(p->stopping);
}

bool wake_up_process(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq, *dst;
	unsigned int cpu;
	bool woken;

	/*
	 * Most wake-ups find the task awake already.  The barrier orders
	 * the caller's change of the condition before this look at the
	 * state, as the sleeper's set_current_state() orders the other way.
	 */
	smp_mb();
	if (READ_ONCE(p->state) != TASK_SLEEPING)
		return false;
	flags = local_irq_save();
	lock_for_activation(p, &cpu, &rq, &dst);
	woken = p->state == TASK_SLEEPING;
	if (woken && (cpu_curr(p->cpu) == p || p->queued)) {
		/* Marked sleeping, not yet switched out, or preempted there: it goes on. */
		p->state = cpu_curr(p->cpu) == p ? TASK_RUNNING : TASK_RUNNABLE;
	} else if (woken) {
		if (IS_ENABLED(CONFIG_SCHED_BENCH))
			p->woken_at = ktime_get(); /* for response times */
		wait_off_cpu(p);
		/* A sleeper's place is relative to the queue it left too. */
		if (rq != dst && sched_policy.migrate)
			sched_policy.migrate(rq, dst, p);
		p->cpu = cpu;
		p->state = TASK_RUNNABLE;
		sched_policy.wakeup(dst, p);
		enqueue_task(dst, p);
		check_preempt(dst, cpu, p);
	}
	double_rq_unlock(rq, dst);
	local_irq_restore(flags);
	preempt_check_resched();
	return woken;
}

/*
 * @p's parameter or its place changed: the CPU it runs on, or every CPU
 * that might run it, looks again at what it should run.  Rare enough
 * that asking too many costs nothing worth saving.
 */
static void resched_for(struct task_struct *p)
{
	unsigned int cpu;

	for_each_online_cpu (cpu)
		if (cpumask_test_cpu(cpu, &p->cpus_allowed))
			resched_cpu(cpu);
}

/* Whether @p, any pointer, is one of the CPUs' idle tasks. */
static bool idle_task_ptr(const struct task_struct *p)
{
	unsigned int cpu;

	for_each_possible_cpu (cpu)
		if (p == per_cpu(idle_of_cpu, cpu))
			return true;
	return false;
}

/* With tasklist_lock held: @p, any pointer, is a task, or an idle task. */
static bool known_task(struct task_struct *p)
{
	return idle_task_ptr(p) || __find_task(p);
}

int sched_set_param_locked(struct task_struct *p, int value)
{
	struct rq *rq;
	int err = 0;

	if (!known_task(p))
		err = -ESRCH;
	else if (!sched_param_range(NULL, NULL) || value < sched_policy.param_min ||
		 value > sched_policy.param_max)
		err = -EINVAL;
	if (!err) {
		sched_pi_lock();
		rq = task_rq_lock(p);
		sched_policy.set_param(p, value);
		spin_unlock(&rq->lock);
		sched_pi_chain(pi_blocker(p));
		sched_pi_unlock();
		resched_for(p);
	}
	return err;
}

int sched_set_param(struct task_struct *p, int value)
{
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	err = sched_set_param_locked(p, value);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* With tasklist_lock held, @p a task: set_cpus_allowed(), but for the caller's own move. */
static int __set_cpus_allowed(struct task_struct *p, const struct cpumask *mask)
{
	struct cpumask new = { mask->bits & all_cpus.bits };
	bool move = false;
	struct rq *rq;

	if (!(new.bits &cpu_online_mask.bits))
		return -EINVAL; /* it could run nowhere */
	if (idle_task_ptr(p))
		return -EINVAL; /* an idle task belongs to its CPU */
	rq = task_rq_lock(p);
	p->cpus_allowed = new;
	if (cpumask_test_cpu(p->cpu, &new)) {
		/* Where it is, it may stay. */
	} else if (p->queued) {
		dequeue_task(rq, p);
		move = true;
	} else if (cpu_curr(p->cpu) == p) {
		resched_cpu(p->cpu); /* it moves when it next leaves the CPU */
	} else if (p->state != TASK_RUNNABLE) {
		/* Asleep (or dead): its next wake-up picks from the new mask. */
		p->cpu = (unsigned int)__builtin_ctzl(new.bits &cpu_online_mask.bits);
	}
	spin_unlock(&rq->lock);
	if (move)
		activate_elsewhere(p);
	return 0;
}

/* The caller may no longer run here: go where it may before returning, as in Linux. */
static void move_self(void)
{
	if (!task_runs_here(current) && !preempt_count() && !irqs_disabled())
		schedule();
}

int set_cpus_allowed(struct task_struct *p, const struct cpumask *mask)
{
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	err = known_task(p) ? __set_cpus_allowed(p, mask) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	move_self();
	return err;
}

int sched_setaffinity(int pid, const struct cpumask *mask)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid ? find_task_by_pid(pid) : current;
	err = p ? __set_cpus_allowed(p, mask) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	move_self();
	return err;
}

int sched_getaffinity(int pid, struct cpumask *mask)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid ? find_task_by_pid(pid) : current;
	if (p)
		mask->bits = READ_ONCE(p->cpus_allowed.bits) & cpu_online_mask.bits;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? 0 : -ESRCH;
}

unsigned long sched_cpu_ticks(unsigned int cpu)
{
	return cpu < NR_CPUS ? READ_ONCE(per_cpu(cpu_ticks, cpu)) : 0;
}

unsigned long nr_context_switches(void)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_possible_cpu (cpu)
		n += READ_ONCE(per_cpu(context_switches, cpu));
	return n;
}

/* The sum of the queues' counts, each read once: a snapshot may be a moment off. */
unsigned int nr_waiting(void)
{
	unsigned int n = 0, i;

	for (i = 0; i < RQ_COUNT; i++)
		n += READ_ONCE(runqueues[i].nr_queued);
	return n;
}

const char *sched_policy_name(void)
{
	return sched_policy.name;
}

const char *sched_param_name(void)
{
	return sched_policy.param_name;
}

bool sched_param_range(int *min, int *max)
{
	if (min)
		*min = sched_policy.param_min;
	if (max)
		*max = sched_policy.param_max;
	return sched_policy.param_name != NULL;
}

/* The policy's parameter of @p, a task that cannot go meanwhile: under its run queue's lock. */
static int param_of(struct task_struct *p, bool effective)
{
	unsigned long flags;
	struct rq *rq;
	int value;

	if (!sched_policy.get_param)
		return SCHED_PARAM_NONE;
	flags = local_irq_save();
	rq = task_rq_lock(p);
	value = sched_policy.get_param(p, effective);
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
	return value;
}

static int get_param(struct task_struct *p, bool effective)
{
	int value = SCHED_PARAM_NONE;
	unsigned long flags;

	if (!sched_policy.get_param)
		return value;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (p == current || known_task(p))
		value = param_of(p, effective);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return value;
}

int sched_get_param(const struct task_struct *p)
{
	return get_param((struct task_struct *)p, false);
}

int sched_get_param_locked(const struct task_struct *p)
{
	return param_of((struct task_struct *)p, false);
}

int sched_effective_param(const struct task_struct *p)
{
	return get_param((struct task_struct *)p, true);
}

bool sched_policy_has(unsigned int caps)
{
	return (sched_policy.caps & caps) == caps;
}

u64 task_exec_ns(const struct task_struct *p)
{
	u64 ns = p->exec_ns;

	if (cpu_curr(p->cpu) == p)
		ns += ktime_get() - p->exec_start;
	return ns;
}

u64 task_cputime_ns(const struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	struct rq *rq;
	u64 ns;

	if (p == current) {
		ns = p->exec_ns + ktime_get() - p->exec_start;
	} else {
		/* Its stretch on another CPU is open for as long as it runs there. */
		rq = task_rq_lock((struct task_struct *)p);
		ns = task_exec_ns(p);
		spin_unlock(&rq->lock);
	}
	local_irq_restore(flags);
	return ns;
}

void burn_cpu(u64 ns)
{
	u64 end = task_cputime_ns(current) + ns;

	while (task_cputime_ns(current) < end)
		cond_resched();
}

/* Per-CPU queues, from this CPU's tick: push one task to the least loaded CPU. */
static void push_task(struct rq *rq)
{
	unsigned int cpu, target = 0, load, least = ~0U;
	struct task_struct *p;
	struct rq *dst;

	if (time_before(jiffies, rq->balance_at))
		return;
	rq->balance_at = jiffies + msecs_to_jiffies(BALANCE_MS);
	if (!READ_ONCE(rq->nr_queued))
		return;
	for_each_online_cpu (cpu) {
		load = READ_ONCE(cpu_rq(cpu)->nr_queued) + !is_idle_task(cpu_curr(cpu));
		if (load < least) {
			least = load;
			target = cpu;
		}
	}
	load = READ_ONCE(rq->nr_queued) + !is_idle_task(current);
	if (target == rq->cpu || load < least + 2)
		return;
	dst = cpu_rq(target);
	double_rq_lock(rq, dst);
	list_for_each_entry (p, &rq->tasks, rq_node) {
		if (cpumask_test_cpu(target, &p->cpus_allowed) && !READ_ONCE(p->on_cpu)) {
			move_task(rq, dst, p);
			check_preempt(dst, target, p);
			break;
		}
	}
	double_rq_unlock(rq, dst);
}

/*
 * From each CPU's tick, in the timer interrupt: interrupts are off.
 * Every task picked gets a time slice; when it is used up, the running
 * task is asked to give way (the policy decides who runs next).
 */
void sched_tick(void)
{
	struct task_struct *curr = current;
	struct rq *rq = this_rq();

	this_cpu_inc(cpu_ticks);
	spin_lock(&rq->lock);
	curr->ticks++;
	if (!is_idle_task(curr) && curr->se.slice && --curr->se.slice == 0)
		resched_curr();
	sched_policy.tick(rq, curr);
	spin_unlock(&rq->lock);
	if (IS_ENABLED(CONFIG_SCHED_RQ_PERCPU))
		push_task(rq);
	if (smp_processor_id() == 0)
		calc_global_load_tick();
}

/*
 * Interrupts go off before the queue is looked at, and safe_halt() turns
 * them on in the same breath as it halts: a wake-up from an interrupt in
 * between ends the halt instead of waiting for the next interrupt.
 */
__noreturn void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		__schedule();
		if (!need_resched())
			safe_halt();
		else
			local_irq_enable();
	}
}

/* Over priority inheritance's data, with a policy that has it (<kernel/sched.h>). */
static DEFINE_SPINLOCK(pi_lock);

void sched_pi_lock(void)
{
	if (sched_policy.pi_update)
		spin_lock(&pi_lock);
}

void sched_pi_unlock(void)
{
	if (sched_policy.pi_update)
		spin_unlock(&pi_lock);
}

/* Longer chains are deadlock cycles, or near enough: stop there. */
#define PI_MAX_DEPTH 64

/* Under sched_pi_lock(). */
void sched_pi_chain(struct task_struct *p)
{
	unsigned long flags;
	unsigned int depth;
	struct rq *rq;

	if (!sched_policy.pi_update)
		return;
	flags = local_irq_save();
	for (depth = 0; p && depth < PI_MAX_DEPTH; depth++) {
		rq = task_rq_lock(p);
		sched_policy.pi_update(p);
		spin_unlock(&rq->lock);
		resched_for(p);
		p = pi_blocker(p);
	}
	local_irq_restore(flags);
}

const char *sched_policy_breach(const struct sched_policy *s)
{
	const struct {
		const char *what;
		bool ok;
	} rules[] = {
		{ "a name", s->name },
		{ "enqueue()", s->enqueue },
		{ "dequeue()", s->dequeue },
		{ "pick_next()", s->pick_next },
		{ "tick()", s->tick },
		{ "yield()", s->yield },
		{ "wakeup()", s->wakeup },
		{ "fork()", s->fork },
		{ "exit()", s->exit },
		{ "ps_line()", s->ps_line },
		{ "set_param() and get_param(), for its param_name",
		  !s->param_name || (s->set_param && s->get_param) },
		{ "a range, param_min <= param_max", s->param_min <= s->param_max },
		{ "pi_update() exactly when it promises SCHED_PRIORITY_INHERITANCE",
		  !(s->caps & SCHED_PRIORITY_INHERITANCE) == !s->pi_update },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rules); i++)
		if (!rules[i].ok)
			return rules[i].what;
	return NULL;
}

void sched_fork(struct task_struct *p)
{
	struct task_struct *parent = current;

	/* An idle task's mask is its CPU: what it makes may run anywhere. */
	p->cpus_allowed = is_idle_task(parent) ? all_cpus : parent->cpus_allowed;
	p->cpu = task_runs_here(p) ? smp_processor_id()
				   : (unsigned int)__builtin_ctzl(p->cpus_allowed.bits);
	INIT_LIST_HEAD(&p->rq_node);
}

void sched_init_idle(struct task_struct *idle, unsigned int cpu)
{
	idle->cpu = cpu;
	idle->on_cpu = true;
	idle->state = TASK_RUNNING;
	idle->cpus_allowed = (struct cpumask){ 1UL << cpu };
	INIT_LIST_HEAD(&idle->rq_node);
	INIT_LIST_HEAD(&idle->held_locks);
	per_cpu(idle_of_cpu, cpu) = idle;
	per_cpu(sched_curr, cpu) = idle;
	sched_policy.fork(idle);
}

void sched_init(void)
{
	const char *breach = sched_policy_breach(&sched_policy);
	unsigned int i;

	/* Stopped here, by name, rather than at the first call through NULL. */
	if (breach)
		panic("scheduling policy \"%s\" breaks its contract: it needs %s",
		      sched_policy.name, breach);
	pr_info("sched: %s policy, %s, %d ms time slice, %s\n", sched_policy.name,
		IS_ENABLED(CONFIG_SCHED_RQ_PERCPU) ? "a run queue per CPU" : "one run queue",
		CONFIG_SCHED_TIMESLICE_MS,
		IS_ENABLED(CONFIG_PREEMPT) ? "preemptive" : "no preemption");
	for (i = 0; i < RQ_COUNT; i++) {
		struct rq *rq = &runqueues[i];

		/* A class of its own each: two are taken together, in address order. */
		rq->lock = (spinlock_t)__SPIN_LOCK_UNLOCKED_CLASS("rq->lock", NULL);
		rq->cpu = i;
		if (IS_ENABLED(CONFIG_SCHED_RQ_PERCPU))
			per_cpu(this_cpu_rq, i) = rq;
		INIT_LIST_HEAD(&rq->tasks);
		if (sched_policy.init)
			sched_policy.init(rq);
	}
	arch_idle_setup(&idle_task);
	sched_init_idle(&idle_task, 0);
	/* The boot flow is pid 0: its time since the clock started is its own. */
	idle_task.exec_start = 0;
}
