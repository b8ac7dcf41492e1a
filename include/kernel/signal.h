/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signal numbers (Linux's, x86_64) and the wait status a task leaves.
 *
 * There is no signal delivery yet: a fault in ring 3 ends the task at
 * once with the status of death by the signal Linux would send
 * (arch/x86_64/kernel/user_fault.c).  The status is what wait4() reports
 * in Linux: the signal in the low 7 bits for a task a signal killed, the
 * exit code in bits 8-15 for one that called exit().
 */
#ifndef _KERNEL_SIGNAL_H
#define _KERNEL_SIGNAL_H

#define SIGILL	4
#define SIGTRAP 5
#define SIGBUS	7
#define SIGFPE	8
#define SIGKILL 9
#define SIGSEGV 11
#define SIGTERM 15

#define W_EXITCODE(ret, sig) (((ret)&0xff) << 8 | (sig))
#define WIFEXITED(status)    (((status)&0x7f) == 0)
#define WEXITSTATUS(status)  (((status) >> 8) & 0xff)
#define WIFSIGNALED(status)  (((status)&0x7f) != 0 && ((status)&0x7f) != 0x7f)
#define WTERMSIG(status)     ((status)&0x7f)

#endif
