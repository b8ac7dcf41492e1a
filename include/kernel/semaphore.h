/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counting semaphores (kernel/locking/semaphore.c), as in Linux: down()
 * takes one of @count units, sleeping while none is left; up() gives one
 * back, straight to the task that has waited longest.  Unlike a mutex, a
 * semaphore has no owner: any task, or an interrupt handler, may up().
 */
#ifndef _KERNEL_SEMAPHORE_H
#define _KERNEL_SEMAPHORE_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

/* The class of every semaphore's lock: they never nest. */
extern struct lock_class_key semaphore_lock_key;

struct semaphore {
	spinlock_t lock; /* the fields below; interrupts off */
	unsigned int count;
	struct list_head waiters;
	struct lockdep_map dep_map; /* its name and class, for lock statistics */
};

#define __SEMAPHORE_INITIALIZER(name, n)                                               \
	{                                                                              \
		.lock = __SPIN_LOCK_UNLOCKED_CLASS("&sem->lock", &semaphore_lock_key), \
		.count = (n), .waiters = LIST_HEAD_INIT((name).waiters),               \
		.dep_map = STATIC_LOCKDEP_MAP_INIT(#name, NULL)                        \
	}
#define DEFINE_SEMAPHORE(name, n) struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

static inline void __sema_init(struct semaphore *sem, unsigned int n, const char *name,
			       struct lock_class_key *key)
{
	sem->lock = (spinlock_t)__SPIN_LOCK_UNLOCKED_CLASS("&sem->lock", &semaphore_lock_key);
	sem->count = n;
	INIT_LIST_HEAD(&sem->waiters);
	sem->dep_map = (struct lockdep_map)STATIC_LOCKDEP_MAP_INIT(name, key);
}
/* One class per call site, as Linux's static struct lock_class_key. */
#define sema_init(sem, n)                              \
	do {                                           \
		static struct lock_class_key __key;    \
		__sema_init((sem), (n), #sem, &__key); \
	} while (0)

void down(struct semaphore *sem);
/* Take a unit if one is free: 0, or 1 (nothing changed) if none is. */
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#endif
