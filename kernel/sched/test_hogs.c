// SPDX-License-Identifier: GPL-2.0
/*
 * CPU hogs for the policy suites; see test_hogs.h.  Each hog stops at the
 * same moment of clocksource time, so their CPU times are what the policy
 * gave each of them over one stretch.
 *
 * The periodic sleeper is woken by a timer of its own, which notes the
 * time of the wake-up: the sleeper's latency is then measured from the
 * moment it could run, not from when it asked to, which the tick rounds.
 *
 * The hogs are workloads (<kernel/workload.h>) that only compute.  A host
 * that stops the virtual CPU makes a policy charge that time to the task
 * it found running; the workloads' clock notes it (workload_stolen_ns()),
 * and a run that lost too much is run again.
 *
 * Nothing here needs a lock: the suites run one case at a time, the hogs
 * only read their stop flag, the sleeper alone writes its report until it
 * exits (the caller reads it after task_wait()), and the timer's woken_at
 * reaches the sleeper through the completion, whose count is taken with
 * interrupts off.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/completion.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/workload.h>
#include "sched.h"
#include "test_hogs.h"

#define SLEEPER_PERIODS 10
#define WARMUP_PERIODS	2

/* The time taken by the last run that was disturbed, and of how long. */
static u64 last_stolen_ns, last_run_ns;

bool hogs_ran(struct ktest *t, int err)
{
	if (err == -EAGAIN) {
		ktest_skipf(t,
			    "in each of %d tries " KTEST_DISTURBED " (last: %lu us of "
			    "%lu ms)",
			    KTEST_TRIES, (unsigned long)(last_stolen_ns / 1000),
			    (unsigned long)(last_run_ns / NSEC_PER_MSEC));
		return false;
	}
	KTEST_EXPECT_EQ(t, err, 0);
	return !err;
}

/* Was the run that began at @at and saw @stolen0 disturbed beyond @allowed? */
static bool disturbed(u64 at, u64 stolen0, u64 allowed)
{
	last_stolen_ns = workload_stolen_ns() - stolen0;
	last_run_ns = ktime_get() - at;
	return last_stolen_ns > allowed;
}

static void stop_hogs(struct task_struct **k, unsigned int n)
{
	while (n--)
		kthread_stop(k[n]);
}

/*
 * Create @n hogs, the i-th the workload @w[i] (computing until its time is
 * up or its flag says stop), with @params; 0, or the error with none left
 * behind.
 */
static int create_hogs(struct task_struct **k, struct workload *w, unsigned int n,
		       const int *params)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		k[i] = kthread_create(workload_fn, &w[i], "hog-%u", i);
		if (IS_ERR(k[i])) {
			stop_hogs(k, i);
			return PTR_ERR(k[i]);
		}
		if (params && sched_set_param(k[i], params[i])) {
			stop_hogs(k, i + 1);
			return -EINVAL;
		}
	}
	return 0;
}

static int run_cpu_hogs_once(unsigned int n, const int *params, u64 run_ns, int *us)
{
	struct task_struct *k[MAX_HOGS];
	struct workload w[MAX_HOGS] = {};
	unsigned int i;
	u64 start;
	int err;

	err = create_hogs(k, w, n, params);
	if (err)
		return err;
	start = ktime_get();
	for (i = 0; i < n; i++) {
		w[i].until = start + run_ns; /* each stops at the same moment */
		wake_up_process(k[i]);
	}
	for (i = 0; i < n; i++) {
		if (task_wait(k[i]->pid, NULL))
			err = -EINVAL;
		us[i] = w[i].cpu_ns / 1000;
	}
	return err;
}

static bool hogs_stop;

int run_cpu_hogs(unsigned int n, const int *params, u64 run_ns, int *us)
{
	u64 at, stolen0;
	int try, err;

	if (n > MAX_HOGS)
		return -EINVAL;
	for (try = 0; try < KTEST_TRIES; try++) {
		at = ktime_get();
		stolen0 = workload_stolen_ns();
		err = run_cpu_hogs_once(n, params, run_ns, us);
		if (err || !disturbed(at, stolen0, run_ns / 100))
			return err;
	}
	return -EAGAIN;
}

struct wake_timer {
	struct timer_list timer;
	struct completion woken;
	u64 woken_at;
};

static void wake_sleeper(struct timer_list *timer)
{
	struct wake_timer *w = container_of(timer, struct wake_timer, timer);

	w->woken_at = ktime_get();
	complete(&w->woken);
}

/* Sleep until jiffies reach @when; how long after the wake-up the caller ran. */
static u64 sleep_until(struct wake_timer *w, unsigned long when)
{
	mod_timer(&w->timer, when);
	wait_for_completion(&w->woken);
	return ktime_get() - w->woken_at;
}

static void note_latency(struct sleeper_report *r, u64 late)
{
	r->total_latency_ns += late;
	if (late > r->worst_latency_ns)
		r->worst_latency_ns = late;
}

static int periodic_sleeper(void *arg)
{
	struct sleeper_report *r = arg;
	unsigned long next = jiffies + WARMUP_PERIODS * r->period_ticks;
	unsigned int period = 0;
	struct wake_timer w;
	u64 cpu_start = 0, at = ktime_get(), stolen0 = workload_stolen_ns();

	if (kthread_should_stop())
		return 0; /* stopped before the start: its parameter was refused */
	timer_setup(&w.timer, wake_sleeper, 0);
	init_completion(&w.woken);
	while (period < r->periods) {
		note_latency(r, sleep_until(&w, next));
		if (!period)
			cpu_start = task_cputime_ns(current);
		burn_cpu(r->work_ns);
		period++;
		/* Periods that began while it computed are missed. */
		for (next += r->period_ticks; !time_after(next, jiffies) && period < r->periods;
		     next += r->period_ticks, period++)
			r->missed++;
	}
	r->cpu_ns = task_cputime_ns(current) - cpu_start;
	/* Before the hogs stop: their exit and reaping are not measured. */
	r->stolen_ns = workload_stolen_ns() - stolen0;
	r->run_ns = ktime_get() - at;
	WRITE_ONCE(hogs_stop, true);
	return 0;
}

/* @part / @whole in per mille. */
static unsigned long long permille(u64 part, u64 whole)
{
	return part * 1000 / whole;
}

static void print_report(unsigned int n, const struct sleeper_report *r)
{
	unsigned int woken = r->periods - r->missed, i;
	u64 period_ns = (u64)r->period_ticks * TICK_NSEC;
	unsigned long long got = permille(r->cpu_ns, r->periods * period_ns);
	unsigned long long asked = permille(r->work_ns, period_ns);
	char hogs[MAX_HOGS * 12] = "";
	int len = 0;

	for (i = 0; i < n; i++)
		len += scnprintf(hogs + len, sizeof(hogs) - len, " %d", r->hog_us[i]);
	printk("    # sleeper %llu us/%llu ms, woken %u of %u: CPU %llu.%llu%% of %llu.%llu%%\n",
	       (unsigned long long)(r->work_ns / 1000),
	       (unsigned long long)(period_ns / NSEC_PER_MSEC), woken, r->periods, got / 10,
	       got % 10, asked / 10, asked % 10);
	printk("    # wake-up latency worst %llu us, mean %llu us; hogs' CPU time (us):%s\n",
	       (unsigned long long)(r->worst_latency_ns / 1000),
	       (unsigned long long)(woken ? r->total_latency_ns / woken / 1000 : 0), hogs);
}

static int run_sleeper_once(unsigned int n, const int *hog_params, const int *sleeper_param,
			    struct sleeper_report *r)
{
	struct task_struct *k[MAX_HOGS], *s;
	struct workload w[MAX_HOGS];
	u64 resolution = current_clocksource()->resolution_ns;
	unsigned int i;
	int err;

	*r = (struct sleeper_report){
		.period_ticks = (2 * n + 2) * TIMESLICE_TICKS,
		.work_ns = resolution > NSEC_PER_MSEC ? resolution : NSEC_PER_MSEC,
		.periods = SLEEPER_PERIODS,
	};
	for (i = 0; i < n; i++)
		w[i] = (struct workload){ .stop = &hogs_stop }; /* until the sleeper is done */
	err = create_hogs(k, w, n, hog_params);
	if (err)
		return err;
	s = kthread_create(periodic_sleeper, r, "sleeper");
	if (IS_ERR(s) || (sleeper_param && sched_set_param(s, *sleeper_param))) {
		if (!IS_ERR(s))
			kthread_stop(s);
		stop_hogs(k, n);
		return IS_ERR(s) ? PTR_ERR(s) : -EINVAL;
	}
	hogs_stop = false;
	for (i = 0; i < n; i++)
		wake_up_process(k[i]);
	wake_up_process(s);
	if (task_wait(s->pid, NULL))
		err = -EINVAL;
	for (i = 0; i < n; i++) {
		if (task_wait(k[i]->pid, NULL))
			err = -EINVAL;
		r->hog_us[i] = w[i].cpu_ns / 1000;
	}
	return err;
}

int run_sleeper_beside_hogs(unsigned int n, const int *hog_params, const int *sleeper_param,
			    struct sleeper_report *r)
{
	int try, err;

	if (n > MAX_HOGS)
		return -EINVAL;
	for (try = 0; try < KTEST_TRIES; try++) {
		err = run_sleeper_once(n, hog_params, sleeper_param, r);
		print_report(n, r);
		if (err || !r->stolen_ns)
			return err;
		last_stolen_ns = r->stolen_ns;
		last_run_ns = r->run_ns;
	}
	return -EAGAIN;
}
