// SPDX-License-Identifier: GPL-2.0
/*
 * The workqueue suite: works run in kworker, in the order they were
 * queued, once however often they were queued before they ran; a work
 * may sleep and re-queue itself; flush_work() waits for a queued or
 * running work and returns at once for one that is neither; interrupt
 * handlers queue work; and kernel threads queueing the same works at once
 * (on several CPUs, once tasks run there) get each queued run exactly once.
 */
#include <kernel/completion.h>
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

struct gate {
	struct work_struct work;
	struct completion open;
};

static void wait_at_gate(struct work_struct *w)
{
	wait_for_completion(&container_of(w, struct gate, work)->open);
}

static void works_run_in_order_in_kworker(struct ktest *t)
{
	struct test_work a, b, c;
	struct gate gate;

	order_len = 0;
	memset(order, 0, sizeof(order));
	setup(&a, 'a');
	setup(&b, 'b');
	setup(&c, 'c');
	/*
	 * All queued behind a work that holds kworker until they are: kworker
	 * could otherwise run (on another CPU, or here under PREEMPT) after
	 * the first, and b would have run, not be queued, when it is queued
	 * again.
	 */
	INIT_WORK(&gate.work, wait_at_gate);
	init_completion(&gate.open);
	KTEST_EXPECT_TRUE(t, schedule_work(&gate.work));
	KTEST_EXPECT_TRUE(t, schedule_work(&a.work));
	KTEST_EXPECT_TRUE(t, schedule_work(&b.work));
	KTEST_EXPECT_TRUE(t, schedule_work(&c.work));
	KTEST_EXPECT_FALSE(t, schedule_work(&b.work)); /* queued already */
	complete(&gate.open);
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

#define STORM_THREADS 4
#define STORM_WORKS   4
#define STORM_ROUNDS  300

struct storm_work {
	struct work_struct work;
	unsigned long runs; /* by kworker alone */
};

static struct storm_work storm[STORM_WORKS];
/* What each thread's schedule_work() calls said: true, the work was queued. */
static unsigned long storm_queued[STORM_THREADS][STORM_WORKS];

static void storm_fn(struct work_struct *w)
{
	container_of(w, struct storm_work, work)->runs++;
}

static int storm_thread(void *arg)
{
	long id = (long)arg;
	int i, j;

	for (i = 0; i < STORM_ROUNDS; i++) {
		j = (i + id) % STORM_WORKS;
		if (schedule_work(&storm[j].work))
			storm_queued[id][j]++;
		if (i % 16 == 0)
			yield(); /* let kworker take some */
	}
	return 0;
}

/*
 * A work queued while it is queued is not queued again; once taken off
 * the queue, it may be queued again.  So each true from schedule_work()
 * is exactly one run: a lost or doubled list update breaks the sum.
 */
static void works_queued_by_threads_run_once_each(struct ktest *t)
{
	struct task_struct *k[STORM_THREADS];
	unsigned long queued, total = 0;
	long i;
	int j, code;

	memset(storm_queued, 0, sizeof(storm_queued));
	for (j = 0; j < STORM_WORKS; j++) {
		INIT_WORK(&storm[j].work, storm_fn);
		storm[j].runs = 0;
	}
	for (i = 0; i < STORM_THREADS; i++) {
		k[i] = kthread_run(storm_thread, (void *)i, "storm/%ld", i);
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
	}
	for (i = 0; i < STORM_THREADS; i++) {
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, &code), 0);
		KTEST_EXPECT_EQ(t, code, 0);
	}
	for (j = 0; j < STORM_WORKS; j++) {
		flush_work(&storm[j].work);
		for (queued = 0, i = 0; i < STORM_THREADS; i++)
			queued += storm_queued[i][j];
		KTEST_EXPECT_EQ(t, storm[j].runs, queued);
		total += queued;
	}
	KTEST_EXPECT_GT(t, total, STORM_WORKS);
}

static const struct ktest_case workqueue_cases[] = {
	KTEST_CASE(works_run_in_order_in_kworker),
	KTEST_CASE(work_requeues_itself),
	KTEST_CASE(flush_waits_for_a_sleeping_work),
	KTEST_CASE(interrupt_handlers_queue_work),
	KTEST_CASE(works_queued_by_threads_run_once_each),
	{},
};
KTEST_SUITE(workqueue, workqueue_cases);
