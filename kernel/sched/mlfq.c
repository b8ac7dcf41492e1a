// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SCHED_MLFQ: a multi-level feedback queue after the 4.4BSD
 * scheduler (McKusick et al., "The Design and Implementation of the 4.4BSD
 * Operating System", 4.4), in the form Pintos teaches.  64 levels, 63 the
 * highest; the runnable task on the highest level runs, equals in turn.
 * No task chooses its level: it follows from the CPU time it used
 * recently, so CPU hogs sink and tasks that mostly sleep stay high, which
 * is what interactive tasks want.
 *
 *	priority   = 63 - recent_cpu / 4 - 2 * nice	(clamped to 0..63)
 *	recent_cpu += 1 per tick of CPU time (scaled to 100 Hz)
 *	once a second:
 *	load_avg   = 59/60 * load_avg + 1/60 * ready_tasks
 *	recent_cpu = 2*load_avg / (2*load_avg + 1) * recent_cpu + nice
 *
 * ready_tasks counts the running task and the queued ones, never idle;
 * load_avg is their average over about a minute.  The decay keeps about a
 * tenth of recent_cpu after 5 s at a load of 1 (the 4.4BSD design goal),
 * slower the busier the machine.  nice (-20 to 19, sched_set_param())
 * shifts a task down two levels per step.
 *
 * Between the once-a-second updates only the running task's recent_cpu
 * changes, so recomputing its priority every 4 ticks is the same as
 * recomputing everyone's, as Pintos specifies, at O(1).  The per-second
 * update walks every task.  All three values are fixed point with
 * FP_SHIFT fractional bits, as the kernel has no floating point.
 */
#include <kernel/errno.h>
#include <kernel/prio_array.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>
#include "mlfq.h"

#define PRI_MIN	   0
#define PRI_MAX	   63
#define NICE_MIN   (-20)
#define NICE_MAX   19
#define PRIO_TICKS 4

#define FP_SHIFT 20
#define FP_ONE	 ((s64)1 << FP_SHIFT)
/* Multiplied, not shifted: a negative value (nice < 0) shifted left is undefined. */
#define FP(n)	 ((s64)(n)*FP_ONE)

static struct prio_array run_queue;
static unsigned int nr_queued;
static s64 load_avg;
static unsigned long ticks, load_updates;

static s64 fp_mul(s64 a, s64 b)
{
	return a * b >> FP_SHIFT;
}

static s64 fp_div(s64 a, s64 b)
{
	return a * FP_ONE / b;
}

static int calc_priority(const struct task_struct *p)
{
	const struct mlfq_entity *e = mlfq_se_ro(p);
	s64 prio = FP(PRI_MAX) - e->recent_cpu / 4 - FP(2 * e->nice);

	if (prio < FP(PRI_MIN))
		return PRI_MIN;
	return prio > FP(PRI_MAX) ? PRI_MAX : (int)(prio >> FP_SHIFT);
}

/* Recompute @p's level, moving it in the queue if it is there. */
static void update_priority(struct task_struct *p)
{
	set_level(&run_queue, p, calc_priority(p));
}

static void decay_recent_cpu(struct task_struct *p)
{
	struct mlfq_entity *e = mlfq_se(p);
	s64 twice_load = 2 * load_avg;

	e->recent_cpu = fp_mul(fp_div(twice_load, twice_load + FP(1)), e->recent_cpu) + FP(e->nice);
	update_priority(p);
}

static void once_a_second(void)
{
	unsigned int ready = nr_queued + (current != &idle_task);

	load_avg = fp_mul(fp_div(FP(59), FP(60)), load_avg) + fp_div(FP(ready), FP(60));
	load_updates++;
	for_each_task(decay_recent_cpu);
}

static void mlfq_tick(struct task_struct *curr)
{
	if (curr != &idle_task)
		mlfq_se(curr)->recent_cpu += FP(100) / HZ;
	ticks++;
	if (ticks % HZ == 0)
		once_a_second();
	if (ticks % PRIO_TICKS == 0 && curr != &idle_task)
		update_priority(curr);
	check_preempt_level(&run_queue);
}

static void mlfq_init(void)
{
	prio_array_init(&run_queue, PRI_MAX + 1);
}

static void mlfq_enqueue(struct task_struct *p)
{
	struct level_entity *e = level_se(p);

	prio_array_add_tail(&run_queue, &e->run_node, e->prio);
	nr_queued++;
}

static struct task_struct *mlfq_pick_next(void)
{
	struct task_struct *p = take_top(&run_queue);

	if (p)
		nr_queued--;
	return p;
}

static void mlfq_wakeup(struct task_struct *p)
{
	if (current != &idle_task && level_se(p)->prio > level_se(current)->prio)
		resched_curr();
}

static void mlfq_nothing(struct task_struct *p)
{
}

/* A new task starts from its creator's standing, as in 4.4BSD's fork. */
static void mlfq_fork(struct task_struct *p)
{
	struct mlfq_entity *e = mlfq_se(p);

	e->nice = mlfq_se(current)->nice;
	e->recent_cpu = current == &idle_task ? 0 : mlfq_se(current)->recent_cpu;
	e->level.prio = calc_priority(p);
}

static void mlfq_set_param(struct task_struct *p, int nice)
{
	mlfq_se(p)->nice = nice;
	update_priority(p);
	check_preempt_level(&run_queue);
}

static int mlfq_get_param(const struct task_struct *p, bool effective)
{
	return mlfq_se_ro(p)->nice;
}

static int mlfq_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	const struct mlfq_entity *e = mlfq_se_ro(p);

	return scnprintf(buf, size, "level %2d nice %d", e->level.prio, e->nice);
}

unsigned long mlfq_load_avg(unsigned long scale)
{
	return (unsigned long)((load_avg * (s64)scale + FP(1) / 2) >> FP_SHIFT);
}

unsigned long mlfq_load_updates(void)
{
	return load_updates;
}

const struct sched_policy sched_policy = {
	.name = "mlfq",
	.caps = SCHED_YIELD_ROTATES,
	.param_name = "nice",
	.param_min = NICE_MIN,
	.param_max = NICE_MAX,
	.init = mlfq_init,
	.enqueue = mlfq_enqueue,
	.pick_next = mlfq_pick_next,
	.tick = mlfq_tick,
	.yield = mlfq_nothing,
	.wakeup = mlfq_wakeup,
	.fork = mlfq_fork,
	.exit = mlfq_nothing,
	.ps_line = mlfq_ps_line,
	.set_param = mlfq_set_param,
	.get_param = mlfq_get_param,
};
