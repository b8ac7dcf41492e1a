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
 * update walks the tasks of the run queue, each queue its own with its own
 * load; a task that sleeps misses those walks and catches up on the
 * decays it missed when it wakes, as 4.4BSD's updatepri() does.  All
 * three values are fixed point with FP_SHIFT fractional bits, as the
 * kernel has no floating point.
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

/* What mlfq keeps of each run queue. */
struct mlfq_rq {
	struct prio_array queue;
	s64 load_avg;
	unsigned long second_at; /* jiffies of the next once-a-second update */
	unsigned long load_updates;
};
DEFINE_POLICY_RQ(struct mlfq_rq, mlfq_rq)

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

/* Recompute @p's level, moving it in @rq's queue if it is there. */
static void update_priority(struct rq *rq, struct task_struct *p)
{
	set_level(&mlfq_rq(rq)->queue, p, calc_priority(p));
}

static void decay_recent_cpu(struct rq *rq, struct task_struct *p)
{
	struct mlfq_entity *e = mlfq_se(p);
	s64 twice_load = 2 * mlfq_rq(rq)->load_avg;

	e->recent_cpu = fp_mul(fp_div(twice_load, twice_load + FP(1)), e->recent_cpu) + FP(e->nice);
	e->decayed_at = jiffies;
}

/*
 * The run queue's load, and the decay of its tasks: queued, and running
 * (@curr here, and those on the other CPUs that share the queue: left
 * out, one queue for four CPUs whose hog ran on CPU 2 had a load of 0,
 * and the hog never sank).
 */
static void once_a_second(struct rq *rq, struct task_struct *curr)
{
	struct mlfq_rq *q = mlfq_rq(rq);
	unsigned int ready = rq->nr_queued + !is_idle_task(curr), cpu;
	struct task_struct *p;

	for_each_other_curr (p, cpu, rq)
		ready++;
	q->load_avg = fp_mul(fp_div(FP(59), FP(60)), q->load_avg) + fp_div(FP(ready), FP(60));
	q->load_updates++;
	list_for_each_entry (p, &rq->tasks, rq_node) {
		decay_recent_cpu(rq, p);
		update_priority(rq, p);
	}
	if (!is_idle_task(curr)) {
		decay_recent_cpu(rq, curr);
		update_priority(rq, curr);
	}
	for_each_other_curr (p, cpu, rq) {
		decay_recent_cpu(rq, p);
		update_priority(rq, p);
	}
}

/*
 * The decays @p missed, one a second since its last, at most a minute's:
 * by then only nice is left of recent_cpu.  A task that slept, or that
 * ran on another CPU of a queue they share when the second came.
 */
static void catch_up(struct rq *rq, struct task_struct *p)
{
	unsigned long missed = (jiffies - mlfq_se(p)->decayed_at) / HZ;

	for (missed = missed < 60 ? missed : 60; missed; missed--)
		decay_recent_cpu(rq, p);
}

/*
 * Seconds go by jiffies, not by this queue's ticks: a queue that every
 * CPU shares is ticked by all of them.
 */
static void mlfq_tick(struct rq *rq, struct task_struct *curr)
{
	struct mlfq_rq *q = mlfq_rq(rq);

	if (!is_idle_task(curr))
		mlfq_se(curr)->recent_cpu += FP(100) / HZ;
	if (!q->second_at)
		q->second_at = jiffies + HZ;
	if (!time_before(jiffies, q->second_at)) {
		q->second_at += HZ;
		once_a_second(rq, curr);
	}
	if (!is_idle_task(curr)) {
		catch_up(rq, curr);
		if (curr->ticks % PRIO_TICKS == 0)
			update_priority(rq, curr);
	}
	check_preempt_level(&q->queue);
}

static void mlfq_init(struct rq *rq)
{
	prio_array_init(&mlfq_rq(rq)->queue, PRI_MAX + 1);
}

static void mlfq_enqueue(struct rq *rq, struct task_struct *p)
{
	struct level_entity *e = level_se(p);

	prio_array_add_tail(&mlfq_rq(rq)->queue, &e->run_node, e->prio);
}

static void mlfq_dequeue(struct rq *rq, struct task_struct *p)
{
	struct level_entity *e = level_se(p);

	prio_array_del(&mlfq_rq(rq)->queue, &e->run_node, e->prio);
}

static struct task_struct *mlfq_pick_next(struct rq *rq)
{
	return take_top(&mlfq_rq(rq)->queue);
}

/* The decays it slept through. */
static void mlfq_wakeup(struct rq *rq, struct task_struct *p)
{
	catch_up(rq, p);
	level_se(p)->prio = calc_priority(p);
}

static void mlfq_yield(struct rq *rq, struct task_struct *curr)
{
}

static void mlfq_nothing(struct task_struct *p)
{
}

/* A new task starts from its creator's standing, as in 4.4BSD's fork. */
static void mlfq_fork(struct task_struct *p)
{
	struct mlfq_entity *e = mlfq_se(p);

	e->nice = mlfq_se(current)->nice;
	e->recent_cpu = is_idle_task(current) ? 0 : mlfq_se(current)->recent_cpu;
	e->decayed_at = jiffies;
	e->level.prio = calc_priority(p);
}

static void mlfq_set_param(struct task_struct *p, int nice)
{
	mlfq_se(p)->nice = nice;
	update_priority(task_rq(p), p);
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
	s64 load = READ_ONCE(mlfq_rq(this_rq())->load_avg);

	return (unsigned long)((load * (s64)scale + FP(1) / 2) >> FP_SHIFT);
}

unsigned long mlfq_load_updates(void)
{
	return READ_ONCE(mlfq_rq(this_rq())->load_updates);
}

const struct sched_policy sched_policy = {
	.name = "mlfq",
	.caps = SCHED_YIELD_ROTATES,
	.param_name = "nice",
	.param_min = NICE_MIN,
	.param_max = NICE_MAX,
	.init = mlfq_init,
	.enqueue = mlfq_enqueue,
	.dequeue = mlfq_dequeue,
	.pick_next = mlfq_pick_next,
	.tick = mlfq_tick,
	.yield = mlfq_yield,
	.wakeup = mlfq_wakeup,
	.preempt = level_preempts,
	.fork = mlfq_fork,
	.exit = mlfq_nothing,
	.ps_line = mlfq_ps_line,
	.set_param = mlfq_set_param,
	.get_param = mlfq_get_param,
};
