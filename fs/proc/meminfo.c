// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo, in Linux's layout ("Name:" padded, the value in kB in 8
 * columns), from the frame allocator (total and free pages), the slab
 * allocator (the pages its caches hold) and the processes (the pages
 * their address spaces map: AnonPages).
 *
 * Kestrel has no page cache, no swap and no reclaim: Buffers, Cached,
 * the swap lines and SReclaimable are 0, and MemAvailable is MemFree.
 * The ramfs's file pages are in use but not named here.
 */
#include <asm/page.h>
#include <kernel/mm_types.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

#define SLAB_CACHES_MAX 64

/* Pages the slab caches hold; 0 under another heap design. */
static unsigned long slab_pages(void)
{
	struct slab_info *info;
	unsigned long pages = 0;
	unsigned int n, i;

	if (!IS_ENABLED(CONFIG_HEAP_SLAB))
		return 0;
	info = kmalloc(SLAB_CACHES_MAX * sizeof(*info));
	if (!info)
		return 0;
	n = slab_snapshot(info, SLAB_CACHES_MAX);
	for (i = 0; i < n && i < SLAB_CACHES_MAX; i++)
		pages += info[i].pages;
	kfree(info);
	return pages;
}

/* Pages mapped by processes, each address space once (a vfork() child shares its parent's). */
static unsigned long anon_pages(void)
{
	unsigned long flags, pages = 0;
	struct task_struct *p;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (p = next_task(NULL); p; p = next_task(p))
		if (p->mm && !(p->parent && p->parent->mm == p->mm))
			pages += p->mm->rss;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pages;
}

static void show_kb(struct proc_buf *m, const char *name, unsigned long pages)
{
	proc_printf(m, "%s:%*s%8lu kB\n", name, (int)(15 - strlen(name)), "",
		    pages << (PAGE_SHIFT - 10));
}

int meminfo_show(struct proc_buf *m, int pid)
{
	unsigned long total = nr_managed_pages(), free = nr_free_pages(), slab = slab_pages();

	show_kb(m, "MemTotal", total);
	show_kb(m, "MemFree", free);
	show_kb(m, "MemAvailable", free);
	show_kb(m, "Buffers", 0);
	show_kb(m, "Cached", 0);
	show_kb(m, "SwapCached", 0);
	show_kb(m, "SwapTotal", 0);
	show_kb(m, "SwapFree", 0);
	show_kb(m, "AnonPages", IS_ENABLED(CONFIG_USER_MODE) ? anon_pages() : 0);
	show_kb(m, "Shmem", 0);
	show_kb(m, "Slab", slab);
	show_kb(m, "SReclaimable", 0);
	show_kb(m, "SUnreclaim", slab);
	return 0;
}
