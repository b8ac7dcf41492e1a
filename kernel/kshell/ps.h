/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ps (ps.c) shares with top (top.c): the task table with each
 * task's share of the CPU since the table was last printed.
 */
#ifndef _KERNEL_KSHELL_PS_H
#define _KERNEL_KSHELL_PS_H

/* Print every task; the shares cover the time since the last call. */
void ps_print(void);

#endif
