// SPDX-License-Identifier: GPL-2.0
/*
 * The wait suite: wait queues and completions with more than one sleeper,
 * where waking only the first would go unnoticed by a lone one.  One
 * wake_up() wakes every task on the queue, and a wake-up with the
 * condition still false puts them all back to sleep; two complete()s
 * before either waiter runs let both through.  A sleeper left behind by a
 * bug is woken again at the end, so that the case fails instead of
 * hanging.
 */
#include <asm/irqflags.h>
#include <kernel/completion.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/time.h>
#include <kernel/wait.h>

#define SLEEPERS 2

static unsigned int woken; /* sleepers that got through; interrupts off to count */

static void count_woken(void)
{
	unsigned long flags = local_irq_save();

	woken++;
	local_irq_restore(flags);
}

/* Sleep a millisecond at a time until @cond holds, at most a second. */
static void wait_until(bool (*cond)(void))
{
	unsigned int ms;

	for (ms = 0; !cond() && ms < 1000; ms++)
		msleep(1);
}

/* Tasks sleeping on @wq, counted with interrupts off. */
static unsigned int queued(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();
	struct wait_queue_entry *w;
	unsigned int n = 0;

	list_for_each_entry (w, &wq->waiters, node)
		n += w->task->state == TASK_SLEEPING;
	local_irq_restore(flags);
	return n;
}

static DECLARE_WAIT_QUEUE_HEAD(go_wait);
static bool go;

static bool all_queued_on_go(void)
{
	return queued(&go_wait) == SLEEPERS;
}

static bool all_woken(void)
{
	return READ_ONCE(woken) == SLEEPERS;
}

static int wait_for_go(void *unused)
{
	wait_event(go_wait, READ_ONCE(go));
	count_woken();
	return 0;
}

static bool start_sleepers(struct ktest *t, int (*fn)(void *), struct task_struct **k)
{
	unsigned int i;

	woken = 0;
	for (i = 0; i < SLEEPERS; i++) {
		k[i] = kthread_run(fn, NULL, "sleeper-%u", i);
		if (IS_ERR(k[i])) {
			ktest_check(t, false, __FILE__, __LINE__, "cannot start sleeper %u", i);
			return false;
		}
	}
	return true;
}

static void collect_sleepers(struct ktest *t, struct task_struct **k)
{
	unsigned int i;

	for (i = 0; i < SLEEPERS; i++)
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, NULL), 0);
}

static void wake_up_wakes_every_sleeper(struct ktest *t)
{
	struct task_struct *k[SLEEPERS];

	go = false;
	if (!start_sleepers(t, wait_for_go, k))
		return;
	wait_until(all_queued_on_go);
	KTEST_ASSERT_EQ(t, queued(&go_wait), SLEEPERS);
	wake_up(&go_wait); /* the condition is false: back to sleep */
	msleep(1);
	KTEST_EXPECT_EQ(t, queued(&go_wait), SLEEPERS);
	KTEST_EXPECT_EQ(t, woken, 0);
	WRITE_ONCE(go, true);
	wake_up(&go_wait);
	wait_until(all_woken);
	KTEST_EXPECT_EQ(t, woken, SLEEPERS);
	while (!all_woken()) { /* a sleeper the wake-up missed */
		wake_up(&go_wait);
		msleep(1);
	}
	collect_sleepers(t, k);
	KTEST_EXPECT_TRUE(t, list_empty(&go_wait.waiters));
}

static struct completion done;

static bool all_queued_on_done(void)
{
	return queued(&done.wait) == SLEEPERS;
}

static int wait_for_done(void *unused)
{
	wait_for_completion(&done);
	count_woken();
	return 0;
}

/* Both complete()s before either waiter runs: each must let one through. */
static void two_completions_let_two_waiters_through(struct ktest *t)
{
	struct task_struct *k[SLEEPERS];
	unsigned long flags;

	init_completion(&done);
	if (!start_sleepers(t, wait_for_done, k))
		return;
	wait_until(all_queued_on_done);
	KTEST_ASSERT_EQ(t, queued(&done.wait), SLEEPERS);
	flags = local_irq_save();
	complete(&done);
	complete(&done);
	local_irq_restore(flags);
	wait_until(all_woken);
	KTEST_EXPECT_EQ(t, woken, SLEEPERS);
	KTEST_EXPECT_EQ(t, done.done, 0);
	while (!all_woken()) { /* a waiter the wake-up missed */
		complete(&done);
		msleep(1);
	}
	collect_sleepers(t, k);
	KTEST_EXPECT_TRUE(t, list_empty(&done.wait.waiters));
}

static const struct ktest_case wait_cases[] = {
	KTEST_CASE(wake_up_wakes_every_sleeper),
	KTEST_CASE(two_completions_let_two_waiters_through),
	{},
};
KTEST_SUITE(wait, wait_cases);
