// SPDX-License-Identifier: GPL-2.0
/*
 * New processes: fork(), vfork() and clone() as C libraries use them, and
 * spawn_process(), by which the kernel starts a program of its own (the
 * kernel shell's exec, init).
 *
 * A child is a kernel thread first: its first instructions are
 * fork_child(), on its own kernel stack and its own address space, which
 * goes to user mode with its parent's registers and 0 in RAX.  Everything
 * the child needs is had before the task is made, so that a failure
 * leaves nothing behind.  vfork() lends the child the parent's address
 * space and puts the parent to sleep until the child calls execve() or
 * ends (or a fatal signal ends the parent); the same wait lets
 * spawn_process() hand the child arguments from its own stack.
 *
 * Locking: a child joins its parent's children, and a process gets its
 * signals, under tasklist_lock (<kernel/sched.h>).  vfork_lock guards
 * each task's vfork_done, the pointer to its parent's completion: the
 * child completes it under the lock, and a parent that leaves early (a
 * fatal signal) takes it back under the lock, so that the child never
 * completes a completion that has left the parent's stack.  It comes
 * before the completion's wait-queue lock.
 */
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/thread.h>
#include <kernel/completion.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <kernel/fcntl.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/mmap.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

/* Guards every task's vfork_done (above). */
static DEFINE_SPINLOCK(vfork_lock);

/*
 * A child's first instructions: its registers are at the top of its
 * stack already (kernel_clone() put them there); @arg is where its pid
 * goes in its own memory (CLONE_CHILD_SETTID), or NULL.
 */
static int fork_child(void *arg)
{
	int __user *child_tid = arg;

	if (child_tid)
		put_user(current->pid, child_tid); /* a bad pointer is the program's loss */
	resume_user_mode();
}

/*
 * Make @child a process of the caller, and the caller's child, with its
 * dispositions (in @sighand) and mask; @exit_signal goes to the caller
 * when it ends.
 * Interrupts on.
 */
static void adopt(struct task_struct *child, struct sighand_struct *sighand, int exit_signal)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	signal_fork(child, sighand, current, exit_signal);
	child->process = true;
	child->parent = current;
	child->pgrp = current->pgrp;
	child->session = current->session;
	list_add_tail(&child->sibling, &current->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * The vfork() parent's sleep until its child calls execve() or ends: a
 * fatal signal ends it too, as Linux's wait_for_vfork_done() (killable)
 * does, and the parent dies on its way out.  The completion is on this
 * stack, so the child, if it has not completed it, is told to forget
 * it, under vfork_lock as complete_vfork_done() looks at it; until it
 * completes it the child is alive (its end completes it first).  Any
 * other signal wakes the sleep and it goes on.
 *
 * The sender of a fatal signal does not hold the completion's lock, so
 * the sleep is marked (set_current_state()) before the test, as a wait
 * queue's, and the sender's barrier pairs with that mark.
 */
static void wait_for_vfork_done(struct task_struct *child, struct completion *done)
{
	struct wait_queue_entry w = { .task = current };
	unsigned long flags;

	might_sleep();
	spin_lock_irqsave(&done->wait.lock, flags);
	__add_wait_queue(&done->wait, &w);
	for (;;) {
		current->interruptible = true;
		set_current_state(TASK_SLEEPING);
		if (done->done || fatal_signal_pending(current))
			break;
		spin_unlock_irqrestore(&done->wait.lock, flags);
		schedule();
		spin_lock_irqsave(&done->wait.lock, flags);
	}
	current->interruptible = false;
	__set_current_state(TASK_RUNNING);
	__remove_wait_queue(&w);
	spin_unlock_irqrestore(&done->wait.lock, flags);

	spin_lock_irqsave(&vfork_lock, flags);
	if (!done->done) /* the child has not got to complete_vfork_done(): alive */
		child->vfork_done = NULL;
	spin_unlock_irqrestore(&vfork_lock, flags);
}

void complete_vfork_done(struct task_struct *p)
{
	struct completion *done;
	unsigned long flags;

	spin_lock_irqsave(&vfork_lock, flags);
	done = p->vfork_done;
	p->vfork_done = NULL;
	if (done)
		complete(done);
	spin_unlock_irqrestore(&vfork_lock, flags);
}

long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		  int __user *child_tid)
{
	const unsigned long known = CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID |
				    CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
	struct task_struct *p = current, *child;
	struct files_struct *files = NULL;
	struct sighand_struct *sighand;
	struct mm_struct *mm = NULL;
	struct completion vfork_done;
	unsigned long irqflags;
	struct dentry *pwd;
	int pid;

	/* Threads (CLONE_VM without CLONE_VFORK) and the rest come later. */
	if ((flags & ~known) || (flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM ||
	    (flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VFORK || (flags & CSIGNAL) > _NSIG)
		return -EINVAL;
	if (!p->process || !p->mm)
		return -EINVAL;
	if (flags & CLONE_VM) {
		mm = p->mm;
		mmget(mm);
	} else {
		mm = dup_mm(p->mm);
	}
	files = dup_fd(p->files);
	sighand = sighand_alloc();
	if (!mm || !files || !sighand) {
		child = ERR_PTR(-ENOMEM);
		goto fail;
	}
	child = kthread_create(fork_child, flags & CLONE_CHILD_SETTID ? child_tid : NULL, "%s",
			       p->comm);
	if (IS_ERR(child))
		goto fail;
	/* The system call returns in the child too, with 0. */
	*task_pt_regs(child) = *task_pt_regs(p);
	task_pt_regs(child)->rax = 0;
	if (newsp)
		task_pt_regs(child)->rsp = newsp;
	child->thread.fsbase = p->thread.fsbase;
	fpu_copy(child);
	pwd = p->pwd ? dget(p->pwd) : NULL;
	/* /proc may be reading the child already: they are published as it reads them. */
	spin_lock_irqsave(&tasklist_lock, irqflags);
	child->mm = mm;
	child->thread.cr3 = virt_to_phys(mm->pgd);
	child->files = files;
	child->pwd = pwd;
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
	memcpy(child->rlim, p->rlim, sizeof(child->rlim));
	child->nice = p->nice;
	child->dumpable = p->dumpable;
	if (flags & CLONE_CHILD_CLEARTID)
		child->tid_address = (unsigned long)child_tid;
	pid = child->pid;
	if (flags & CLONE_PARENT_SETTID)
		put_user(pid, parent_tid); /* a bad pointer is the caller's loss, as in Linux */
	if (flags & CLONE_VFORK) {
		init_completion(&vfork_done);
		child->vfork_done = &vfork_done;
	}
	adopt(child, sighand, flags & CSIGNAL);
	wake_up_process(child);
	if (flags & CLONE_VFORK) {
		wait_for_vfork_done(child, &vfork_done);
		/*
		 * A wait that never slept left this CPU on the mm while the
		 * child, on another, may have unmapped pages of it: their
		 * translations go before the parent runs on them.
		 */
		mm_flush_local(p->mm);
	}
	return pid;
fail:
	if (mm)
		mmput(mm);
	if (files)
		put_files_struct(files);
	kfree(sighand);
	return PTR_ERR(child);
}

struct spawn_args {
	const char *const *argv, *const *envp;
};

/* Standard input, output and error on the console, as Linux's console_on_rootfs(). */
static void open_console(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);

	if (IS_ERR(file)) {
		pr_warn("Warning: unable to open an initial console.\n");
		return;
	}
	fd_install(file, false);
	fd_install(file, false);
	fd_install(file, false);
	fput(file);
}

int make_process_of_current(void)
{
	struct task_struct *p = current;
	struct sighand_struct *sighand = NULL;
	struct files_struct *files;
	unsigned long flags;
	struct path root;

	if (p->files)
		return 0;
	/* spawn_process() gave its child one already; init and the shell have none. */
	if (!p->signal.sighand) {
		sighand = sighand_alloc();
		if (!sighand)
			return -ENOMEM;
	}
	files = files_alloc();
	if (!files) {
		kfree(sighand);
		return -ENOMEM;
	}
	get_fs_root(&root);
	/* Senders look for the handlers under tasklist_lock, /proc for the rest. */
	spin_lock_irqsave(&tasklist_lock, flags);
	if (sighand) {
		p->signal.sighand = sighand;
		p->signal.exit_signal = SIGCHLD;
	}
	p->files = files;
	p->pwd = root.dentry;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	p->process = true;
	rlimit_init(p);
	p->dumpable = 1;
	open_console();
	return 0;
}

static int spawn_child(void *arg)
{
	const struct spawn_args *a = arg;
	int err;

	err = make_process_of_current();
	if (err)
		task_exit(W_EXITCODE(127, 0));
	err = kernel_execve(a->argv[0], a->argv, a->envp);
	pr_err("%s: cannot run %s: error %d\n", current->comm, a->argv[0], err);
	task_exit(W_EXITCODE(127, 0));
}

int spawn_process(const char *const argv[], const char *const envp[])
{
	struct spawn_args args = { argv, envp };
	struct sighand_struct *sighand;
	struct completion started;
	struct task_struct *child;
	const char *name;
	int pid;

	if (!argv || !argv[0])
		return -EINVAL;
	name = strrchr(argv[0], '/');
	sighand = sighand_alloc();
	if (!sighand)
		return -ENOMEM;
	child = kthread_create(spawn_child, &args, "%s", name ? name + 1 : argv[0]);
	if (IS_ERR(child)) {
		kfree(sighand);
		return PTR_ERR(child);
	}
	init_completion(&started);
	child->vfork_done = &started;
	pid = child->pid;
	adopt(child, sighand, SIGCHLD);
	wake_up_process(child);
	wait_for_completion(&started);
	return pid;
}

SYSCALL_DEFINE0_PTREGS(fork)
{
	return kernel_clone(SIGCHLD, 0, NULL, NULL);
}

SYSCALL_DEFINE0_PTREGS(vfork)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL);
}

/* x86_64's argument order: flags, stack, parent's tid, child's tid, TLS (not yet). */
SYSCALL_DEFINE5_PTREGS(clone, unsigned long, clone_flags, unsigned long, newsp, int __user *,
		       parent_tid, int __user *, child_tid, unsigned long, tls)
{
	return kernel_clone(clone_flags, newsp, parent_tid, child_tid);
}
