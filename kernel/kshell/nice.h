/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What nice (nice.c) shares with spawn: how a refused scheduling
 * parameter is explained.
 */
#ifndef _KERNEL_KSHELL_NICE_H
#define _KERNEL_KSHELL_NICE_H

/* Say why sched_set_param(@value) gave -EINVAL, for command @cmd. */
void nice_report_einval(const char *cmd, int value);

#endif
