// SPDX-License-Identifier: GPL-2.0
/*
 * sched: how this kernel schedules: the policy and what its parameter
 * is, the preemption model, the time slice, and the run queue now.  The
 * file is named for what the command shows, as slabinfo.c is, and not
 * for the command, so that it shares no name with the scheduler's
 * kernel/sched/sched.h.
 */
#include <kernel/kshell.h>
#include <kernel/sched.h>
#include <kernel/time.h>

static int sched_run(int argc, char **argv)
{
	const char *param = sched_param_name();

	kshell_printf("policy:     %s (parameter: %s)\n", sched_policy_name(),
		      param ? param : "none");
	kshell_printf("preemption: %s\n",
		      IS_ENABLED(CONFIG_PREEMPT)
			      ? "preemptible kernel (CONFIG_PREEMPT)"
			      : "none: tasks give up the CPU themselves (CONFIG_PREEMPT_NONE)");
	kshell_printf("time slice: %d ms, tick %d Hz\n", CONFIG_SCHED_TIMESLICE_MS, HZ);
	kshell_printf("run queue:  %u tasks waiting, %u tasks in all\n", nr_waiting(), nr_tasks());
	return 0;
}
KSHELL_COMMAND(sched, .run = sched_run, .help = "policy, preemption, time slice, run queue");
