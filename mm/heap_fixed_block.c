// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_HEAP_FIXED_BLOCK: the fixed-size block allocator of blog_os's
 * "Allocator Designs".
 *
 * Requests up to 2048 bytes are rounded up to a power of two, and each
 * size has its own list of free blocks: allocation pops, free pushes,
 * both in constant time.  An empty list is refilled with a whole page cut
 * into blocks of that size (blog_os takes one block at a time from its
 * fallback; a page at once keeps blocks aligned to their size and lets
 * kfree() find the size from the page).  Larger requests go to the
 * first-fit allocator as the fallback.  Blocks are never given back to
 * the frame allocator: a list only grows.
 *
 * A free block holds its successor and a mark made from its own address,
 * so that kfree() can tell a block that is already free (a double free)
 * and, from the page's block size, a pointer that is not a block's start.
 * That takes two words, so the smallest block is 16 bytes (blog_os: 8).
 */
#include <kernel/compiler.h>
#include "heap.h"

#define BLOCK_SHIFT_MIN 4
#define BLOCK_SHIFT_MAX 11
#define NR_CLASSES	(BLOCK_SHIFT_MAX - BLOCK_SHIFT_MIN + 1)
#define BLOCK_FREE	0xf7eeb10cf7eeb10cUL

struct block {
	struct block *next;
	unsigned long mark; /* free_mark(block) while on a free list */
};

static struct block *free_blocks[NR_CLASSES];
static char class_owner[NR_CLASSES]; /* page owner: which size a page is cut into */

static unsigned long free_mark(const struct block *b)
{
	return BLOCK_FREE ^ (uintptr_t)b;
}

static size_t class_size(unsigned int class)
{
	return 1UL << (class + BLOCK_SHIFT_MIN);
}

static unsigned int class_of(size_t size)
{
	return size <= (1U << BLOCK_SHIFT_MIN)
		       ? 0
		       : (8 * sizeof(long) - __builtin_clzl(size - 1)) - BLOCK_SHIFT_MIN;
}

static void push(unsigned long class, struct block *b)
{
	b->next = free_blocks[class];
	b->mark = free_mark(b);
	free_blocks[class] = b;
}

/* An empty list gets a new page of blocks; out of line, as the slow path. */
static __noinline bool refill(unsigned int class)
{
	size_t size = class_size(class), off;
	char *page = alloc_page();

	if (!page)
		return false;
	set_page_owner(page, 0, &class_owner[class]);
	for (off = PAGE_SIZE; off >= size; off -= size)
		push(class, (struct block *)(page + off - size));
	return true;
}

static void *fixed_block_alloc(size_t size, unsigned long caller)
{
	unsigned int class;
	struct block *b;
	spin_guard(&heap_lock);

	if (!size)
		return NULL;
	if (size > (1UL << BLOCK_SHIFT_MAX))
		return first_fit_alloc(size, kmalloc_align(size));
	class = class_of(size);
	if (!free_blocks[class] && !refill(class))
		return NULL;
	b = free_blocks[class];
	free_blocks[class] = b->next;
	b->mark = 0;
	return b;
}

/* The size class of the page @p lies in; NR_CLASSES or more if it is not a page of blocks. */
static unsigned long class_of_page(const void *p)
{
	return (uintptr_t)page_owner(p) - (uintptr_t)class_owner;
}

/* What is wrong with @b, in a page of blocks of @class, as a live block; NULL if nothing. */
static const char *bad_block(const struct block *b, unsigned long class)
{
	if ((uintptr_t)b & (class_size(class) - 1))
		return "not the start of a block";
	if (b->mark == free_mark(b))
		return "double free (the block is free)";
	return NULL;
}

static void fixed_block_free(const void *p, unsigned long caller)
{
	struct block *b = (struct block *)p;
	unsigned long class;
	const char *why;
	spin_guard(&heap_lock);

	class = class_of_page(p);
	if (class >= NR_CLASSES) {
		first_fit_free((void *)p, caller);
		return;
	}
	why = bad_block(b, class);
	if (why)
		heap_bad_pointer(&heap_kfree, p, why, caller);
	else
		push(class, b);
}

static size_t fixed_block_block_size(const void *p, const struct heap_call *call,
				     unsigned long caller)
{
	unsigned long class = class_of_page(p);
	const char *why;

	if (class >= NR_CLASSES)
		return first_fit_size(p, call, caller);
	why = bad_block(p, class);
	if (!why)
		return class_size(class);
	heap_bad_pointer(call, p, why, caller);
	return 0;
}

const struct heap_design heap_design = {
	.name = "fixed-block",
	.caps = HEAP_KFREE_CHECKS_OBJECTS | HEAP_REUSES_EACH_BLOCK,
	.alloc = fixed_block_alloc,
	.free = fixed_block_free,
	.block_size = fixed_block_block_size,
};
