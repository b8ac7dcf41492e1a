// SPDX-License-Identifier: GPL-2.0
/*
 * lockstat: CONFIG_LOCK_STAT's counters, one line per lock class, most
 * contended first, in the spirit of Linux's /proc/lock_stat (which also
 * times waits and holds; Kestrel counts only).  "lockstat reset" zeroes
 * them, as writing 0 to /proc/lock_stat does, to measure one workload.
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/lockdep.h>
#include <kernel/string.h>

static int lockstat_run(int argc, char **argv)
{
	static struct lock_stat buf[CONFIG_LOCKDEP_MAX_CLASSES]; /* the shell task's alone */
	unsigned int n, i;

	if (argc == 2) {
		if (strcmp(argv[1], "reset")) {
			kshell_error(argv[0], "unknown argument '%s' (only 'reset')\n", argv[1]);
			return -EINVAL;
		}
		lock_stat_reset();
		return 0;
	}
#ifdef CONFIG_PROVE_LOCKING
	{
		unsigned int classes, deps, traces;

		lockdep_usage(&classes, &deps, &traces);
		kshell_printf("lock-order checking: %s; %u of %u classes, %u of %u dependencies, "
			      "%u of %u stack entries\n",
			      lockdep_enabled() ? "on" : "off (after a report, or a full table)",
			      classes, CONFIG_LOCKDEP_MAX_CLASSES, deps, CONFIG_LOCKDEP_MAX_ENTRIES,
			      traces, CONFIG_LOCKDEP_MAX_STACK_ENTRIES);
	}
#endif
	n = lock_stat_snapshot(buf, ARRAY_SIZE(buf));
	kshell_printf("%-24s %-5s %12s %12s %12s\n", "class", "kind", "contentions", "acquisitions",
		      "spins");
	for (i = 0; i < n && i < ARRAY_SIZE(buf); i++)
		kshell_printf("%-24s %-5s %12lu %12lu %12lu\n", buf[i].name,
			      lock_kind_name(buf[i].kind), buf[i].contentions, buf[i].acquisitions,
			      buf[i].spins);
	return 0;
}
KSHELL_COMMAND(lockstat, .usage = "[reset]", .max_args = 1, .run = lockstat_run,
	       .help = "lock classes: contentions, acquisitions, spins");
