/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Processes: tasks that run a program in user mode, with an address
 * space, open files, a parent and children (CONFIG_USER_MODE).
 *
 * A process is a task (<kernel/sched.h>) with p->process set: fork()
 * (kernel/fork.c) makes one from its parent, execve() (fs/exec.c) gives it
 * a new program, and its end (kernel/exit.c) leaves it a zombie that only
 * its parent's wait4() frees.  A process whose parent ends first is
 * re-parented to init when init is a program; when init is the kernel's
 * own (the kernel shell), nobody would ever wait for it, so it is freed
 * when it ends.  Signals (kernel/signal.c, <kernel/signal.h>) end, stop
 * and continue processes, and run their handlers.
 */
#ifndef _KERNEL_PROCESS_H
#define _KERNEL_PROCESS_H

#include <kernel/compiler.h>
#include <kernel/sched.h>
#include <kernel/types.h>

/* wait4() options, with Linux's values */
#define WNOHANG	    0x00000001
#define WUNTRACED   0x00000002
#define WCONTINUED  0x00000008
#define __WNOTHREAD 0x20000000 /* one thread a process: nothing to narrow */
#define __WALL	    0x40000000
#define __WCLONE    0x80000000

/* clone() flags that fork(), vfork() and C libraries use, with Linux's values */
#define CSIGNAL		     0x000000ff /* the signal sent to the parent at exit */
#define CLONE_VM	     0x00000100
#define CLONE_VFORK	     0x00004000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000

struct pt_regs;

/*
 * fork(), vfork() and clone() with those flags: a child of the calling
 * process returning to user mode from the same system call with 0 in RAX
 * (on @newsp, if not 0).  The child's pid, or -EINVAL for other flags,
 * -ENOMEM, -EAGAIN.
 */
long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		  int __user *child_tid);

/*
 * Start @argv[0] as a child process of the calling kernel thread, with
 * /dev/console as its standard input, output and error, and @envp.  The
 * child's pid, or a negative errno if no task could be made; what execve()
 * says of the program is the child's exit: it prints why and exits 127.
 */
int spawn_process(const char *const argv[], const char *const envp[]);

/*
 * Make the calling kernel thread a process, one that execve() can give a
 * program: standard input, output and error on /dev/console, the root as
 * its working directory.  0 or -ENOMEM.
 */
int make_process_of_current(void);

/*
 * @p (the caller) has called execve() or is ending: its vfork() parent,
 * if it still waits, goes on (kernel/fork.c).
 */
void complete_vfork_done(struct task_struct *p);

/* A process's part of task_exit(): its memory, files and children go. */
void exit_process(struct task_struct *p);
/*
 * The last of task_exit() for a process, dead now: wake its parent's
 * wait4(), or, with no parent, have it freed once it is off the CPU.
 * With tasklist_lock held (interrupts off), in the stretch that marks it
 * TASK_DEAD: the parent and its in_wait4 are read under it, and wait4()
 * tests and sleeps under it, so that the wake-up is not lost.
 */
void exit_notify(struct task_struct *p);

/*
 * tasklist_lock held: whether process group @pgrp, @ignored left out (NULL:
 * none), is orphaned: none of it has a parent, init aside, in another
 * group of its session, which could continue it (Linux's
 * will_become_orphaned_pgrp()).
 */
bool will_become_orphaned_pgrp(int pgrp, const struct task_struct *ignored);

/*
 * wait4() for the calling task, with the status in kernel memory: the pid
 * of a child that ended (its wait status in *@status), 0 with WNOHANG if
 * none has yet, -ECHILD if there is no such child, -ERESTARTSYS if a
 * signal came (the system call restarts or gives -EINTR).  With
 * WUNTRACED also a child that stopped, with WCONTINUED one that was
 * continued, each reported once: status (sig << 8) | 0x7f, and 0xffff.
 */
long kernel_wait4(int pid, int *status, int options);

/*
 * What a process must do on its way back to user mode before it may take
 * the system call's fast exit (task_struct.exit_work, which the entry's
 * assembly tests as one word): a signal to act on, or a frame that
 * someone else changed while it slept in the kernel (a debugger; today a
 * test), which the fast exit would restore unchecked.
 */
#define EXIT_WORK_SIGNAL (1UL << 0)
#define EXIT_WORK_REGS	 (1UL << 1)

/* Say that @p's saved user registers (task_pt_regs()) were changed. */
static inline void task_regs_changed(struct task_struct *p)
{
	__atomic_or_fetch(&p->exit_work, EXIT_WORK_REGS, __ATOMIC_RELAXED);
}

/* Send @sig to @pid (Linux's kill()): 0, -EINVAL, -ESRCH, -EPERM. */
int kill_pid(int pid, int sig);
/*
 * Whether @p is on its way to being ended by a signal: SIGKILL, or a
 * signal whose default action ends it that it neither blocks nor
 * catches.  A sleep that only such a signal may end (Linux's
 * TASK_KILLABLE) asks this; signal_pending() is for the others.
 */
static inline bool fatal_signal_pending(const struct task_struct *p)
{
	return __atomic_load_n(&p->signal.fatal, __ATOMIC_RELAXED);
}
/*
 * On every way back to user mode, with interrupts off until ring 3: give
 * up the CPU if the scheduler asks, until it no longer does, and act on
 * the signals pending: the default actions, or a handler's frame.
 */
void exit_to_user_mode(void);
/*
 * The architecture's part (arch/x86_64/kernel/signal.c), with interrupts
 * on: take a signal with get_signal() and write its handler's frame over
 * @regs, or, with none, restart the system call that was interrupted.
 */
void arch_do_signal_or_restart(struct pt_regs *regs);

#endif
