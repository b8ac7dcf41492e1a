// SPDX-License-Identifier: GPL-2.0
/*
 * Frame allocator, buddy design (Knowlton; as in Linux's mm/page_alloc.c).
 *
 * Free memory is kept as blocks of 2^order pages, aligned to their size,
 * on one free list per order.  An allocation takes a block of the smallest
 * order that has one and splits it, putting the unused halves on the lower
 * lists.  A free looks at the block's buddy (the other half of the block
 * of the next order: frame number XOR 2^order); while the buddy is free
 * and whole, the two merge into one block of the next order.
 *
 * The free lists are threaded through the free blocks themselves.  A byte
 * per frame says what the frame heads: nothing, a free block of order k,
 * or an allocated block of order k, so that freeing checks the order and
 * catches double frees.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>
#include <kernel/string.h>
#include "page_alloc.h"

#define HEAD_NONE	 0
#define HEAD_FREE(order) (0x10 | (order))
#define HEAD_USED(order) (0x20 | (order))

struct free_block {
	struct free_block *next, *prev;
};

static struct free_block free_area[MAX_ORDER]; /* list heads */
static unsigned long free_blocks[MAX_ORDER];
static u8 *head_state; /* indexed by pfn - first */
static unsigned long first, end;

static struct free_block *block_of(unsigned long pfn)
{
	return phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT);
}

static unsigned long pfn_of(struct free_block *b)
{
	return virt_to_phys(b) >> PAGE_SHIFT;
}

static void push_free(unsigned long pfn, unsigned int order)
{
	struct free_block *b = block_of(pfn), *head = &free_area[order];

	b->next = head->next;
	b->prev = head;
	head->next->prev = b;
	head->next = b;
	head_state[pfn - first] = HEAD_FREE(order);
	free_blocks[order]++;
}

static void remove_free(unsigned long pfn, unsigned int order)
{
	struct free_block *b = block_of(pfn);

	b->prev->next = b->next;
	b->next->prev = b->prev;
	head_state[pfn - first] = HEAD_NONE;
	free_blocks[order]--;
}

static int buddy_setup(struct memblock *mb, unsigned long first_pfn, unsigned long end_pfn)
{
	phys_addr_t phys;
	unsigned int o;

	first = first_pfn;
	end = end_pfn;
	phys = memblock_alloc(mb, end - first, PAGE_SIZE);
	if (!phys)
		return -ENOMEM;
	head_state = phys_to_virt(phys);
	memset(head_state, HEAD_NONE, end - first);
	for (o = 0; o < MAX_ORDER; o++) {
		free_area[o].next = free_area[o].prev = &free_area[o];
		free_blocks[o] = 0;
	}
	return 0;
}

/* Cut [start, end) into the largest aligned blocks it holds, and free them. */
static void buddy_add_free(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	while (pfn < end_pfn) {
		unsigned int order = 0;

		while (order + 1 < MAX_ORDER && !(pfn & ((2UL << order) - 1)) &&
		       pfn + (2UL << order) <= end_pfn)
			order++;
		push_free(pfn, order);
		pfn += 1UL << order;
	}
}

static unsigned long buddy_alloc(unsigned int order)
{
	unsigned int o = order;
	unsigned long pfn;

	while (o < MAX_ORDER && !free_blocks[o])
		o++;
	if (o == MAX_ORDER)
		return 0;
	pfn = pfn_of(free_area[o].next);
	remove_free(pfn, o);
	/* Split: the upper half of each level stays free. */
	while (o > order) {
		o--;
		push_free(pfn + (1UL << o), o);
	}
	head_state[pfn - first] = HEAD_USED(order);
	return pfn;
}

static int buddy_free(unsigned long pfn, unsigned int order)
{
	if (head_state[pfn - first] != HEAD_USED(order))
		return -EINVAL;
	head_state[pfn - first] = HEAD_NONE;
	while (order + 1 < MAX_ORDER) {
		unsigned long buddy = pfn ^ (1UL << order);

		if (buddy < first || buddy + (1UL << order) > end ||
		    head_state[buddy - first] != HEAD_FREE(order))
			break;
		remove_free(buddy, order);
		pfn = min(pfn, buddy);
		order++;
	}
	push_free(pfn, order);
	return 0;
}

static unsigned long buddy_free_blocks(unsigned int order)
{
	return order < MAX_ORDER ? free_blocks[order] : 0;
}

const struct frame_allocator frame_allocator = {
	.name = "buddy",
	.setup = buddy_setup,
	.add_free = buddy_add_free,
	.alloc = buddy_alloc,
	.free = buddy_free,
	.free_blocks = buddy_free_blocks,
};
