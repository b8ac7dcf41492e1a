// SPDX-License-Identifier: GPL-2.0
/*
 * The soft-lockup detector: code that keeps the CPU from every other task
 * for too long is reported, as Linux's kernel/watchdog.c reports it.
 *
 * Under CONFIG_PREEMPT_NONE a loop that never calls cond_resched() keeps
 * the CPU for ever, and in either model so does one that runs with
 * preemption disabled: nothing else runs again, the shell included, and
 * without a report the machine just stops answering.  The design is
 * Linux's, one of everything per CPU.  A task bound to each CPU,
 * watchdog/N, does nothing but note the time whenever it runs.  That
 * CPU's tick wakes it every 2/5 of watchdog_thresh (4 s by default); it
 * runs only if the scheduler still switches tasks there.  The tick also
 * checks: when watchdog/N has not run for twice watchdog_thresh (20 s),
 * the CPU is stuck, and the tick reports it on behalf of the task it
 * interrupted, with that code's registers and backtrace (the frame
 * irq_entry() recorded, get_irq_regs()), not its own:
 *
 *	watchdog: BUG: soft lockup - CPU#0 stuck for 20s! [spin-1:5]
 *
 * A task, not a timer, touches the time because only a task proves that
 * the scheduler lets other tasks run: a timer callback runs from the tick
 * whatever happens.  The tick checks every time it comes, instead of every
 * 4 s as Linux's hrtimer does, so a lockup is reported at the first tick
 * past the threshold.  Time is jiffies, which the boot CPU's tick catches
 * up from the clocksource, so ticks lost with interrupts off count too.
 * One report per lockup: the next comes only after watchdog/N has run
 * again.
 *
 * watchdog/N must be able to run whenever the scheduler can switch, with
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
 * Every CPU's tick calls watchdog_tick() for its own CPU
 * (kernel/time/timekeeping.c).  A CPU's state is written by its tick, its
 * watchdog/N and watchdog_set_thresh() on any CPU; each CPU's has a lock
 * of its own, taken with interrupts off since the tick takes it, so that
 * no tick ever waits for another CPU's (one whose host stopped it holding
 * the lock would delay it); nothing else is taken under it (the tick
 * wakes watchdog/N and prints its report after dropping it).
 * watchdog_thresh is one word, written after every CPU's count started
 * again (watchdog_set_thresh()), and read with READ_ONCE().
 */
#define pr_fmt(fmt) "watchdog: " fmt

#include <asm/irq_regs.h>
#include <kernel/cpumask.h>
#include <kernel/err.h>
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

/* One CPU's detector. */
struct watchdog_cpu {
	spinlock_t lock;	     /* the rest */
	struct task_struct *task;    /* watchdog/N, bound to the CPU */
	struct wait_queue_head wait; /* where it sleeps */
	unsigned long touch_ts;	     /* jiffies when it last ran */
	unsigned long last_tick;     /* jiffies at this CPU's last tick */
	unsigned long next_kick;     /* jiffies when the tick wakes it next */
	bool kicked;		     /* woken, and not run since */
	bool reported;		     /* this lockup has had its report */
};
static struct watchdog_cpu watchdogs[NR_CPUS] = {
	[0 ... NR_CPUS - 1] = { .lock = __SPIN_LOCK_UNLOCKED(watchdog_cpu.lock) },
};
static unsigned long softlockups; /* every CPU's: atomic */

/* In jiffies: how often watchdog/N is woken, and how long it may not run. */
static unsigned long sample_period(void)
{
	return READ_ONCE(watchdog_thresh) * 2UL * HZ / 5;
}

static unsigned long softlockup_thresh(void)
{
	return READ_ONCE(watchdog_thresh) * 2UL * HZ;
}

/* @w->lock held: its CPU is known to switch at @now; a next lockup gets a report. */
static void touch(struct watchdog_cpu *w, unsigned long now)
{
	w->touch_ts = now;
	w->kicked = false;
	w->reported = false;
}

/* watchdog/N (@arg its struct): note the time, sleep until the tick wakes it, again. */
static int watchdog_fn(void *arg)
{
	struct watchdog_cpu *w = arg;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&w->lock, flags);
		touch(w, jiffies);
		spin_unlock_irqrestore(&w->lock, flags);
		wait_event(w->wait, READ_ONCE(w->kicked));
	}
	return 0;
}

/* From the tick, counted already: @stuck jiffies since this CPU's watchdog/N last ran. */
static void report_softlockup(unsigned long stuck)
{
	struct pt_regs *regs = get_irq_regs();

	pr_emerg("BUG: soft lockup - CPU#%u stuck for %lus! [%s:%d]\n", smp_processor_id(),
		 stuck / HZ, current->comm, current->pid);
	if (regs)
		show_regs(regs);
	else
		dump_stack();
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}

void watchdog_tick(void)
{
	struct watchdog_cpu *w = &watchdogs[smp_processor_id()];
	unsigned long now = jiffies, stuck = 0, flags, last;
	bool kick = false;

	spin_lock_irqsave(&w->lock, flags);
	last = w->last_tick;
	w->last_tick = now;
	if (!w->task || !READ_ONCE(watchdog_thresh)) {
		spin_unlock_irqrestore(&w->lock, flags);
		return;
	}
	/*
	 * A stop of this CPU longer than watchdog/N's wake-up period: a host
	 * stopped it, and no task ran there meanwhile, watchdog/N included.
	 * That is not a lockup: the count starts again, as Linux's does when
	 * its hypervisor says the guest was paused.  Shorter stops keep out
	 * no task that was woken (a host that runs the CPUs by turns, as
	 * -icount does, makes ticks a few ticks late now and then).  A CPU
	 * that kept interrupts off for as long gets no report either: that
	 * is a hard lockup, which needs an NMI.
	 */
	if (last && now - last > sample_period())
		w->touch_ts = now;
	if (!time_before(now, w->next_kick)) {
		w->next_kick = now + sample_period();
		w->kicked = kick = true;
	}
	if (!w->reported && time_after(now, w->touch_ts + softlockup_thresh())) {
		stuck = now - w->touch_ts;
		w->reported = true;
		__atomic_add_fetch(&softlockups, 1, __ATOMIC_RELAXED);
	}
	spin_unlock_irqrestore(&w->lock, flags);
	if (kick)
		wake_up(&w->wait);
	if (stuck)
		report_softlockup(stuck);
}

/*
 * Every CPU's count starts again first, then the new threshold counts:
 * a tick in between compares a fresh count with the old threshold, so a
 * lower one never finds a stale count past it.
 */
int watchdog_set_thresh(unsigned int thresh)
{
	struct watchdog_cpu *w;
	unsigned long flags;

	if (thresh > WATCHDOG_THRESH_MAX)
		return -EINVAL;
	for (w = watchdogs; w < watchdogs + NR_CPUS; w++) {
		spin_lock_irqsave(&w->lock, flags);
		touch(w, jiffies);
		w->next_kick = jiffies + thresh * 2UL * HZ / 5;
		spin_unlock_irqrestore(&w->lock, flags);
	}
	WRITE_ONCE(watchdog_thresh, thresh);
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

/* watchdog/@cpu, bound there, at the highest priority where the parameter is one. */
static void watchdog_start(unsigned int cpu)
{
	struct watchdog_cpu *w = &watchdogs[cpu];
	struct task_struct *p;
	unsigned long flags;
	int top;

	init_waitqueue_head(&w->wait);
	p = kthread_create(watchdog_fn, w, "watchdog/%u", cpu);
	if (IS_ERR(p)) {
		pr_err("cannot create watchdog/%u (error %ld); its soft lockups go unreported\n",
		       cpu, PTR_ERR(p));
		return;
	}
	if (sched_policy_has(SCHED_STRICT_PRIORITY) && sched_param_range(NULL, &top) &&
	    sched_set_param(p, top))
		pr_warn("watchdog/%u cannot have priority %d: a higher priority may starve it\n",
			cpu, top);
	/* It watches its CPU, whose tick checks it: there it must run. */
	if (kthread_bind(p, cpu))
		pr_warn("watchdog/%u cannot be bound to CPU %u\n", cpu, cpu);
	spin_lock_irqsave(&w->lock, flags);
	touch(w, jiffies);
	w->next_kick = jiffies + sample_period();
	w->task = p;
	spin_unlock_irqrestore(&w->lock, flags);
	wake_up_process(p);
}

/* After smp_init(): every CPU that will ever run is online. */
void lockup_detector_init(void)
{
	unsigned int cpu;

	for_each_online_cpu (cpu)
		watchdog_start(cpu);
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
