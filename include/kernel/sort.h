/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sorting the few dozen samples a benchmark takes, for their median: an
 * insertion sort, which at that size needs nothing more.
 */
#ifndef _KERNEL_SORT_H
#define _KERNEL_SORT_H

#include <kernel/types.h>

/* Sort @v[0..n) in ascending order. */
static inline void sort_u64(u64 *v, unsigned int n)
{
	unsigned int i, j;
	u64 x;

	for (i = 1; i < n; i++) {
		for (x = v[i], j = i; j && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

#endif
