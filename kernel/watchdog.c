// SPDX-License-Identifier: GPL-2.0
/*
 * The soft-lockup detector: code that keeps the CPU from every other task
 * for too long is reported, as Linux's kernel/watchdog.c reports it.
 *
 * Under CONFIG_PREEMPT_NONE a loop that never calls cond_resched() keeps
 * the CPU for ever, and in either model so does one that runs with
 * preemption disabled: nothing else runs again, the shell included, and
 * without a report the machine just stops answering.  The design is
 * Linux's.  A task, watchdog/0, does nothing but note the time whenever
 * it runs.  The tick wakes it every 2/5 of watchdog_thresh (4 s by
 * default); it runs only if the scheduler still switches tasks.  The tick
 * also checks: when watchdog/0 has not run for twice watchdog_thresh
 * (20 s), the CPU is stuck, and the tick reports it on behalf of the task
 * it interrupted, with that code's registers and backtrace (the frame
 * irq_entry() recorded, get_irq_regs()), not its own:
 *
 *	watchdog: BUG: soft lockup - CPU#0 stuck for 20s! [spin-1:5]
 *
 * A task, not a timer, touches the time because only a task proves that
 * the scheduler lets other tasks run: a timer callback runs from the tick
 * whatever happens.  The tick checks every time it comes, instead of every
 * 4 s as Linux's hrtimer does, so a lockup is reported at the first tick
 * past the threshold.  Time is jiffies, which the tick catches up from
 * the clocksource, so ticks lost with interrupts off count too.  One report
 * per lockup: the next comes only after watchdog/0 has run again.
 *
 * watchdog/0 must be able to run whenever the scheduler can switch, with
 * any policy and whatever parameters the other tasks have: Linux runs it
 * in the stop class, above every real-time priority.  Under SCHED_PRIO it
 * takes the highest priority, where a task of the same priority takes
 * turns with it.  The other policies already run a task that sleeps almost
 * all the time within a time slice of its waking, whatever the others'
 * parameters: stride and fair place a woken task by its pass or vruntime,
 * which sleeping keeps low, and MLFQ keeps sleepers on its top level.
 * So a high-priority task that starves the lower ones under strict
 * priorities (SCHED_PRIO without aging) is no soft lockup: the scheduler
 * switches, as it was told to, and the task would give way to a higher
 * one.  That is the policy's promise to real-time systems; Linux does not
 * call a real-time hog a soft lockup either (it throttles real-time tasks
 * instead, as aging does here).
 *
 * The tick is the boot CPU's (kernel/time/timekeeping.c), and the state
 * below is written there and elsewhere, on any CPU: watchdog/0's touch,
 * watchdog_set_thresh().  watchdog_lock guards it, taken with interrupts
 * off since the tick takes it; nothing else is taken under it (the tick
 * wakes watchdog/0 and prints its report after dropping it).  Readers of
 * one word outside it use READ_ONCE().
 */
#define pr_fmt(fmt) "watchdog: " fmt

#include <asm/irq_regs.h>
#include <kernel/errno.h>
#include <kernel/kstrtox.h>
#include <kernel/kthread.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <kernel/watchdog.h>

static unsigned int watchdog_thresh = CONFIG_WATCHDOG_THRESH;
static bool softlockup_panic;

static DEFINE_SPINLOCK(watchdog_lock);
static struct task_struct *watchdog_task;
static DECLARE_WAIT_QUEUE_HEAD(watchdog_wait);
static unsigned long touch_ts;	/* jiffies when watchdog/0 last ran */
static u64 seen_gap_ns;		/* tick_gap_ns at the last tick's check */
static unsigned long next_kick; /* jiffies when the tick wakes it next */
static bool kicked;		/* woken, and not run since */
static bool reported;		/* this lockup has had its report */
static unsigned long softlockups;

/* In jiffies: how often watchdog/0 is woken, and how long it may not run. */
static unsigned long sample_period(void)
{
	return watchdog_thresh * 2UL * HZ / 5;
}

static unsigned long softlockup_thresh(void)
{
	return watchdog_thresh * 2UL * HZ;
}

/* watchdog_lock held: the CPU is known to switch at @now; a next lockup gets a report. */
static void touch(unsigned long now)
{
	touch_ts = now;
	kicked = false;
	reported = false;
}

/* watchdog/0: note the time, sleep until the tick wakes it, again. */
static int watchdog_fn(void *unused)
{
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&watchdog_lock, flags);
		touch(jiffies);
		spin_unlock_irqrestore(&watchdog_lock, flags);
		wait_event(watchdog_wait, READ_ONCE(kicked));
	}
	return 0;
}

/* From the tick, counted already: @stuck jiffies since watchdog/0 last ran. */
static void report_softlockup(unsigned long stuck)
{
	struct pt_regs *regs = get_irq_regs();

	pr_emerg("BUG: soft lockup - CPU#0 stuck for %lus! [%s:%d]\n", stuck / HZ, current->comm,
		 current->pid);
	if (regs)
		show_regs(regs);
	else
		dump_stack();
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}

void watchdog_tick(void)
{
	unsigned long now = jiffies, stuck = 0, flags;
	bool kick = false;

	spin_lock_irqsave(&watchdog_lock, flags);
	if (!watchdog_task || !watchdog_thresh) {
		spin_unlock_irqrestore(&watchdog_lock, flags);
		return;
	}
	/*
	 * Ticks the boot CPU did not take (tick_gap_ns): a host stopped it,
	 * and no task ran there meanwhile, watchdog/0 included.  That is not
	 * a lockup: the count starts again, as Linux's does when its
	 * hypervisor says the guest was paused.
	 */
	if (READ_ONCE(tick_gap_ns) != seen_gap_ns) {
		seen_gap_ns = READ_ONCE(tick_gap_ns);
		touch_ts = now;
	}
	if (!time_before(now, next_kick)) {
		next_kick = now + sample_period();
		kicked = kick = true;
	}
	if (!reported && time_after(now, touch_ts + softlockup_thresh())) {
		stuck = now - touch_ts;
		reported = true;
		softlockups++;
	}
	spin_unlock_irqrestore(&watchdog_lock, flags);
	if (kick)
		wake_up(&watchdog_wait);
	if (stuck)
		report_softlockup(stuck);
}

int watchdog_set_thresh(unsigned int thresh)
{
	unsigned long flags;

	if (thresh > WATCHDOG_THRESH_MAX)
		return -EINVAL;
	spin_lock_irqsave(&watchdog_lock, flags);
	watchdog_thresh = thresh;
	touch(jiffies);
	next_kick = jiffies + sample_period();
	spin_unlock_irqrestore(&watchdog_lock, flags);
	return 0;
}

unsigned int watchdog_get_thresh(void)
{
	return READ_ONCE(watchdog_thresh);
}

unsigned long softlockup_count(void)
{
	return READ_ONCE(softlockups);
}

void lockup_detector_init(void)
{
	struct task_struct *p = kthread_create(watchdog_fn, NULL, "watchdog/0");
	unsigned long flags;
	int top;

	if (IS_ERR(p)) {
		pr_err("cannot create watchdog/0 (error %ld); soft lockups go unreported\n",
		       PTR_ERR(p));
		return;
	}
	/* Where the parameter is a priority, the top of its range is the highest. */
	if (sched_policy_has(SCHED_STRICT_PRIORITY) && sched_param_range(NULL, &top) &&
	    sched_set_param(p, top))
		pr_warn("watchdog/0 cannot have priority %d: a higher priority may starve it\n",
			top);
	/*
	 * It watches the boot CPU, whose tick checks it: there it must run.
	 * (The other CPUs' ticks check nothing yet.)
	 */
	if (kthread_bind(p, 0))
		pr_warn("watchdog/0 cannot be bound to CPU 0\n");
	spin_lock_irqsave(&watchdog_lock, flags);
	touch(jiffies);
	next_kick = jiffies + sample_period();
	watchdog_task = p;
	spin_unlock_irqrestore(&watchdog_lock, flags);
	wake_up_process(p);
}

static int set_watchdog_thresh(const char *val)
{
	unsigned int thresh;

	if (!val || kstrtouint(val, 10, &thresh))
		return -EINVAL;
	return watchdog_set_thresh(thresh);
}
kernel_param("watchdog_thresh", set_watchdog_thresh);

static int set_softlockup_panic(const char *val)
{
	if (!val || (strcmp(val, "0") && strcmp(val, "1")))
		return -EINVAL;
	softlockup_panic = val[0] == '1';
	return 0;
}
kernel_param("softlockup_panic", set_softlockup_panic);
