// SPDX-License-Identifier: GPL-2.0
/*
 * The preempt suite: what each preemption model promises.  Two CPU hogs
 * started together share the CPU in equal parts under CONFIG_PREEMPT,
 * and the first keeps it to the end under CONFIG_PREEMPT_NONE; a
 * preempt_disable() section is never preempted; cond_resched() gives the
 * CPU away once the slice is used up, in both models; might_sleep() with
 * preemption off is reported.  A task that sleeps with preemption off is
 * reported and takes its count with it, and an interrupt handler runs in
 * hard interrupt context, where might_sleep() is reported.
 */
#include <kernel/clocksource.h>
#include <kernel/completion.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include "test_hogs.h"

#define HOG_NS (1000 * NSEC_PER_MSEC)

/*
 * Two hogs side by side, each spinning without offering the CPU until
 * HOG_NS after they start (a spin workload, watched for time a busy host
 * takes); their CPU time in µs.  True unless the host took more than 1%
 * of the time.
 */
static bool hogs(struct ktest *t, int *a_us, int *b_us)
{
	struct workload w[2] = { { .spin = true }, { .spin = true } };
	struct task_struct *a = kthread_create(workload_fn, &w[0], "hog-a");
	struct task_struct *b = kthread_create(workload_fn, &w[1], "hog-b");
	u64 stolen = workload_stolen_ns();

	*a_us = *b_us = -1;
	KTEST_EXPECT_TRUE(t, !IS_ERR(a) && !IS_ERR(b));
	if (t->failed)
		return true; /* no need to measure again */
	w[0].until = w[1].until = ktime_get() + HOG_NS;
	wake_up_process(a);
	wake_up_process(b);
	KTEST_EXPECT_EQ(t, task_wait(a->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, task_wait(b->pid, NULL), 0);
	*a_us = w[0].cpu_ns / 1000;
	*b_us = w[1].cpu_ns / 1000;
	return workload_stolen_ns() - stolen <= HOG_NS / 100;
}

static void cpu_hogs_share_by_model(struct ktest *t)
{
	int a, b, all = HOG_NS / 1000, try;

	for (try = 0; try < KTEST_TRIES; try++)
		if (hogs(t, &a, &b))
			break;
	if (try == KTEST_TRIES) {
		ktest_skipf(t, "in each of %d tries " KTEST_DISTURBED, KTEST_TRIES);
		return;
	}
	if (IS_ENABLED(CONFIG_PREEMPT)) {
		/*
		 * Equal shares within 10% (45 to 55%), whatever the policy:
		 * the tick takes turns between them.  A second of it, as
		 * MLFQ's turns come in steps of 4 ticks.
		 */
		printk("    # two hogs got %d and %d us\n", a, b);
		KTEST_EXPECT_GE(t, a + b, all * 9 / 10);
		KTEST_EXPECT_LE(t, a > b ? a - b : b - a, (a + b) / 10);
	} else {
		/* Nothing takes the CPU from the first hog. */
		KTEST_EXPECT_GE(t, a, all * 9 / 10);
		KTEST_EXPECT_LT(t, b, all / 10);
	}
}

static volatile unsigned long spins;

static int spin_until_stopped(void *unused)
{
	while (!kthread_should_stop())
		spins++;
	return 0;
}

static void preempt_disable_holds_off_the_tick(struct ktest *t)
{
	struct task_struct *k;
	unsigned long seen;
	u64 start;

	if (!IS_ENABLED(CONFIG_PREEMPT)) {
		ktest_skip(t,
			   "CONFIG_PREEMPT is off: a spinning task would never give the CPU back");
		return;
	}
	spins = 0;
	k = kthread_run(spin_until_stopped, NULL, "spinner");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	preempt_disable();
	seen = spins;
	start = ktime_get();
	while (ktime_get() - start < 50 * NSEC_PER_MSEC)
		;
	KTEST_EXPECT_EQ(t, spins, seen);
	KTEST_EXPECT_TRUE(t, need_resched()); /* the tick asked, and waited */
	preempt_enable();		      /* ... and the spinner ran */
	KTEST_EXPECT_GT(t, spins, seen);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static bool ran;
static u64 ran_at;

static int note_time(void *unused)
{
	ran_at = ktime_get();
	WRITE_ONCE(ran, true);
	return 0;
}

static void cond_resched_gives_way(struct ktest *t)
{
	struct task_struct *k;
	u64 start, end;

	ran = false;
	start = ktime_get();
	preempt_disable(); /* no preemption: only cond_resched() */
	k = kthread_run(note_time, NULL, "waiting");
	preempt_enable(); /* a policy may run it right here */
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	do {
		cond_resched();
		end = ktime_get();
	} while (!READ_ONCE(ran) && end - start < 100 * NSEC_PER_MSEC);
	/*
	 * That it ran says it all: with the tick as the clocksource, time
	 * moves in whole ticks, and it may well have run in the same one.
	 */
	KTEST_EXPECT_TRUE(t, READ_ONCE(ran));
	KTEST_EXPECT_GE(t, ran_at, start);
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
}

static void might_sleep_with_preemption_off_is_reported(struct ktest *t)
{
	unsigned long bugs = lock_bugs;
	u64 since;

	if (!IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP)) {
		ktest_skip(t, "CONFIG_DEBUG_ATOMIC_SLEEP is off");
		return;
	}
	since = ktest_mute_console();
	preempt_disable();
	might_sleep();
	preempt_enable();
	ktest_unmute_console();
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "in_atomic(): 1, irqs_disabled(): 0"));
}

static unsigned int observed_count;
static DECLARE_COMPLETION(observed);

static int observe_count(void *unused)
{
	observed_count = preempt_count();
	complete(&observed);
	return 0;
}

/*
 * "BUG: scheduling while atomic", as Linux reports it; the task that
 * switches in runs with its own count, and the sleeper finds its own again.
 */
static void sleeping_with_preemption_off_is_reported(struct ktest *t)
{
	unsigned int count = preempt_count(), count_after;
	unsigned long bugs = lock_bugs;
	struct task_struct *k;
	char report[64];
	u64 since;

	if (!IS_ENABLED(CONFIG_PREEMPT_COUNT)) {
		ktest_skip(t, "CONFIG_PREEMPT_COUNT is off: preempt_disable() counts nothing");
		return;
	}
	init_completion(&observed);
	observed_count = ~0U;
	k = kthread_create(observe_count, NULL, "observer");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	since = ktest_mute_console();
	preempt_disable();
	wake_up_process(k);
	wait_for_completion(&observed); /* one sleep: the observer runs meanwhile */
	count_after = preempt_count();
	preempt_enable();
	ktest_unmute_console();
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	snprintf(report, sizeof(report), "BUG: scheduling while atomic: %s/%d/0x%08x",
		 current->comm, current->pid, count + 1);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, report));
	/* and might_sleep()'s own report in wait_for_completion() */
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1 + IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP));
	KTEST_EXPECT_EQ(t, observed_count, 0);
	KTEST_EXPECT_EQ(t, count_after, count + 1);
	KTEST_EXPECT_EQ(t, preempt_count(), count);
}

static struct timer_list irq_timer;
static bool irq_timer_ran, might_sleep_in_irq;
static unsigned int handlers_seen; /* the interrupt nesting the callback saw */
static bool in_irq_seen, in_interrupt_seen;

/* From the tick: whatever task it interrupted, this is no task. */
static void note_context(struct timer_list *unused)
{
	handlers_seen = hardirq_count() >> HARDIRQ_SHIFT;
	in_irq_seen = in_irq();
	in_interrupt_seen = in_interrupt();
	if (might_sleep_in_irq)
		might_sleep();
	WRITE_ONCE(irq_timer_ran, true);
}

static void run_timer_callback(void)
{
	unsigned int ms;

	irq_timer_ran = false;
	timer_setup(&irq_timer, note_context, 0);
	mod_timer(&irq_timer, jiffies + 1);
	for (ms = 0; !READ_ONCE(irq_timer_ran) && ms < 1000; ms++)
		msleep(1);
	del_timer(&irq_timer);
}

static void interrupt_handlers_run_in_hardirq_context(struct ktest *t)
{
	unsigned int count = preempt_count();

	KTEST_EXPECT_FALSE(t, in_interrupt());
	KTEST_EXPECT_FALSE(t, in_irq());
	run_timer_callback();
	KTEST_ASSERT_TRUE(t, irq_timer_ran);
	KTEST_EXPECT_EQ(t, handlers_seen, 1);
	KTEST_EXPECT_TRUE(t, in_irq_seen);
	KTEST_EXPECT_TRUE(t, in_interrupt_seen);
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	KTEST_EXPECT_FALSE(t, in_interrupt());
}

static void might_sleep_in_an_interrupt_handler_is_reported(struct ktest *t)
{
	unsigned long bugs = lock_bugs;
	u64 since;

	if (!IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP)) {
		ktest_skip(t, "CONFIG_DEBUG_ATOMIC_SLEEP is off");
		return;
	}
	since = ktest_mute_console();
	might_sleep_in_irq = true;
	run_timer_callback();
	might_sleep_in_irq = false;
	ktest_unmute_console();
	KTEST_ASSERT_TRUE(t, irq_timer_ran);
	KTEST_EXPECT_EQ(t, lock_bugs, bugs + 1);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "in_atomic(): 1, irqs_disabled(): 1"));
}

static const struct ktest_case preempt_cases[] = {
	KTEST_CASE(cpu_hogs_share_by_model),
	KTEST_CASE(preempt_disable_holds_off_the_tick),
	KTEST_CASE(cond_resched_gives_way),
	KTEST_CASE(might_sleep_with_preemption_off_is_reported),
	KTEST_CASE(sleeping_with_preemption_off_is_reported),
	KTEST_CASE(interrupt_handlers_run_in_hardirq_context),
	KTEST_CASE(might_sleep_in_an_interrupt_handler_is_reported),
	{},
};
KTEST_SUITE(preempt, preempt_cases);
