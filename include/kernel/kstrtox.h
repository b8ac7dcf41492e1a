/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Strict string-to-number conversion (lib/kstrtox.c): the whole string must
 * be a number (one trailing newline allowed), or the call fails with
 * -EINVAL; a number that does not fit fails with -ERANGE.  Base 0 accepts
 * 0x (hex) and 0 (octal) prefixes.
 */
#ifndef _KERNEL_KSTRTOX_H
#define _KERNEL_KSTRTOX_H

#include <kernel/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
/* "1", "y", "Y", "on" are true; "0", "n", "N", "off" are false. */
int kstrtobool(const char *s, bool *res);

#endif
