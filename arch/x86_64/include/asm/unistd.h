/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System call numbers: Linux's x86_64 numbers (arch/x86/entry/syscalls/
 * syscall_64.tbl), so that a program built for Linux calls the same
 * thing here.  A number is listed once Kestrel implements the call
 * (SYSCALL_DEFINEn in <kernel/syscalls.h> needs it); the table has room
 * for every number Linux has assigned.
 */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

#define __NR_nanosleep	35
#define __NR_getpid	39
#define __NR_exit	60
#define __NR_exit_group 231

/* One past the highest number the table can hold (Linux's end at 462). */
#define NR_syscalls 512

#endif
