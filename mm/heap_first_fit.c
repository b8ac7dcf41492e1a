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
 * again.  Memory comes in 4 MiB arenas from the frame allocator, aligned
 * to their size, one more whenever nothing fits; blocks merge only inside
 * an arena.
 *
 * Each allocated chunk has a 16-byte header right before the pointer: how
 * far the chunk starts before it (alignment may have skipped a few bytes),
 * a mark made from the pointer while it is allocated, and the chunk's
 * length.  kfree() believes a header only if the mark matches and the
 * chunk lies inside the pointer's arena, so that an interior or stray
 * pointer is reported rather than freed; and since a free walks the free
 * list anyway, a pointer into memory that is already free is reported as
 * the double free it is.
 */
#include <kernel/compiler.h>
#include "heap.h"

#define CHUNK_ALIGN 16
#define MIN_BLOCK   32
#define CHUNK_LIVE  0xa11c0c5dU /* low bits never 0: a payload is 16-aligned */

struct free_block {
	size_t size;
	struct free_block *next;
};

struct chunk_header {
	u32 offset;  /* from the chunk's start to the payload */
	u32 mark;    /* live_mark(payload) while allocated */
	size_t size; /* of the whole chunk */
};

static struct free_block *free_list;
static char first_fit_owner; /* page owner of the arenas */

static struct chunk_header *header_of(const void *p)
{
	return (struct chunk_header *)p - 1;
}

static u32 live_mark(const void *p)
{
	return CHUNK_LIVE ^ (u32)(uintptr_t)p;
}

/* Where @addr goes in the free list: the link to follow, and the last block at or before it. */
static struct free_block **find_slot(const char *addr, struct free_block **prev)
{
	struct free_block **link = &free_list;

	*prev = NULL;
	while (*link && (char *)*link <= addr) {
		*prev = *link;
		link = &(*link)->next;
	}
	return link;
}

/*
 * Arenas that the frame allocator hands out side by side (the bitmap
 * allocator does) must not merge: a chunk never spans two, which is what
 * kfree() and ksize() rely on to find its arena.
 */
static bool starts_arena(const void *p)
{
	return (uintptr_t)p % HEAP_ARENA_SIZE == 0;
}

/* Put [start, start + size) at @link, after @prev, and merge it with both. */
static void insert_at(struct free_block **link, struct free_block *prev, char *start, size_t size)
{
	struct free_block *b = (struct free_block *)start;

	b->size = size;
	b->next = *link;
	*link = b;
	if (b->next && start + b->size == (char *)b->next && !starts_arena(b->next)) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && (char *)prev + prev->size == start && !starts_arena(start)) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

static void insert_free(char *start, size_t size)
{
	struct free_block *prev, **link = find_slot(start, &prev);

	insert_at(link, prev, start, size);
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

/*
 * What is left of @b past an allocation, the @size bytes at @rest, takes
 * its place in the list: it lies between the same neighbours, and merges
 * with neither (the allocation is before it, and @b did not merge with
 * the block after it).
 */
static struct free_block *split(struct free_block *b, char *rest, size_t size)
{
	struct free_block *r = (struct free_block *)rest;

	r->size = size;
	r->next = b->next;
	return r;
}

/*
 * Carve the request out of @b if it fits; returns the payload or NULL.
 * first_fit_alloc() keeps @size and @align below an arena, and a block
 * lies inside one, so no sum here can wrap.
 */
static void *fit(struct free_block **link, size_t size, size_t align)
{
	struct free_block *b = *link;
	uintptr_t start = (uintptr_t)b, end = start + b->size;
	uintptr_t payload = ALIGN(start + sizeof(struct chunk_header), align), chunk_end;

	if (payload >= end || size > end - payload)
		return NULL;
	chunk_end = ALIGN(payload + size, CHUNK_ALIGN);
	if (chunk_end > end)
		return NULL;
	if (end - chunk_end >= MIN_BLOCK) {
		*link = split(b, (char *)chunk_end, end - chunk_end);
	} else {
		*link = b->next;
		chunk_end = end;
	}
	header_of((void *)payload)->offset = payload - start;
	header_of((void *)payload)->mark = live_mark((void *)payload);
	header_of((void *)payload)->size = chunk_end - start;
	return (void *)payload;
}

/*
 * The first free block the request fits in, carved; NULL if none.
 * Inline in both callers: the common case is one allocation, one search.
 */
static __always_inline void *search(size_t size, size_t align)
{
	struct free_block **link;
	void *p;

	for (link = &free_list; *link; link = &(*link)->next) {
		p = fit(link, size, align);
		if (p)
			return p;
	}
	return NULL;
}

/*
 * Nothing fits: one more arena, which does (first_fit_alloc() keeps a
 * request below an arena, header and alignment included).  Out of line,
 * so that the search saves no registers for it.
 */
static __noinline void *grow_and_search(size_t size, size_t align)
{
	return grow(size + align + sizeof(struct chunk_header)) ? search(size, align) : NULL;
}

void *first_fit_alloc(size_t size, size_t align)
{
	void *p;

	align = max(align, (size_t)CHUNK_ALIGN);
	if (!size || align > PAGE_SIZE ||
	    size > HEAP_ARENA_SIZE - align - sizeof(struct chunk_header))
		return NULL;
	p = search(size, align);
	return likely(p) ? p : grow_and_search(size, align);
}

/*
 * Is @p the payload of a live chunk?  Reads the header only inside p's
 * arena.  Inline, as bad_chunk() is, in every kfree().
 */
static __always_inline bool chunk_is_live(const char *p)
{
	uintptr_t arena = (uintptr_t)p & ~(HEAP_ARENA_SIZE - 1), start;
	const struct chunk_header *h = header_of(p);

	if ((uintptr_t)p % CHUNK_ALIGN || (uintptr_t)p - arena < sizeof(*h))
		return false;
	if (h->mark != live_mark(p) || h->offset < sizeof(*h) || h->offset > (uintptr_t)p - arena)
		return false;
	start = (uintptr_t)p - h->offset;
	return h->size > h->offset && h->size <= arena + HEAP_ARENA_SIZE - start;
}

static bool first_fit_owns(const void *p)
{
	return page_owner(p) == &first_fit_owner;
}

/*
 * What is wrong with @p as the payload of a live chunk; NULL if nothing.
 * One walk of the free list finds both whether @p lies in a free block
 * (then whatever was there has been freed: a double free) and, in @link
 * and @prev, where its chunk goes back: no free block can start between
 * a live chunk's start and its payload.  Inline in both callers: out of
 * line, @link and @prev went through the stack, and the stack protector
 * guarded them on every kfree().
 */
static __always_inline const char *bad_chunk(const char *p, struct free_block ***link,
					     struct free_block **prev)
{
	if (!first_fit_owns(p))
		return "not heap memory";
	*link = find_slot(p, prev);
	if (*prev && p < (char *)*prev + (*prev)->size)
		return "double free (the memory is free)";
	if (!chunk_is_live(p))
		return "not the start of an allocation";
	return NULL;
}

void first_fit_free(void *p, unsigned long caller)
{
	struct free_block *prev, **link;
	const char *why = bad_chunk(p, &link, &prev);
	struct chunk_header *h = header_of(p);

	if (why) {
		heap_bad_pointer(&heap_kfree, p, why, caller);
		return;
	}
	h->mark = 0;
	insert_at(link, prev, (char *)p - h->offset, h->size);
}

size_t first_fit_size(const void *p, const struct heap_call *call, unsigned long caller)
{
	struct free_block *prev, **link;
	const char *why = bad_chunk(p, &link, &prev);
	const struct chunk_header *h = header_of(p);

	if (!why)
		return h->size - h->offset;
	heap_bad_pointer(call, p, why, caller);
	return 0;
}
