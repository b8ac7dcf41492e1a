/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping mutexes (kernel/locking/mutex.c), as in Linux: one owner at a
 * time; a task that finds the mutex taken sleeps, and mutex_unlock() hands
 * the mutex straight to the task that has waited longest (FIFO hand-off),
 * so no waiter can be overtaken for ever.  Only tasks lock mutexes, never
 * interrupt handlers, and the owner alone unlocks.
 *
 * With a policy that has priorities (SCHED_PRIO), the owner runs at the
 * priority of its highest waiter, along chains of owners that wait in
 * turn (priority inheritance; kernel/sched/prio.c).
 *
 * With CONFIG_DEBUG_MUTEXES, misuse is reported in Linux's formats and
 * refused: an unlock by a task that does not own the mutex, an unlock of a
 * free mutex, locking a mutex the task already holds (which would never
 * return), and a task that exits holding one.  Whatever the
 * configuration, a mutex whose owner exits passes to its next waiter, or
 * is free, as if the owner had unlocked it.
 */
#ifndef _KERNEL_MUTEX_H
#define _KERNEL_MUTEX_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

struct task_struct;

struct mutex {
	spinlock_t wait_lock;	    /* the fields below; interrupts off */
	struct task_struct *owner;  /* NULL when free */
	struct list_head waiters;   /* sleeping lockers, oldest first */
	struct list_head held;	    /* in the owner's held_locks */
	struct lockdep_map dep_map; /* its name and class (<kernel/lockdep.h>) */
	unsigned long acquired_at;  /* return address of the locker */
};

/* A task sleeping in mutex_lock(), on its own stack. */
struct mutex_waiter {
	struct list_head node; /* in the mutex's waiters */
	struct task_struct *task;
};

/* The class of every mutex's wait_lock: they never nest. */
extern struct lock_class_key mutex_wait_key;

#define __MUTEX_INITIALIZER(lock, lname)                                                        \
	{                                                                                       \
		.wait_lock = __SPIN_LOCK_UNLOCKED_CLASS("&lock->wait_lock", &mutex_wait_key),   \
		.waiters = LIST_HEAD_INIT((lock).waiters), .held = LIST_HEAD_INIT((lock).held), \
		.dep_map = STATIC_LOCKDEP_MAP_INIT(lname, NULL)                                 \
	}
#define DEFINE_MUTEX(lock) struct mutex lock = __MUTEX_INITIALIZER(lock, #lock)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
/* One class per call site, as Linux's static struct lock_class_key. */
#define mutex_init(lock)                             \
	do {                                         \
		static struct lock_class_key __key;  \
		__mutex_init((lock), #lock, &__key); \
	} while (0)

void mutex_lock(struct mutex *lock);
/* Take @lock if it is free; false (and nothing changed) if it is not. */
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(const struct mutex *lock)
{
	return lock->owner;
}

/* Report every mutex @p still holds (at exit); true if there was one. */
bool debug_check_no_locks_held(struct task_struct *p);
/*
 * Interrupts off, @p the caller, exiting: hand every mutex it still holds
 * to the mutex's oldest waiter, or free it, as mutex_unlock() would.
 */
void mutex_release_held(struct task_struct *p);
/* Lock misuse reported so far (the lock bug tests count them). */
extern unsigned long lock_bugs;

#endif
