/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Saved backtraces, as Linux's <linux/stacktrace.h>: return addresses
 * kept to print later, for reports that show where something happened
 * long before (lockdep shows the stack that first took two locks in one
 * order when the other order comes).  arch/x86_64/kernel/dumpstack.c
 * walks the frame pointers, or without them scans the stack.
 */
#ifndef _KERNEL_STACKTRACE_H
#define _KERNEL_STACKTRACE_H

#include <kernel/types.h>

/*
 * Up to @size return addresses of the caller's callers into @store, the
 * first @skipnr left out (0: from the caller's caller up); how many.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);
/* One line each, "func+off/size", indented by @spaces, at KERN_ERR. */
void stack_trace_print(const unsigned long *entries, unsigned int nr_entries, int spaces);

#endif
