// SPDX-License-Identifier: GPL-2.0
/*
 * The sched suite: kernel threads from creation to task_wait(), in any
 * scheduling policy.  Exit codes, the order yield() runs tasks in, 1,000
 * tasks that leave no page behind, CPU time, and every bad call refused
 * with nothing changed: waits for no task, for oneself or twice,
 * kthread_stop() on foreign pointers, creation with no memory left.
 */
#include <asm/irqflags.h>
#include <asm/stacks.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include "sched.h"

#define BATCH 16

static int return_arg(void *arg)
{
	return (int)(long)arg;
}

static void create_run_wait(struct ktest *t)
{
	struct task_struct *k = kthread_run(return_arg, (void *)42L, "t-%d", 1);
	int pid, code = 0;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	pid = k->pid;
	KTEST_EXPECT_STREQ(t, k->comm, "t-1");
	KTEST_EXPECT_GT(t, pid, 1);
	KTEST_EXPECT_EQ(t, task_wait(pid, &code), 0);
	KTEST_EXPECT_EQ(t, code, 42);
	KTEST_EXPECT_EQ(t, task_wait(pid, &code), -ESRCH); /* freed already */
}

static bool after_exit_ran;

static int exit_early(void *arg)
{
	task_exit(7);
	after_exit_ran = true;
	return 1;
}

static void task_exit_code(struct ktest *t)
{
	struct task_struct *k = kthread_run(exit_early, NULL, "exit-early");
	int code = 0;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, task_wait(k->pid, &code), 0);
	KTEST_EXPECT_EQ(t, code, 7);
	KTEST_EXPECT_FALSE(t, after_exit_ran);
}

static char order[16];
static unsigned int order_len;
static unsigned int order_parked;
static bool order_go;

/*
 * Interrupts off from start to end, so that no tick can preempt a task
 * and reorder them.  A task's very first run turns interrupts on
 * (schedule_tail()), where a tick that came due meanwhile would preempt
 * it at once; so each first parks, and the letters start only once the
 * test wakes it from there, where it sleeps with interrupts off (as
 * wait_event() would, but that one rightly reports sleeping so).
 */
static int note_and_yield(void *arg)
{
	int i;

	local_irq_disable();
	order_parked++;
	while (!order_go) {
		set_current_state(TASK_SLEEPING);
		__schedule();
	}
	for (i = 0; i < 3; i++) {
		order[order_len++] = (char)(long)arg;
		yield();
	}
	local_irq_enable();
	return 0;
}

/* Three rounds of the same three distinct letters: each ran once a round. */
static bool rotates(const char *s)
{
	int i;

	if (strlen(s) != 9 || s[0] == s[1] || s[1] == s[2] || s[0] == s[2])
		return false;
	for (i = 3; i < 9; i++)
		if (s[i] != s[i - 3])
			return false;
	return true;
}

/*
 * Woken in the order a, b, c, and each yielding after a letter.  All three
 * are runnable before any runs (interrupts off while they are woken), as
 * a policy may preempt the waker for a woken task.  Every policy must let
 * the other two run before a yielder runs again; one that promises
 * SCHED_YIELD_ROTATES also runs equals in the order they were woken (fair
 * does not: it runs the lowest vruntime first, and parking gave the three
 * different ones).  A tick that lands
 * in a task's parking, as its first run turns interrupts on, makes it
 * unequal too: stride, with the tick as the clock, charges it the whole
 * tick, and MLFQ may lower its level; it then rightly runs after the
 * other two, and only the rotation is checked.  So does a tick that
 * lands on the creator between two kthread_run()s: MLFQ's children
 * inherit its recent CPU time, so the later ones start a level lower, and
 * one task alone on the top level runs again after each yield.  Where
 * ticks land depends on how many instructions creating a task takes
 * (lock debugging adds some), so a trial a tick disturbed is run again,
 * a few times, before the checks.
 */
static bool yield_trial(struct ktest *t)
{
	unsigned long creator_ticks = current->ticks;
	struct task_struct *k[3];
	bool ticked = false;
	int i;

	order_len = 0;
	order_parked = 0;
	order_go = false;
	memset(order, 0, sizeof(order));
	for (i = 0; i < 3; i++) {
		k[i] = kthread_run(note_and_yield, (void *)(long)('a' + i), "yield-%c", 'a' + i);
		if (IS_ERR(k[i])) {
			ktest_check(t, false, __FILE__, __LINE__, "kthread_run() failed");
			return false;
		}
	}
	ticked = current->ticks != creator_ticks;
	while (READ_ONCE(order_parked) < 3)
		yield();
	local_irq_disable();
	order_go = true;
	for (i = 0; i < 3; i++) {
		ticked |= k[i]->ticks != 0;
		wake_up_process(k[i]);
	}
	local_irq_enable();
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, NULL), 0);
	return ticked;
}

static void yield_order(struct ktest *t)
{
	bool ticked = true;
	int tries;

	for (tries = 0; tries < 4 && ticked; tries++)
		ticked = yield_trial(t);
	KTEST_EXPECT_TRUE(t, rotates(order));
	if (sched_policy_has(SCHED_YIELD_ROTATES) && !ticked)
		KTEST_EXPECT_STREQ(t, order, "abcabcabc");
}

static int run_until_stopped(void *arg)
{
	while (!kthread_should_stop())
		yield();
	return 5;
}

static void kthread_stop_returns_exit_code(struct ktest *t)
{
	struct task_struct *running = kthread_run(run_until_stopped, NULL, "stopper");
	struct task_struct *never_woken = kthread_create(run_until_stopped, NULL, "sleeper");

	KTEST_ASSERT_TRUE(t, !IS_ERR(running) && !IS_ERR(never_woken));
	yield();
	KTEST_EXPECT_EQ(t, kthread_stop(running), 5);
	KTEST_EXPECT_EQ(t, kthread_stop(never_woken), 5);
}

/* Create, run and wait for @n tasks, BATCH at a time. */
static bool run_batches(unsigned int n)
{
	struct task_struct *k[BATCH];
	unsigned int done, i, b;
	int code;

	for (done = 0; done < n; done += b) {
		b = n - done < BATCH ? n - done : BATCH;
		for (i = 0; i < b; i++) {
			k[i] = kthread_run(return_arg, (void *)(long)(done + i), "many-%u",
					   done + i);
			if (IS_ERR(k[i]))
				return false;
		}
		for (i = 0; i < b; i++)
			if (task_wait(k[i]->pid, &code) || code != (int)(done + i))
				return false;
	}
	return true;
}

static void thousand_tasks_leave_nothing_behind(struct ktest *t)
{
	unsigned long free_before, objects_before;
	unsigned int tasks_before;

	/* The first batch may grow the heap and the stack area's page tables. */
	KTEST_ASSERT_TRUE(t, run_batches(BATCH));
	/* Freed stacks are kept mapped for the next tasks: none are, at each count. */
	task_stack_cache_trim();
	free_before = nr_free_pages();
	objects_before = heap_in_use();
	tasks_before = nr_tasks();
	KTEST_EXPECT_TRUE(t, run_batches(1000));
	task_stack_cache_trim();
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	KTEST_EXPECT_EQ(t, heap_in_use(), objects_before);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks_before);
}

static int wait_for_arg(void *arg)
{
	int *result = arg, code = 0;

	result[0] = task_wait(result[1], &code);
	result[1] = code;
	return 0;
}

static void bad_waits_are_refused(struct ktest *t)
{
	unsigned int tasks_before = nr_tasks();
	struct task_struct *target, *helper;
	int result[2], code = -1;

	KTEST_EXPECT_EQ(t, task_wait(-1, &code), -ESRCH);
	KTEST_EXPECT_EQ(t, task_wait(1 << 30, &code), -ESRCH);
	KTEST_EXPECT_EQ(t, task_wait(current->pid, &code), -EDEADLK);
	KTEST_EXPECT_EQ(t, task_wait(0, &code), -EINVAL);
	KTEST_EXPECT_EQ(t, code, -1);

	/* A second waiter is refused while the first waits. */
	target = kthread_create(return_arg, (void *)3L, "target");
	KTEST_ASSERT_TRUE(t, !IS_ERR(target));
	result[1] = target->pid;
	helper = kthread_run(wait_for_arg, result, "waiter");
	KTEST_ASSERT_TRUE(t, !IS_ERR(helper));
	/* Sleep, not yield: a policy may run the caller again at once. */
	while (READ_ONCE(target->waiter) != helper)
		msleep(1);
	KTEST_EXPECT_EQ(t, task_wait(target->pid, &code), -EBUSY);
	KTEST_EXPECT_EQ(t, kthread_stop(target), -EBUSY);
	KTEST_EXPECT_FALSE(t, target->should_stop);
	result[1] = target->pid;
	wake_up_process(target);
	KTEST_EXPECT_EQ(t, task_wait(helper->pid, NULL), 0);
	KTEST_EXPECT_EQ(t, result[0], 0);
	KTEST_EXPECT_EQ(t, result[1], 3);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks_before);
}

static void kthread_stop_refuses_foreign_pointers(struct ktest *t)
{
	unsigned int tasks_before = nr_tasks();
	static struct task_struct fake = { .pid = 2 }; /* too big for a stack */

	KTEST_EXPECT_EQ(t, kthread_stop(NULL), -ESRCH);
	KTEST_EXPECT_EQ(t, kthread_stop(&fake), -ESRCH);
	KTEST_EXPECT_EQ(t, kthread_stop((struct task_struct *)((char *)current + 8)), -ESRCH);
	KTEST_EXPECT_EQ(t, kthread_stop(current), -EDEADLK);
	KTEST_EXPECT_FALSE(t, kthread_should_stop());
	KTEST_EXPECT_FALSE(t, fake.should_stop);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks_before);
}

static void bad_creations_are_refused(struct ktest *t)
{
	unsigned int tasks_before = nr_tasks();
	struct task_struct *k = kthread_create(NULL, NULL, "no-function");
	char want[TASK_COMM_LEN];

	KTEST_EXPECT_EQ(t, PTR_ERR(k), -EINVAL);
	k = kthread_create(return_arg, NULL, "%s-and-then-some", "a-rather-long-name");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	strscpy(want, "a-rather-long-name", sizeof(want));
	KTEST_EXPECT_STREQ(t, k->comm, want);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks_before);
}

/* Take every free page, each holding a pointer to the one taken before. */
static void **take_all_pages(void)
{
	void **chain = NULL, **page;

	while ((page = alloc_page())) {
		*page = chain;
		chain = page;
	}
	return chain;
}

/* Give @n pages of @chain back (all for ~0UL); returns what is left of it. */
static void **give_back(void **chain, unsigned long n)
{
	void **next;

	for (; chain && n; n--) {
		next = *chain;
		free_page(chain);
		chain = next;
	}
	return chain;
}

static void creation_without_memory_leaves_nothing(struct ktest *t)
{
	struct task_struct *none, *partial, *warm = kthread_create(return_arg, NULL, "warm-up");
	unsigned long free_before;
	unsigned int tasks_before;
	void **chain;

	/* The heap then has room for a task_struct without a new page. */
	KTEST_ASSERT_TRUE(t, !IS_ERR(warm));
	KTEST_EXPECT_EQ(t, kthread_stop(warm), 0);
	task_stack_cache_trim(); /* no freed stack kept mapped to be had without memory */
	free_before = nr_free_pages();
	tasks_before = nr_tasks();
	chain = take_all_pages();
	none = kthread_create(return_arg, NULL, "no-memory");
	chain = give_back(chain, 2); /* half a stack's worth */
	partial = kthread_create(return_arg, NULL, "half-a-stack");
	KTEST_EXPECT_EQ(t, nr_free_pages(), 2);
	give_back(chain, ~0UL);
	KTEST_EXPECT_EQ(t, PTR_ERR(none), -ENOMEM);
	KTEST_EXPECT_EQ(t, PTR_ERR(partial), -ENOMEM);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks_before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
}

struct spin_seen {
	u64 cpu_ns;
	unsigned long ticks, all_ticks; /* ticks that found the spinner, ticks in all */
};

/*
 * A policy may run a woken task at once, before its waker has gone to
 * sleep in task_wait(), and yield() may give the CPU straight back: sleep
 * first, so that the spin has the CPU alone.  The tick counts are read
 * with interrupts off, so that none falls between the two reads.
 */
static int spin_50ms(void *arg)
{
	struct spin_seen *seen = arg;
	unsigned long flags, ticks, all;
	u64 start;

	msleep(1);
	flags = local_irq_save();
	ticks = current->ticks;
	all = tick_count;
	local_irq_restore(flags);
	start = ktime_get();
	while (ktime_get() - start < 50 * NSEC_PER_MSEC)
		;
	flags = local_irq_save();
	seen->ticks = current->ticks - ticks;
	seen->all_ticks = tick_count - all;
	local_irq_restore(flags);
	seen->cpu_ns = task_cputime_ns(current);
	return 0;
}

/*
 * 50 ms of spinning is 50 ms of CPU time, and every tick that came while
 * it spun found the spinner running.  How many ticks came is the host's
 * business (a busy host merges them) and the timer suite's; that each one
 * was charged to the task it interrupted is the scheduler's.  One may have
 * found watchdog/0 instead, which wakes every 4 s and may run first.
 */
static void cpu_time_is_accounted(struct ktest *t)
{
	struct spin_seen seen = {};
	u64 start = ktime_get(), elapsed;
	struct task_struct *k = kthread_run(spin_50ms, &seen, "spinner");

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, task_wait(k->pid, NULL), 0);
	elapsed = ktime_get() - start;
	KTEST_EXPECT_GE(t, seen.cpu_ns, 50 * NSEC_PER_MSEC);
	KTEST_EXPECT_LE(t, seen.cpu_ns, elapsed);
	KTEST_EXPECT_GE(t, seen.all_ticks, 1);
	KTEST_EXPECT_LE(t, seen.ticks, seen.all_ticks);
	KTEST_EXPECT_GE(t, seen.ticks + 1, seen.all_ticks);
}

/* The ps-like table names every task with its state. */
static void show_tasks_lists_every_task(struct ktest *t)
{
	struct task_struct *k = kthread_create(return_arg, NULL, "ps-probe");
	u64 since;

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	since = ktest_mute_console();
	show_tasks();
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "  PID STATE"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, " idle"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "running "));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, " init"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "sleeping "));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, " ps-probe"));
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
}

/* Whatever the policy: a pointer that is no task is refused. */
static void set_param_refuses_foreign_tasks(struct ktest *t)
{
	static struct task_struct fake = { .pid = 2 }; /* too big for a stack */

	KTEST_EXPECT_EQ(t, sched_set_param(NULL, 1), -ESRCH);
	KTEST_EXPECT_EQ(t, sched_set_param(&fake, 1), -ESRCH);
	KTEST_EXPECT_EQ(t, sched_set_param((struct task_struct *)((char *)current + 8), 1), -ESRCH);
	if (!sched_param_name())
		KTEST_EXPECT_EQ(t, sched_set_param(current, 1), -EINVAL);
}

/*
 * A policy that breaks the contract is named with what it lacks: each
 * hook the core cannot do without, a parameter without its hooks, a
 * promise of priority inheritance without pi_update() and the converse.
 * The running policy keeps it.
 */
static void broken_policies_are_named(struct ktest *t)
{
	struct sched_policy s = sched_policy;

	KTEST_EXPECT_NULL(t, sched_policy_breach(&sched_policy));
	s.pick_next = NULL;
	KTEST_EXPECT_STREQ(t, sched_policy_breach(&s), "pick_next()");
	s = sched_policy;
	s.name = NULL;
	KTEST_EXPECT_STREQ(t, sched_policy_breach(&s), "a name");
	s = sched_policy;
	s.param_name = "weight";
	s.get_param = NULL;
	KTEST_EXPECT_STREQ(t, sched_policy_breach(&s),
			   "set_param() and get_param(), for its param_name");
	s = sched_policy;
	s.param_min = s.param_max + 1;
	KTEST_EXPECT_STREQ(t, sched_policy_breach(&s), "a range, param_min <= param_max");
	s = sched_policy;
	s.caps ^= SCHED_PRIORITY_INHERITANCE;
	KTEST_EXPECT_STREQ(t, sched_policy_breach(&s),
			   "pi_update() exactly when it promises SCHED_PRIORITY_INHERITANCE");
}

static const struct ktest_case sched_cases[] = {
	KTEST_CASE(create_run_wait),
	KTEST_CASE(task_exit_code),
	KTEST_CASE(yield_order),
	KTEST_CASE(kthread_stop_returns_exit_code),
	KTEST_CASE(thousand_tasks_leave_nothing_behind),
	KTEST_CASE(bad_waits_are_refused),
	KTEST_CASE(kthread_stop_refuses_foreign_pointers),
	KTEST_CASE(bad_creations_are_refused),
	KTEST_CASE(creation_without_memory_leaves_nothing),
	KTEST_CASE(cpu_time_is_accounted),
	KTEST_CASE(show_tasks_lists_every_task),
	KTEST_CASE(set_param_refuses_foreign_tasks),
	KTEST_CASE(broken_policies_are_named),
	{},
};
KTEST_SUITE(sched, sched_cases);
