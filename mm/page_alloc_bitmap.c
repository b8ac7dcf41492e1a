// SPDX-License-Identifier: GPL-2.0
/*
 * Frame allocator, bitmap design: one bit per page frame, set when the
 * frame is in use (or not RAM at all).
 *
 * Simple and compact (4 KiB of bitmap per 128 MiB), at the price of a
 * search on every allocation.  Single pages are found a 64-bit word at a
 * time, starting where the last search ended; a block of 2^order pages is
 * a run of clear bits starting at a multiple of 2^order, so that blocks
 * are aligned to their size as the buddy allocator's are.  A free checks
 * that every bit of the block is set, which catches double frees of
 * single pages; it cannot know the order a block was allocated with.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>
#include <kernel/string.h>
#include "page_alloc.h"

#define BITS		64

const char page_alloc_name[] = "bitmap";

static u64 *bitmap;		/* bit n: frame base + n */
static unsigned long base, nbits, next_word;

static bool test_bit(unsigned long n)
{
	return bitmap[n / BITS] & (1ULL << (n % BITS));
}

/* Set or clear bits [n, n + count). */
static void assign_bits(unsigned long n, unsigned long count, bool used)
{
	for (; count; n++, count--) {
		if (used)
			bitmap[n / BITS] |= 1ULL << (n % BITS);
		else
			bitmap[n / BITS] &= ~(1ULL << (n % BITS));
	}
}

static bool all_bits(unsigned long n, unsigned long count, bool used)
{
	for (; count; n++, count--)
		if (test_bit(n) != used)
			return false;
	return true;
}

int frame_alloc_setup(struct memblock *mb, unsigned long first_pfn, unsigned long end_pfn)
{
	size_t words;
	phys_addr_t phys;

	/* Index from a 4 MiB boundary, so that bit alignment is address alignment. */
	base = first_pfn & ~((1UL << (MAX_ORDER - 1)) - 1);
	nbits = end_pfn - base;
	words = (nbits + BITS - 1) / BITS;
	phys = memblock_alloc(mb, words * sizeof(u64), PAGE_SIZE);
	if (!phys)
		return -ENOMEM;
	bitmap = phys_to_virt(phys);
	memset(bitmap, 0xff, words * sizeof(u64));
	next_word = 0;
	return 0;
}

void frame_alloc_add_free(unsigned long start_pfn, unsigned long end_pfn)
{
	assign_bits(start_pfn - base, end_pfn - start_pfn, false);
}

/* A single frame: the first word with a clear bit, from where the last search ended. */
static unsigned long alloc_one(void)
{
	unsigned long words = (nbits + BITS - 1) / BITS, i, w, n;

	for (i = 0; i < words; i++) {
		w = (next_word + i) % words;
		if (bitmap[w] == ~0ULL)
			continue;
		n = w * BITS + __builtin_ctzll(~bitmap[w]);
		if (n >= nbits)
			continue;
		next_word = w;
		bitmap[w] |= 1ULL << (n % BITS);
		return base + n;
	}
	return 0;
}

unsigned long frame_alloc(unsigned int order)
{
	unsigned long count = 1UL << order, n;

	if (!order)
		return alloc_one();
	for (n = 0; n + count <= nbits; n += count) {
		/* Whole words at once for blocks of 64 pages and more. */
		if (count >= BITS && bitmap[n / BITS])
			continue;
		if (all_bits(n, count, false)) {
			assign_bits(n, count, true);
			return base + n;
		}
	}
	return 0;
}

int frame_free(unsigned long pfn, unsigned int order)
{
	unsigned long n = pfn - base, count = 1UL << order;

	if (!all_bits(n, count, true))
		return -EINVAL;
	assign_bits(n, count, false);
	return 0;
}
