// SPDX-License-Identifier: GPL-2.0
/*
 * nice: set a task's scheduling parameter, whatever the policy calls it
 * (nice under fair and mlfq, tickets under stride, priority under prio).
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/sched.h>
#include "nice.h"

void nice_report_einval(const char *cmd, int value)
{
	const char *what = sched_param_name();

	if (what)
		kshell_error(cmd, "%s %d is out of range for the %s policy\n", what, value,
			     sched_policy_name());
	else
		kshell_error(cmd, "the %s policy has no parameter to set\n", sched_policy_name());
}

static int nice_run(int argc, char **argv)
{
	int pid, value, err;

	if (kshell_parse_int(argv[0], "PID", argv[1], 0, PID_MAX, &pid) ||
	    kshell_parse_int(argv[0], "VALUE", argv[2], -1000, 1000, &value))
		return -EINVAL;
	err = sched_set_param_pid(pid, value);
	if (err == -ESRCH)
		kshell_error(argv[0], "%d: no such task\n", pid);
	else if (err)
		nice_report_einval(argv[0], value);
	else
		kshell_printf("pid %d: %s %d\n", pid, sched_param_name(), value);
	return err;
}
KSHELL_COMMAND(nice, .usage = "PID VALUE", .min_args = 2, .max_args = 2, .run = nice_run,
	       .help = "set a task's nice, tickets or priority");
