/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic types, built from GCC's predefined macros.
 *
 * The kernel is compiled with -nostdinc: no header from a C library, and
 * none from the compiler either, so the build never has to ask GCC where
 * its own headers live.  The standard names (uint32_t, size_t, bool,
 * va_list, NULL, offsetof) are defined here with their usual meaning; the
 * short names (u8 ... u64) are the kernel's usual spelling.
 */
#ifndef _KERNEL_TYPES_H
#define _KERNEL_TYPES_H

typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTMAX_TYPE__ intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef long ssize_t;

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef u64 phys_addr_t;

#ifndef __cplusplus
typedef _Bool bool;
#define true 1
#define false 0
#endif

/*
 * The host program (ARCH=host) includes the C library's headers before
 * these; Clang calls a second definition with other parameter names a
 * redefinition, so the macros below yield to theirs.
 */
#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif

typedef __builtin_va_list va_list;
#ifndef va_start
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type)   __builtin_va_arg(ap, type)
#define va_copy(dst, src)  __builtin_va_copy(dst, src)
#define va_end(ap)	   __builtin_va_end(ap)
#endif

#endif
