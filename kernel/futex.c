// SPDX-License-Identifier: GPL-2.0
/*
 * The robust futex list's registration: set_robust_list() and
 * get_robust_list(), which glibc makes at every thread's start.
 *
 * The head is kept, as Linux keeps it, for the day the kernel has
 * futexes and threads: then a thread that dies holding a robust mutex
 * has it marked at exit.  Until then nothing reads it.  A length other
 * than Linux's struct robust_list_head (three words) is -EINVAL, as
 * there; a child starts with none, as in Linux.
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

/* Linux's struct robust_list_head: the list, the futex offset, the pending entry. */
#define ROBUST_LIST_HEAD_SIZE (3 * sizeof(long))

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = (unsigned long)head;
	return 0;
}

/* Any process's (everyone is root, whom Linux's ptrace check lets through). */
SYSCALL_DEFINE3(get_robust_list, int, pid, void __user *__user *, head_ptr, size_t __user *,
		len_ptr)
{
	unsigned long flags, head = 0;
	struct task_struct *p;
	bool found;

	spin_lock_irqsave(&tasklist_lock, flags); /* the task stays while it is held */
	p = pid ? find_task_by_pid(pid) : current;
	found = p && p->state != TASK_DEAD && p->process;
	if (found)
		head = READ_ONCE(p->robust_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!found)
		return -ESRCH;
	if (put_user(ROBUST_LIST_HEAD_SIZE, len_ptr))
		return -EFAULT;
	return put_user((void __user *)head, head_ptr);
}
