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
 * Each allocation has an 8-byte header before it with its size, for
 * ksize() and krealloc().
 */
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "heap.h"

const char heap_name[] = "bump";

struct arena {
	char *next, *end;
	unsigned long live;
};

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

static void *bump(struct arena *a, size_t size, size_t align)
{
	char *p = (char *)ALIGN((uintptr_t)a->next + sizeof(size_t), align);

	if (p + size > a->end)
		return NULL;
	((size_t *)p)[-1] = size;
	a->next = p + size;
	a->live++;
	return p;
}

void *kmalloc_caller(size_t size, unsigned long caller)
{
	void *p;

	if (!size || size > HEAP_ARENA_SIZE / 2)
		return NULL;
	if (current && (p = bump(current, size, kmalloc_align(size))))
		return p;
	if (current && !current->live)
		current->next = (char *)(current + 1);
	else if (!(current = new_arena()))
		return NULL;
	return bump(current, size, kmalloc_align(size));
}

void __kfree(const void *p)
{
	struct arena *a;

	if (!p)
		return;
	a = page_owner(p);
	if (!a || a != (struct arena *)((uintptr_t)p & ~(HEAP_ARENA_SIZE - 1))) {
		pr_err("kfree(%p): not a heap address; not freed\n", p);
		return;
	}
	if (--a->live)
		return;
	if (a == current) {
		a->next = (char *)(a + 1);	/* everything freed: start over */
	} else {
		set_page_owner(a, HEAP_ARENA_ORDER, NULL);
		free_pages(a, HEAP_ARENA_ORDER);
	}
}

size_t ksize(const void *p)
{
	return p && page_owner(p) ? ((const size_t *)p)[-1] : 0;
}

void heap_init(void)
{
}

void heap_report(void)
{
}
