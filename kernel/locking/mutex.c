// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping mutexes; see <kernel/mutex.h>.
 *
 * The owner field is the lock.  A locker that finds an owner queues a
 * waiter on its own stack and sleeps; mutex_unlock() makes the oldest
 * waiter the owner before it wakes it, so the mutex is never free in
 * between and nobody can take it out of turn.  Each mutex's fields are
 * under its wait_lock, a spinlock taken with interrupts off.  lockdep
 * hears of the mutex before the wait_lock is taken and after it is
 * dropped, never inside it, so that the wait_lock puts no order between
 * two mutexes.
 *
 * A waiter that sleeps lends its priority to the owner through the
 * policy's priority inheritance, if it has one (sched_pi_chain()), and the
 * loan ends when the owner hands the mutex over.
 *
 * Each task lists the mutexes it holds (held_locks), which is what the
 * CONFIG_DEBUG_MUTEXES reports at exit name.  The reports copy Linux's
 * (its mutex debugging and lockdep), so that they read as people know
 * them, and each refuses the bad call instead of carrying it out.
 *
 * A task that exits holding mutexes hands each on as mutex_unlock()
 * would, as the kernel hands a robust futex on when its owner dies: a
 * mutex whose owner is gone could never be unlocked, would make every
 * later locker sleep for ever, and would point at the task structure
 * task_wait() frees, where priority inheritance would write.
 */
#include <asm/irqflags.h>
#include <kernel/kallsyms.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>

unsigned long lock_bugs;
struct lock_class_key mutex_wait_key;

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	lock->wait_lock =
		(spinlock_t)__SPIN_LOCK_UNLOCKED_CLASS("&lock->wait_lock", &mutex_wait_key);
	lock->owner = NULL;
	INIT_LIST_HEAD(&lock->waiters);
	INIT_LIST_HEAD(&lock->held);
	lock->dep_map = (struct lockdep_map)STATIC_LOCKDEP_MAP_INIT(name, key);
}

static void print_lock(const char *prefix, const struct mutex *lock, unsigned long ip)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), ip);
	pr_err("%s%016lx (%s), at: %s\n", prefix, (unsigned long)lock, lock->dep_map.name, sym);
}

static void report_recursion(const struct mutex *lock, unsigned long ip)
{
	lock_bugs++;
	pr_err("\n============================================\n");
	pr_err("WARNING: possible recursive locking detected\n");
	pr_err("--------------------------------------------\n");
	pr_err("%s/%d is trying to acquire lock:\n", current->comm, current->pid);
	print_lock("", lock, ip);
	pr_err("\nbut task is already holding lock:\n");
	print_lock("", lock, lock->acquired_at);
	pr_err("\n *** DEADLOCK ***\n\n");
	dump_stack();
}

static void report_not_owner(const struct mutex *lock, const struct task_struct *owner,
			     unsigned long ip)
{
	char sym[KSYM_SYMBOL_LEN];

	lock_bugs++;
	sprint_symbol(sym, sizeof(sym), ip);
	pr_err("------------[ cut here ]------------\n");
	pr_err("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\n");
	pr_err("WARNING: CPU: %u PID: %d at %s: unlock of %s, owned by %s/%d\n", smp_processor_id(),
	       current->pid, sym, lock->dep_map.name, owner->comm, owner->pid);
	dump_stack();
	pr_err("---[ end trace 0000000000000000 ]---\n");
}

static void report_bad_unlock(const struct mutex *lock, unsigned long ip)
{
	char sym[KSYM_SYMBOL_LEN];

	lock_bugs++;
	sprint_symbol(sym, sizeof(sym), ip);
	pr_err("\n=====================================\n");
	pr_err("WARNING: bad unlock balance detected!\n");
	pr_err("-------------------------------------\n");
	pr_err("%s/%d is trying to release lock (%s) at:\n", current->comm, current->pid,
	       lock->dep_map.name);
	pr_err("[<%016lx>] %s\n", ip, sym);
	pr_err("but there are no more locks to release!\n\n");
	dump_stack();
}

/* Under @lock's wait_lock and sched_pi_lock(): make @lock @p's. */
static void set_owner(struct mutex *lock, struct task_struct *p)
{
	lock->owner = p;
	list_add_tail(&lock->held, &p->held_locks);
}

/* Under @lock's wait_lock: make @lock the caller's. */
static void take(struct mutex *lock)
{
	sched_pi_lock();
	set_owner(lock, current);
	sched_pi_unlock();
}

/*
 * Under @lock's wait_lock: wait until the owner hands @lock over, lending the
 * owner (and the owners it waits for) our priority meanwhile.  The times
 * it slept: lock statistics' "spins" of a mutex.
 */
static unsigned long wait_for_owner(struct mutex *lock)
{
	struct mutex_waiter w = { .task = current };
	unsigned long sleeps = 0;

	sched_pi_lock();
	list_add_tail(&w.node, &lock->waiters);
	current->blocked_on = lock;
	sched_pi_chain(lock->owner);
	sched_pi_unlock();
	while (lock->owner != current) {
		sleep_locked(&lock->wait_lock);
		sleeps++;
	}
	return sleeps;
}

void mutex_lock(struct mutex *lock)
{
	unsigned long ip = _RET_IP_, flags;

	unsigned long sleeps = 0;
	bool contended;

	might_sleep();
	/* Only this task could have made itself the owner: no lock needed to look. */
	if (IS_ENABLED(CONFIG_DEBUG_MUTEXES) && READ_ONCE(lock->owner) == current) {
		report_recursion(lock, ip); /* and do not deadlock */
		return;
	}
	lock_acquire(&lock->dep_map, LOCK_KIND_MUTEX, false, ip);
	spin_lock_irqsave(&lock->wait_lock, flags);
	contended = lock->owner;
	if (contended)
		sleeps = wait_for_owner(lock); /* handed over: it is ours */
	else
		take(lock);
	lock->acquired_at = ip;
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	lock_stat_acquired(&lock->dep_map, LOCK_KIND_MUTEX, sleeps, contended);
}

bool mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	bool free;

	spin_lock_irqsave(&lock->wait_lock, flags);
	free = !lock->owner;
	if (free) {
		take(lock);
		lock->acquired_at = _RET_IP_;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	if (free) {
		lock_acquire(&lock->dep_map, LOCK_KIND_MUTEX, true, _RET_IP_);
		lock_stat_acquired(&lock->dep_map, LOCK_KIND_MUTEX, 0, false);
	}
	return free;
}

/* Under @lock's wait_lock, @lock the caller's: hand it to its oldest waiter, or free it. */
static void __mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *w;

	sched_pi_lock();
	list_del(&lock->held);
	if (list_empty(&lock->waiters)) {
		lock->owner = NULL;
		sched_pi_unlock();
		return;
	}
	w = list_first_entry(&lock->waiters, struct mutex_waiter, node);
	list_del(&w->node);
	w->task->blocked_on = NULL;
	set_owner(lock, w->task); /* handed over: nobody can cut in */
	sched_pi_chain(current);  /* its waiters no longer lend us theirs */
	sched_pi_chain(w->task);  /* but lend it to the new owner */
	sched_pi_unlock();
	wake_up_process(w->task);
}

void mutex_unlock(struct mutex *lock)
{
	unsigned long ip = _RET_IP_, flags;
	struct task_struct *owner;

	spin_lock_irqsave(&lock->wait_lock, flags);
	owner = lock->owner;
	if (!IS_ENABLED(CONFIG_DEBUG_MUTEXES) || owner == current)
		__mutex_unlock(lock);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	/* The reports print; they are made with the wait_lock dropped. */
	if (IS_ENABLED(CONFIG_DEBUG_MUTEXES) && !owner)
		report_bad_unlock(lock, ip);
	else if (IS_ENABLED(CONFIG_DEBUG_MUTEXES) && owner != current)
		report_not_owner(lock, owner, ip);
	else
		lock_release(&lock->dep_map);
}

void mutex_release_held(struct task_struct *p)
{
	while (!list_empty(&p->held_locks)) {
		struct mutex *lock = list_first_entry(&p->held_locks, struct mutex, held);

		spin_lock(&lock->wait_lock);
		__mutex_unlock(lock);
		spin_unlock(&lock->wait_lock);
	}
}

bool debug_check_no_locks_held(struct task_struct *p)
{
	struct mutex *lock;
	unsigned int n = 0, i = 0;

	if (!IS_ENABLED(CONFIG_DEBUG_MUTEXES) || list_empty(&p->held_locks))
		return false;
	list_for_each_entry (lock, &p->held_locks, held)
		n++;
	lock_bugs++;
	pr_err("\n=====================================\n");
	pr_err("WARNING: %s/%d still has locks held!\n", p->comm, p->pid);
	pr_err("-------------------------------------\n");
	pr_err("%u lock%s held by %s/%d:\n", n, n == 1 ? "" : "s", p->comm, p->pid);
	list_for_each_entry (lock, &p->held_locks, held) {
		char prefix[16];

		snprintf(prefix, sizeof(prefix), " #%u: ", i++);
		print_lock(prefix, lock, lock->acquired_at);
	}
	dump_stack();
	return true;
}
