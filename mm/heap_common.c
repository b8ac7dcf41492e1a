// SPDX-License-Identifier: GPL-2.0
/*
 * kzalloc() and krealloc() for the heap designs that only provide
 * kmalloc(), kfree() and ksize() (the slab allocator has its own, which
 * also record the caller for its debugging).
 */
#include <kernel/compiler.h>
#include <kernel/slab.h>
#include <kernel/string.h>

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void *krealloc(void *p, size_t new_size)
{
	size_t old = ksize(p);
	void *q;

	if (!new_size) {
		kfree(p);
		return NULL;
	}
	if (p && old >= new_size)
		return p;
	q = kmalloc(new_size);
	if (q && p) {
		memcpy(q, p, min(old, new_size));
		kfree(p);
	}
	return q;
}
