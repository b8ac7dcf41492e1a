// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core: which task runs, the switch to it, and its CPU time.
 *
 * schedule() hands the running task back to the policy if it can still
 * run, takes the policy's pick (the idle task when there is none) and
 * switches to it.  Everything here runs with interrupts off, which on one
 * CPU is the scheduler's lock: an interrupt handler may wake a task, and
 * must never find the queue half changed.
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

struct task_struct idle_task = {
	.pid = 0,
	.comm = "idle",
	.state = TASK_RUNNING,
};
DEFINE_PER_CPU(struct task_struct *, current_task) = &idle_task;
DEFINE_PER_CPU(unsigned int, __preempt_count);
DEFINE_PER_CPU(bool, __need_resched);
static unsigned long context_switches; /* changed with interrupts off */

void resched_curr(void)
{
	this_cpu_write(__need_resched, true);
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
	if (prev == &idle_task && prev->state != TASK_RUNNING)
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

/* With interrupts off. */
void __schedule(void)
{
	struct task_struct *prev = current, *next;

	schedule_debug(prev);
	/* No run-queue lock yet: SMP's will be the one a switch may hold. */
	lockdep_check_switch(prev, NULL);
	if (prev->state == TASK_RUNNING) {
		prev->state = TASK_RUNNABLE;
		if (prev != &idle_task)
			sched_policy.enqueue(prev);
	}
	next = sched_policy.pick_next();
	if (!next)
		next = &idle_task;
	next->state = TASK_RUNNING;
	next->se.slice = TIMESLICE_TICKS;
	this_cpu_write(__need_resched, false);
	if (next == prev)
		return;
	account_switch(prev, next);
	switch_count(prev, next);
	context_switches++;
	this_cpu_write(current_task, next);
	switch_to(prev, next);
}

void schedule(void)
{
	unsigned long flags = local_irq_save();

	__schedule();
	local_irq_restore(flags);
}

void preempt_schedule(void)
{
	if (!preempt_count() && !irqs_disabled())
		schedule();
}

/*
 * On the way back from an interrupt that arrived with interrupts on
 * (arch): switch if the tick or a wake-up asked for it.  Interrupts are
 * off, and the interrupted task resumes later from this very frame.
 */
void preempt_schedule_irq(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT) && !preempt_count() && need_resched())
		__schedule();
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
	local_irq_enable();
}

void yield(void)
{
	unsigned long flags = local_irq_save();

	if (current != &idle_task)
		sched_policy.yield(current);
	__schedule();
	local_irq_restore(flags);
}

/*
 * The task whose progress @p sleeps for, and so lends its priority to:
 * the owner of the mutex it waits on, or the task it stops (kthread_stop()).
 */
static struct task_struct *pi_blocker(const struct task_struct *p)
{
	return p->blocked_on ? p->blocked_on->owner : p->stopping;
}

bool wake_up_process(struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	bool woken = p->state == TASK_SLEEPING;

	if (woken && p == current) {
		/* Marked sleeping, not yet switched out: it goes on running. */
		p->state = TASK_RUNNING;
	} else if (woken) {
		if (IS_ENABLED(CONFIG_SCHED_BENCH))
			p->woken_at = ktime_get(); /* for response times */
		p->state = TASK_RUNNABLE;
		sched_policy.wakeup(p);
		sched_policy.enqueue(p);
		if (current == &idle_task)
			resched_curr(); /* idle gives way at once */
	}
	local_irq_restore(flags);
	preempt_check_resched();
	return woken;
}

int sched_set_param(struct task_struct *p, int value)
{
	unsigned long flags = local_irq_save();
	int err = 0;

	if (!find_task(p) && p != &idle_task)
		err = -ESRCH;
	else if (!sched_param_range(NULL, NULL) || value < sched_policy.param_min ||
		 value > sched_policy.param_max)
		err = -EINVAL;
	if (!err) {
		sched_policy.set_param(p, value);
		sched_pi_chain(pi_blocker(p));
	}
	local_irq_restore(flags);
	preempt_check_resched();
	return err;
}

unsigned long nr_context_switches(void)
{
	return READ_ONCE(context_switches);
}

static unsigned int queued_count; /* nr_waiting()'s tally, with interrupts off */

static void count_queued(struct task_struct *p)
{
	queued_count += task_queued(p);
}

unsigned int nr_waiting(void)
{
	unsigned long flags = local_irq_save();
	unsigned int n;

	queued_count = 0;
	for_each_task(count_queued);
	n = queued_count;
	local_irq_restore(flags);
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

static int get_param(const struct task_struct *p, bool effective)
{
	unsigned long flags = local_irq_save();
	int value = SCHED_PARAM_NONE;

	if (sched_policy.get_param && (p == current || p == &idle_task || find_task(p)))
		value = sched_policy.get_param(p, effective);
	local_irq_restore(flags);
	return value;
}

int sched_get_param(const struct task_struct *p)
{
	return get_param(p, false);
}

int sched_effective_param(const struct task_struct *p)
{
	return get_param(p, true);
}

bool sched_policy_has(unsigned int caps)
{
	return (sched_policy.caps & caps) == caps;
}

u64 task_cputime_ns(const struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	u64 ns = p->exec_ns;

	if (p == current)
		ns += ktime_get() - p->exec_start;
	local_irq_restore(flags);
	return ns;
}

void burn_cpu(u64 ns)
{
	u64 end = task_cputime_ns(current) + ns;

	while (task_cputime_ns(current) < end)
		cond_resched();
}

/*
 * From timer_tick(), in the timer interrupt: interrupts are off.  Every
 * task picked gets a time slice; when it is used up, the running task is
 * asked to give way (the policy decides who runs next).
 */
void sched_tick(void)
{
	current->ticks++;
	if (current != &idle_task && current->se.slice && --current->se.slice == 0)
		resched_curr();
	sched_policy.tick(current);
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
		safe_halt();
	}
}

/* Longer chains are deadlock cycles, or near enough: stop there. */
#define PI_MAX_DEPTH 64

void sched_pi_chain(struct task_struct *p)
{
	unsigned int depth;

	if (!sched_policy.pi_update)
		return;
	for (depth = 0; p && depth < PI_MAX_DEPTH; depth++) {
		sched_policy.pi_update(p);
		p = pi_blocker(p);
	}
}

const char *sched_policy_breach(const struct sched_policy *s)
{
	const struct {
		const char *what;
		bool ok;
	} rules[] = {
		{ "a name", s->name },
		{ "enqueue()", s->enqueue },
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

void sched_init(void)
{
	const char *breach = sched_policy_breach(&sched_policy);

	/* Stopped here, by name, rather than at the first call through NULL. */
	if (breach)
		panic("scheduling policy \"%s\" breaks its contract: it needs %s",
		      sched_policy.name, breach);
	pr_info("sched: %s policy, %d ms time slice, %s\n", sched_policy.name,
		CONFIG_SCHED_TIMESLICE_MS,
		IS_ENABLED(CONFIG_PREEMPT) ? "preemptive" : "no preemption");
	if (sched_policy.init)
		sched_policy.init();
	INIT_LIST_HEAD(&idle_task.held_locks);
	arch_idle_setup(&idle_task);
	/* The boot flow is pid 0: its time since the clock started is its own. */
	idle_task.exec_start = 0;
	sched_policy.fork(&idle_task);
}
