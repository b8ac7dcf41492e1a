// SPDX-License-Identifier: GPL-2.0
/*
 * spawn: start demo workloads (workload.c) to watch the policy at work,
 * or, with spin, the preemption model and the soft-lockup detector.
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include "nice.h"
#include "workload.h"

static int spawn_run(int argc, char **argv)
{
	int n = 1, param = 0;

	if (argc > 2 && kshell_parse_int(argv[0], "N", argv[2], 1, MAX_WORKLOADS, &n))
		return -EINVAL;
	if (argc > 3 && nice_parse(argv[0], argv[3], &param))
		return -EINVAL;
	return workload_spawn(argv[1], n, argc > 3, param);
}
KSHELL_COMMAND(spawn, .usage = "KIND [N] [NICE]", .min_args = 1, .max_args = 3, .run = spawn_run,
	       .help = "start KIND: cpu, io, mixed, spin (NICE: sched)");
