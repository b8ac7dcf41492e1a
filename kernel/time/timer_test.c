// SPDX-License-Identifier: GPL-2.0
/*
 * The timers suite: kernel timers fire in the order of their times, once,
 * and not when deleted; a timer runs in the very tick that brings jiffies
 * to its time; a timer armed for now (or the past) runs at the next tick,
 * and so does one that re-arms itself for now from its function, once a
 * tick however often it does; a timer nobody set up is refused.
 * msleep() and schedule_timeout() sleep the task while others run, and a
 * wait queue or a completion wakes its waiter from a timer, in interrupt
 * context.  del_timer() called from the timer's own function returns at
 * once; and kernel threads arming and deleting timers at once (on several
 * CPUs, once tasks run there) lose no timer, fire none twice, and never
 * see a function still running after del_timer() returned.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/completion.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/wait.h>

struct test_timer {
	struct timer_list timer;
	char id;
	unsigned int fired, rearm;
};

static char fired_order[8];
static unsigned int nr_fired;

static void note_firing(struct timer_list *t)
{
	struct test_timer *tt = container_of(t, struct test_timer, timer);

	tt->fired++;
	if (nr_fired < sizeof(fired_order) - 1)
		fired_order[nr_fired++] = tt->id;
	if (tt->rearm && tt->fired < tt->rearm)
		mod_timer(t, jiffies + 1);
}

static void setup(struct test_timer *tt, char id)
{
	memset(tt, 0, sizeof(*tt));
	tt->id = id;
	timer_setup(&tt->timer, note_firing, 0);
}

static void sleep_ticks(unsigned long ticks)
{
	msleep(jiffies_to_msecs(ticks) + 1);
}

/*
 * The cases below count in jiffies, as timers do, and expect each tick to
 * move them by one.  A tick that catches up ticks a busy host took moves
 * them by more (tick_gap_ns grows), and a timer then fires sooner, as the
 * case sees it, than it may.  Such a try is run again, and the case is
 * skipped, saying why, if every try was disturbed.
 */
static void run_steady(struct ktest *t, void (*once)(struct ktest *t))
{
	struct ktest one;
	u64 gap;
	int try;

	/*
	 * The tries run quiet: a failure's message, printed with interrupts
	 * off, holds off the tick and would make its own try look disturbed.
	 */
	for (try = 0; try < KTEST_TRIES; try++) {
		one = (struct ktest){ .name = t->name, .quiet = true };
		gap = tick_gap_ns;
		once(&one);
		if (!one.failed || tick_gap_ns == gap)
			break;
		if (!t->quiet)
			pr_info("    # %s: " KTEST_DISTURBED " in that try: again\n", t->name);
	}
	if (try == KTEST_TRIES) {
		ktest_skipf(t, "in each of %d tries " KTEST_DISTURBED, KTEST_TRIES);
		return;
	}
	if (one.failed && !t->quiet) {
		pr_info("    # %s: failed with no tick late; once more, to say why:\n", t->name);
		once(t);
	}
	t->failed = one.failed;
	t->skipped = one.skipped;
	t->skip_reason = one.skip_reason;
}

#define STEADY_CASE(name)                   \
	static void name(struct ktest *t)   \
	{                                   \
		run_steady(t, name##_once); \
	}

static void timers_fire_in_order_once(struct ktest *t)
{
	struct test_timer a, b, c, d;
	unsigned long now = jiffies;

	nr_fired = 0;
	memset(fired_order, 0, sizeof(fired_order));
	setup(&a, 'a');
	setup(&b, 'b');
	setup(&c, 'c');
	setup(&d, 'd');
	KTEST_EXPECT_EQ(t, mod_timer(&a.timer, now + 4), 0);
	KTEST_EXPECT_EQ(t, mod_timer(&b.timer, now + 2), 0);
	KTEST_EXPECT_EQ(t, mod_timer(&c.timer, now + 3), 0);
	KTEST_EXPECT_EQ(t, mod_timer(&d.timer, now + 3), 0); /* same time: after c */
	KTEST_EXPECT_TRUE(t, timer_pending(&a.timer));
	sleep_ticks(6);
	KTEST_EXPECT_STREQ(t, fired_order, "bcda");
	KTEST_EXPECT_FALSE(t, timer_pending(&a.timer));
	KTEST_EXPECT_EQ(t, a.fired + b.fired + c.fired + d.fired, 4);
}
STEADY_CASE(timers_fire_in_order);

static void deleted_timer_does_not_fire(struct ktest *t)
{
	struct test_timer a;

	setup(&a, 'a');
	mod_timer(&a.timer, jiffies + 2);
	KTEST_EXPECT_EQ(t, del_timer(&a.timer), 1);
	KTEST_EXPECT_EQ(t, del_timer(&a.timer), 0);
	sleep_ticks(4);
	KTEST_EXPECT_EQ(t, a.fired, 0);
}

/*
 * The checks stand three ticks from the expiry on either side: a host
 * that stops the CPU for less than the 1.5 ticks tick_gap_ns notices could
 * otherwise hold the woken case back past a timer one tick away.
 */
static void mod_timer_moves_a_pending_timer_once(struct ktest *t)
{
	struct test_timer a;

	setup(&a, 'a');
	mod_timer(&a.timer, jiffies + 2);
	KTEST_EXPECT_EQ(t, mod_timer(&a.timer, jiffies + 8), 1);
	sleep_ticks(3);
	KTEST_EXPECT_EQ(t, a.fired, 0);
	sleep_ticks(6);
	KTEST_EXPECT_EQ(t, a.fired, 1);
}
STEADY_CASE(mod_timer_moves_a_pending_timer);

static void timer_rearms_itself_once(struct ktest *t)
{
	struct test_timer a;

	setup(&a, 'a');
	a.rearm = 3;
	mod_timer(&a.timer, jiffies + 1);
	sleep_ticks(8);
	KTEST_EXPECT_EQ(t, a.fired, 3);
	KTEST_EXPECT_FALSE(t, timer_pending(&a.timer));
}
STEADY_CASE(timer_rearms_itself);

static void timer_never_set_up_is_refused(struct ktest *t)
{
	struct timer_list zeroed;
	struct test_timer a;

	memset(&zeroed, 0, sizeof(zeroed));
	KTEST_EXPECT_FALSE(t, timer_pending(&zeroed));
	KTEST_EXPECT_EQ(t, mod_timer(&zeroed, jiffies + 1), -EINVAL);
	KTEST_EXPECT_EQ(t, del_timer(&zeroed), 0);
	timer_setup(&a.timer, NULL, 0);
	KTEST_EXPECT_EQ(t, mod_timer(&a.timer, jiffies + 1), -EINVAL);
	KTEST_EXPECT_FALSE(t, timer_pending(&a.timer));
}

/* Busy until the next timer interrupt; the tick_count it brought. */
static unsigned long wait_for_tick(void)
{
	unsigned long seen = tick_count;

	while (tick_count == seen)
		cpu_relax();
	return tick_count;
}

/*
 * Seen from a task, between any two ticks, a timer has run exactly when
 * jiffies have reached its time: not a tick later, not a tick earlier.
 * (A check of jiffies after a sleep cannot tell: every sleep ends late.)
 * Looked at with interrupts off, so that the two are read in one tick.
 */
static void timers_fire_exactly_at_expires_once(struct ktest *t)
{
	struct test_timer a[4];
	unsigned long flags, j, start;
	unsigned int i, wrong = 0, seen_due = 0;

	flags = local_irq_save();
	start = jiffies;
	for (i = 0; i < ARRAY_SIZE(a); i++) {
		setup(&a[i], 'a' + i);
		mod_timer(&a[i].timer, start + 1 + i);
	}
	local_irq_restore(flags);
	do {
		flags = local_irq_save();
		j = jiffies;
		for (i = 0; i < ARRAY_SIZE(a); i++) {
			wrong += a[i].fired != (unsigned int)!time_before(j, a[i].timer.expires);
			seen_due += j == a[i].timer.expires;
		}
		local_irq_restore(flags);
		cpu_relax();
	} while (time_before(j, start + ARRAY_SIZE(a) + 2));
	for (i = 0; i < ARRAY_SIZE(a); i++)
		del_timer(&a[i].timer);
	KTEST_EXPECT_EQ(t, wrong, 0);
	KTEST_EXPECT_GT(t, seen_due, 0); /* the moment that tells was seen */
}
STEADY_CASE(timers_fire_exactly_at_expires);

/* For now or for the past: not at once, in the next tick. */
static void zero_delay_timer_fires_at_the_next_tick(struct ktest *t)
{
	struct test_timer now, past;
	unsigned long flags;

	setup(&now, 'n');
	setup(&past, 'p');
	flags = local_irq_save();
	mod_timer(&now.timer, jiffies);
	mod_timer(&past.timer, jiffies - 5);
	KTEST_EXPECT_EQ(t, now.fired + past.fired, 0); /* mod_timer() runs nothing */
	local_irq_restore(flags);
	wait_for_tick();
	flags = local_irq_save();
	KTEST_EXPECT_EQ(t, now.fired, 1);
	KTEST_EXPECT_EQ(t, past.fired, 1);
	KTEST_EXPECT_FALSE(t, timer_pending(&now.timer));
	KTEST_EXPECT_FALSE(t, timer_pending(&past.timer));
	local_irq_restore(flags);
}

/*
 * A function that re-arms its timer for jiffies, i.e. now: it must run
 * again at the next tick, as in Linux, not again in the same one, which
 * would never end.  The limit only keeps that bug from hanging the test.
 */
#define REARM_LIMIT 100000

struct rearming_timer {
	struct timer_list timer;
	unsigned long fired;
	bool endless;
};

static void rearm_for_now(struct timer_list *timer)
{
	struct rearming_timer *r = container_of(timer, struct rearming_timer, timer);

	if (++r->fired < REARM_LIMIT || r->endless)
		mod_timer(timer, jiffies);
}

static void timer_rearmed_for_now_runs_once_a_tick(struct ktest *t)
{
	struct rearming_timer r = { .fired = 0 };
	unsigned long flags, ticks0, ticks;

	timer_setup(&r.timer, rearm_for_now, 0);
	flags = local_irq_save();
	mod_timer(&r.timer, jiffies);
	ticks0 = tick_count;
	local_irq_restore(flags);
	while (tick_count - ticks0 < 5)
		wait_for_tick();
	flags = local_irq_save();
	ticks = tick_count - ticks0;
	KTEST_EXPECT_EQ(t, del_timer(&r.timer), 1);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, r.fired, ticks);
}

/*
 * With no limit at all it keeps the machine going, and del_timer() stops
 * it.  It runs once a timer interrupt, which the wait counts: a tick that
 * catches up ticks a busy host took moves jiffies by more than one.
 */
static void endless_rearming_is_stopped_by_del_timer(struct ktest *t)
{
	struct rearming_timer r = { .endless = true };
	unsigned long flags, fired, ticks0;

	timer_setup(&r.timer, rearm_for_now, 0);
	flags = local_irq_save();
	mod_timer(&r.timer, jiffies);
	ticks0 = tick_count;
	local_irq_restore(flags);
	while (tick_count - ticks0 < 3)
		wait_for_tick();
	flags = local_irq_save();
	KTEST_EXPECT_EQ(t, del_timer(&r.timer), 1);
	fired = r.fired;
	local_irq_restore(flags);
	KTEST_EXPECT_GE(t, fired, 3);
	sleep_ticks(2);
	KTEST_EXPECT_EQ(t, r.fired, fired);
	KTEST_EXPECT_FALSE(t, timer_pending(&r.timer));
}

static int count_until_stopped(void *arg)
{
	unsigned long *count = arg;

	while (!kthread_should_stop()) {
		(*count)++;
		yield();
	}
	return 0;
}

static void msleep_lets_other_tasks_run(struct ktest *t)
{
	unsigned long count = 0, seen;
	struct task_struct *k = kthread_run(count_until_stopped, &count, "counter");
	u64 start = ktime_get();

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	msleep(30);
	seen = count;
	KTEST_EXPECT_GE(t, ktime_get() - start, 30 * NSEC_PER_MSEC);
	KTEST_EXPECT_GT(t, seen, 0);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

static struct task_struct *to_wake;

static void wake_task(struct timer_list *timer)
{
	wake_up_process(to_wake);
}

/*
 * The task is marked sleeping before the waker is armed: a tick in
 * between (the boot CPU's, while this task runs on another) that runs the
 * waker then finds the mark and undoes it, where a waker run before the
 * mark would be lost and the sleep last all 50 ticks.  Interrupts are off
 * here from the mark to the sleep, so that the waker runs only once the
 * task sleeps or has been found marked.  The tick that wakes it may catch up
 * ticks a busy host took (tick_gap_ns), which are not left.
 */
static void schedule_timeout_returns_what_is_left(struct ktest *t)
{
	struct timer_list waker;
	u64 gap = tick_gap_ns;
	unsigned long flags;
	long left;

	to_wake = current;
	timer_setup(&waker, wake_task, 0);
	flags = local_irq_save();
	set_current_state(TASK_SLEEPING);
	mod_timer(&waker, jiffies + 1);
	left = __schedule_timeout(50);
	local_irq_restore(flags);
	gap = tick_gap_ns - gap;
	KTEST_EXPECT_GT(t, left + (long)DIV_ROUND_UP(gap, TICK_NSEC), 40);
	KTEST_EXPECT_LT(t, left, 50);
	KTEST_EXPECT_EQ(t, schedule_timeout(2), 0);
	KTEST_EXPECT_EQ(t, schedule_timeout(0), 0);
	KTEST_EXPECT_EQ(t, schedule_timeout(-5), 0);
}

static DECLARE_WAIT_QUEUE_HEAD(flag_wait);
static bool flag;

static void set_flag(struct timer_list *timer)
{
	flag = true;
	wake_up(&flag_wait);
}

static void wait_event_woken_from_interrupt(struct ktest *t)
{
	struct timer_list setter;
	unsigned long start = jiffies;

	flag = false;
	timer_setup(&setter, set_flag, 0);
	mod_timer(&setter, jiffies + 2);
	wait_event(flag_wait, flag);
	KTEST_EXPECT_TRUE(t, flag);
	KTEST_EXPECT_GE(t, jiffies - start, 2);
	wait_event(flag_wait, flag); /* already true: no sleep at all */
}

static DECLARE_COMPLETION(done);

static void complete_done(struct timer_list *timer)
{
	complete(&done);
}

static int complete_twice(void *arg)
{
	complete(&done);
	yield();
	complete(&done);
	return 0;
}

static void completions_are_counted(struct ktest *t)
{
	struct task_struct *k = kthread_run(complete_twice, NULL, "completer");
	struct timer_list later;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	wait_for_completion(&done);
	wait_for_completion(&done);
	KTEST_EXPECT_EQ(t, done.done, 0);
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	complete(&done); /* before the wait: not lost */
	wait_for_completion(&done);
	timer_setup(&later, complete_done, 0); /* from interrupt context */
	mod_timer(&later, jiffies + 1);
	wait_for_completion(&done);
	KTEST_EXPECT_EQ(t, done.done, 0);
}

struct self_deleting {
	struct timer_list timer;
	struct completion done;
	int first, second;
};

/* Not pending while it runs: 0; re-armed, then deleted: 1.  Neither waits for itself. */
static void delete_myself(struct timer_list *timer)
{
	struct self_deleting *sd = container_of(timer, struct self_deleting, timer);

	sd->first = del_timer(timer);
	mod_timer(timer, jiffies + 5);
	sd->second = del_timer(timer);
	complete(&sd->done);
}

static void del_timer_from_its_own_function_returns(struct ktest *t)
{
	struct self_deleting sd = { .first = -1, .second = -1 };

	timer_setup(&sd.timer, delete_myself, 0);
	init_completion(&sd.done);
	mod_timer(&sd.timer, jiffies + 1);
	wait_for_completion(&sd.done);
	KTEST_EXPECT_EQ(t, sd.first, 0);
	KTEST_EXPECT_EQ(t, sd.second, 1);
	KTEST_EXPECT_FALSE(t, timer_pending(&sd.timer));
	KTEST_EXPECT_EQ(t, del_timer(&sd.timer), 0);
}

#define HAMMER_THREADS 4
#define HAMMER_TIMERS  3
#define HAMMER_ROUNDS  400

struct hammer_timer {
	struct timer_list timer;
	unsigned long fired; /* by its function, on the boot CPU */
	bool busy;	     /* its function is running */
};

/* One thread's timers, and what its calls said. */
struct hammer {
	struct hammer_timer ht[HAMMER_TIMERS];
	unsigned long armed, moved, deleted, busy_after_del;
};

/* Long enough that a del_timer() on another CPU would catch it running. */
static void hammer_fn(struct timer_list *timer)
{
	struct hammer_timer *ht = container_of(timer, struct hammer_timer, timer);
	int i;

	WRITE_ONCE(ht->busy, true);
	for (i = 0; i < 500; i++)
		cpu_relax();
	ht->fired++;
	WRITE_ONCE(ht->busy, false);
}

static void hammer_del(struct hammer *h, struct hammer_timer *ht)
{
	h->deleted += del_timer(&ht->timer);
	if (READ_ONCE(ht->busy))
		h->busy_after_del++;
}

static int hammer_thread(void *arg)
{
	struct hammer *h = arg;
	int i, r;

	for (i = 0; i < HAMMER_ROUNDS; i++) {
		struct hammer_timer *ht = &h->ht[i % HAMMER_TIMERS];

		if (i % 5 == 4) {
			hammer_del(h, ht);
		} else {
			r = mod_timer(&ht->timer, jiffies + i % 3);
			if (r < 0)
				return r;
			h->armed++;
			h->moved += r;
		}
		if (i % 40 == 0)
			msleep(1); /* let ticks come and fire some */
	}
	for (i = 0; i < HAMMER_TIMERS; i++)
		hammer_del(h, &h->ht[i]);
	return 0;
}

/*
 * Every mod_timer() arms the timer once: it then fires, or a later
 * mod_timer() moves it (returns 1), or del_timer() takes it (returns 1).
 * A list update lost to a race, or a timer run twice, breaks the sum.
 */
static void timers_hammered_by_threads_add_up(struct ktest *t)
{
	static struct hammer h[HAMMER_THREADS];
	struct task_struct *k[HAMMER_THREADS];
	unsigned long fired = 0, all_fired = 0;
	int i, j, code;

	memset(h, 0, sizeof(h));
	for (i = 0; i < HAMMER_THREADS; i++)
		for (j = 0; j < HAMMER_TIMERS; j++)
			timer_setup(&h[i].ht[j].timer, hammer_fn, 0);
	for (i = 0; i < HAMMER_THREADS; i++) {
		k[i] = kthread_run(hammer_thread, &h[i], "hammer/%d", i);
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
	}
	for (i = 0; i < HAMMER_THREADS; i++) {
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, &code), 0);
		KTEST_EXPECT_EQ(t, code, 0);
	}
	for (i = 0; i < HAMMER_THREADS; i++) {
		fired = 0;
		for (j = 0; j < HAMMER_TIMERS; j++) {
			KTEST_EXPECT_FALSE(t, timer_pending(&h[i].ht[j].timer));
			fired += h[i].ht[j].fired;
		}
		KTEST_EXPECT_EQ(t, h[i].armed, fired + h[i].moved + h[i].deleted);
		KTEST_EXPECT_EQ(t, h[i].busy_after_del, 0);
		all_fired += fired;
	}
	KTEST_EXPECT_GT(t, all_fired, 0);
}

static const struct ktest_case timer_cases[] = {
	KTEST_CASE(timers_fire_in_order),
	KTEST_CASE(deleted_timer_does_not_fire),
	KTEST_CASE(mod_timer_moves_a_pending_timer),
	KTEST_CASE(timer_rearms_itself),
	KTEST_CASE(timers_fire_exactly_at_expires),
	KTEST_CASE(zero_delay_timer_fires_at_the_next_tick),
	KTEST_CASE(timer_rearmed_for_now_runs_once_a_tick),
	KTEST_CASE(endless_rearming_is_stopped_by_del_timer),
	KTEST_CASE(timer_never_set_up_is_refused),
	KTEST_CASE(msleep_lets_other_tasks_run),
	KTEST_CASE(schedule_timeout_returns_what_is_left),
	KTEST_CASE(wait_event_woken_from_interrupt),
	KTEST_CASE(completions_are_counted),
	KTEST_CASE(del_timer_from_its_own_function_returns),
	KTEST_CASE(timers_hammered_by_threads_add_up),
	{},
};
KTEST_SUITE(timers, timer_cases);
