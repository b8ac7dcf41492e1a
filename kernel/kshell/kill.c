// SPDX-License-Identifier: GPL-2.0
/*
 * kill: stop a workload that spawn started, or end a process (a program
 * the shell's exec started left running, CONFIG_USER_MODE) with SIGKILL.
 *
 * Kernel tasks cannot be stopped from outside at any instant, as they may
 * hold locks; only the workloads, which check kthread_should_stop() as
 * they go, can be.  Others are refused by name, as Linux refuses to
 * signal its kernel threads.
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include "workload.h"

static int kill_run(int argc, char **argv)
{
	char comm[TASK_COMM_LEN];
	struct task_struct *p;
	int pid, code;

	if (kshell_parse_int(argv[0], "PID", argv[1], 0, PID_MAX, &pid))
		return -EINVAL;
	if (IS_ENABLED(CONFIG_USER_MODE) && !kill_pid(pid, SIGKILL)) {
		kshell_printf("sent SIGKILL to process %d\n", pid);
		return 0;
	}
	p = workload_find(pid);
	if (!p) {
		if (!task_comm_by_pid(pid, comm))
			kshell_error(argv[0],
				     "%d (%s) is not a workload; only tasks that spawn "
				     "started can be killed\n",
				     pid, comm);
		else
			kshell_error(argv[0], "%d: no such task\n", pid);
		return -ESRCH;
	}
	strscpy(comm, p->comm, sizeof(comm));
	code = workload_stop(p);
	kshell_printf("stopped %s (pid %d, exit code %d)\n", comm, pid, code);
	return 0;
}
KSHELL_COMMAND(kill, .usage = "PID", .min_args = 1, .max_args = 1, .run = kill_run,
	       .help = "stop a workload, or end a process");
