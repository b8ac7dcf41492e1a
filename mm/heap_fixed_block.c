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
 */
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include "heap.h"

const char heap_name[] = "fixed-block";

#define BLOCK_SHIFT_MIN	3
#define BLOCK_SHIFT_MAX	11
#define NR_CLASSES	(BLOCK_SHIFT_MAX - BLOCK_SHIFT_MIN + 1)

struct block {
	struct block *next;
};

static struct block *free_blocks[NR_CLASSES];
static char class_owner[NR_CLASSES];	/* page owner: which size a page is cut into */

static unsigned int class_of(size_t size)
{
	return size <= (1U << BLOCK_SHIFT_MIN) ? 0 :
	       (8 * sizeof(long) - __builtin_clzl(size - 1)) - BLOCK_SHIFT_MIN;
}

static bool refill(unsigned int class)
{
	size_t size = 1UL << (class + BLOCK_SHIFT_MIN), off;
	char *page = alloc_page();

	if (!page)
		return false;
	set_page_owner(page, 0, &class_owner[class]);
	for (off = PAGE_SIZE; off >= size; off -= size) {
		struct block *b = (struct block *)(page + off - size);

		b->next = free_blocks[class];
		free_blocks[class] = b;
	}
	return true;
}

void *kmalloc_caller(size_t size, unsigned long caller)
{
	unsigned int class;
	struct block *b;

	if (!size)
		return NULL;
	if (size > (1UL << BLOCK_SHIFT_MAX))
		return first_fit_alloc(size, kmalloc_align(size));
	class = class_of(size);
	if (!free_blocks[class] && !refill(class))
		return NULL;
	b = free_blocks[class];
	free_blocks[class] = b->next;
	return b;
}

static int class_of_page(const void *p)
{
	const char *owner = page_owner(p);

	if (owner >= class_owner && owner < class_owner + NR_CLASSES)
		return owner - class_owner;
	return -1;
}

void __kfree(const void *p)
{
	int class;
	struct block *b = (struct block *)p;

	if (!p)
		return;
	class = class_of_page(p);
	if (class >= 0) {
		b->next = free_blocks[class];
		free_blocks[class] = b;
	} else if (first_fit_owns(p)) {
		first_fit_free((void *)p);
	} else {
		pr_err("kfree(%p): not a heap address; not freed\n", p);
	}
}

size_t ksize(const void *p)
{
	int class;

	if (!p)
		return 0;
	class = class_of_page(p);
	if (class >= 0)
		return 1UL << (class + BLOCK_SHIFT_MIN);
	return first_fit_owns(p) ? first_fit_size(p) : 0;
}

void heap_init(void)
{
}

void heap_report(void)
{
}
