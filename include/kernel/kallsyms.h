/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel symbol lookup (kernel/kallsyms.c): address -> "function+off/size".
 *
 * The table of function names and addresses is embedded in the kernel by
 * a two-pass link (scripts/link-kernel, scripts/kallsyms).  Without
 * CONFIG_KALLSYMS there is no table and addresses print as plain hex.
 */
#ifndef _KERNEL_KALLSYMS_H
#define _KERNEL_KALLSYMS_H

#include <kernel/types.h>

#define KSYM_NAME_LEN	128
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 40) /* name+0xoff/0xsize */

#ifdef CONFIG_KALLSYMS
/*
 * The name of the function containing @addr, with @addr's offset into it
 * and the function's size; NULL if @addr is not in the kernel's text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);
#else
static inline const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
					  unsigned long *offset)
{
	return NULL;
}
#endif

/* "start_kernel+0x4a/0x120" for @addr, or its hex value when unknown. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
/*
 * The same for a return address: looked up at @addr - 1, so that a call
 * at the very end of a function is not attributed to the next one.
 */
int sprint_backtrace(char *buf, size_t size, unsigned long addr);

#endif
