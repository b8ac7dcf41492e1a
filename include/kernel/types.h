/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width integer types.  The freestanding headers GCC ships (stdint.h,
 * stddef.h, stdbool.h, stdarg.h) are all a kernel may use from the C
 * library; the short names are the kernel's usual spelling.
 */
#ifndef _KERNEL_TYPES_H
#define _KERNEL_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;
typedef u64 phys_addr_t;

#endif
