// SPDX-License-Identifier: GPL-2.0
/*
 * A first-fit allocator with coalescing, the "linked list allocator" of
 * blog_os's "Allocator Designs" post.
 *
 * Free memory is a list of free blocks sorted by address, each starting
 * with its size and the next block.  An allocation walks the list to the
 * first block with room for the aligned request and its header, and
 * splits off what is left when that is big enough to be a block.  A free
 * puts the chunk back in address order and merges it with the free blocks
 * right before and after it, so that freed neighbours become one block
 * again.  Memory comes in 4 MiB arenas from the frame allocator, one more
 * whenever nothing fits.
 *
 * Each allocated chunk has a 16-byte header right before the pointer:
 * where the chunk starts (the alignment may have skipped a few bytes) and
 * how long it is.
 */
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include "heap.h"

#define CHUNK_ALIGN	16
#define MIN_BLOCK	32

struct free_block {
	size_t size;
	struct free_block *next;
};

struct chunk_header {
	char *start;
	size_t size;
};

static struct free_block *free_list;
static char first_fit_owner;	/* page owner of the arenas */

static struct chunk_header *header_of(const void *p)
{
	return (struct chunk_header *)p - 1;
}

/* Insert [start, start + size) in address order and merge with its neighbours. */
static void insert_free(char *start, size_t size)
{
	struct free_block **link = &free_list, *prev = NULL, *b = (struct free_block *)start;

	while (*link && (char *)*link < start) {
		prev = *link;
		link = &(*link)->next;
	}
	b->size = size;
	b->next = *link;
	*link = b;
	if (b->next && start + b->size == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && (char *)prev + prev->size == start) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

static bool grow(size_t need)
{
	char *arena;

	if (need > HEAP_ARENA_SIZE)
		return false;
	arena = alloc_pages(HEAP_ARENA_ORDER);
	if (!arena)
		return false;
	set_page_owner(arena, HEAP_ARENA_ORDER, &first_fit_owner);
	insert_free(arena, HEAP_ARENA_SIZE);
	return true;
}

/* Carve the request out of @b if it fits; returns the payload or NULL. */
static void *fit(struct free_block **link, size_t size, size_t align)
{
	struct free_block *b = *link;
	char *start = (char *)b, *end = start + b->size;
	char *payload = (char *)ALIGN((uintptr_t)start + sizeof(struct chunk_header), align);
	char *chunk_end = (char *)ALIGN((uintptr_t)payload + size, CHUNK_ALIGN);

	if (chunk_end > end)
		return NULL;
	*link = b->next;
	if (end - chunk_end >= MIN_BLOCK)
		insert_free(chunk_end, end - chunk_end);
	else
		chunk_end = end;
	header_of(payload)->start = start;
	header_of(payload)->size = chunk_end - start;
	return payload;
}

void *first_fit_alloc(size_t size, size_t align)
{
	struct free_block **link;
	void *p;

	align = max(align, (size_t)CHUNK_ALIGN);
	for (;;) {
		for (link = &free_list; *link; link = &(*link)->next) {
			p = fit(link, size, align);
			if (p)
				return p;
		}
		if (!grow(size + align + sizeof(struct chunk_header)))
			return NULL;
	}
}

void first_fit_free(void *p)
{
	struct chunk_header *h = header_of(p);

	insert_free(h->start, h->size);
}

size_t first_fit_size(const void *p)
{
	const struct chunk_header *h = header_of(p);

	return h->start + h->size - (const char *)p;
}

bool first_fit_owns(const void *p)
{
	return page_owner(p) == &first_fit_owner;
}
