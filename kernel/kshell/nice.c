// SPDX-License-Identifier: GPL-2.0
/*
 * nice: set a task's scheduling parameter, whatever the policy calls it
 * (nice under fair and mlfq, tickets under stride, priority under prio).
 * Its range is the policy's own (sched_param_range()), so every message
 * quotes the one range the policy states.
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/sched.h>
#include "nice.h"

int nice_parse(const char *cmd, const char *arg, int *value)
{
	int min, max;

	if (!sched_param_range(&min, &max)) {
		kshell_error(cmd, "the %s policy has no parameter to set\n", sched_policy_name());
		return -EINVAL;
	}
	return kshell_parse_int(cmd, sched_param_name(), arg, min, max, value);
}

static int nice_run(int argc, char **argv)
{
	int pid, value, err;

	if (kshell_parse_int(argv[0], "PID", argv[1], 0, PID_MAX, &pid) ||
	    nice_parse(argv[0], argv[2], &value))
		return -EINVAL;
	err = sched_set_param_pid(pid, value);
	if (err == -ESRCH)
		kshell_error(argv[0], "%d: no such task\n", pid);
	else if (err) /* in range, so the policy cannot refuse it */
		kshell_error(argv[0], "%s %d refused (error %d)\n", sched_param_name(), value, err);
	else
		kshell_printf("pid %d: %s %d\n", pid, sched_param_name(), value);
	return err;
}
KSHELL_COMMAND(nice, .usage = "PID VALUE", .min_args = 2, .max_args = 2, .run = nice_run,
	       .help = "set a task's nice, tickets or priority");
