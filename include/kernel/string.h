/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String and memory functions (lib/string.c).  GCC may emit calls to
 * memcpy, memmove, memset and memcmp on its own, so these keep their
 * standard names and semantics.
 */
#ifndef _KERNEL_STRING_H
#define _KERNEL_STRING_H

#include <kernel/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);

/*
 * Copy a string into a buffer of @size bytes, always NUL-terminated when
 * @size > 0.  Returns the length copied, or -E2BIG if @src was truncated.
 */
ssize_t strscpy(char *dest, const char *src, size_t size);

#endif
