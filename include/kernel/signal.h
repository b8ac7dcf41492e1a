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

#define SIGHUP	  1
#define SIGINT	  2
#define SIGQUIT	  3
#define SIGILL	  4
#define SIGTRAP	  5
#define SIGABRT	  6
#define SIGBUS	  7
#define SIGFPE	  8
#define SIGKILL	  9
#define SIGUSR1	  10
#define SIGSEGV	  11
#define SIGUSR2	  12
#define SIGPIPE	  13
#define SIGALRM	  14
#define SIGTERM	  15
#define SIGCHLD	  17
#define SIGCONT	  18
#define SIGSTOP	  19
#define SIGTSTP	  20
#define SIGTTIN	  21
#define SIGTTOU	  22
#define SIGURG	  23
#define SIGXCPU	  24
#define SIGXFSZ	  25
#define SIGVTALRM 26
#define SIGPROF	  27
#define SIGWINCH  28
#define SIGIO	  29
#define SIGPWR	  30
#define SIGSYS	  31
#define SIGRTMIN  32
#define _NSIG	  64 /* signals 1 to 64; 32 to 64 are the real-time ones */

#ifndef __ASSEMBLER__
struct task_struct;

/*
 * Whether @p has a signal to act on, so that an interruptible sleep
 * (wait_event_interruptible()) must end and its system call return
 * -ERESTARTSYS or -EINTR.
 */
#ifdef CONFIG_USER_MODE
bool signal_pending(const struct task_struct *p);
#else
static inline bool signal_pending(const struct task_struct *p)
{
	return false; /* only processes take signals */
}
#endif
/*
 * Send @sig to @p from the kernel (a pipe's SIGPIPE, a terminal's
 * SIGINT): 0, or -EPERM for a kernel thread.  Interrupts on or off.
 */
int send_sig(int sig, struct task_struct *p);
/*
 * Send @sig to every process in process group @pgrp (a terminal's
 * foreground group, kill(-pgrp)): 0 if one took it, -ESRCH if there is
 * no such group.  Interrupts on or off.
 */
int kill_pgrp(int pgrp, int sig);
#endif

#define W_EXITCODE(ret, sig) (((ret)&0xff) << 8 | (sig))
#define WIFEXITED(status)    (((status)&0x7f) == 0)
#define WEXITSTATUS(status)  (((status) >> 8) & 0xff)
#define WIFSIGNALED(status)  (((status)&0x7f) != 0 && ((status)&0x7f) != 0x7f)
#define WTERMSIG(status)     ((status)&0x7f)

#endif
