/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UBSan's runtime (lib/ubsan.c, CONFIG_UBSAN without CONFIG_UBSAN_TRAP):
 * the compiler calls its handlers; the kernel calls nothing but this, which
 * the UBSan test suite (lib/ubsan_test.c) uses to check what was reported.
 */
#ifndef _KERNEL_UBSAN_H
#define _KERNEL_UBSAN_H

#include <kernel/types.h>

struct ubsan_report {
	const char *kind; /* "shift-out-of-bounds", as the report's first line */
	const char *file;
	u32 line;
	u32 column;
	unsigned long count; /* reports printed since boot */
};

/* The last report printed (count 0: none yet). */
const struct ubsan_report *ubsan_last_report(void);

#endif
