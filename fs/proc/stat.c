// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/stat, the lines of it that top and vmstat read, in Linux's
 * format: CPU time in clock ticks (USER_HZ), context switches, the boot
 * time, the processes made and those that run or are blocked.
 *
 * CPU time is kept per task, not per mode: "user" is the time of the
 * processes that exist, "system" the rest of the time the CPU was not
 * idle (kernel threads, and processes already gone), "idle" the idle
 * task's.  No interrupt is counted per line (intr 0), there is one CPU,
 * and without a wall clock the boot time is 0 (the epoch).
 */
#include <kernel/clocksource.h>
#include <kernel/loadavg.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include "internal.h"

/* CPU time of the processes that exist now. */
static u64 process_time_ns(void)
{
	struct task_struct *p;
	unsigned long flags;
	u64 ns = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (p = next_task(NULL); p; p = next_task(p))
		if (p->process)
			ns += task_cputime_ns(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ns;
}

int stat_show(struct proc_buf *m, int pid)
{
	struct task_info idle;
	u64 now = ktime_get(), user, busy;
	unsigned long u, s, i;

	task_snapshot(&idle, 1); /* the idle task comes first */
	busy = now > idle.cputime_ns ? now - idle.cputime_ns : 0;
	user = min(process_time_ns(), busy);
	u = nsec_to_clock_t(user);
	s = nsec_to_clock_t(busy - user);
	i = nsec_to_clock_t(idle.cputime_ns);
	proc_printf(m, "cpu  %lu 0 %lu %lu 0 0 0 0 0 0\n", u, s, i);
	proc_printf(m, "cpu0 %lu 0 %lu %lu 0 0 0 0 0 0\n", u, s, i);
	/* btime: the date of the boot, the wall clock less the time since */
	proc_printf(m, "intr 0\nctxt %lu\nbtime %ld\nprocesses %d\n", nr_context_switches(),
		    (ktime_get_real() - (s64)now) / (s64)NSEC_PER_SEC, last_pid());
	proc_printf(m, "procs_running %u\nprocs_blocked %u\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
		    nr_waiting() + 1, nr_active() - nr_waiting() - 1);
	return 0;
}
