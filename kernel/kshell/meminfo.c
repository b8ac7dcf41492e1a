// SPDX-License-Identifier: GPL-2.0
/*
 * meminfo: page frames free and in use, the frame allocator and heap
 * designs, and what the slab caches hold.
 */
#include <asm/page.h>
#include <kernel/kshell.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include "slabinfo.h"

static void slab_totals(void)
{
	unsigned long active = 0, total = 0, pages = 0;
	const struct slab_info *caches;
	unsigned int n, i;

	n = slabinfo_snapshot(&caches);
	for (i = 0; i < n && i < SLABINFO_MAX_CACHES; i++) {
		active += caches[i].active_objs;
		total += caches[i].total_objs;
		pages += caches[i].pages;
	}
	kshell_printf("slab:    %u caches, %lu of %lu objects in use, %lu KiB in slabs\n", n,
		      active, total, pages * (PAGE_SIZE / 1024));
}

static int meminfo_run(int argc, char **argv)
{
	unsigned long total = nr_managed_pages(), free = nr_free_pages();

	kshell_printf("frames:  %lu total, %lu free, %lu in use (%lu KiB each; %s allocator)\n",
		      total, free, total - free, PAGE_SIZE / 1024, page_alloc_name());
	kshell_printf("heap:    %s\n", heap_name());
	if (IS_ENABLED(CONFIG_HEAP_SLAB))
		slab_totals();
	return 0;
}
KSHELL_COMMAND(meminfo, .run = meminfo_run, .help = "page frames in use, heap design, slab totals");
