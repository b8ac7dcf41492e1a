// SPDX-License-Identifier: GPL-2.0
/*
 * The priority suite (CONFIG_SCHED_PRIO), in either preemption model: the
 * tasks give the CPU up only where they call cond_resched() or sleep, and
 * the verdicts hold for both.  The test itself runs at the top priority,
 * so that the tasks it starts run only when it sleeps.
 *
 * Each scenario notes, in one string, the order in which its tasks
 * reached a point, and checks what the policy promises of that order.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/completion.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "test_hogs.h"

#define TOP_PRIO      31
/* CPU time the low task holds its mutex, and the hog's whole run. */
#define HOLD_NS	      (20 * NSEC_PER_MSEC)
#define HOG_NS	      (200 * NSEC_PER_MSEC)
/* Aging: a task five levels below a hog, which runs this long. */
#define AGING_HOG_NS  (600 * NSEC_PER_MSEC)
#define AGING_GAP     5
#define AGING_STEP_NS (50 * NSEC_PER_MSEC)

static char order[16];
static unsigned int order_len;

static void note(char c)
{
	unsigned long flags = local_irq_save();

	if (order_len < sizeof(order) - 1)
		order[order_len++] = c;
	local_irq_restore(flags);
}

static void order_reset(void)
{
	memset(order, 0, sizeof(order));
	order_len = 0;
}

/* Run the test at the top priority; returns the priority to go back to. */
static int run_on_top(void)
{
	int old = sched_get_param(current);

	sched_set_param(current, TOP_PRIO);
	return old;
}

static struct task_struct *start(int (*fn)(void *), void *arg, int prio, const char *name)
{
	struct task_struct *k = kthread_create(fn, arg, "%s", name);

	if (!IS_ERR(k))
		sched_set_param(k, prio);
	return k;
}

static int note_arg(void *arg)
{
	note((char)(long)arg);
	return 0;
}

/* Woken lowest first, they run highest first, and equals in wake-up order. */
static void higher_priority_runs_first(struct ktest *t)
{
	static const struct {
		char c;
		int prio;
	} tasks[] = {
		{ 'a', 10 },
		{ 'b', 20 },
		{ 'c', 20 },
		{ 'd', 5 },
	};
	struct task_struct *k[ARRAY_SIZE(tasks)];
	int old = run_on_top();
	unsigned int i;

	order_reset();
	for (i = 0; i < ARRAY_SIZE(tasks); i++) {
		k[i] = start(note_arg, (void *)(long)tasks[i].c, tasks[i].prio, "prio-order");
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
	}
	for (i = 0; i < ARRAY_SIZE(tasks); i++)
		wake_up_process(k[i]);
	for (i = 0; i < ARRAY_SIZE(tasks); i++)
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, NULL), 0);
	KTEST_EXPECT_STREQ(t, order, "bcad");
	sched_set_param(current, old);
}

static int wake_then_note(void *high)
{
	wake_up_process(high);
	cond_resched(); /* a preemption point even without PREEMPT */
	note('L');
	return 0;
}

/* A low task that wakes a higher one is preempted at once. */
static void wakeup_preempts_lower_priority(struct ktest *t)
{
	struct task_struct *high, *low;
	int old = run_on_top();

	order_reset();
	high = start(note_arg, (void *)'H', 25, "prio-high");
	KTEST_ASSERT_TRUE(t, !IS_ERR(high));
	low = start(wake_then_note, high, 5, "prio-low");
	KTEST_ASSERT_TRUE(t, !IS_ERR(low));
	wake_up_process(low);
	KTEST_EXPECT_EQ(t, task_wait(low->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(high->pid, NULL), 0);
	KTEST_EXPECT_STREQ(t, order, "HL");
	sched_set_param(current, old);
}

/*
 * Priority inheritance three deep: low (2) holds A; mid (10) holds B and
 * waits for A; high (30) waits for B; a hog (20) would run before low and
 * mid.  With inheritance, low and then mid run at 30 until they let go,
 * and high gets B before the hog has finished.
 */
static DEFINE_MUTEX(pi_a);
static DEFINE_MUTEX(pi_b);
static DECLARE_COMPLETION(low_holds_a);
static DECLARE_COMPLETION(mid_holds_b);
static int low_top_prio, low_prio_after, mid_prio_holding;

static int pi_low(void *unused)
{
	u64 end;

	mutex_lock(&pi_a);
	complete(&low_holds_a);
	low_top_prio = sched_effective_param(current);
	for (end = task_cputime_ns(current) + HOLD_NS; task_cputime_ns(current) < end;) {
		if (sched_effective_param(current) > low_top_prio)
			low_top_prio = sched_effective_param(current);
		cond_resched();
	}
	mutex_unlock(&pi_a);
	low_prio_after = sched_effective_param(current);
	note('l');
	return 0;
}

static int pi_mid(void *unused)
{
	mutex_lock(&pi_b);
	complete(&mid_holds_b);
	mutex_lock(&pi_a);
	mid_prio_holding = sched_effective_param(current);
	mutex_unlock(&pi_a);
	mutex_unlock(&pi_b);
	note('m');
	return 0;
}

static int pi_high(void *unused)
{
	mutex_lock(&pi_b);
	note('h');
	mutex_unlock(&pi_b);
	return 0;
}

static int hog(void *unused)
{
	burn_cpu(HOG_NS);
	note('g');
	return 0;
}

static void priority_inheritance_three_deep(struct ktest *t)
{
	struct task_struct *low, *mid, *high, *g;
	int old = run_on_top();

	order_reset();
	low = start(pi_low, NULL, 2, "pi-low");
	mid = start(pi_mid, NULL, 10, "pi-mid");
	high = start(pi_high, NULL, 30, "pi-high");
	g = start(hog, NULL, 20, "pi-hog");
	KTEST_ASSERT_TRUE(t, !IS_ERR(low) && !IS_ERR(mid) && !IS_ERR(high) && !IS_ERR(g));
	wake_up_process(low);
	wait_for_completion(&low_holds_a);
	wake_up_process(mid);
	wait_for_completion(&mid_holds_b);
	wake_up_process(g);
	wake_up_process(high);
	KTEST_EXPECT_EQ(t, task_wait(high->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(g->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(mid->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(low->pid, NULL), 0);
	printk("    # order %s; low ran at %d, mid at %d\n", order, low_top_prio, mid_prio_holding);
	KTEST_ASSERT_TRUE(t, strchr(order, 'h') && strchr(order, 'g'));
	KTEST_EXPECT_TRUE(t, strchr(order, 'h') < strchr(order, 'g'));
	KTEST_EXPECT_EQ(t, low_top_prio, 30);
	KTEST_EXPECT_EQ(t, mid_prio_holding, 30);
	KTEST_EXPECT_EQ(t, low_prio_after, 2);
	sched_set_param(current, old);
}

static u64 hog_cpu_when_low_ran;
static struct task_struct *aging_hog;

static int aging_low(void *unused)
{
	hog_cpu_when_low_ran = task_cputime_ns(aging_hog);
	return 0;
}

/* AGING_HOG_NS of CPU time, watched for time a busy host takes (<kernel/workload.h>). */
static struct workload aging_hog_work = { .budget_ns = AGING_HOG_NS };

/*
 * Aging counts ticks, and the hog's CPU time counts what a busy host took
 * from it too, so a run that lost more than 1% of it to the host says
 * nothing about how soon aging came (subtracting would let a kernel with
 * no aging pass once half was taken): it is skipped, saying so.
 */
static void expect_aged(struct ktest *t, u64 ran, u64 stolen0)
{
	u64 stolen = workload_stolen_ns() - stolen0;

	if (IS_ENABLED(CONFIG_SCHED_PRIO_AGING)) {
		KTEST_EXPECT_GE(t, ran, (AGING_GAP - 1) * AGING_STEP_NS);
		if (stolen > AGING_HOG_NS / 100) {
			ktest_skipf(t, KTEST_DISTURBED " for %lu ms of the hog's %lu",
				    (unsigned long)(stolen / NSEC_PER_MSEC),
				    (unsigned long)(AGING_HOG_NS / NSEC_PER_MSEC));
			return;
		}
		KTEST_EXPECT_LT(t, ran, AGING_HOG_NS / 2);
	} else {
		KTEST_EXPECT_GE(t, ran, AGING_HOG_NS);
	}
}

/*
 * With aging, a task five levels below a CPU hog runs once it has waited
 * five aging steps; without, only when the hog is done.
 */
static void aging_ends_starvation(struct ktest *t)
{
	struct task_struct *low;
	int old = run_on_top();
	u64 ran, stolen0 = workload_stolen_ns();

	aging_hog = start(workload_fn, &aging_hog_work, 20, "aging-hog");
	low = start(aging_low, NULL, 20 - AGING_GAP, "aging-low");
	KTEST_ASSERT_TRUE(t, !IS_ERR(aging_hog) && !IS_ERR(low));
	wake_up_process(aging_hog);
	wake_up_process(low);
	KTEST_EXPECT_EQ(t, task_wait(low->pid, NULL), 0);
	ran = hog_cpu_when_low_ran;
	KTEST_EXPECT_EQ(t, task_wait(aging_hog->pid, NULL), 0);
	printk("    # the low task ran after %llu ms of the hog's %llu\n",
	       (unsigned long long)(ran / NSEC_PER_MSEC),
	       (unsigned long long)(AGING_HOG_NS / NSEC_PER_MSEC));
	expect_aged(t, ran, stolen0);
	sched_set_param(current, old);
}

/*
 * Aging while inheritance sets the level: low (2) holds a mutex that a
 * task at 20 waits for, so it waits in the queue at 20 below a hog at 25.
 * It ages from 20, and runs after five aging steps, as a task of its own
 * at 20 would; setting its own priority again (to the same 2, every 10 ms)
 * must not take the steps away.  Without aging it runs once the hog is done.
 */
static DEFINE_MUTEX(aging_pi_lock);
static DECLARE_COMPLETION(aging_low_holds);
static bool aging_low_go, aging_low_done;

static int aging_pi_low(void *unused)
{
	mutex_lock(&aging_pi_lock);
	complete(&aging_low_holds);
	while (!READ_ONCE(aging_low_go))
		cond_resched();
	hog_cpu_when_low_ran = task_cputime_ns(aging_hog);
	WRITE_ONCE(aging_low_done, true);
	mutex_unlock(&aging_pi_lock);
	return 0;
}

static int aging_pi_high(void *unused)
{
	mutex_lock(&aging_pi_lock);
	mutex_unlock(&aging_pi_lock);
	return 0;
}

static void aging_lifts_an_inheriting_holder(struct ktest *t)
{
	struct task_struct *low, *high;
	int old = run_on_top(), i;
	u64 ran, stolen0 = workload_stolen_ns();

	aging_low_go = aging_low_done = false;
	aging_hog = start(workload_fn, &aging_hog_work, 20 + AGING_GAP, "aging-hog");
	low = start(aging_pi_low, NULL, 2, "aging-pi-low");
	high = start(aging_pi_high, NULL, 20, "aging-pi-high");
	KTEST_ASSERT_TRUE(t, !IS_ERR(aging_hog) && !IS_ERR(low) && !IS_ERR(high));
	wake_up_process(low);
	wait_for_completion(&aging_low_holds);
	wake_up_process(high);
	for (i = 0; i < 100 && sched_effective_param(low) != 20; i++)
		msleep(1); /* high runs, and waits for the mutex */
	KTEST_EXPECT_EQ(t, sched_effective_param(low), 20);
	WRITE_ONCE(aging_low_go, true);
	wake_up_process(aging_hog);
	while (!READ_ONCE(aging_low_done)) {
		msleep(10);
		sched_set_param(low, 2);
	}
	ran = hog_cpu_when_low_ran;
	KTEST_EXPECT_EQ(t, task_wait(low->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(high->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(aging_hog->pid, NULL), 0);
	printk("    # the holder ran after %llu ms of the hog's %llu\n",
	       (unsigned long long)(ran / NSEC_PER_MSEC),
	       (unsigned long long)(AGING_HOG_NS / NSEC_PER_MSEC));
	expect_aged(t, ran, stolen0);
	sched_set_param(current, old);
}

/*
 * A task that sleeps most of the time, at the default priority, beside
 * two CPU hogs below it: it preempts them as it wakes, and gets all the
 * CPU it asks for.  Aging cannot lift the hogs to it: each waits only
 * while the other runs, and runs once it is above the other.
 */
static void sleeper_preempts_lower_hogs(struct ktest *t)
{
	static const int hogs[2] = { 10, 4 };
	struct sleeper_report r;

	if (!hogs_ran(t, run_sleeper_beside_hogs(2, hogs, NULL, &r)))
		return;
	KTEST_EXPECT_GE(t, r.cpu_ns, r.periods * r.work_ns);
	KTEST_EXPECT_LE(t, r.worst_latency_ns, LATENCY_AT_ONCE_NS);
}

static void bad_priorities_are_refused(struct ktest *t)
{
	static const int bad[] = { -1, 32, 1000, -2147483647 - 1, 2147483647 };
	struct task_struct *k = kthread_create(note_arg, (void *)'x', "prio-param");
	unsigned int i;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, sched_get_param(k), 16);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(t, sched_set_param(k, bad[i]), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 16);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 0), 0);
	KTEST_EXPECT_EQ(t, sched_set_param(k, 31), 0);
	KTEST_EXPECT_EQ(t, sched_get_param(k), 31);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static const struct ktest_case prio_cases[] = {
	KTEST_CASE(higher_priority_runs_first),	      KTEST_CASE(wakeup_preempts_lower_priority),
	KTEST_CASE(priority_inheritance_three_deep),  KTEST_CASE(aging_ends_starvation),
	KTEST_CASE(aging_lifts_an_inheriting_holder), KTEST_CASE(sleeper_preempts_lower_hogs),
	KTEST_CASE(bad_priorities_are_refused),	      {},
};
KTEST_SUITE(prio, prio_cases);
