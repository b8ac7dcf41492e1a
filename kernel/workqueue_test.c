// SPDX-License-Identifier: GPL-2.0
/*
 * The workqueue suite: works run in kworker, in the order they were
 * queued, once however often they were queued before they ran; a work
 * may sleep and re-queue itself; flush_work() waits for a queued or
 * running work and returns at once for one that is neither; interrupt
 * handlers queue work.
 */
#include <asm/irqflags.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/workqueue.h>

struct test_work {
	struct work_struct work;
	char id;
	unsigned int runs, requeue;
	unsigned int sleep_ms;
	bool in_kworker;
	bool finished; /* got to the end of a run */
};

static char order[8];
static unsigned int order_len;

static void record(struct work_struct *w)
{
	struct test_work *tw = container_of(w, struct test_work, work);

	tw->runs++;
	tw->in_kworker = !strcmp(current->comm, "kworker");
	if (order_len < sizeof(order) - 1)
		order[order_len++] = tw->id;
	if (tw->sleep_ms)
		msleep(tw->sleep_ms);
	if (tw->runs < tw->requeue)
		schedule_work(w);
	tw->finished = true;
}

static void setup(struct test_work *tw, char id)
{
	memset(tw, 0, sizeof(*tw));
	tw->id = id;
	INIT_WORK(&tw->work, record);
}

static void works_run_in_order_in_kworker(struct ktest *t)
{
	struct test_work a, b, c;
	unsigned long flags;

	order_len = 0;
	memset(order, 0, sizeof(order));
	setup(&a, 'a');
	setup(&b, 'b');
	setup(&c, 'c');
	/*
	 * All queued before kworker can run: a tick could otherwise hand it
	 * the CPU under PREEMPT after the first, and b would have run, not
	 * be queued, when it is queued again.
	 */
	flags = local_irq_save();
	KTEST_EXPECT_TRUE(t, schedule_work(&a.work));
	KTEST_EXPECT_TRUE(t, schedule_work(&b.work));
	KTEST_EXPECT_TRUE(t, schedule_work(&c.work));
	KTEST_EXPECT_FALSE(t, schedule_work(&b.work)); /* queued already */
	local_irq_restore(flags);
	flush_work(&c.work);
	KTEST_EXPECT_STREQ(t, order, "abc");
	KTEST_EXPECT_EQ(t, a.runs + b.runs + c.runs, 3);
	KTEST_EXPECT_TRUE(t, a.in_kworker && b.in_kworker && c.in_kworker);
}

static void work_requeues_itself(struct ktest *t)
{
	struct test_work a;

	setup(&a, 'a');
	a.requeue = 3;
	schedule_work(&a.work);
	while (a.runs < 3)
		flush_work(&a.work);
	flush_work(&a.work);
	KTEST_EXPECT_EQ(t, a.runs, 3);
}

static void flush_waits_for_a_sleeping_work(struct ktest *t)
{
	struct test_work a, idle;

	setup(&a, 'a');
	setup(&idle, 'i');
	a.sleep_ms = 20;
	schedule_work(&a.work);
	while (!READ_ONCE(a.runs))
		msleep(1); /* kworker starts it, and sleeps in it */
	KTEST_EXPECT_EQ(t, a.runs, 1);
	KTEST_EXPECT_FALSE(t, a.finished);
	flush_work(&a.work);
	KTEST_EXPECT_TRUE(t, a.finished);
	flush_work(&idle.work); /* never queued: returns at once */
	KTEST_EXPECT_EQ(t, idle.runs, 0);
}

static struct test_work from_irq;

static void queue_from_timer(struct timer_list *timer)
{
	schedule_work(&from_irq.work);
}

static void interrupt_handlers_queue_work(struct ktest *t)
{
	struct timer_list timer;

	setup(&from_irq, 'x');
	timer_setup(&timer, queue_from_timer, 0);
	mod_timer(&timer, jiffies + 1);
	while (!from_irq.runs)
		msleep(10);
	KTEST_EXPECT_EQ(t, from_irq.runs, 1);
	KTEST_EXPECT_TRUE(t, from_irq.in_kworker);
}

static const struct ktest_case workqueue_cases[] = {
	KTEST_CASE(works_run_in_order_in_kworker),
	KTEST_CASE(work_requeues_itself),
	KTEST_CASE(flush_waits_for_a_sleeping_work),
	KTEST_CASE(interrupt_handlers_queue_work),
	{},
};
KTEST_SUITE(workqueue, workqueue_cases);
