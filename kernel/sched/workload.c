// SPDX-License-Identifier: GPL-2.0
/*
 * Workloads: tasks that load the CPU on purpose, for the shell's demos,
 * the scheduler benchmark and the policies' suites; see
 * <kernel/workload.h>.
 *
 * A workload's struct is its own until it has been waited for: the task
 * alone writes what it saw, and the caller reads it after task_wait().
 * The count of stolen time is the one thing every workload writes, with
 * interrupts off.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/workload.h>

/*
 * Longest a pass of a workload's loop can take with no tick in it (a few
 * hundred instructions), and with one (the tick's handler added).
 */
#define PASS_MAX_NS	 (TICK_NSEC / 8)
#define TICK_PASS_MAX_NS (TICK_NSEC / 2)

static u64 stolen_ns;

void workload_clock_start(struct workload_clock *c)
{
	c->exec_start = 0; /* the first pass tells nothing */
	c->ticks = tick_count;
	c->gap = tick_gap_ns;
	c->last = ktime_get();
}

/*
 * A pass runs from one read of the clock to the next.  It was not
 * switched out if the task's exec_start (set when it gets the CPU) is the
 * same before and after both reads; it had a tick's handler in it if the
 * tick count moved since before the last read, as a tick between that
 * read and the count after it ran its handler in this pass.  What a late
 * tick in it already counted (tick_gap_ns) is not counted twice.  Nothing
 * can be seen with the tick clocksource, which loses such time with its
 * ticks.
 */
u64 workload_clock_read(struct workload_clock *c)
{
	u64 exec_start = READ_ONCE(current->exec_start), gap = tick_gap_ns, now, pass;
	unsigned long ticks = tick_count, flags;
	bool ticked;

	barrier();
	now = ktime_get();
	barrier();
	ticked = tick_count != c->ticks;
	if (READ_ONCE(current->exec_start) != exec_start)
		exec_start = 0; /* switched during the read: neither pass can tell */
	pass = now - c->last;
	pass -= min(pass, tick_gap_ns - c->gap);
	if (exec_start && exec_start == c->exec_start && !current_clocksource()->counts_ticks &&
	    pass > (ticked ? TICK_PASS_MAX_NS : PASS_MAX_NS)) {
		flags = local_irq_save();
		stolen_ns += pass;
		local_irq_restore(flags);
	}
	c->exec_start = exec_start;
	c->ticks = ticks;
	c->gap = gap;
	c->last = now;
	return now;
}

u64 workload_stolen_ns(void)
{
	return READ_ONCE(stolen_ns) + tick_gap_ns;
}

static bool over(const struct workload *w, u64 now)
{
	return kthread_should_stop() || (w->until && now >= w->until) ||
	       (w->stop && READ_ONCE(*w->stop)) ||
	       (w->budget_ns && task_cputime_ns(current) >= w->budget_ns);
}

/* Compute until @w's round of work is done or it is over; whether it is. */
static bool compute(const struct workload *w, struct workload_clock *c)
{
	u64 end = w->work_ns ? task_cputime_ns(current) + w->work_ns : 0;

	while (!over(w, workload_clock_read(c))) {
		if (end && task_cputime_ns(current) >= end)
			return false;
		cond_resched();
	}
	return true;
}

static void sleep_and_note(struct workload *w, struct workload_clock *c)
{
	u64 late;

	msleep(w->sleep_ms);
	w->wakeups++;
	if (IS_ENABLED(CONFIG_SCHED_BENCH)) {
		late = ktime_get() - current->woken_at;
		w->total_latency_ns += late;
		if (late > w->worst_latency_ns)
			w->worst_latency_ns = late;
	}
	workload_clock_start(c); /* the sleep is no pass */
}

/*
 * Never cond_resched(), never schedule(): only the tick can take the CPU.
 * And no cpu_relax(): QEMU's TCG leaves its translated code at every
 * pause, which made 20 s of guest time cost 16 s of the host's, not 1.
 * Out of line, so that a soft-lockup report names it.
 */
static __noinline void workload_spin(const struct workload *w, struct workload_clock *c)
{
	while (!over(w, workload_clock_read(c)))
		;
}

int workload_fn(void *arg)
{
	struct workload *w = arg;
	struct workload_clock c;

	workload_clock_start(&c);
	if (w->spin) {
		workload_spin(w, &c);
	} else {
		while (!compute(w, &c))
			if (w->sleep_ms)
				sleep_and_note(w, &c);
	}
	w->cpu_ns = task_cputime_ns(current);
	return 0;
}
