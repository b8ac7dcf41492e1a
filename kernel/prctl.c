// SPDX-License-Identifier: GPL-2.0
/*
 * prctl(2): the operations on the calling process that programs use,
 * with Linux's numbers and errors; any other option is -EINVAL, as Linux
 * gives for one it does not know.
 *
 *	PR_SET_NAME / PR_GET_NAME	its name (comm: ps, /proc, the log), 15
 *					bytes and a NUL; BusyBox names its applets so
 *	PR_SET_PDEATHSIG / _GET_	the signal for the parent's death: kept,
 *					not yet sent (Documentation/core/misc-syscalls.md)
 *	PR_SET_DUMPABLE / _GET_		0 or 1 (2, "suidsafe", is -EINVAL as in Linux);
 *					kept, there being no core dumps
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE	 3
#define PR_SET_DUMPABLE	 4
#define PR_SET_NAME	 15
#define PR_GET_NAME	 16

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4,
		unsigned long, arg5)
{
	struct task_struct *me = current;
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		me->pdeath_signal = (int)arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(me->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return me->dumpable;
	case PR_SET_DUMPABLE:
		if (arg2 != 0 && arg2 != 1)
			return -EINVAL;
		me->dumpable = (int)arg2;
		return 0;
	case PR_SET_NAME:
		/* As Linux: up to 15 bytes, the rest cut; a fault anywhere in them -EFAULT. */
		memset(comm, 0, sizeof(comm));
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm) - 1) < 0)
			return -EFAULT;
		set_task_comm(me, comm);
		return 0;
	case PR_GET_NAME:
		/* Its own name, which only it changes (here and at execve()): no lock. */
		memcpy(comm, me->comm, sizeof(comm));
		return copy_to_user((char __user *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	}
	return -EINVAL;
}
