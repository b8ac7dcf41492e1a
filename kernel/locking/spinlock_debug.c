// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_DEBUG_SPINLOCK: each spinlock knows its owner, and every lock and
 * unlock is checked against it.  The reports are Linux's
 * (kernel/locking/spinlock_debug.c there), so that they read as people
 * know them:
 *
 *	BUG: spinlock recursion on CPU#0, init/1
 *	 lock: bug_spinlock, .magic: dead4ead, .owner: init/1, .owner_cpu: 0
 *
 * followed by the backtrace.  The lock is named by its name (Linux prints
 * its symbol, which needs data symbols Kestrel's kallsyms does not keep).
 * The CPU is smp_processor_id(): a lock released on another CPU than the
 * one that took it ("wrong CPU") means its holder moved while it held
 * it, which preemption off forbids.  On one CPU a recursive lock, or a
 * lock held by a task that went to sleep with it, would spin for ever:
 * the check comes before the lock word is touched, and the bad call is
 * refused.
 */
#include <kernel/kallsyms.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

/*
 * The owner, if it is still the task that took the lock: one that exited
 * holding it is freed, and another task may live at its address now.
 */
static const struct task_struct *live_owner(const spinlock_t *lock)
{
	const struct task_struct *owner = lock->owner;

	if (owner && (owner == current || owner == find_task(owner)) &&
	    owner->pid == lock->owner_pid)
		return owner;
	return NULL;
}

static void spin_dump(const spinlock_t *lock, const char *msg)
{
	const struct task_struct *owner = live_owner(lock);
	char sym[KSYM_SYMBOL_LEN];

	lock_bugs++;
	if (lock->magic == SPINLOCK_MAGIC && lock->dep_map.name)
		strscpy(sym, lock->dep_map.name, sizeof(sym));
	else
		snprintf(sym, sizeof(sym), "0x%lx", (unsigned long)lock);
	pr_err("BUG: spinlock %s on CPU#%d, %s/%d\n", msg, (int)smp_processor_id(), current->comm,
	       current->pid);
	pr_err(" lock: %s, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n", sym, lock->magic,
	       owner	     ? owner->comm
	       : lock->owner ? "<exited>"
			     : "<none>",
	       lock->owner ? lock->owner_pid : -1, lock->owner_cpu);
	dump_stack();
}

bool spin_debug_lock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_dump(lock, "bad magic");
		return false;
	}
	if (lock->owner == current && lock->owner_pid == current->pid) {
		spin_dump(lock, "recursion");
		return false;
	}
	if (lock->owner_cpu == (int)smp_processor_id()) {
		spin_dump(lock, "cpu recursion");
		return false;
	}
	return true;
}

bool spin_debug_trylock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_dump(lock, "bad magic");
		return false;
	}
	return true;
}

void spin_debug_locked(spinlock_t *lock)
{
	lock->owner = current;
	lock->owner_pid = current->pid;
	lock->owner_cpu = (int)smp_processor_id();
}

bool spin_debug_unlock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_dump(lock, "bad magic");
		return false;
	}
	if (!arch_spin_is_locked(&lock->raw)) {
		spin_dump(lock, "already unlocked");
		return false;
	}
	if (lock->owner != current || lock->owner_pid != current->pid) {
		spin_dump(lock, "wrong owner");
		return false;
	}
	if (lock->owner_cpu != (int)smp_processor_id()) {
		spin_dump(lock, "wrong CPU");
		return false;
	}
	lock->owner = NULL;
	lock->owner_cpu = -1;
	return true;
}
