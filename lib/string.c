// SPDX-License-Identifier: GPL-2.0
/*
 * String and memory functions, written plainly: correctness first; only
 * memset() and memcpy() work a word at a time, as they fill and copy
 * pages.  memmove handles overlap in both directions; strscpy always
 * terminates and says when it truncated.
 */
#include <kernel/errno.h>
#include <kernel/string.h>

/*
 * A word at a time when both are aligned alike, as pages, page tables
 * and most structures are: fork, exec and every new address space copy
 * whole pages, and under QEMU's -icount every instruction is guest time.
 */
void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (!(((uintptr_t)d ^ (uintptr_t)s) & (sizeof(long) - 1))) {
		for (; n && ((uintptr_t)d & (sizeof(long) - 1)); n--)
			*d++ = *s++;
		for (; n >= sizeof(long); n -= sizeof(long), d += sizeof(long), s += sizeof(long))
			*(unsigned long *)d = *(const unsigned long *)s;
	}
	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dest, src, n);
	while (n--)
		d[n] = s[n];
	return dest;
}

/*
 * A word at a time once aligned: memset() fills whole objects and pages,
 * and under QEMU's -icount every instruction is guest time.
 */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	unsigned long word = 0x0101010101010101UL * (unsigned char)c;

	for (; n && ((uintptr_t)p & (sizeof(word) - 1)); n--)
		*p++ = (unsigned char)c;
	for (; n >= sizeof(word); n -= sizeof(word), p += sizeof(word))
		*(unsigned long *)p = word;
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return *needle ? NULL : (char *)haystack;
}

ssize_t strscpy(char *dest, const char *src, size_t size)
{
	size_t len;

	if (!size)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dest, src, size - 1);
		dest[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}
