// SPDX-License-Identifier: GPL-2.0
/*
 * The user access functions of <kernel/uaccess.h>, on the primitives of
 * <asm/uaccess.h>: the range check first, then the access, whose fault
 * the exception table turns into the count of bytes not copied.
 */
#include <kernel/uaccess.h>

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!access_ok(from, n))
		return n;
	return raw_copy_user(to, (const void *)from, n);
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void *)to, from, n);
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		u8 c;

		if (get_user(c, (const u8 __user *)src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}
