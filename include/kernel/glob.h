/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shell-style wildcard matching (lib/glob.c): "*" matches any run of
 * characters, "?" any one character, everything else itself.  Used to pick
 * test suites from the command line.
 */
#ifndef _KERNEL_GLOB_H
#define _KERNEL_GLOB_H

#include <kernel/types.h>

bool glob_match(const char *pattern, const char *str);

#endif
