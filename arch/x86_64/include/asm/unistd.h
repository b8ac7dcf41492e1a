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

#define __NR_read	     0
#define __NR_write	     1
#define __NR_open	     2
#define __NR_close	     3
#define __NR_stat	     4
#define __NR_fstat	     5
#define __NR_lstat	     6
#define __NR_lseek	     8
#define __NR_mmap	     9
#define __NR_mprotect	     10
#define __NR_munmap	     11
#define __NR_brk	     12
#define __NR_ioctl	     16
#define __NR_pread64	     17
#define __NR_pwrite64	     18
#define __NR_readv	     19
#define __NR_writev	     20
#define __NR_sched_yield     24
#define __NR_dup	     32
#define __NR_dup2	     33
#define __NR_nanosleep	     35
#define __NR_getpid	     39
#define __NR_clone	     56
#define __NR_fork	     57
#define __NR_vfork	     58
#define __NR_execve	     59
#define __NR_exit	     60
#define __NR_wait4	     61
#define __NR_kill	     62
#define __NR_uname	     63
#define __NR_fcntl	     72
#define __NR_getcwd	     79
#define __NR_chdir	     80
#define __NR_fchdir	     81
#define __NR_getuid	     102
#define __NR_getgid	     104
#define __NR_geteuid	     107
#define __NR_getegid	     108
#define __NR_getppid	     110
#define __NR_arch_prctl	     158
#define __NR_gettid	     186
#define __NR_getdents64	     217
#define __NR_set_tid_address 218
#define __NR_exit_group	     231
#define __NR_openat	     257
#define __NR_newfstatat	     262
#define __NR_dup3	     292

/* One past the highest number the table can hold (Linux's end at 462). */
#define NR_syscalls 512

#endif
