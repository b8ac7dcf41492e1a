// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SCHED_PRIO: fixed priorities.  32 levels, 0 the lowest and 31
 * the highest, 16 by default (sched_set_param()).  The runnable task with
 * the highest priority runs; tasks of equal priority take turns, first in
 * first out, for the core's time slice.  A task that wakes with a higher
 * priority than the running one preempts it.  The run queue is a priority
 * array, so the pick costs the same with 2 tasks or 1,000.
 *
 * Priority inheritance: a task that holds a mutex runs at the priority of
 * its highest waiter when that is higher than its own, and the boost
 * follows the chain when the holder itself waits for a mutex
 * (sched_pi_chain() in core.c walks it, pi_update() below does each
 * step).  A low-priority holder can then no longer be kept off the CPU by
 * middle-priority tasks while a high-priority task waits for it.  A task
 * that kthread_stop() waits for inherits the stopper's priority the same
 * way, or a stop could wait for ever behind higher priorities.
 *
 * With CONFIG_SCHED_PRIO_AGING, every AGING_TICKS a task that waits in the
 * queue rises one level, and it falls back to its own priority when it
 * gets the CPU: a task that waits long enough runs, whatever runs above.
 *
 * A task's level is the higher of its own priority (normal_prio) and
 * its waiters' (pi_prio), raised by aging (boost), at most PRIO_MAX.
 */
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/prio_array.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>
#include "levels.h"

#define PRIO_LEVELS  32
#define PRIO_MAX     (PRIO_LEVELS - 1)
#define PRIO_DEFAULT 16
/* How long a task waits in the queue for each level aging gives it. */
#define AGING_MS     50
#define AGING_TICKS  (AGING_MS * HZ / 1000 ? AGING_MS * HZ / 1000 : 1)

/* What prio keeps of each task. */
struct prio_entity {
	struct level_entity level; /* first: levels.h */
	int normal_prio;	   /* its own priority */
	int pi_prio;		   /* its waiters' highest, -1 if none */
	int boost;		   /* levels aging gave it while it waited */
};
DEFINE_POLICY_ENTITY(struct prio_entity, prio_se)

/* What prio keeps of each run queue. */
struct prio_rq {
	struct prio_array queue;
	unsigned long aging_at; /* jiffies of the next aging step */
};
DEFINE_POLICY_RQ(struct prio_rq, prio_rq)

/* The queue @p is on, or runs from; locked. */
static struct prio_array *queue_of(struct task_struct *p)
{
	return &prio_rq(task_rq(p))->queue;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/*
 * The level @p runs or waits at: the higher of its own priority and its
 * waiters', raised by the aging it got while it waited, whichever of the
 * two set its level (age_queued_tasks() moves it up one level per step).
 */
static int effective_prio(const struct task_struct *p)
{
	const struct prio_entity *e = prio_se_ro(p);
	int prio = max_int(e->normal_prio, e->pi_prio) + e->boost;

	return prio > PRIO_MAX ? PRIO_MAX : prio;
}

static void prio_enqueue(struct rq *rq, struct task_struct *p)
{
	struct level_entity *e = level_se(p);

	e->prio = effective_prio(p);
	prio_array_add_tail(&prio_rq(rq)->queue, &e->run_node, e->prio);
}

static void prio_dequeue(struct rq *rq, struct task_struct *p)
{
	struct level_entity *e = level_se(p);

	prio_array_del(&prio_rq(rq)->queue, &e->run_node, e->prio);
}

/*
 * @p's effective priority may have changed: move it to its new level.
 * The core then has every CPU that may run it look again.
 */
static void requeue(struct task_struct *p)
{
	set_level(queue_of(p), p, effective_prio(p));
}

static struct task_struct *prio_pick_next(struct rq *rq)
{
	struct task_struct *p = take_top(&prio_rq(rq)->queue);

	if (!p)
		return NULL;
	prio_se(p)->boost = 0; /* it got the CPU: aging is over */
	prio_se(p)->level.prio = effective_prio(p);
	return p;
}

/* Every task queued in @run_queue rises one level; the top level cannot rise. */
static void age_queued_tasks(struct prio_array *run_queue)
{
	struct prio_entity *e;
	int level;

	for (level = PRIO_MAX - 1; level >= 0; level--) {
		while (!list_empty(&run_queue->queue[level])) {
			e = list_first_entry(&run_queue->queue[level], struct prio_entity,
					     level.run_node);
			prio_array_move(run_queue, &e->level.run_node, level, level + 1);
			e->boost++;
			e->level.prio = level + 1;
		}
	}
}

static void prio_tick(struct rq *rq, struct task_struct *curr)
{
	struct prio_rq *q = prio_rq(rq);

	/* By jiffies, not ticks: a queue that every CPU shares is ticked by all. */
	if (IS_ENABLED(CONFIG_SCHED_PRIO_AGING) && !time_before(jiffies, q->aging_at)) {
		q->aging_at = jiffies + AGING_TICKS;
		age_queued_tasks(&q->queue);
	}
	check_preempt_level(&q->queue);
}

static void prio_wakeup(struct rq *rq, struct task_struct *p)
{
	level_se(p)->prio = effective_prio(p);
}

static void prio_init(struct rq *rq)
{
	prio_array_init(&prio_rq(rq)->queue, PRIO_LEVELS);
	prio_rq(rq)->aging_at = jiffies + AGING_TICKS;
}

static void prio_yield(struct rq *rq, struct task_struct *curr)
{
}

static void prio_fork(struct task_struct *p)
{
	*prio_se(p) = (struct prio_entity){
		.level.prio = PRIO_DEFAULT,
		.normal_prio = PRIO_DEFAULT,
		.pi_prio = -1,
	};
}

static void prio_nothing(struct task_struct *p)
{
}

/* The highest priority among the waiters of the mutexes @p holds, and its stopper. */
static void prio_pi_update(struct task_struct *p)
{
	const struct task_struct *stopper = task_stopper(p);
	const struct mutex_waiter *w;
	const struct mutex *lock;
	int top = stopper ? level_se_ro(stopper)->prio : -1;

	list_for_each_entry (lock, &p->held_locks, held)
		list_for_each_entry (w, &lock->waiters, node)
			top = max_int(top, level_se_ro(w->task)->prio);
	prio_se(p)->pi_prio = top;
	requeue(p);
}

static void prio_set_param(struct task_struct *p, int prio)
{
	prio_se(p)->normal_prio = prio;
	requeue(p);
}

static int prio_get_param(const struct task_struct *p, bool effective)
{
	return effective ? prio_se_ro(p)->level.prio : prio_se_ro(p)->normal_prio;
}

static int prio_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	const struct prio_entity *e = prio_se_ro(p);

	return scnprintf(buf, size, "prio %d/%d", e->level.prio, e->normal_prio);
}

const struct sched_policy sched_policy = {
	.name = "prio",
	.caps = SCHED_STRICT_PRIORITY | SCHED_YIELD_ROTATES | SCHED_PRIORITY_INHERITANCE,
	.param_name = "priority",
	.param_min = 0,
	.param_max = PRIO_MAX,
	.init = prio_init,
	.enqueue = prio_enqueue,
	.dequeue = prio_dequeue,
	.pick_next = prio_pick_next,
	.tick = prio_tick,
	.yield = prio_yield,
	.wakeup = prio_wakeup,
	.preempt = level_preempts,
	.fork = prio_fork,
	.exit = prio_nothing,
	.ps_line = prio_ps_line,
	.set_param = prio_set_param,
	.get_param = prio_get_param,
	.pi_update = prio_pi_update,
};
