/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output into buffers (lib/vsprintf.c), C99 semantics: the
 * output is always NUL-terminated when size > 0, and the return value is
 * the length the whole output would have had.  Conversions: d i u x X o c
 * s p %, flags "-+ 0#", width and precision (also "*"), lengths hh h l ll
 * j z t.  No floating point, no %n.
 */
#ifndef _KERNEL_SPRINTF_H
#define _KERNEL_SPRINTF_H

#include <kernel/compiler.h>
#include <kernel/types.h>

__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);

/* As above, but return what was actually written (without the NUL). */
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

#endif
