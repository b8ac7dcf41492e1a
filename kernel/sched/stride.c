// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SCHED_STRIDE: stride scheduling (Waldspurger and Weihl, 1995),
 * proportional share.  Each task holds tickets (1 to 1000, 100 by
 * default, sched_set_param()); its stride is STRIDE1 / tickets, and its
 * pass advances by its stride for each tick's worth of CPU time it used,
 * measured on the clocksource.  The runnable task with the lowest pass
 * runs next, so over time each gets CPU time in proportion to its
 * tickets: 1:2:3 tickets, 1:2:3 of the CPU.
 *
 * A task is charged for the CPU time it used, whether it was preempted,
 * yielded or slept.  A yield gives up the rest of the quantum: a task that
 * yields after less than a tick on the CPU is charged a whole tick, so
 * tasks that yield in turn keep their turns.  A task that wakes up, or is
 * new, starts no lower than the global pass (the lowest pass runnable),
 * so it cannot make up for the time it slept by running alone.  The
 * queue is sorted by pass (equal passes in arrival order); enqueue looks
 * from the back, where a task that has just run usually belongs.
 */
#include <kernel/errno.h>
#include <kernel/sprintf.h>
#include "sched.h"

#define STRIDE1		(1U << 20)
#define TICKETS_MIN	1
#define TICKETS_MAX	1000
#define TICKETS_DEFAULT 100

/* What stride keeps of each task. */
struct stride_entity {
	struct list_head run_node; /* in the queue, by pass */
	unsigned int tickets;
	bool yielded;	     /* it gave up the CPU of its own will */
	u64 pass;	     /* virtual time: lowest runs next */
	u64 cputime_charged; /* its CPU time when last charged */
};
DEFINE_POLICY_ENTITY(struct stride_entity, stride_se)

/* What stride keeps of each run queue. */
struct stride_rq {
	struct list_head run_queue; /* by pass, lowest first */
	u64 global_pass;	    /* the lowest runnable pass, never back */
};
DEFINE_POLICY_RQ(struct stride_rq, stride_rq)

static u64 stride_of(const struct task_struct *p)
{
	return STRIDE1 / stride_se_ro(p)->tickets;
}

/*
 * Charge @p for the CPU time it used since it was picked, or last charged.
 * A yield gives up the rest of the quantum: less than a tick is charged as
 * a whole tick, so that tasks that yield in turn keep their turns.
 */
static void charge(struct task_struct *p)
{
	struct stride_entity *e = stride_se(p);
	u64 now = task_exec_ns(p);
	u64 used = now - e->cputime_charged, cost;

	if (e->yielded && used < TICK_NSEC)
		used = TICK_NSEC;
	cost = stride_of(p) * used / TICK_NSEC;
	e->pass += cost ? cost : 1;
	e->yielded = false;
	e->cputime_charged = now;
}

static void stride_init(struct rq *rq)
{
	INIT_LIST_HEAD(&stride_rq(rq)->run_queue);
}

static void stride_enqueue(struct rq *rq, struct task_struct *p)
{
	struct list_head *run_queue = &stride_rq(rq)->run_queue;
	struct stride_entity *e = stride_se(p);
	struct list_head *pos;

	if (p == current)
		charge(p);
	/* Behind every task whose pass is not higher. */
	for (pos = run_queue->prev; pos != run_queue; pos = pos->prev)
		if (list_entry(pos, struct stride_entity, run_node)->pass <= e->pass)
			break;
	list_add(&e->run_node, pos);
}

static void stride_dequeue(struct rq *rq, struct task_struct *p)
{
	list_del(&stride_se(p)->run_node);
}

/*
 * The global pass moves up to the lowest pass of @picked, about to run
 * here, the queue, and the tasks on the other CPUs that share it; never
 * back.  With a queue per CPU that is @picked's pass, the queue's lowest.
 * Without the other CPUs' tasks, one queue shared by CPUs that run tasks
 * far apart in pass (a task bound to one CPU lags the rest) would let
 * the global pass leap past the laggard, and a task woken on that CPU
 * would wait behind it for as long as it lags.
 */
static void update_global_pass(struct rq *rq, const struct task_struct *picked)
{
	struct stride_rq *q = stride_rq(rq);
	u64 low = stride_se_ro(picked)->pass;
	struct task_struct *other;
	unsigned int cpu;

	if (!list_empty(&q->run_queue))
		low = min(low,
			  list_first_entry(&q->run_queue, struct stride_entity, run_node)->pass);
	for_each_other_curr (other, cpu, rq)
		low = min(low, stride_se_ro(other)->pass);
	if (low > q->global_pass)
		q->global_pass = low;
}

/* The lowest pass that may run here: the first, but in the queue all CPUs share. */
static struct task_struct *stride_pick_next(struct rq *rq)
{
	struct stride_entity *e;
	struct task_struct *p;

	list_for_each_entry (e, &stride_rq(rq)->run_queue, run_node) {
		p = stride_se_task(e);
		if (!task_runs_here(p))
			continue;
		list_del(&e->run_node);
		update_global_pass(rq, p);
		e->cputime_charged = task_exec_ns(p);
		return p;
	}
	return NULL;
}

/* A pass means something only against its queue's global pass. */
static void stride_migrate(struct rq *from, struct rq *to, struct task_struct *p)
{
	struct stride_entity *e = stride_se(p);

	e->pass = e->pass - stride_rq(from)->global_pass + stride_rq(to)->global_pass;
}

static void stride_tick(struct rq *rq, struct task_struct *curr)
{
}

static void stride_yield(struct rq *rq, struct task_struct *curr)
{
	stride_se(curr)->yielded = true;
}

/*
 * Charged for what it ran before it slept; then no lower than the current
 * pass, so that it cannot make up for its sleep by running alone.
 */
static void stride_wakeup(struct rq *rq, struct task_struct *p)
{
	struct stride_entity *e = stride_se(p);

	charge(p);
	if (e->pass < stride_rq(rq)->global_pass)
		e->pass = stride_rq(rq)->global_pass;
}

static void stride_fork(struct task_struct *p)
{
	*stride_se(p) = (struct stride_entity){
		.tickets = TICKETS_DEFAULT,
		.pass = READ_ONCE(stride_rq(task_rq(p))->global_pass),
	};
}

static void stride_nothing(struct task_struct *p)
{
}

static void stride_set_param(struct task_struct *p, int tickets)
{
	stride_se(p)->tickets = tickets;
}

static int stride_get_param(const struct task_struct *p, bool effective)
{
	return stride_se_ro(p)->tickets;
}

static int stride_ps_line(const struct task_struct *p, char *buf, size_t size)
{
	return scnprintf(buf, size, "tickets %u", stride_se_ro(p)->tickets);
}

const struct sched_policy sched_policy = {
	.name = "stride",
	.caps = SCHED_YIELD_ROTATES,
	.param_name = "tickets",
	.param_min = TICKETS_MIN,
	.param_max = TICKETS_MAX,
	.init = stride_init,
	.enqueue = stride_enqueue,
	.dequeue = stride_dequeue,
	.pick_next = stride_pick_next,
	.migrate = stride_migrate,
	.tick = stride_tick,
	.yield = stride_yield,
	.wakeup = stride_wakeup,
	.fork = stride_fork,
	.exit = stride_nothing,
	.ps_line = stride_ps_line,
	.set_param = stride_set_param,
	.get_param = stride_get_param,
};
