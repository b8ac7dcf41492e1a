// SPDX-License-Identifier: GPL-2.0
/*
 * The watchdog suite: the soft-lockup detector (kernel/watchdog.c), on
 * the boot CPU, where the runner keeps it (watchdog/0).  Code
 * that keeps the CPU past the threshold is reported once, by its name and
 * backtrace, and again only after watchdog/0 has run; nothing is reported
 * while the scheduler switches: CPU hogs that offer the CPU, a task that
 * never does under CONFIG_PREEMPT, a hog with the most favourable
 * parameter its policy has; nor with the detector off.  Bad
 * "watchdog_thresh=" and "softlockup_panic=" values are refused.  The
 * watchdog_smp suite locks up another CPU: its own detector reports it;
 * and holds off the boot CPU's tick: no other CPU is reported.
 *
 * Each case sets watchdog_thresh to 1, so that a lockup is reported after
 * 2 s of guest time (-icount makes that a fraction of the host's), and
 * puts back the value it found.  The reports the suite provokes go to
 * the log, not to the consoles, so that a boot log never shows one.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/cpumask.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/params.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/watchdog.h>

#define TEST_THRESH   1
#define LOCKUP_MS     (2 * TEST_THRESH * 1000) /* what the detector waits for */
/* Long enough to be reported: a lockup, or as long as one would be. */
#define LONGER_MS     (LOCKUP_MS + LOCKUP_MS / 4)
/* Long enough to be reported twice, were it not once per lockup. */
#define TWICE_OVER_MS (2 * LOCKUP_MS + LOCKUP_MS / 4)

extern const struct kernel_param __kernel_params_start[], __kernel_params_end[];

/*
 * ktest_mute_console() lets KERN_EMERG through, and the report's first
 * line is KERN_EMERG, as in Linux: hold back everything but a panic.
 */
static u64 mute_all(void)
{
	u64 since = ktest_mute_console();

	console_loglevel = LOGLEVEL_EMERG;
	return since;
}

/* jiffies: when the hogs stop; set before they start, or by the one hog that runs */
static unsigned long until;

/* Keep the CPU until @ms from now, preemption off: nothing else runs. */
static __noinline void keep_cpu(unsigned int ms)
{
	until = jiffies + msecs_to_jiffies(ms);
	preempt_disable();
	while (time_before(jiffies, until))
		;
	preempt_enable();
}

/* A lockup of TWICE_OVER_MS, then, after a sleep, one of LONGER_MS. */
static int lockup_hog(void *unused)
{
	keep_cpu(TWICE_OVER_MS);
	msleep(1); /* watchdog/0 runs */
	keep_cpu(LONGER_MS);
	return 0;
}

/* A CPU hog that offers the CPU, as the workloads and the suites' hogs do. */
static int offering_hog(void *unused)
{
	while (time_before(jiffies, until))
		cond_resched();
	return 0;
}

/* One that never does: the tick must take the CPU (CONFIG_PREEMPT only). */
static int spinning_hog(void *unused)
{
	while (time_before(jiffies, until))
		;
	return 0;
}

/* Start the hogs in @fns for LONGER_MS, @param set if @set_param; wait for them. */
static int run_hogs(struct ktest *t, int (*const *fns)(void *), unsigned int n, bool set_param,
		    int param)
{
	struct task_struct *k[3];
	unsigned int i;
	int err = 0;

	until = jiffies + msecs_to_jiffies(LONGER_MS);
	for (i = 0; i < n; i++) {
		k[i] = kthread_create(fns[i], NULL, "hog-%u", i);
		if (IS_ERR(k[i])) {
			err = PTR_ERR(k[i]);
			break;
		}
		if (set_param)
			KTEST_EXPECT_EQ(t, sched_set_param(k[i], param), 0);
		wake_up_process(k[i]);
	}
	while (i--)
		err |= task_wait(k[i]->pid, NULL);
	return err;
}

static void lockups_are_reported_once_each(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh();
	unsigned long reports = softlockup_count();
	struct task_struct *k;
	char line[80];
	int pid = -1;
	u64 since;

	KTEST_ASSERT_EQ(t, watchdog_set_thresh(TEST_THRESH), 0);
	since = mute_all();
	k = kthread_run(lockup_hog, NULL, "lockup-hog");
	if (!IS_ERR(k)) {
		pid = k->pid;
		KTEST_EXPECT_EQ(t, task_wait(pid, NULL), 0);
	}
	ktest_unmute_console();
	watchdog_set_thresh(saved);
	KTEST_ASSERT_TRUE(t, pid > 0);
	KTEST_EXPECT_EQ(t, softlockup_count(), reports + 2);
	snprintf(line, sizeof(line),
		 "watchdog: BUG: soft lockup - CPU#0 stuck for %ds! [lockup-hog:%d]",
		 LOCKUP_MS / 1000, pid);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, line));
	snprintf(line, sizeof(line), "CPU: 0 PID: %d Comm: lockup-hog", pid);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, line));
	/* The interrupted code's backtrace, not the tick's. */
	if (IS_ENABLED(CONFIG_KALLSYMS)) {
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "] keep_cpu+0x"));
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "] lockup_hog+0x"));
		KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "] watchdog_tick+0x"));
	}
}

static void hogs_that_offer_the_cpu_are_no_lockup(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh();
	static int (*const hogs[])(void *) = { offering_hog, offering_hog, spinning_hog };
	unsigned long reports = softlockup_count();
	unsigned int n = IS_ENABLED(CONFIG_PREEMPT) ? 3 : 2;
	u64 since;

	KTEST_ASSERT_EQ(t, watchdog_set_thresh(TEST_THRESH), 0);
	since = mute_all();
	KTEST_EXPECT_EQ(t, run_hogs(t, hogs, n, false, 0), 0);
	ktest_unmute_console();
	watchdog_set_thresh(saved);
	KTEST_EXPECT_EQ(t, softlockup_count(), reports);
	KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "soft lockup"));
}

/* A task at the policy's most favoured parameter does not keep watchdog/0 out. */
static void the_most_favoured_hog_is_no_lockup(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh();
	static const struct {
		const char *param;
		int value;
	} most_favoured[] = { { "priority", 31 }, { "nice", -20 }, { "tickets", 1000 } };
	int (*const hog)(void *) = IS_ENABLED(CONFIG_PREEMPT) ? spinning_hog : offering_hog;
	unsigned long reports = softlockup_count();
	const char *param = sched_param_name();
	unsigned int i;
	u64 since;

	for (i = 0; param && i < ARRAY_SIZE(most_favoured); i++)
		if (!strcmp(most_favoured[i].param, param))
			break;
	if (!param || i == ARRAY_SIZE(most_favoured)) {
		ktest_skip(t, "the policy has no parameter to favour a task with");
		return;
	}
	KTEST_ASSERT_EQ(t, watchdog_set_thresh(TEST_THRESH), 0);
	since = mute_all();
	KTEST_EXPECT_EQ(t, run_hogs(t, &hog, 1, true, most_favoured[i].value), 0);
	ktest_unmute_console();
	watchdog_set_thresh(saved);
	KTEST_EXPECT_EQ(t, softlockup_count(), reports);
	KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "soft lockup"));
}

static void nothing_is_reported_with_the_detector_off(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh();
	unsigned long reports = softlockup_count();

	KTEST_ASSERT_EQ(t, watchdog_set_thresh(0), 0);
	keep_cpu(LONGER_MS);
	watchdog_set_thresh(saved);
	KTEST_EXPECT_EQ(t, softlockup_count(), reports);
}

/* @line through the kernel's own parameter table: the handlers that failed. */
static int parse(const char *line)
{
	char buf[40];

	strscpy(buf, line, sizeof(buf));
	return parse_args(buf, __kernel_params_start, __kernel_params_end - __kernel_params_start,
			  NULL);
}

static void bad_parameters_are_refused(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh();
	static const char *const bad[] = {
		"watchdog_thresh",    "watchdog_thresh=", "watchdog_thresh=61", "watchdog_thresh=x",
		"watchdog_thresh=-1", "softlockup_panic", "softlockup_panic=2",
	};
	unsigned int i;

	mute_all();
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(t, parse(bad[i]), 1);
	KTEST_EXPECT_EQ(t, watchdog_get_thresh(), saved);
	KTEST_EXPECT_EQ(t, parse("watchdog_thresh=60 softlockup_panic=0"), 0);
	KTEST_EXPECT_EQ(t, watchdog_get_thresh(), WATCHDOG_THRESH_MAX);
	KTEST_EXPECT_EQ(t, watchdog_set_thresh(WATCHDOG_THRESH_MAX + 1), -EINVAL);
	KTEST_EXPECT_EQ(t, watchdog_get_thresh(), WATCHDOG_THRESH_MAX);
	ktest_unmute_console();
	watchdog_set_thresh(saved);
}

static const struct ktest_case watchdog_cases[] = {
	KTEST_CASE(lockups_are_reported_once_each),
	KTEST_CASE(hogs_that_offer_the_cpu_are_no_lockup),
	KTEST_CASE(the_most_favoured_hog_is_no_lockup),
	KTEST_CASE(nothing_is_reported_with_the_detector_off),
	KTEST_CASE(bad_parameters_are_refused),
	{},
};
KTEST_SUITE(watchdog, watchdog_cases);

/* watchdog_smp: a lockup of LONGER_MS, on whichever CPU the task is bound to. */
static int one_lockup(void *unused)
{
	keep_cpu(LONGER_MS);
	return 0;
}

/*
 * Each CPU has its own detector: a lockup on the last CPU is reported
 * there, by that CPU's number, once, while the boot CPU, which goes on
 * switching, reports nothing.
 */
static void a_lockup_elsewhere_is_reported_there(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh(), cpu = num_online_cpus() - 1;
	unsigned long reports = softlockup_count();
	struct task_struct *k;
	char line[96];
	int pid = -1;
	u64 since;

	if (cpu == 0) {
		ktest_skip(t, "one CPU");
		return;
	}
	KTEST_ASSERT_EQ(t, watchdog_set_thresh(TEST_THRESH), 0);
	since = mute_all();
	k = kthread_create(one_lockup, NULL, "lockup-hog");
	if (!IS_ERR(k)) {
		pid = k->pid;
		KTEST_EXPECT_EQ(t, kthread_bind(k, cpu), 0);
		wake_up_process(k);
		KTEST_EXPECT_EQ(t, task_wait(pid, NULL), 0);
	}
	ktest_unmute_console();
	watchdog_set_thresh(saved);
	KTEST_ASSERT_TRUE(t, pid > 0);
	KTEST_EXPECT_EQ(t, softlockup_count(), reports + 1);
	snprintf(line, sizeof(line),
		 "watchdog: BUG: soft lockup - CPU#%u stuck for %ds! [lockup-hog:%d]", cpu,
		 LOCKUP_MS / 1000, pid);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, line));
	KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "CPU#0 stuck"));
}

/* CPU 0 with interrupts off for LONGER_MS of the clocksource's time: jiffies stop, then jump. */
static int irqs_off_on_cpu0(void *unused)
{
	unsigned long flags = local_irq_save();
	u64 end = ktime_get() + (u64)LONGER_MS * 1000000;

	while (ktime_get() < end)
		cpu_relax();
	local_irq_restore(flags);
	return 0;
}

/*
 * The boot CPU's tick keeps jiffies: while it is held off, the other
 * CPUs' detectors see no time pass, and then a leap.  That is a stop of
 * theirs as far as jiffies tell, not a lockup: none is reported (a
 * review found every other CPU reported, when their own clock said
 * their ticks came on time).
 */
static void a_boot_cpu_stop_is_no_lockup_elsewhere(struct ktest *t)
{
	unsigned int saved = watchdog_get_thresh();
	unsigned long reports = softlockup_count();
	struct task_struct *k;
	u64 since;

	if (num_online_cpus() == 1) {
		ktest_skip(t, "one CPU");
		return;
	}
	if (current_clocksource()->counts_ticks) {
		ktest_skip(t, "the tick is the clocksource: its time stops with the tick");
		return;
	}
	KTEST_ASSERT_EQ(t, watchdog_set_thresh(TEST_THRESH), 0);
	since = mute_all();
	k = kthread_create(irqs_off_on_cpu0, NULL, "irqoff-0");
	if (!IS_ERR(k)) {
		KTEST_EXPECT_EQ(t, kthread_bind(k, 0), 0);
		wake_up_process(k);
		KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
		msleep(300); /* every CPU ticks after the leap */
	}
	ktest_unmute_console();
	watchdog_set_thresh(saved);
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, softlockup_count(), reports);
	KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "soft lockup"));
}

static const struct ktest_case watchdog_smp_cases[] = {
	KTEST_CASE(a_lockup_elsewhere_is_reported_there),
	KTEST_CASE(a_boot_cpu_stop_is_no_lockup_elsewhere),
	{},
};
KTEST_SUITE_SMP(watchdog_smp, watchdog_smp_cases);
