// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/stat, status and statm, in Linux's formats (fs/proc/array.c
 * there), which ps, top and pidof parse: BusyBox's procps.c finds the
 * last ')' of stat and reads the fields after it with sscanf.
 *
 * What Kestrel does not keep is printed as Linux prints it when it is
 * nothing: no page faults are counted, a task has one thread, no
 * controlling terminal is known here (tty_nr 0, tpgid -1), and there is
 * no swap.  CPU time is kept per task without the user/kernel
 * split, so utime (and cutime, the children's waited for) is all of it,
 * stime and cstime 0.
 *
 * A task is read under tasklist_lock, so it cannot be freed meanwhile,
 * nor leave the tree, nor change its mm (switch_user_mm() takes the
 * lock too); its signal state under its siglock, and its mm under the
 * mm's lock, which its owner holds while it changes its regions, on this
 * CPU or another (<kernel/mm_types.h>), taken by trylock (internal.h
 * says why).  Linux takes mmap_lock.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/mm_types.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "internal.h"

#define PF_KTHREAD 0x00200000 /* Linux's flag for a kernel thread */
#define SIGCHLD	   17

/* What the files print of a task, taken at one instant under tasklist_lock. */
struct task_snap {
	int pid, ppid, pgrp, session, nice, exit_code;
	char state;
	bool kthread, has_mm;
	char comm[TASK_COMM_LEN];
	u64 cputime_ns, children_ns, start_time;
	sigset_t pending, blocked, ignored, caught;
	/* in bytes, of the regions; rss in pages */
	unsigned long vsize, text, data, stack, rss;
	unsigned long start_code, end_code, start_stack, start_brk, brk;
	unsigned long arg_start, arg_end, env_start, env_end;
};

static char task_state_char(const struct task_struct *p)
{
	switch (p->state) {
	case TASK_RUNNING:
	case TASK_RUNNABLE:
		return 'R';
	case TASK_DEAD:
		return 'Z';
	default:
		if (IS_ENABLED(CONFIG_USER_MODE) && p->signal.stopped)
			return 'T';
		return p->blocked_on ? 'D' : 'S'; /* a mutex is the one sleep a signal cannot end */
	}
}

/* The pending, blocked, ignored and caught sets, a bit per signal (bit sig - 1). */
/* tasklist_lock held, which keeps @p's sighand; the rest is under its siglock. */
static void snap_signals(struct task_snap *s, const struct task_struct *p)
{
	struct sighand_struct *sh = p->signal.sighand;
	int i;

	if (!IS_ENABLED(CONFIG_USER_MODE))
		return;
	if (sh)
		spin_lock(&sh->siglock);
	s->pending = p->signal.pending;
	s->blocked = p->signal.blocked;
	for (i = 0; sh && i < _NSIG; i++) {
		if (sh->action[i].handler == SIG_IGN)
			s->ignored |= 1UL << i;
		else if (sh->action[i].handler != SIG_DFL)
			s->caught |= 1UL << i;
	}
	if (sh)
		spin_unlock(&sh->siglock);
}

static void snap_mm(struct task_snap *s, const struct mm_struct *mm)
{
	const struct vm_area_struct *vma;

	s->has_mm = true;
	list_for_each_entry (vma, &mm->vmas, node) {
		unsigned long len = vma->vm_end - vma->vm_start;

		s->vsize += len;
		if (vma->vm_flags & VM_GROWSDOWN) {
			s->stack += len;
		} else if (vma->vm_flags & VM_EXEC) {
			s->text += len;
			if (!s->start_code) {
				s->start_code = vma->vm_start;
				s->end_code = vma->vm_end;
			}
		} else if (vma->vm_flags & VM_WRITE) {
			s->data += len;
		}
	}
	s->rss = mm->rss;
	s->start_stack = mm->start_stack;
	s->start_brk = mm->start_brk;
	s->brk = mm->brk;
	s->arg_start = mm->arg_start;
	s->arg_end = mm->arg_end;
	s->env_start = mm->env_start;
	s->env_end = mm->env_end;
}

static int task_snap(int pid, struct task_snap *s)
{
	const char *param = sched_param_name();
	struct task_struct *p;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_task_by_pid(pid);
		if (!p) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			return -ESRCH;
		}
		if (!IS_ENABLED(CONFIG_USER_MODE) || !p->mm || spin_trylock(&p->mm->lock))
			break;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		proc_retry(); /* fs/proc/internal.h */
	}
	memset(s, 0, sizeof(*s));
	s->pid = p->pid;
	s->ppid = p->parent ? p->parent->pid : 0;
	s->pgrp = p->pgrp;
	s->session = p->session;
	s->state = task_state_char(p);
	s->kthread = !p->process;
	s->exit_code = p->state == TASK_DEAD ? p->exit_code : 0;
	memcpy(s->comm, p->comm, TASK_COMM_LEN);
	s->comm[TASK_COMM_LEN - 1] = '\0';
	s->cputime_ns = task_cputime_ns(p);
	s->children_ns = p->children_ns;
	s->start_time = p->start_time;
	snap_signals(s, p);
	if (param && !strcmp(param, "nice"))
		s->nice = sched_get_param_locked(p);
	if (IS_ENABLED(CONFIG_USER_MODE) && p->mm) {
		snap_mm(s, p->mm);
		spin_unlock(&p->mm->lock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

int proc_pid_stat(struct proc_buf *m, int pid)
{
	struct task_snap s;
	int err = task_snap(pid, &s);

	if (err)
		return err;
	/* pid (comm) state ppid pgrp session tty_nr tpgid flags */
	proc_printf(m, "%d (%s) %c %d %d %d 0 -1 %u ", s.pid, s.comm, s.state, s.ppid, s.pgrp,
		    s.session, s.kthread ? PF_KTHREAD : 0);
	/* minflt cminflt majflt cmajflt utime stime cutime cstime priority nice */
	proc_printf(m, "0 0 0 0 %lu 0 %lu 0 %d %d ", nsec_to_clock_t(s.cputime_ns),
		    nsec_to_clock_t(s.children_ns), 20 + s.nice, s.nice);
	/* num_threads itrealvalue starttime vsize rss rsslim */
	proc_printf(m, "1 0 %lu %lu %lu 18446744073709551615 ", nsec_to_clock_t(s.start_time),
		    s.vsize, s.rss);
	/* startcode endcode startstack kstkesp kstkeip signal blocked sigignore sigcatch wchan */
	proc_printf(m, "%lu %lu %lu 0 0 %lu %lu %lu %lu 0 ", s.start_code, s.end_code,
		    s.start_stack, s.pending, s.blocked, s.ignored, s.caught);
	/* nswap cnswap exit_signal processor rt_priority policy blkio guest cguest */
	proc_printf(m, "0 0 %d 0 0 0 0 0 0 ", SIGCHLD);
	/* start_data end_data start_brk arg_start arg_end env_start env_end exit_code */
	proc_printf(m, "0 0 %lu %lu %lu %lu %lu %d\n", s.start_brk, s.arg_start, s.arg_end,
		    s.env_start, s.env_end, s.exit_code);
	return 0;
}

static const char *state_name(char state)
{
	switch (state) {
	case 'R':
		return "R (running)";
	case 'D':
		return "D (disk sleep)";
	case 'Z':
		return "Z (zombie)";
	case 'T':
		return "T (stopped)";
	default:
		return "S (sleeping)";
	}
}

int proc_pid_status(struct proc_buf *m, int pid)
{
	struct task_snap s;
	int err = task_snap(pid, &s);

	if (err)
		return err;
	proc_printf(m, "Name:\t%s\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n", s.comm,
		    state_name(s.state), s.pid, s.pid, s.ppid);
	proc_printf(m, "TracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t%d\n",
		    s.kthread ? 0 : NR_OPEN);
	proc_printf(m, "Groups:\t\nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", s.pid,
		    s.pid, s.pgrp, s.session);
	if (s.has_mm) {
		proc_printf(m, "VmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmRSS:\t%8lu kB\n",
			    s.vsize >> 10, 0UL, s.rss << (PAGE_SHIFT - 10));
		proc_printf(m, "RssAnon:\t%8lu kB\nVmData:\t%8lu kB\nVmStk:\t%8lu kB\n",
			    s.rss << (PAGE_SHIFT - 10), s.data >> 10, s.stack >> 10);
		proc_printf(m, "VmExe:\t%8lu kB\nVmLib:\t%8lu kB\nVmSwap:\t%8lu kB\n", s.text >> 10,
			    0UL, 0UL);
	}
	proc_printf(m, "Threads:\t1\nSigPnd:\t%016lx\nShdPnd:\t%016lx\n", 0UL, s.pending);
	proc_printf(m, "SigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n", s.blocked, s.ignored,
		    s.caught);
	return 0;
}

/* In pages: size resident shared text lib data dt */
int proc_pid_statm(struct proc_buf *m, int pid)
{
	struct task_snap s;
	int err = task_snap(pid, &s);

	if (err)
		return err;
	proc_printf(m, "%lu %lu 0 %lu 0 %lu 0\n", s.vsize >> PAGE_SHIFT, s.rss,
		    s.text >> PAGE_SHIFT, (s.data + s.stack) >> PAGE_SHIFT);
	return 0;
}
