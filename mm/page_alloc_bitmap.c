// SPDX-License-Identifier: GPL-2.0
/*
 * Frame allocator, bitmap design: one bit per page frame, set when the
 * frame is in use (or not RAM at all).
 *
 * Simple and compact, at the price of a search on every allocation.
 * Single pages are found a 64-bit word at a time, starting where the last
 * search ended; a block of 2^order pages is a run of clear bits starting
 * at a multiple of 2^order, so that blocks are aligned to their size as
 * the buddy allocator's are.
 *
 * Two more bitmaps make frees safe: "managed" marks the frames the
 * allocator was given (reserved memory and holes are "used" too, and must
 * never be freed into it), "head" the first frame of each allocated
 * block.  A free must start at a head, cover managed, used frames with no
 * other head among them, and end where the block ends: the frame after it
 * is not a used frame without a head of its own (which could only be the
 * same block going on).  So a free of the wrong order, of the inside of a
 * block, of reserved memory or of a free frame is refused.  12 KiB of
 * bitmaps per 128 MiB in all.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>
#include <kernel/string.h>
#include "page_alloc.h"

#define BITS 64

static u64 *bitmap;  /* bit n: frame base + n is in use or not ours */
static u64 *managed; /* bit n: frame base + n was given to the allocator */
static u64 *head;    /* bit n: frame base + n starts an allocated block */
static unsigned long base, nbits, next_word;

static bool test_bit(const u64 *map, unsigned long n)
{
	return map[n / BITS] & (1ULL << (n % BITS));
}

static void assign_bit(u64 *map, unsigned long n, bool set)
{
	if (set)
		map[n / BITS] |= 1ULL << (n % BITS);
	else
		map[n / BITS] &= ~(1ULL << (n % BITS));
}

/* Set or clear bits [n, n + count). */
static void assign_bits(u64 *map, unsigned long n, unsigned long count, bool set)
{
	for (; count; n++, count--)
		assign_bit(map, n, set);
}

static bool all_bits(unsigned long n, unsigned long count, bool used)
{
	for (; count; n++, count--)
		if (test_bit(bitmap, n) != used)
			return false;
	return true;
}

static int bitmap_setup(struct memblock *mb, unsigned long first_pfn, unsigned long end_pfn)
{
	size_t words;
	phys_addr_t phys;

	/* Index from a 4 MiB boundary, so that bit alignment is address alignment. */
	base = first_pfn & ~((1UL << (MAX_ORDER - 1)) - 1);
	nbits = end_pfn - base;
	words = (nbits + BITS - 1) / BITS;
	phys = memblock_alloc(mb, 3 * words * sizeof(u64), PAGE_SIZE);
	if (!phys)
		return -ENOMEM;
	bitmap = phys_to_virt(phys);
	managed = bitmap + words;
	head = managed + words;
	memset(bitmap, 0xff, words * sizeof(u64));
	memset(managed, 0, 2 * words * sizeof(u64));
	next_word = 0;
	return 0;
}

static void bitmap_add_free(unsigned long start_pfn, unsigned long end_pfn)
{
	assign_bits(bitmap, start_pfn - base, end_pfn - start_pfn, false);
	assign_bits(managed, start_pfn - base, end_pfn - start_pfn, true);
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
		assign_bit(head, n, true);
		return base + n;
	}
	return 0;
}

static unsigned long bitmap_alloc(unsigned int order)
{
	unsigned long count = 1UL << order, n;

	if (!order)
		return alloc_one();
	for (n = 0; n + count <= nbits; n += count) {
		/* Whole words at once for blocks of 64 pages and more. */
		if (count >= BITS && bitmap[n / BITS])
			continue;
		if (all_bits(n, count, false)) {
			assign_bits(bitmap, n, count, true);
			assign_bit(head, n, true);
			return base + n;
		}
	}
	return 0;
}

/* Frame n belongs to the allocated block whose head is the nearest one before it. */
static bool is_tail(unsigned long n)
{
	return n < nbits && test_bit(bitmap, n) && test_bit(managed, n) && !test_bit(head, n);
}

/* Is [n, n + count) exactly one allocated block? */
static bool is_allocated_block(unsigned long n, unsigned long count)
{
	unsigned long i;

	if (n >= nbits || count > nbits - n || !test_bit(head, n) || is_tail(n + count))
		return false;
	for (i = n; i < n + count; i++)
		if (!test_bit(managed, i) || !test_bit(bitmap, i) || (i > n && test_bit(head, i)))
			return false;
	return true;
}

static int bitmap_free(unsigned long pfn, unsigned int order)
{
	unsigned long n = pfn - base, count = 1UL << order;

	if (pfn < base || !is_allocated_block(n, count))
		return -EINVAL;
	assign_bits(bitmap, n, count, false);
	assign_bit(head, n, false);
	return 0;
}

const struct frame_allocator frame_allocator = {
	.name = "bitmap",
	.setup = bitmap_setup,
	.add_free = bitmap_add_free,
	.alloc = bitmap_alloc,
	.free = bitmap_free,
};
