// SPDX-License-Identifier: GPL-2.0
/*
 * slabinfo: each slab cache, as Linux's /proc/slabinfo shows it.  Other
 * heap designs have no caches: the command says so and which option
 * brings them.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include "slabinfo.h"

unsigned int slabinfo_snapshot(const struct slab_info **caches)
{
	static struct slab_info buf[SLABINFO_MAX_CACHES]; /* the shell task's alone */

	*caches = buf;
	if (!IS_ENABLED(CONFIG_HEAP_SLAB))
		return 0;
	return slab_snapshot(buf, SLABINFO_MAX_CACHES);
}

static int slabinfo_run(int argc, char **argv)
{
	const struct slab_info *caches;
	unsigned int n, i;

	if (!IS_ENABLED(CONFIG_HEAP_SLAB)) {
		kshell_error(argv[0], "the heap is %s, which has no caches (CONFIG_HEAP_SLAB)\n",
			     heap_name());
		return -ENODEV;
	}
	n = slabinfo_snapshot(&caches);
	kshell_printf("%-16s %7s %7s %7s %6s %5s %8s\n", "name", "objsize", "active", "total",
		      "slabs", "order", "KiB");
	for (i = 0; i < n && i < SLABINFO_MAX_CACHES; i++)
		kshell_printf("%-16s %7u %7lu %7lu %6lu %5u %8lu\n", caches[i].name,
			      caches[i].object_size, caches[i].active_objs, caches[i].total_objs,
			      caches[i].slabs, caches[i].order,
			      caches[i].pages * (PAGE_SIZE / 1024));
	if (n > SLABINFO_MAX_CACHES)
		kshell_printf("(%u more caches not shown)\n", n - SLABINFO_MAX_CACHES);
	return 0;
}
KSHELL_COMMAND(slabinfo, .run = slabinfo_run, .help = "the slab caches: objects, slabs, KiB");
