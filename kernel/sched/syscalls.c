// SPDX-License-Identifier: GPL-2.0
/*
 * What programs ask the scheduler, with Linux's numbers and errors: the
 * CPUs they may run on (sched_getaffinity(): BusyBox's nproc counts its
 * bits), the CPU they are on (getcpu()), their policy and priority
 * (sched_getscheduler() and friends), and their nice value
 * (getpriority(), setpriority()).
 *
 * The masks are the tasks' own (cpus_allowed, kernel/sched/core.c), one
 * bit per CPU as in Linux.  The policy is chosen at build time: every process is SCHED_OTHER
 * with priority 0, and the real-time policies, which no Kestrel policy
 * gives, are refused with -EPERM (what Linux says to a process without
 * the right to them).  The nice value is kept for each process, inherited
 * at fork(), and is the policy's own parameter when that parameter is a
 * nice value (the fair and MLFQ policies: sched_param_name() "nice").
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#define SCHED_OTHER	    0
#define SCHED_FIFO	    1
#define SCHED_RR	    2
#define SCHED_BATCH	    3
#define SCHED_IDLE	    5
#define SCHED_DEADLINE	    6
#define SCHED_RESET_ON_FORK 0x40000000

#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2

/* A mask is whole longs, as Linux's cpumask_size(). */
#define CPUMASK_SIZE sizeof(unsigned long)
#define MAX_RT_PRIO  99

struct sched_param {
	int sched_priority;
};

/* Whether @pid (0: the caller) is a process that exists.  tasklist_lock held. */
static bool process_exists(int pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p && p->process && p->state != TASK_DEAD;
}

static bool pid_exists(int pid)
{
	unsigned long flags;
	bool found;

	spin_lock_irqsave(&tasklist_lock, flags);
	found = process_exists(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/* As Linux: a length below the CPUs' bits or not whole longs -EINVAL; the bytes written. */
SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len, unsigned long __user *,
		user_mask_ptr)
{
	unsigned int retlen = len < CPUMASK_SIZE ? len : CPUMASK_SIZE;
	struct cpumask mask;

	if (len * 8 < NR_CPUS || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	if (pid < 0 || !pid_exists(pid) || sched_getaffinity(pid, &mask))
		return -ESRCH;
	return copy_to_user(user_mask_ptr, &mask.bits, retlen) ? -EFAULT : (long)retlen;
}

/*
 * Bits past the mask's long are CPUs that cannot exist, and are ignored,
 * as Linux ignores those past nr_cpu_ids; a mask of no online CPU leaves
 * nowhere to run: -EINVAL.
 */
SYSCALL_DEFINE3(sched_setaffinity, int, pid, unsigned int, len, const unsigned long __user *,
		user_mask_ptr)
{
	struct cpumask mask = { 0 };

	if (copy_from_user(&mask.bits, user_mask_ptr, len < CPUMASK_SIZE ? len : CPUMASK_SIZE))
		return -EFAULT;
	if (pid < 0 || !pid_exists(pid))
		return -ESRCH;
	return sched_setaffinity(pid, &mask);
}

SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep, void __user *,
		unused)
{
	if (cpup && put_user(smp_processor_id(), cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(sched_getscheduler, int, pid)
{
	if (pid < 0)
		return -EINVAL;
	return pid_exists(pid) ? SCHED_OTHER : -ESRCH;
}

SYSCALL_DEFINE2(sched_getparam, int, pid, struct sched_param __user *, param)
{
	struct sched_param sp = { 0 };

	if (!param || pid < 0)
		return -EINVAL;
	if (!pid_exists(pid))
		return -ESRCH;
	return copy_to_user(param, &sp, sizeof(sp)) ? -EFAULT : 0;
}

/* Linux's checks, in its order; then only SCHED_OTHER (priority 0) is taken. */
SYSCALL_DEFINE3(sched_setscheduler, int, pid, int, policy, const struct sched_param __user *, param)
{
	struct sched_param sp;
	int base = policy & ~SCHED_RESET_ON_FORK;

	if (!param || pid < 0 || policy < 0)
		return -EINVAL;
	if (copy_from_user(&sp, param, sizeof(sp)))
		return -EFAULT;
	if (!pid_exists(pid))
		return -ESRCH;
	switch (base) {
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
		if (sp.sched_priority != 0)
			return -EINVAL;
		return base == SCHED_OTHER ? 0 : -EPERM;
	case SCHED_FIFO:
	case SCHED_RR:
		if (sp.sched_priority < 1 || sp.sched_priority > MAX_RT_PRIO)
			return -EINVAL;
		return -EPERM;
	}
	return -EINVAL; /* SCHED_DEADLINE needs sched_setattr(), which is not here */
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return MAX_RT_PRIO;
	if (policy == SCHED_OTHER || policy == SCHED_BATCH || policy == SCHED_IDLE ||
	    policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 1;
	if (policy == SCHED_OTHER || policy == SCHED_BATCH || policy == SCHED_IDLE ||
	    policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

/*
 * Whether @p is what (which, who) names; *@pgrp is the group asked for.
 * Everyone is uid 0, so PRIO_USER names every process for 0 and none else.
 */
static bool prio_match(const struct task_struct *p, int which, int who)
{
	if (!p->process || p->state == TASK_DEAD)
		return false;
	switch (which) {
	case PRIO_PROCESS:
		return p->pid == (who ? who : current->pid);
	case PRIO_PGRP:
		return p->pgrp == (who ? who : current->pgrp);
	default:
		return who == 0;
	}
}

static bool nice_is_the_param(void)
{
	const char *name = sched_param_name();

	return name && !strcmp(name, "nice");
}

static int task_nice(const struct task_struct *p)
{
	int param = nice_is_the_param() ? sched_get_param_locked(p) : SCHED_PARAM_NONE;

	return param != SCHED_PARAM_NONE ? param : p->nice;
}

/*
 * The next process after pid @after that (which, who) names, its pid, and
 * with @set its nice value set to @nice; 0 when there is none.
 */
static int next_prio_target(int which, int who, int after, bool set, int nice, int *best)
{
	struct task_struct *p;
	unsigned long flags;
	int pid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (p = next_task(NULL); p; p = next_task(p)) {
		if (p->pid <= after || !prio_match(p, which, who))
			continue;
		pid = p->pid;
		if (set)
			p->nice = nice;
		else if (20 - task_nice(p) > *best)
			*best = 20 - task_nice(p);
		break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

/* The highest priority among them, as 20 - nice (1 to 40): Linux's raw answer. */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	int pid = 0, best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	while ((pid = next_prio_target(which, who, pid, false, 0, &best)))
		;
	return best;
}

/* A value outside -20 to 19 is brought into it, as Linux does. */
SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	int pid = 0, found = 0;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	if (niceval < -20)
		niceval = -20;
	if (niceval > 19)
		niceval = 19;
	while ((pid = next_prio_target(which, who, pid, true, niceval, NULL))) {
		found++;
		if (nice_is_the_param())
			sched_set_param_pid(pid, niceval);
	}
	return found ? 0 : -ESRCH;
}
