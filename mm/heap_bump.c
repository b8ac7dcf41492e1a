// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_HEAP_BUMP: the bump allocator of blog_os's "Allocator Designs".
 *
 * An allocation moves a pointer forward through the current 4 MiB arena;
 * nothing is ever searched and nothing freed is reused, except all at
 * once: each arena counts its live allocations, and when the count drops
 * to zero the arena starts over (or, if it is not the current one, goes
 * back to the frame allocator).  One long-lived object therefore pins its
 * whole arena — the design's known weakness, which the heap suite's
 * long-lived case shows.
 *
 * Each allocation has a 16-byte header before it: its size, for ksize()
 * and krealloc(), and a mark made from its address that says whether it
 * is live or freed.  An arena's live count is all that decides when it
 * starts over, so kfree() must never count a pointer that is not a live
 * allocation: interior pointers and double frees are reported instead.
 */
#include <kernel/compiler.h>
#include "heap.h"

#define BUMP_LIVE  0x11feb0a711feb0a7UL
#define BUMP_FREED 0xf7eeb0a7f7eeb0a7UL

struct arena {
	char *next, *end;
	unsigned long live;
};

struct bump_header {
	size_t size;
	unsigned long mark; /* BUMP_LIVE or BUMP_FREED, xor the address */
};

static struct bump_header *header_of(const void *p)
{
	return (struct bump_header *)p - 1;
}

static struct arena *current;

/* The arena header sits at the start of the arena; its pages name it as owner. */
static struct arena *new_arena(void)
{
	struct arena *a = alloc_pages(HEAP_ARENA_ORDER);

	if (!a)
		return NULL;
	a->next = (char *)(a + 1);
	a->end = (char *)a + HEAP_ARENA_SIZE;
	a->live = 0;
	set_page_owner(a, HEAP_ARENA_ORDER, a);
	return a;
}

/* Does a block of @size aligned to @align fit in @a?  If so, *@p is where. */
static bool fit(const struct arena *a, size_t size, size_t align, char **p)
{
	*p = (char *)ALIGN((uintptr_t)a->next + sizeof(struct bump_header), align);
	return *p < a->end && size <= (size_t)(a->end - *p);
}

/* Hand out the block at @p, where fit() said it fits. */
static void *take(struct arena *a, char *p, size_t size)
{
	header_of(p)->size = size;
	header_of(p)->mark = BUMP_LIVE ^ (uintptr_t)p;
	a->next = p + size;
	a->live++;
	return p;
}

/*
 * The slow path: the current arena started over if it is empty, else a
 * new one.  Out of line, so that the fast path saves no registers.
 */
static __noinline void *bump_new_arena(size_t size, size_t align)
{
	char *p;

	if (current && !current->live)
		current->next = (char *)(current + 1);
	else if (!(current = new_arena()))
		return NULL;
	return fit(current, size, align, &p) ? take(current, p, size) : NULL;
}

static void *bump_alloc(size_t size, unsigned long caller)
{
	size_t align = kmalloc_align(size);
	char *p;
	spin_guard(&heap_lock);

	if (!size || size > HEAP_ARENA_SIZE / 2)
		return NULL;
	if (unlikely(!current || !fit(current, size, align, &p)))
		return bump_new_arena(size, align);
	return take(current, p, size);
}

/*
 * What is wrong with @p as a live allocation (NULL if nothing), and the
 * arena it lies in.
 */
static const char *bad_pointer(const char *p, struct arena **arena)
{
	struct arena *a = page_owner(p);
	const char *first;

	if (!a || a != (struct arena *)((uintptr_t)p & ~(HEAP_ARENA_SIZE - 1)))
		return "not heap memory";
	*arena = a;
	first = (const char *)(a + 1) + sizeof(struct bump_header);
	if ((uintptr_t)p % KMALLOC_MIN_ALIGN || p < first)
		return "not the start of an allocation";
	if (p >= a->next)
		return "double free (its arena has been emptied since)";
	if (likely(header_of(p)->mark == (BUMP_LIVE ^ (uintptr_t)p)))
		return NULL;
	if (header_of(p)->mark == (BUMP_FREED ^ (uintptr_t)p))
		return "double free";
	return "not the start of an allocation";
}

/* The last allocation of @a was freed: start it over, or give it back. */
static __noinline void arena_emptied(struct arena *a)
{
	if (a == current) {
		a->next = (char *)(a + 1);
	} else {
		set_page_owner(a, HEAP_ARENA_ORDER, NULL);
		free_pages(a, HEAP_ARENA_ORDER);
	}
}

static void bump_free(const void *p, unsigned long caller)
{
	const char *why;
	struct arena *a;
	spin_guard(&heap_lock);

	why = bad_pointer(p, &a);
	if (unlikely(why)) {
		heap_bad_pointer(&heap_kfree, p, why, caller);
		return;
	}
	header_of(p)->mark = BUMP_FREED ^ (uintptr_t)p;
	if (!--a->live)
		arena_emptied(a);
}

static size_t bump_block_size(const void *p, const struct heap_call *call, unsigned long caller)
{
	struct arena *a;
	const char *why = bad_pointer(p, &a);

	if (!why)
		return header_of(p)->size;
	heap_bad_pointer(call, p, why, caller);
	return 0;
}

const struct heap_design heap_design = {
	.name = "bump",
	.caps = HEAP_KFREE_CHECKS_OBJECTS,
	.alloc = bump_alloc,
	.free = bump_free,
	.block_size = bump_block_size,
};
