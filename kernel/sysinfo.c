// SPDX-License-Identifier: GPL-2.0
/*
 * sysinfo(2): uptime, the load averages, memory and the number of tasks,
 * in Linux's x86_64 struct sysinfo, which free and uptime read.
 *
 * As Linux does on 64-bit machines, memory is given in bytes (mem_unit
 * 1): the sizes always fit.  There is no swap, no high memory, no page
 * cache (bufferram) and no shared memory, so those are 0; the loads have
 * 16 bits of fraction (SI_LOAD_SHIFT), and the uptime is rounded up to
 * the second, as Linux rounds it.
 */
#include <asm/page.h>
#include <kernel/clocksource.h>
#include <kernel/loadavg.h>
#include <kernel/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>

#define SI_LOAD_SHIFT 16

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)]; /* 0 bytes on x86_64 */
};

_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo is Linux x86_64's");

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;
	u64 now = ktime_get();

	memset(&val, 0, sizeof(val));
	val.uptime = now / NSEC_PER_SEC + (now % NSEC_PER_SEC ? 1 : 0);
	get_avenrun(val.loads, 0, SI_LOAD_SHIFT - FSHIFT);
	val.procs = min(nr_tasks() - 1, 0xffffU); /* the idle task is not one */
	val.totalram = nr_managed_pages() * PAGE_SIZE;
	val.freeram = nr_free_pages() * PAGE_SIZE;
	val.mem_unit = 1;
	if (copy_to_user(info, &val, sizeof(val)))
		return -EFAULT;
	return 0;
}
