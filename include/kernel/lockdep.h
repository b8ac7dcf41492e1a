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
 * acquisitions (the lock was not free: a spinlock polled at least once,
 * a mutex or semaphore had to sleep) and spins (the polls, or for sleeping
 * locks the times the waiter was woken to look again), with atomic adds,
 * exact on any number of CPUs.  The shell's "lockstat" shows them.
 *
 * CONFIG_PROVE_LOCKING keeps a stack of the locks each task holds and a
 * graph of the orders seen: B taken with A held records A -> B, with the
 * stack that did it.  A lock whose taking would close a cycle (B -> A
 * known, A now taken with B held) is reported the first time, whether
 * or not it ever deadlocks, in Linux's words ("WARNING: possible circular
 * locking dependency detected") with both stacks.
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
struct task_struct;

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

/*
 * CONFIG_PROVE_LOCKING.  A task's held locks, innermost last
 * (task_struct's held_dep[]): what the next lock it takes depends on.
 */
struct held_lock {
	struct lock_class *class;
	const struct lockdep_map *instance;
	unsigned long ip; /* where it was taken */
	bool hardirq;	  /* taken in a hard interrupt handler */
};

/*
 * The dependency graph and its fixed tables: the kernel's (sized by
 * Kconfig), or a test's own, small, on which a detection can run and its
 * verdict be read without a report.  Classes are numbered 0 to
 * max_classes - 1; indices stored "+1" use 0 for none.
 */
struct lock_dep {
	u16 from, to; /* class numbers: "to" was taken with "from" held */
	u32 next;     /* the next dependency of "from", +1 */
	u32 trace;    /* where its stack starts in the trace table */
	u32 trace_len;
};

struct lock_graph {
	unsigned int max_classes;
	u32 *first; /* per class: its first dependency, +1 */
	struct lock_dep *deps;
	unsigned int nr_deps, max_deps;
	unsigned long *traces;
	unsigned int nr_traces, max_traces;
	/* the search's, per class: the round it was reached in, how, and a queue */
	u32 *seen, *via;
	u16 *queue;
	u32 round;
};

enum lock_graph_verdict {
	LOCK_GRAPH_ADDED,	/* a new dependency; no cycle */
	LOCK_GRAPH_EXISTS,	/* known already */
	LOCK_GRAPH_SAME,	/* one class nested in itself: no order */
	LOCK_GRAPH_CYCLE,	/* "to" already leads to "from": an inversion */
	LOCK_GRAPH_DEPS_FULL,	/* no room for the dependency */
	LOCK_GRAPH_TRACES_FULL, /* no room for its stack */
	LOCK_GRAPH_BAD,		/* a class number out of range */
};

/*
 * Record that @to was taken with @from held, with the stack @trace.  On
 * LOCK_GRAPH_CYCLE nothing is added, and @path gets the dependencies that
 * lead from @to back to @from, in order (at most @max_path; *@path_len is
 * the whole path's length).
 */
enum lock_graph_verdict lock_graph_add(struct lock_graph *g, unsigned int from, unsigned int to,
				       const unsigned long *trace, unsigned int trace_len,
				       u32 *path, unsigned int max_path, unsigned int *path_len);
bool lock_graph_has(const struct lock_graph *g, unsigned int from, unsigned int to);

#ifdef CONFIG_PROVE_LOCKING
void lock_acquire(struct lockdep_map *map, enum lock_kind kind, bool trylock, unsigned long ip);
void lock_release(const struct lockdep_map *map);
/*
 * The scheduler, about to switch @prev out: report a spinlock it holds,
 * but @allowed (the run queue's, which the switch itself holds).
 */
void lockdep_check_switch(struct task_struct *prev, const struct lockdep_map *allowed);
/* @p is exiting: what it held is gone with it. */
void lockdep_forget_held(struct task_struct *p);
/* Whether the kernel's graph has "@to taken with @from held" (tests). */
bool lockdep_depends(struct lockdep_map *from, struct lockdep_map *to, enum lock_kind kind);
/* The checks are on: no report yet, no table full. */
bool lockdep_enabled(void);
/* How full the tables are: classes, dependencies, saved return addresses. */
void lockdep_usage(unsigned int *classes, unsigned int *deps, unsigned int *trace_entries);
#else
static inline void lock_acquire(struct lockdep_map *map, enum lock_kind kind, bool trylock,
				unsigned long ip)
{
}
static inline void lock_release(const struct lockdep_map *map)
{
}
static inline void lockdep_check_switch(struct task_struct *prev, const struct lockdep_map *allowed)
{
}
static inline void lockdep_forget_held(struct task_struct *p)
{
}
#endif

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
