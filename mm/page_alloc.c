// SPDX-License-Identifier: GPL-2.0
/*
 * The frame allocator's interface, shared by every design: start-up from
 * the memory map, page counts, address checks, and the reports of bad
 * frees.  The design itself (bitmap, buddy, ...) only deals in page frame
 * numbers; see mm/page_alloc.h.
 *
 * frame_lock guards the design's state and the counts: alloc_pages() and
 * free_pages() hold it from start to return.  No interrupt handler
 * allocates frames, so spin_lock() (preemption off) is enough.
 *
 * Every frame is zeroed once, as it is handed over at boot: nothing the
 * boot loader left in memory reaches an allocation, and under QEMU's TCG
 * the translations of the code GRUB ran go with it.  Without that, a page
 * GRUB had run code in kept them, and every store to it took QEMU's
 * self-modifying-code path: a task whose stack landed there computed ten
 * times slower (the MLFQ suite's busy minute took 73 s of host time
 * instead of 7).  Zeroing 128 MiB is 16 million iterations of rep stosq.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "page_alloc.h"

static unsigned long first_pfn, end_pfn;
static unsigned long span_floor = ~0UL; /* page_alloc_span_from() */
void **page_owners;			/* indexed by pfn, below page_owners_end */
unsigned int *page_refs;		/* the same, with CONFIG_USER_MODE */
unsigned long page_owners_end;
static unsigned long free_count, managed_count;
static DEFINE_SPINLOCK(frame_lock);
unsigned long page_alloc_errors;

struct clip {
	phys_addr_t low, high;
};

static void scrub(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		clear_page(phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT));
}

/* Hand over the part of a free range that lies in [low, high). */
static void add_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	const struct clip *c = arg;
	unsigned long s, e;

	start = max(start, c->low);
	end = min(end, c->high);
	if (start >= end)
		return;
	s = start >> PAGE_SHIFT;
	e = end >> PAGE_SHIFT;
	scrub(s, e);
	frame_allocator.add_free(s, e);
	free_count += e - s;
	managed_count += e - s;
}

static void span(phys_addr_t start, phys_addr_t end, void *arg)
{
	if (!first_pfn || (start >> PAGE_SHIFT) < first_pfn)
		first_pfn = start >> PAGE_SHIFT;
	end_pfn = max(end_pfn, (unsigned long)(end >> PAGE_SHIFT));
}

int page_alloc_init(struct memblock *mb, phys_addr_t limit)
{
	const struct frame_allocator *fa = &frame_allocator;
	const char *breach = frame_allocator_breach(fa);
	struct clip below = { 0, limit };
	phys_addr_t phys;
	int err;

	/* Stopped here, by name, rather than at the first call through NULL. */
	if (breach)
		panic("frame allocator \"%s\" breaks its contract: it needs %s",
		      fa->name ?: "(no name)", breach);
	first_pfn = end_pfn = 0;
	free_count = managed_count = 0;
	memblock_for_each_free(mb, span, NULL);
	if (!end_pfn)
		return -ENOMEM;
	if (span_floor && span_floor < first_pfn)
		first_pfn = span_floor;
	err = fa->setup(mb, first_pfn, end_pfn);
	if (err)
		return err;
	/* From frame 0, so that a lookup needs no lower bound. */
	phys = memblock_alloc(mb, end_pfn * sizeof(*page_owners), PAGE_SIZE);
	if (!phys)
		return -ENOMEM;
	page_owners = phys_to_virt(phys);
	memset(page_owners, 0, end_pfn * sizeof(*page_owners));
	page_owners_end = end_pfn;
	if (IS_ENABLED(CONFIG_USER_MODE)) {
		phys = memblock_alloc(mb, end_pfn * sizeof(*page_refs), PAGE_SIZE);
		if (!phys)
			return -ENOMEM;
		page_refs = phys_to_virt(phys);
		memset(page_refs, 0, end_pfn * sizeof(*page_refs));
	}
	/* The setup took memory from @mb: hand over what is left now. */
	memblock_for_each_free(mb, add_range, &below);
	return 0;
}

void page_alloc_span_from(phys_addr_t phys)
{
	span_floor = min(span_floor, (unsigned long)(phys >> PAGE_SHIFT));
}

void page_alloc_add_above(struct memblock *mb, phys_addr_t limit)
{
	struct clip above = { limit, ~(phys_addr_t)0 };

	memblock_for_each_free(mb, add_range, &above);
}

unsigned long free_reserved_area(phys_addr_t start, phys_addr_t end, const char *what)
{
	unsigned long s = ALIGN(start, PAGE_SIZE) >> PAGE_SHIFT, e = end >> PAGE_SHIFT;

	s = max(s, first_pfn);
	e = min(e, end_pfn);
	if (s >= e) {
		pr_info("Freeing %s memory: 0K\n", what);
		return 0;
	}
	scrub(s, e);
	spin_lock(&frame_lock);
	frame_allocator.add_free(s, e);
	free_count += e - s;
	managed_count += e - s;
	spin_unlock(&frame_lock);
	pr_info("Freeing %s memory: %luK\n", what, (e - s) << (PAGE_SHIFT - 10));
	return e - s;
}

void *alloc_pages(unsigned int order)
{
	unsigned long pfn;

	spin_guard(&frame_lock);
	if (order >= MAX_ORDER)
		return NULL;
	pfn = frame_allocator.alloc(order);
	if (!pfn)
		return NULL;
	free_count -= 1UL << order;
	return phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT);
}

static __printf(2, 3) void bad_free(const void *addr, const char *fmt, ...)
{
	char why[96];
	va_list args;

	va_start(args, fmt);
	vscnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	page_alloc_errors++;
	pr_err("free_pages(%p): %s; not freed\n", addr, why);
}

void free_pages(void *addr, unsigned int order)
{
	phys_addr_t phys = virt_to_phys(addr);
	unsigned long pfn = phys >> PAGE_SHIFT;

	spin_guard(&frame_lock);
	if (!addr)
		return;
	if (order >= MAX_ORDER)
		bad_free(addr, "order %u is too large", order);
	else if (phys & ((PAGE_SIZE << order) - 1))
		bad_free(addr, "not aligned to an order-%u block", order);
	else if (pfn < first_pfn || pfn + (1UL << order) > end_pfn)
		bad_free(addr, "outside the allocator's memory");
	else if (frame_allocator.free(pfn, order))
		bad_free(addr, "not an allocated order-%u block (double free?)", order);
	else
		free_count += 1UL << order;
}

const char *frame_allocator_breach(const struct frame_allocator *fa)
{
	if (!fa->name)
		return "a name";
	if (!fa->setup || !fa->add_free || !fa->alloc || !fa->free)
		return "setup(), add_free(), alloc() and free()";
	return NULL;
}

const char *page_alloc_name(void)
{
	return frame_allocator.name;
}

unsigned long nr_free_pages(void)
{
	return free_count;
}

unsigned long nr_managed_pages(void)
{
	return managed_count;
}

void set_page_owner(void *addr, unsigned int order, void *owner)
{
	unsigned long pfn = virt_to_phys(addr) >> PAGE_SHIFT, i;

	for (i = 0; i < (1UL << order); i++)
		page_owners[pfn + i] = owner;
}
