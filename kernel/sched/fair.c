// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SCHED_FAIR: a completely fair scheduler, after Linux's CFS.
 * Each task's vruntime is its CPU time divided by its weight (scaled to
 * the weight of nice 0), and the runnable task with the lowest vruntime
 * runs next, so CPU time goes in proportion to weight.  Weights follow
 * nice (-20 to 19, 0 by default, sched_set_param()) with Linux's ratio:
 * each nice level is worth 1.25 times the next, about 10% of the CPU
 * between two tasks one level apart.
 *
 * The runnable tasks sit in a red-black tree ordered by vruntime, with
 * the leftmost cached: the pick is O(1), the enqueue O(log n).
 *
 * min_vruntime follows the lowest vruntime on the CPU or in the queue and
 * never goes back.  A task that wakes is placed no lower than half a time
 * slice below it: a sleeper gets a little ahead, and runs soon, but
 * cannot claim the time it slept and shut the others out.  A new task
 * starts at min_vruntime.  A task that yields goes behind every runnable
 * task, as round robin would put it.
 */
#include <kernel/errno.h>
#include <kernel/rbtree.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>
#include "fair.h"

#define NICE_MIN	      (-20)
#define NICE_MAX	      19
#define NICE_0_WEIGHT	      1024UL
/* A woken task is placed at most this far below min_vruntime. */
#define SLEEPER_CREDIT_NS     (TIMESLICE_TICKS * TICK_NSEC / 2)
/* A woken task preempts when it is this far behind the running one. */
#define WAKEUP_GRANULARITY_NS 1000000ULL

/* Computed once, read-only after: shared by every run queue. */
static unsigned long nice_to_weight[NICE_MAX - NICE_MIN + 1];

/* What fair keeps of each run queue. */
struct fair_rq {
	struct rb_root_cached run_queue;
	u64 min_vruntime;
};
DEFINE_POLICY_RQ(struct fair_rq, fair_rq)

static u64 power(u64 base, unsigned int exp)
{
	u64 r = 1;

	while (exp--)
		r *= base;
	return r;
}

/* 1024 * 1.25^-nice, rounded: 1024 * 5^k / 4^k for k = -nice, or 4^k / 5^k. */
static void fair_init(struct rq *rq)
{
	int nice;
	u64 num, den;

	for (nice = NICE_MIN; nice <= NICE_MAX; nice++) {
		num = power(nice < 0 ? 5 : 4, nice < 0 ? -nice : nice);
		den = power(nice < 0 ? 4 : 5, nice < 0 ? -nice : nice);
		nice_to_weight[nice - NICE_MIN] = (NICE_0_WEIGHT * num + den / 2) / den;
	}
	fair_rq(rq)->run_queue = RB_ROOT_CACHED;
}

static struct task_struct *task_of(const struct rb_node *node)
{
	return node ? fair_se_task(rb_entry(node, struct fair_entity, rb_node)) : NULL;
}

static bool vruntime_less(const struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct fair_entity, rb_node)->vruntime <
	       rb_entry(b, struct fair_entity, rb_node)->vruntime;
}

/* Charge @p the CPU time it used since it was last charged, weighted. */
static void update_curr(struct task_struct *p)
{
	struct fair_entity *e = fair_se(p);
	u64 now = task_exec_ns(p);

	e->vruntime += (now - e->cputime_charged) * NICE_0_WEIGHT / e->weight;
	e->cputime_charged = now;
}

/*
 * The lowest vruntime of @curr, the task on this CPU (NULL for none), the
 * tasks on the other CPUs that share the queue, and the queue, unless
 * that would take min_vruntime back.  pick_next() passes the task it is
 * about to return: it has left the queue, and current is still the task
 * it replaces.  Without the other CPUs' tasks, one queue shared by CPUs
 * that run tasks far apart in vruntime (a task bound to one CPU lags the
 * rest) would let min_vruntime leap past the laggard, and a task woken
 * on that CPU would wait behind it for as long as it lags.
 */
static void update_min_vruntime(struct rq *rq, const struct task_struct *curr)
{
	struct fair_rq *q = fair_rq(rq);
	struct rb_node *first = rb_first_cached(&q->run_queue);
	struct task_struct *other;
	unsigned int cpu;
	u64 v;

	v = first ? rb_entry(first, struct fair_entity, rb_node)->vruntime : ~0ULL;
	if (curr && fair_se_ro(curr)->vruntime < v)
		v = fair_se_ro(curr)->vruntime;
	for_each_other_curr (other, cpu, rq)
		v = min(v, fair_se_ro(other)->vruntime);
	if (v != ~0ULL && v > q->min_vruntime)
		q->min_vruntime = v;
}

static void fair_enqueue(struct rq *rq, struct task_struct *p)
{
	if (p == current)
		update_curr(p);
	rb_add_cached(&fair_se(p)->rb_node, &fair_rq(rq)->run_queue, vruntime_less);
}

static void fair_dequeue(struct rq *rq, struct task_struct *p)
{
	rb_erase_cached(&fair_se(p)->rb_node, &fair_rq(rq)->run_queue);
}

/* The lowest vruntime that may run here: the first, but in the queue all CPUs share. */
static struct task_struct *fair_pick_next(struct rq *rq)
{
	struct rb_node *node = rb_first_cached(&fair_rq(rq)->run_queue);
	struct task_struct *p;

	for (; node; node = rb_next(node)) {
		p = task_of(node);
		if (task_runs_here(p)) {
			rb_erase_cached(node, &fair_rq(rq)->run_queue);
			update_min_vruntime(rq, p);
			return p;
		}
	}
	return NULL;
}

static void fair_tick(struct rq *rq, struct task_struct *curr)
{
	if (is_idle_task(curr))
		return;
	update_curr(curr);
	update_min_vruntime(rq, curr);
}

/* Behind every runnable task: as far as the last one in the queue. */
static void fair_yield(struct rq *rq, struct task_struct *curr)
{
	struct task_struct *last = task_of(rb_last(&fair_rq(rq)->run_queue.root));
	struct fair_entity *e = fair_se(curr);

	update_curr(curr);
	if (last && fair_se(last)->vruntime > e->vruntime)
		e->vruntime = fair_se(last)->vruntime;
}

static void fair_wakeup(struct rq *rq, struct task_struct *p)
{
	struct fair_entity *e = fair_se(p);
	u64 min_vruntime = fair_rq(rq)->min_vruntime;

	update_curr(p); /* what it ran before it slept */
	if (min_vruntime > SLEEPER_CREDIT_NS && e->vruntime < min_vruntime - SLEEPER_CREDIT_NS)
		e->vruntime = min_vruntime - SLEEPER_CREDIT_NS;
}

static bool fair_preempt(struct rq *rq, struct task_struct *curr, struct task_struct *p)
{
	update_curr(curr);
	return fair_se(p)->vruntime + WAKEUP_GRANULARITY_NS < fair_se(curr)->vruntime;
}

/* A vruntime means something only against its queue's min_vruntime, as in Linux. */
static void fair_migrate(struct rq *from, struct rq *to, struct task_struct *p)
{
	struct fair_entity *e = fair_se(p);

	e->vruntime = e->vruntime - fair_rq(from)->min_vruntime + fair_rq(to)->min_vruntime;
}

static void fair_fork(struct task_struct *p)
{
	*fair_se(p) = (struct fair_entity){
		.weight = NICE_0_WEIGHT,
		.vruntime = READ_ONCE(fair_rq(task_rq(p))->min_vruntime),
		.cputime_charged = p->exec_ns,
	};
}

static void fair_exit(struct task_struct *p)
{
}

/*
 * Charging the time so far changes a queued task's key: take it out of
 * the tree first and put it back after, as Linux's set_user_nice() does.
 */
static void fair_set_param(struct task_struct *p, int nice)
{
	struct fair_rq *q = fair_rq(task_rq(p));
	bool queued = task_queued(p);

	if (queued)
		rb_erase_cached(&fair_se(p)->rb_node, &q->run_queue);
	update_curr(p); /* the time so far at the old weight */
	fair_se(p)->nice = nice;
	fair_se(p)->weight = nice_to_weight[nice - NICE_MIN];
	if (queued)
		rb_add_cached(&fair_se(p)->rb_node, &q->run_queue, vruntime_less);
}

static int fair_get_param(const struct task_struct *p, bool effective)
{
	return fair_se_ro(p)->nice;
}

static int fair_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	return scnprintf(buf, size, "nice %d vrt %llu ms", fair_se_ro(p)->nice,
			 (unsigned long long)(fair_se_ro(p)->vruntime / 1000000));
}

const struct sched_policy sched_policy = {
	.name = "fair",
	.param_name = "nice",
	.param_min = NICE_MIN,
	.param_max = NICE_MAX,
	.init = fair_init,
	.enqueue = fair_enqueue,
	.dequeue = fair_dequeue,
	.pick_next = fair_pick_next,
	.tick = fair_tick,
	.yield = fair_yield,
	.wakeup = fair_wakeup,
	.preempt = fair_preempt,
	.migrate = fair_migrate,
	.fork = fair_fork,
	.exit = fair_exit,
	.ps_line = fair_ps_line,
	.set_param = fair_set_param,
	.get_param = fair_get_param,
};
