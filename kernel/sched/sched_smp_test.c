// SPDX-License-Identifier: GPL-2.0
/*
 * The sched_smp suite: the scheduler on several CPUs at once, with either
 * run-queue design.  CPU hogs, one per CPU, spread until every CPU has run
 * one; hogs that all start on CPU 0 spread once they may (idle CPUs pull
 * work, busy ones push it);
 * bound tasks never leave their CPU, and a task moved elsewhere runs
 * there; bad masks are refused and change nothing; wake-ups that cross
 * CPUs are never lost; ps gives each task's CPU.
 *
 * Every wait here is bounded by the CPUs' own ticks (sched_cpu_ticks()),
 * not by the clock: a vCPU a loaded host starves takes no ticks either,
 * so the bound stretches with it; and the turns, whose every hand-off a
 * loaded host slows, are bounded by how long none is taken.  A case that
 * needs two CPUs skips on one.
 */
#include <kernel/cpumask.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include "sched.h"

/* How many of its own ticks every CPU may take while a case waits. */
#define WAIT_TICKS (2 * HZ)

struct hog {
	struct task_struct *task;
	unsigned long cpus_seen; /* a bit per CPU it ran on */
};

static struct hog hogs[NR_CPUS];

/* Whether @p was made, failing the case if not. */
#define made(t, p) \
	ktest_check(t, !IS_ERR(p), __FILE__, __LINE__, "could not make a task: %ld", PTR_ERR(p))

static int hog_fn(void *arg)
{
	struct hog *h = arg;

	while (!kthread_should_stop()) {
		__atomic_fetch_or(&h->cpus_seen, 1UL << smp_processor_id(), __ATOMIC_RELAXED);
		cond_resched();
	}
	return 0;
}

/* The smallest count of its own ticks any online CPU has. */
static unsigned long least_cpu_ticks(void)
{
	unsigned long least = ~0UL;
	unsigned int cpu;

	for_each_online_cpu (cpu)
		least = min(least, sched_cpu_ticks(cpu));
	return least;
}

/*
 * Sleep a tick at a time until @cond holds, or every CPU took WAIT_TICKS
 * ticks of its own meanwhile: whether it held.
 */
static bool wait_for(bool (*cond)(void))
{
	unsigned long start = least_cpu_ticks();

	while (!cond()) {
		if (least_cpu_ticks() - start > WAIT_TICKS)
			return cond();
		msleep(1000 / HZ ? 1000 / HZ : 1);
	}
	return true;
}

static unsigned int nr_hogs;

/*
 * Every online CPU has run one of the hogs (since their marks were last
 * cleared).  Not "runs one now": the task that looks takes a CPU itself.
 */
static bool every_cpu_ran_a_hog(void)
{
	unsigned long ran = 0;
	unsigned int i;

	for (i = 0; i < nr_hogs; i++)
		ran |= READ_ONCE(hogs[i].cpus_seen);
	return ran == cpu_online_mask.bits;
}

static bool start_hogs(struct ktest *t, unsigned int n, int bind)
{
	unsigned int i;

	nr_hogs = 0;
	for (i = 0; i < n; i++) {
		hogs[i].cpus_seen = 0;
		hogs[i].task = kthread_create(hog_fn, &hogs[i], "hog/%u", i);
		if (!made(t, hogs[i].task))
			return false;
		if (bind >= 0)
			KTEST_EXPECT_EQ(t, kthread_bind(hogs[i].task, bind), 0);
		nr_hogs++;
		wake_up_process(hogs[i].task);
	}
	return true;
}

static void stop_hogs(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < nr_hogs; i++)
		KTEST_EXPECT_EQ(t, kthread_stop(hogs[i].task), 0);
	nr_hogs = 0;
}

static bool two_cpus(struct ktest *t)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(t, "one CPU online");
	return false;
}

static void hogs_spread_over_every_cpu(struct ktest *t)
{
	if (!two_cpus(t))
		return;
	if (start_hogs(t, num_online_cpus(), -1))
		KTEST_EXPECT_TRUE(t, wait_for(every_cpu_ran_a_hog));
	stop_hogs(t);
}

/* Hogs that may run on CPU 0 alone, then anywhere: the idle CPUs take them. */
static void idle_cpus_pull_work(struct ktest *t)
{
	unsigned int i;

	if (!two_cpus(t))
		return;
	if (start_hogs(t, num_online_cpus(), 0)) {
		msleep(10);
		for (i = 0; i < nr_hogs; i++)
			KTEST_EXPECT_EQ(t, hogs[i].cpus_seen & ~1UL, 0);
		for (i = 0; i < nr_hogs; i++)
			KTEST_EXPECT_EQ(t, set_cpus_allowed(hogs[i].task, &cpu_online_mask), 0);
		KTEST_EXPECT_TRUE(t, wait_for(every_cpu_ran_a_hog));
	}
	stop_hogs(t);
}

/* A task that moves itself runs where it moved before the call returns. */
static void moving_oneself_lands_there(struct ktest *t)
{
	struct cpumask saved = current->cpus_allowed, one;
	unsigned int cpu, round;

	for (round = 0; round < 3; round++) {
		for_each_online_cpu (cpu) {
			one = (struct cpumask){ 1UL << cpu };
			KTEST_EXPECT_EQ(t, set_cpus_allowed(current, &one), 0);
			KTEST_EXPECT_EQ(t, smp_processor_id(), cpu);
			msleep(1);
			KTEST_EXPECT_EQ(t, smp_processor_id(), cpu);
		}
	}
	KTEST_EXPECT_EQ(t, set_cpus_allowed(current, &saved), 0);
}

static unsigned long strays; /* times a bound task found itself elsewhere */

static int bound_fn(void *arg)
{
	unsigned int cpu = (unsigned int)(unsigned long)arg, i;

	for (i = 0; i < 50; i++) {
		if (smp_processor_id() != cpu)
			__atomic_fetch_add(&strays, 1, __ATOMIC_RELAXED);
		if (i % 2)
			yield();
		else
			msleep(1);
	}
	return 0;
}

/* Bound tasks, and hogs that may go anywhere beside them: never a stray. */
static void bound_tasks_stay_on_their_cpu(struct ktest *t)
{
	struct task_struct *bound[NR_CPUS] = { 0 };
	unsigned int cpu;

	strays = 0;
	if (!start_hogs(t, num_online_cpus(), -1)) {
		stop_hogs(t);
		return;
	}
	for_each_online_cpu (cpu) {
		bound[cpu] = kthread_create(bound_fn, (void *)(unsigned long)cpu, "bound/%u", cpu);
		if (!made(t, bound[cpu]))
			continue;
		KTEST_EXPECT_EQ(t, kthread_bind(bound[cpu], cpu), 0);
		wake_up_process(bound[cpu]);
	}
	for_each_online_cpu (cpu)
		if (!IS_ERR(bound[cpu]))
			KTEST_EXPECT_EQ(t, kthread_stop(bound[cpu]), 0);
	stop_hogs(t);
	KTEST_EXPECT_EQ(t, strays, 0);
}

/* A running hog moved to another CPU runs there, and only there. */
static bool hog_moved;

static bool hog_on_cpu1(void)
{
	return READ_ONCE(hogs[0].task->cpu) == 1 && READ_ONCE(hogs[0].cpus_seen) & 2;
}

static void running_task_moves_when_told(struct ktest *t)
{
	struct cpumask to1 = { 1UL << 1 };

	if (!two_cpus(t))
		return;
	if (start_hogs(t, 1, 0)) {
		msleep(5);
		KTEST_EXPECT_EQ(t, hogs[0].cpus_seen, 1);
		KTEST_EXPECT_EQ(t, set_cpus_allowed(hogs[0].task, &to1), 0);
		hog_moved = wait_for(hog_on_cpu1);
		KTEST_EXPECT_TRUE(t, hog_moved);
		hogs[0].cpus_seen = 0;
		msleep(5);
		KTEST_EXPECT_EQ(t, hogs[0].cpus_seen, 2);
	}
	stop_hogs(t);
}

static int sleep_fn(void *arg)
{
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Each refusal leaves the mask as it was; only a good mask changes it. */
static void bad_masks_are_refused(struct ktest *t)
{
	struct task_struct *p = kthread_run(sleep_fn, NULL, "mask-victim");
	struct cpumask none = { 0 }, beyond = { 0 }, offline = { 0 }, before;
	static struct task_struct foreign; /* too big for a stack */
	unsigned int cpu;

	if (!made(t, p))
		return;
	before = p->cpus_allowed;
	KTEST_EXPECT_EQ(t, set_cpus_allowed(p, &none), -EINVAL);
	if (NR_CPUS < 64) {
		beyond.bits = ~0UL << NR_CPUS;
		KTEST_EXPECT_EQ(t, set_cpus_allowed(p, &beyond), -EINVAL);
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			offline.bits |= 1UL << cpu;
	if (offline.bits)
		KTEST_EXPECT_EQ(t, set_cpus_allowed(p, &offline), -EINVAL);
	KTEST_EXPECT_EQ(t, p->cpus_allowed.bits, before.bits);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(&idle_task, &cpu_online_mask), -EINVAL);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(&foreign, &cpu_online_mask), -ESRCH);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(NULL, &cpu_online_mask), -ESRCH);
	KTEST_EXPECT_EQ(t, kthread_bind(p, NR_CPUS), -EINVAL);
	KTEST_EXPECT_EQ(t, kthread_bind(p, ~0U), -EINVAL);
	KTEST_EXPECT_EQ(t, p->cpus_allowed.bits, before.bits);
	KTEST_EXPECT_EQ(t, idle_task.cpus_allowed.bits, 1);
	KTEST_EXPECT_EQ(t, kthread_bind(p, 0), 0);
	KTEST_EXPECT_EQ(t, p->cpus_allowed.bits, 1);
	KTEST_EXPECT_EQ(t, kthread_stop(p), 0);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(p, &cpu_online_mask), -ESRCH); /* gone */
}

/* Two tasks on two CPUs take turns through a wait queue. */
#define TURNS 500
static DECLARE_WAIT_QUEUE_HEAD(turn_wait);
static unsigned int turn, turns_done[2];
static bool turns_abort;

static int turn_fn(void *arg)
{
	unsigned int me = (unsigned int)(unsigned long)arg, i;

	for (i = 0; i < TURNS; i++) {
		wait_event(turn_wait, READ_ONCE(turn) % 2 == me || READ_ONCE(turns_abort));
		if (READ_ONCE(turns_abort))
			break;
		turns_done[me]++;
		WRITE_ONCE(turn, turn + 1);
		wake_up(&turn_wait);
	}
	return 0;
}

/*
 * Until the turns are over, or none was taken while every CPU took
 * WAIT_TICKS ticks of its own: a lost wake-up stops them for good, while
 * a loaded host only slows each hand-off (an idle CPU's ticks come on
 * time, so a bound on the whole run would be the host's clock).
 */
static bool turns_over(void)
{
	unsigned long start = least_cpu_ticks();
	unsigned int last = READ_ONCE(turn);

	while (READ_ONCE(turn) != 2 * TURNS) {
		if (READ_ONCE(turn) != last) {
			last = READ_ONCE(turn);
			start = least_cpu_ticks();
		} else if (least_cpu_ticks() - start > WAIT_TICKS) {
			return false;
		}
		msleep(1000 / HZ ? 1000 / HZ : 1);
	}
	return true;
}

static void wakeups_across_cpus_are_never_lost(struct ktest *t)
{
	struct task_struct *p[2];
	unsigned int i;

	if (!two_cpus(t))
		return;
	turn = 0;
	turns_abort = false;
	turns_done[0] = turns_done[1] = 0;
	for (i = 0; i < 2; i++) {
		p[i] = kthread_create(turn_fn, (void *)(unsigned long)i, "turn/%u", i);
		if (!made(t, p[i]))
			return;
		KTEST_EXPECT_EQ(t, kthread_bind(p[i], i), 0);
	}
	wake_up_process(p[0]);
	wake_up_process(p[1]);
	KTEST_EXPECT_TRUE(t, turns_over());
	/* A lost wake-up leaves both asleep: wake them to end, and fail. */
	WRITE_ONCE(turns_abort, true);
	wake_up(&turn_wait);
	for (i = 0; i < 2; i++)
		KTEST_EXPECT_EQ(t, kthread_stop(p[i]), 0);
	KTEST_EXPECT_EQ(t, turns_done[0], TURNS);
	KTEST_EXPECT_EQ(t, turns_done[1], TURNS);
}

/* task_snapshot() (ps) gives the CPU each task is bound to. */
static void ps_gives_each_tasks_cpu(struct ktest *t)
{
	static struct task_info info[64];
	struct task_struct *p[NR_CPUS] = { 0 };
	unsigned int cpu, n, i, found = 0;

	for_each_online_cpu (cpu) {
		p[cpu] = kthread_create(sleep_fn, NULL, "ps-cpu/%u", cpu);
		if (!made(t, p[cpu]))
			continue;
		KTEST_EXPECT_EQ(t, kthread_bind(p[cpu], cpu), 0);
		wake_up_process(p[cpu]);
	}
	msleep(5);
	n = task_snapshot(info, ARRAY_SIZE(info));
	for (i = 0; i < n && i < ARRAY_SIZE(info); i++) {
		for_each_online_cpu (cpu) {
			if (!IS_ERR(p[cpu]) && info[i].pid == p[cpu]->pid) {
				KTEST_EXPECT_EQ(t, info[i].cpu, cpu);
				found++;
			}
		}
	}
	KTEST_EXPECT_EQ(t, found, num_online_cpus());
	for_each_online_cpu (cpu)
		if (!IS_ERR(p[cpu]))
			KTEST_EXPECT_EQ(t, kthread_stop(p[cpu]), 0);
}

static struct ktest_case sched_smp_cases[] = {
	KTEST_CASE(hogs_spread_over_every_cpu),
	KTEST_CASE(idle_cpus_pull_work),
	KTEST_CASE(moving_oneself_lands_there),
	KTEST_CASE(bound_tasks_stay_on_their_cpu),
	KTEST_CASE(running_task_moves_when_told),
	KTEST_CASE(bad_masks_are_refused),
	KTEST_CASE(wakeups_across_cpus_are_never_lost),
	KTEST_CASE(ps_gives_each_tasks_cpu),
	{},
};
KTEST_SUITE_SMP(sched_smp, sched_smp_cases);
