/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compiler attributes and small helper macros used everywhere.
 */
#ifndef _KERNEL_COMPILER_H
#define _KERNEL_COMPILER_H

#define __section(s)		 __attribute__((__section__(s)))
#define __used			 __attribute__((__used__))
#define __packed		 __attribute__((__packed__))
#define __aligned(n)		 __attribute__((__aligned__(n)))
#define __noreturn		 __attribute__((__noreturn__))
#define __noinline		 __attribute__((__noinline__))
/* Not all of a set of helpers is used everywhere they are defined. */
#define __maybe_unused		 __attribute__((__unused__))
/* A call to a function declared with this that survives optimization fails the build. */
#define __compiletime_error(msg) __attribute__((__error__(msg)))
#ifndef __always_inline /* the host's C library may have defined it */
#define __always_inline inline __attribute__((__always_inline__))
#endif
#define __printf(a, b)	     __attribute__((__format__(printf, a, b)))
/* No UBSan check of @check ("null", ...) in this function: it faults on purpose. */
#define __no_sanitize(check) __attribute__((__no_sanitize__(check)))
/* Where the current function returns to: who called it, for reports. */
#define _RET_IP_	     ((unsigned long)__builtin_return_address(0))

#define likely(x)	   __builtin_expect(!!(x), 1)
#define unlikely(x)	   __builtin_expect(!!(x), 0)
#define barrier()	   __asm__ __volatile__("" ::: "memory")
/*
 * One load or store of @x that the compiler may neither merge, repeat nor
 * drop: for a variable another task or an interrupt handler changes, read
 * in a loop that would otherwise be compiled to read it once.
 */
#define READ_ONCE(x)	   (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#define ARRAY_SIZE(a)	   (sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#define ALIGN(x, a)	   (((x) + ((a)-1)) & ~((__typeof__(x))(a)-1))
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

#define min(a, b)                       \
	({                              \
		__typeof__(a) _a = (a); \
		__typeof__(b) _b = (b); \
		_a < _b ? _a : _b;      \
	})
#define max(a, b)                       \
	({                              \
		__typeof__(a) _a = (a); \
		__typeof__(b) _b = (b); \
		_a > _b ? _a : _b;      \
	})

/*
 * A pointer into user memory, as in Linux: to be read and written only
 * through <kernel/uaccess.h>.  For the reader (and sparse, one day); the
 * compiler sees nothing.
 */
#define __user

#endif
