/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock classes, lock statistics and lock-order checking, in the spirit of
 * Linux's lockdep (kernel/locking/lockdep.c).
 *
 * A lock class is what the statistics count and what the order checks
 * reason about: not one lock but every lock made at one place in the
 * source.  Each spinlock, mutex and semaphore has a lockdep_map naming
 * its class by a key: for DEFINE_SPINLOCK() and the other static
 * definitions the lock's own address, for spin_lock_init(), mutex_init()
 * and sema_init() a static struct lock_class_key of the call site, as in
 * Linux, so that every inode's mutex is one class "&inode->i_mutex".  The
 * class itself is found (or made) the first time the lock is used, in a
 * fixed table (CONFIG_LOCKDEP_MAX_CLASSES).  A lock defined on the stack
 * has no static key; its class is keyed by its name instead.
 *
 * CONFIG_LOCK_STAT counts, per class, acquisitions, contended
 * acquisitions (the lock was taken: a spinlock polled at least once, a
 * mutex or semaphore had to sleep) and spins (the polls, or for sleeping
 * locks the times the waiter was woken to look again), with atomic adds,
 * exact on any number of CPUs.  The shell's "lockstat" shows them.
 */
#ifndef _KERNEL_LOCKDEP_H
#define _KERNEL_LOCKDEP_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/* Only its address matters: one per init call site. */
struct lock_class_key {
	char unused;
};

enum lock_kind {
	LOCK_KIND_SPIN,
	LOCK_KIND_MUTEX,
	LOCK_KIND_SEMAPHORE,
};

struct lock_class;

struct lockdep_map {
	const void *key;	  /* a struct lock_class_key, or the lock itself */
	const char *name;	  /* what reports and lockstat call the class */
	struct lock_class *class; /* found on first use */
};

#define STATIC_LOCKDEP_MAP_INIT(lname, lkey)   \
	{                                      \
		.key = (lkey), .name = (lname) \
	}

struct lock_class {
	const void *key;
	const char *name;
	enum lock_kind kind;
	/* CONFIG_LOCK_STAT: atomic adds */
	unsigned long acquisitions;
	unsigned long contentions;
	unsigned long spins;
};

/* The address of the code that uses it: a lock's call site, inline or not. */
#define _THIS_IP_                        \
	({                               \
		__label__ __here;        \
__here:                                  \
		(unsigned long)&&__here; \
	})

#ifdef CONFIG_LOCKDEP
/* @map's class, made on first use; NULL if the table is full. */
struct lock_class *lockdep_class(struct lockdep_map *map, enum lock_kind kind);
#else
static inline struct lock_class *lockdep_class(struct lockdep_map *map, enum lock_kind kind)
{
	return NULL;
}
#endif

void __lock_stat_acquired(struct lockdep_map *map, enum lock_kind kind, unsigned long spins,
			  bool contended);

/* @map's lock was taken after @spins polls (or wake-ups); @contended: it was not free. */
static inline void lock_stat_acquired(struct lockdep_map *map, enum lock_kind kind,
				      unsigned long spins, bool contended)
{
	if (IS_ENABLED(CONFIG_LOCK_STAT))
		__lock_stat_acquired(map, kind, spins, contended);
}

/* One class's counters, as lock_stat_snapshot() copies them. */
struct lock_stat {
	const char *name;
	enum lock_kind kind;
	unsigned long acquisitions, contentions, spins;
};

/* Zero every class's counters. */
void lock_stat_reset(void);
/*
 * Copy up to @max classes into @buf, most contended first (then most
 * acquired); the number of classes there are, which may be more.
 */
unsigned int lock_stat_snapshot(struct lock_stat *buf, unsigned int max);
const char *lock_kind_name(enum lock_kind kind);

#endif
