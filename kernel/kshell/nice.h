/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What nice (nice.c) shares with spawn: reading a scheduling parameter
 * against the policy's range.
 */
#ifndef _KERNEL_KSHELL_NICE_H
#define _KERNEL_KSHELL_NICE_H

/*
 * Parse @arg as the policy's parameter into *@value, or say why not (the
 * policy has none, or its range) for command @cmd and return -EINVAL.
 */
int nice_parse(const char *cmd, const char *arg, int *value);

#endif
