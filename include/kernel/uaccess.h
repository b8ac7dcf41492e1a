/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying between the kernel and user memory (CONFIG_USER_MODE), with
 * Linux's names and results (arch/x86_64/kernel/uaccess.c).
 *
 * A user pointer is whatever a program passed: NULL, unmapped, a kernel
 * address, a range that wraps past the top.  Every function here checks
 * that the range lies in user space (access_ok()) and then tries the
 * access, which the exception table turns into a failure if a page is
 * missing (<asm/extable.h>): the result says so, and the kernel never
 * oopses on a user's pointer.  Call them from a task, on the address
 * space whose user memory is meant.
 *
 * __user marks a pointer into user memory, which the kernel must not
 * dereference itself (with SMAP it would oops).
 */
#ifndef _KERNEL_UACCESS_H
#define _KERNEL_UACCESS_H

#include <asm/uaccess.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/types.h>

/* Copy @n bytes; the number of bytes NOT copied (0 on success), as Linux. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);

/*
 * Copy the string at @src into @dst, at most @count bytes: its length
 * without the NUL when a NUL came within @count bytes (copied too); @count
 * when none did (@dst then has no NUL); -EFAULT when a byte before either
 * could not be read.  Bytes of @dst past the result are undefined.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * One variable of 1, 2, 4 or 8 bytes, in one access: 0, or -EFAULT (and
 * @x is 0 for get_user(); put_user() writes nothing then).
 */
#define get_user(x, ptr)                                                                          \
	({                                                                                        \
		u64 __gu_val = 0;                                                                 \
		int __gu_err = -EFAULT;                                                           \
		BUILD_BUG_ON(sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 && sizeof(*(ptr)) != 4 && \
			     sizeof(*(ptr)) != 8);                                                \
		if (access_ok((ptr), sizeof(*(ptr))))                                             \
			__gu_err = raw_get_user_n(&__gu_val, (ptr), sizeof(*(ptr)));              \
		(x) = (__typeof__(*(ptr)))__gu_val; /* the low bytes: x86 is little-endian */     \
		__gu_err;                                                                         \
	})

#define put_user(x, ptr)                                                                          \
	({                                                                                        \
		__typeof__(*(ptr)) __pu_val = (x);                                                \
		BUILD_BUG_ON(sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 && sizeof(*(ptr)) != 4 && \
			     sizeof(*(ptr)) != 8);                                                \
		access_ok((ptr), sizeof(*(ptr)))                                                  \
			? raw_put_user_n(&__pu_val, (ptr), sizeof(*(ptr)))                        \
			: -EFAULT;                                                                \
	})

#endif
