// SPDX-License-Identifier: GPL-2.0
/*
 * The early physical memory map.
 *
 * Before the frame allocator exists the kernel still needs to know which
 * memory it may use, and to take memory for the allocator's own tables.
 * This keeps two small sorted tables, usable RAM and reserved ranges, and
 * answers both questions by subtracting one from the other.  Nothing is
 * stored in the memory being described, so the same code runs on the host
 * against made-up maps (mm/memblock_test.c).
 */
#include <asm/page.h>
#include <kernel/bootinfo.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/string.h>

struct memblock memblock;

#define PAGE_MASK_PHYS (~((phys_addr_t)PAGE_SIZE - 1))

static phys_addr_t page_down(phys_addr_t a)
{
	return a & PAGE_MASK_PHYS;
}

static phys_addr_t page_up(phys_addr_t a)
{
	return page_down(a + PAGE_SIZE - 1);
}

void memblock_clear(struct memblock *mb, phys_addr_t alloc_limit)
{
	memset(mb, 0, sizeof(*mb));
	mb->alloc_limit = alloc_limit;
}

/* Insert [start, end) into the sorted table @r, merging what it touches. */
static int range_insert(struct mem_range *r, size_t *nr, phys_addr_t start, phys_addr_t end)
{
	size_t i = 0, j;

	while (i < *nr && r[i].end < start)
		i++;
	/* r[i..j) overlap or touch the new range: they become one. */
	for (j = i; j < *nr && r[j].start <= end; j++) {
		start = min(start, r[j].start);
		end = max(end, r[j].end);
	}
	if (j == i) {
		if (*nr == MEMBLOCK_MAX_RANGES)
			return -ENOMEM;
		memmove(&r[i + 1], &r[i], (*nr - i) * sizeof(*r));
		(*nr)++;
	} else if (j > i + 1) {
		memmove(&r[i + 1], &r[j], (*nr - j) * sizeof(*r));
		*nr -= j - i - 1;
	}
	r[i] = (struct mem_range){ start, end };
	return 0;
}

int memblock_add(struct memblock *mb, phys_addr_t start, phys_addr_t end)
{
	start = page_up(start);
	end = page_down(end);
	if (start >= end)
		return 0;
	return range_insert(mb->usable, &mb->nr_usable, start, end);
}

int memblock_reserve(struct memblock *mb, phys_addr_t start, phys_addr_t end)
{
	start = page_down(start);
	end = page_up(end);
	if (start >= end)
		return 0;
	return range_insert(mb->reserved, &mb->nr_reserved, start, end);
}

/* The free parts of usable range @u, cut by the reserved ranges. */
static void for_each_free_in(const struct memblock *mb, struct mem_range u,
			     void (*fn)(phys_addr_t, phys_addr_t, void *), void *arg)
{
	phys_addr_t pos = u.start;
	size_t i;

	for (i = 0; i < mb->nr_reserved && pos < u.end; i++) {
		const struct mem_range *r = &mb->reserved[i];

		if (r->end <= pos || r->start >= u.end)
			continue;
		if (r->start > pos)
			fn(pos, r->start, arg);
		pos = max(pos, r->end);
	}
	if (pos < u.end)
		fn(pos, u.end, arg);
}

void memblock_for_each_free(const struct memblock *mb,
			    void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg)
{
	size_t i;

	for (i = 0; i < mb->nr_usable; i++)
		for_each_free_in(mb, mb->usable[i], fn, arg);
}

struct within {
	phys_addr_t start, end;
	bool found;
};

static void contains(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct within *w = arg;

	w->found |= start <= w->start && w->end <= end;
}

bool memblock_is_free(const struct memblock *mb, phys_addr_t start, phys_addr_t end)
{
	struct within w = { page_up(start), page_down(end), false };

	if (w.start >= w.end)
		return true;
	memblock_for_each_free(mb, contains, &w);
	return w.found;
}

static void add_bytes(phys_addr_t start, phys_addr_t end, void *arg)
{
	*(u64 *)arg += end - start;
}

u64 memblock_free_bytes(const struct memblock *mb)
{
	u64 total = 0;

	memblock_for_each_free(mb, add_bytes, &total);
	return total;
}

phys_addr_t memblock_end(const struct memblock *mb)
{
	return mb->nr_usable ? mb->usable[mb->nr_usable - 1].end : 0;
}

struct fit {
	size_t size, align;
	phys_addr_t limit, found;
};

/* Ranges come in address order: the last fit is the highest. */
static void try_fit(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct fit *f = arg;
	phys_addr_t top = min(end, f->limit), base;

	if (top < f->size)
		return;
	base = (top - f->size) & ~((phys_addr_t)f->align - 1);
	if (base >= start && base + f->size <= top)
		f->found = base;
}

phys_addr_t memblock_alloc(struct memblock *mb, size_t size, size_t align)
{
	struct fit f = { .size = page_up(size),
			 .align = max(align, (size_t)PAGE_SIZE),
			 .limit = mb->alloc_limit };

	if (!size)
		return 0;
	memblock_for_each_free(mb, try_fit, &f);
	if (!f.found || memblock_reserve(mb, f.found, f.found + f.size))
		return 0;
	return f.found;
}

int memblock_add_boot_map(struct memblock *mb, const struct boot_info *bi)
{
	int err = 0;
	size_t i;

	for (i = 0; i < bi->nr_mmap; i++)
		if (bi->mmap[i].type == BOOT_MEM_AVAILABLE &&
		    memblock_add(mb, bi->mmap[i].addr, bi->mmap[i].addr + bi->mmap[i].len))
			err = -ENOMEM;
	/* Then reserve the rest where it overlaps available memory: it wins. */
	for (i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mem_region *r = &bi->mmap[i];
		size_t j;

		if (r->type == BOOT_MEM_AVAILABLE)
			continue;
		for (j = 0; j < bi->nr_mmap; j++) {
			const struct boot_mem_region *a = &bi->mmap[j];

			if (a->type == BOOT_MEM_AVAILABLE && r->addr < a->addr + a->len &&
			    a->addr < r->addr + r->len) {
				if (memblock_reserve(mb, r->addr, r->addr + r->len))
					err = -ENOMEM;
				break;
			}
		}
	}
	return err;
}

static bool overlaps(phys_addr_t s1, phys_addr_t e1, phys_addr_t s2, phys_addr_t e2)
{
	return s1 < e2 && s2 < e1;
}

bool memblock_module_freeable(const struct memblock *mb, const struct boot_info *bi, size_t i)
{
	const struct boot_module *m = &bi->modules[i];
	phys_addr_t start = page_up(m->start), end = page_down(m->end);
	size_t j;

	if (!memblock_is_free(mb, m->start, page_up(m->end)))
		return false;
	if (overlaps(start, end, bi->info_phys, bi->info_phys + bi->info_size))
		return false;
	for (j = 0; j < bi->nr_modules; j++)
		if (j != i && overlaps(start, end, bi->modules[j].start, bi->modules[j].end))
			return false;
	return true;
}
