/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The frame allocator: physical memory in blocks of 2^order pages.
 *
 * Several designs sit behind this one interface, chosen in Kconfig
 * ("Physical frame allocator"; their contract is mm/page_alloc.h): a
 * bitmap with one bit per page, and a buddy allocator with free lists per
 * order that split and merge.  Every design hands out blocks aligned to
 * their size, through the direct map (phys_to_virt()), and returns NULL
 * when memory runs out, never a block that is in use.
 */
#ifndef _KERNEL_PAGE_ALLOC_H
#define _KERNEL_PAGE_ALLOC_H

#include <asm/page.h>
#include <kernel/preempt.h>
#include <kernel/types.h>

#define MAX_ORDER 11 /* orders 0 .. 10: 4 KiB .. 4 MiB */

struct memblock;

/* A block of 2^@order pages, aligned to its size; NULL if none is free. */
void *alloc_pages(unsigned int order);
/*
 * Give back a block from alloc_pages() with the same @order.  A block
 * that is misaligned, outside the allocator's memory or already free is
 * reported and left alone.
 */
void free_pages(void *addr, unsigned int order);

static inline void *alloc_page(void)
{
	return alloc_pages(0);
}

static inline void free_page(void *addr)
{
	free_pages(addr, 0);
}

unsigned long nr_free_pages(void);
/* Pages the allocator was given at start-up. */
unsigned long nr_managed_pages(void);
/* Bad free_pages() calls reported so far (for the tests). */
extern unsigned long page_alloc_errors;

/*
 * Take every free range of @mb below @limit; the allocator's own tables
 * come from memblock_alloc() first.  The free lists live in the free
 * memory itself, so only memory the direct map already covers may be
 * handed over: the boot tables map the first GiB, and the rest follows
 * with page_alloc_add_above() once paging_init() has mapped it.  Returns
 * 0 or -ENOMEM.
 */
int page_alloc_init(struct memblock *mb, phys_addr_t limit);
/*
 * Before page_alloc_init(): make the allocator's span reach down to @phys,
 * reserved now and handed over later with free_reserved_area().  The span
 * otherwise starts at the first free page, and GRUB on UEFI puts the
 * initramfs right after the kernel, below every free page.
 */
void page_alloc_span_from(phys_addr_t phys);
void page_alloc_add_above(struct memblock *mb, phys_addr_t limit);

/*
 * Give the allocator the whole pages of [@start, @end), memory that was
 * reserved at boot and is no longer needed (the initramfs once unpacked),
 * printing "Freeing @what memory: NK" as Linux does.  A partial page at
 * either end stays reserved; pages outside the allocator's span are left
 * alone.  The caller guarantees that nothing else uses the range.
 * Returns the pages freed.
 */
unsigned long free_reserved_area(phys_addr_t start, phys_addr_t end, const char *what);

/*
 * One word per page for whoever uses a block to find it again from an
 * address inside it (the slab allocator records its slab; NULL means
 * nobody).  set_page_owner() sets every page of an order-@order block
 * from alloc_pages().  page_owner() takes any address: only direct-map
 * addresses of the allocator's memory can have an owner, anything else
 * gives NULL.  Inline, since kfree() starts with it.
 */
void set_page_owner(void *addr, unsigned int order, void *owner);

extern void **page_owners; /* indexed by frame number from 0 */
extern unsigned long page_owners_end;

static inline void *page_owner(const void *addr)
{
	unsigned long pfn = ((unsigned long)addr - PAGE_OFFSET) >> PAGE_SHIFT;

	return pfn < page_owners_end ? page_owners[pfn] : NULL;
}

/* Could @addr have an owner: is it a direct-map address of a page with an entry? */
static inline bool page_owner_tracks(const void *addr)
{
	return ((unsigned long)addr - PAGE_OFFSET) >> PAGE_SHIFT < page_owners_end;
}

/*
 * How many address spaces map a user page (CONFIG_USER_MODE): 1 when a
 * fault makes it, one more for each fork() that shares it copy-on-write,
 * one less at each unmap; the page is freed at 0 (mm/memory.c).  With
 * CONFIG_FORK_SHARE_TABLES it counts the page tables that map the page
 * (a table fork() shares holds one reference for all its sharers), and
 * a page table's own entry counts the address spaces that share it (0 or
 * 1: one).  Atomic, because two processes can unmap a page they share at
 * any moment, each on its own CPU.  A count read as 1 lets the reader
 * reuse the page in place: the read is an acquire, so that the copy the
 * other sharer made before its put (a release) is complete.
 */
extern unsigned int *page_refs;

static inline unsigned int *page_ref(const void *addr)
{
	return &page_refs[((unsigned long)addr - PAGE_OFFSET) >> PAGE_SHIFT];
}

static inline void page_ref_get(const void *addr)
{
	__atomic_add_fetch(page_ref(addr), 1, __ATOMIC_RELAXED);
}

/* Drop a reference; true if it was the last, and the page is the caller's to free. */
static inline bool page_ref_put(const void *addr)
{
	return __atomic_sub_fetch(page_ref(addr), 1, __ATOMIC_ACQ_REL) == 0;
}

static inline unsigned int page_ref_count(const void *addr)
{
	return __atomic_load_n(page_ref(addr), __ATOMIC_ACQUIRE);
}

/* The design, for messages: "bitmap", "buddy", ... */
const char *page_alloc_name(void);

#endif
