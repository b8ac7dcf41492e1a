// SPDX-License-Identifier: GPL-2.0
/*
 * Lock classes (<kernel/lockdep.h>) and what is kept per class: the
 * counters of CONFIG_LOCK_STAT.
 *
 * The class table is fixed (CONFIG_LOCKDEP_MAX_CLASSES entries) and only
 * grows: a class is made the first time a lock of a new key is used, and
 * never goes, as in Linux, where classes outlive their locks.  Lookups of
 * a lock already seen cost nothing (its map caches the class); a new
 * lock searches the table under lockdep_lock, a bare arch_spinlock_t
 * with interrupts off, which nothing inside takes again.  A full table is
 * reported once, as Linux's "BUG: MAX_LOCKDEP_KEYS too low!", and the
 * locks it has no room for go uncounted.
 */
#include <asm/irqflags.h>
#include <asm/sections.h>
#include <asm/spinlock.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static struct lock_class lock_classes[CONFIG_LOCKDEP_MAX_CLASSES];
static unsigned int nr_lock_classes;
static arch_spinlock_t lockdep_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static bool classes_full;

static bool static_obj(const void *p)
{
	return (unsigned long)p >= (unsigned long)_text && (unsigned long)p < (unsigned long)_end;
}

/*
 * The key of @map's class: the init call site's key; for a lock defined
 * statically (no key), the lock itself, which names its one definition.
 * A lock defined on the stack would make a class per call: it is keyed
 * by its name, a string in the image, instead.  NULL: a lock never
 * initialized (which CONFIG_DEBUG_SPINLOCK reports), no class.
 */
static const void *class_key(const struct lockdep_map *map)
{
	if (map->key)
		return map->key;
	if (static_obj(map))
		return map;
	return map->name;
}

static struct lock_class *find_class(const void *key)
{
	unsigned int i;

	for (i = 0; i < nr_lock_classes; i++)
		if (lock_classes[i].key == key)
			return &lock_classes[i];
	return NULL;
}

struct lock_class *lockdep_class(struct lockdep_map *map, enum lock_kind kind)
{
	struct lock_class *class = READ_ONCE(map->class);
	const void *key = class_key(map);
	unsigned long flags;

	if (likely(class))
		return class;
	if (!key)
		return NULL;
	flags = local_irq_save();
	arch_spin_lock(&lockdep_lock);
	class = find_class(key);
	if (!class && nr_lock_classes < ARRAY_SIZE(lock_classes)) {
		class = &lock_classes[nr_lock_classes];
		class->key = key;
		class->name = map->name ?: "(unnamed)";
		class->kind = kind;
		/* Published whole: lock_stat_snapshot() reads up to the count. */
		__atomic_store_n(&nr_lock_classes, nr_lock_classes + 1, __ATOMIC_RELEASE);
	}
	arch_spin_unlock(&lockdep_lock);
	local_irq_restore(flags);
	if (!class && !__atomic_exchange_n(&classes_full, true, __ATOMIC_RELAXED)) {
		pr_err("BUG: MAX_LOCKDEP_KEYS too low!\n");
		pr_err("%u lock classes: raise CONFIG_LOCKDEP_MAX_CLASSES; new classes go "
		       "unchecked and uncounted\n",
		       (unsigned int)ARRAY_SIZE(lock_classes));
		dump_stack();
	}
	if (class)
		WRITE_ONCE(map->class, class);
	return class;
}

const char *lock_kind_name(enum lock_kind kind)
{
	switch (kind) {
	case LOCK_KIND_SPIN:
		return "spin";
	case LOCK_KIND_MUTEX:
		return "mutex";
	case LOCK_KIND_SEMAPHORE:
		return "sem";
	}
	return "?";
}

void __lock_stat_acquired(struct lockdep_map *map, enum lock_kind kind, unsigned long spins,
			  bool contended)
{
	struct lock_class *class = lockdep_class(map, kind);

	if (!class)
		return;
	__atomic_fetch_add(&class->acquisitions, 1, __ATOMIC_RELAXED);
	if (contended) {
		__atomic_fetch_add(&class->contentions, 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&class->spins, spins, __ATOMIC_RELAXED);
	}
}

void lock_stat_reset(void)
{
	unsigned int i, n = __atomic_load_n(&nr_lock_classes, __ATOMIC_ACQUIRE);

	for (i = 0; i < n; i++) {
		__atomic_store_n(&lock_classes[i].acquisitions, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&lock_classes[i].contentions, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&lock_classes[i].spins, 0, __ATOMIC_RELAXED);
	}
}

static bool before(const struct lock_stat *a, const struct lock_stat *b)
{
	if (a->contentions != b->contentions)
		return a->contentions > b->contentions;
	return a->acquisitions > b->acquisitions;
}

unsigned int lock_stat_snapshot(struct lock_stat *buf, unsigned int max)
{
	unsigned int i, j, kept = 0, n = __atomic_load_n(&nr_lock_classes, __ATOMIC_ACQUIRE);

	/* Each class read once, into a sorted buffer of the @max first: a person reads it. */
	for (i = 0; i < n; i++) {
		const struct lock_class *class = &lock_classes[i];
		struct lock_stat c = {
			.name = class->name,
			.kind = class->kind,
			.acquisitions = __atomic_load_n(&class->acquisitions, __ATOMIC_RELAXED),
			.contentions = __atomic_load_n(&class->contentions, __ATOMIC_RELAXED),
			.spins = __atomic_load_n(&class->spins, __ATOMIC_RELAXED),
		};

		for (j = kept; j > 0 && before(&c, &buf[j - 1]); j--)
			if (j < max)
				buf[j] = buf[j - 1];
		if (j < max)
			buf[j] = c;
		if (kept < max)
			kept++;
	}
	return n;
}

#ifdef CONFIG_PROVE_LOCKING
/*
 * CONFIG_PROVE_LOCKING: the checks.  The held-lock stack is the task's
 * (only it, or an interrupt handler running on top of it, changes it),
 * the graph the kernel's, changed under lockdep_lock with interrupts off.
 * The first report, or a full table, turns the checks off for the rest
 * of the boot, as Linux's debug_locks_off(): after one report the graph
 * no longer describes a kernel that works, and a second would mostly
 * repeat the first.  Printing a report takes locks itself (the console's
 * spinlock): lockdep_recursion keeps those out of the checks.
 */
#include <kernel/kallsyms.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/stacktrace.h>

#define TRACE_ENTRIES  24 /* of one saved stack */
#define PATH_MAX_SHOWN 8U /* dependencies of a cycle printed */

static u32 graph_first[CONFIG_LOCKDEP_MAX_CLASSES], graph_seen[CONFIG_LOCKDEP_MAX_CLASSES],
	graph_via[CONFIG_LOCKDEP_MAX_CLASSES];
static u16 graph_queue[CONFIG_LOCKDEP_MAX_CLASSES];
static struct lock_dep graph_deps[CONFIG_LOCKDEP_MAX_ENTRIES];
static unsigned long graph_traces[CONFIG_LOCKDEP_MAX_STACK_ENTRIES];

static struct lock_graph graph = {
	.max_classes = CONFIG_LOCKDEP_MAX_CLASSES,
	.first = graph_first,
	.deps = graph_deps,
	.max_deps = CONFIG_LOCKDEP_MAX_ENTRIES,
	.traces = graph_traces,
	.max_traces = CONFIG_LOCKDEP_MAX_STACK_ENTRIES,
	.seen = graph_seen,
	.via = graph_via,
	.queue = graph_queue,
};

static bool checks_on = true;
static unsigned int lockdep_recursion[NR_CPUS];

bool lockdep_enabled(void)
{
	return READ_ONCE(checks_on);
}

void lockdep_usage(unsigned int *classes, unsigned int *deps, unsigned int *trace_entries)
{
	*classes = __atomic_load_n(&nr_lock_classes, __ATOMIC_ACQUIRE);
	*deps = READ_ONCE(graph.nr_deps);
	*trace_entries = READ_ONCE(graph.nr_traces);
}

static unsigned int class_id(const struct lock_class *class)
{
	return class - lock_classes;
}

static void checks_off(void)
{
	WRITE_ONCE(checks_on, false);
}

/* As Linux: "BUG: MAX_LOCKDEP_ENTRIES too low!", once, and the checks off. */
static void table_full(const char *what, const char *option)
{
	if (!READ_ONCE(checks_on))
		return;
	checks_off();
	pr_err("BUG: %s too low!\n", what);
	pr_err("turning off the locking correctness validator.\n");
	pr_err("(raise %s)\n", option);
	dump_stack();
}

static void print_held(const char *prefix, const struct held_lock *h)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), h->ip);
	pr_err("%s%016lx (%s){%s}, at: %s\n", prefix, (unsigned long)h->instance, h->class->name,
	       lock_kind_name(h->class->kind), sym);
}

static void print_held_locks(const struct task_struct *p)
{
	unsigned int i;

	if (!p->lockdep_depth) {
		pr_err("no locks held by %s/%d.\n", p->comm, p->pid);
		return;
	}
	pr_err("%u lock%s held by %s/%d:\n", p->lockdep_depth, p->lockdep_depth == 1 ? "" : "s",
	       p->comm, p->pid);
	for (i = 0; i < p->lockdep_depth; i++) {
		char prefix[16];

		snprintf(prefix, sizeof(prefix), " #%u: ", i);
		print_held(prefix, &p->held_dep[i]);
	}
}

/*
 * Linux's print_circular_bug(): @held is the lock held, @class the one
 * being taken, @path the known dependencies from @class back to @held's
 * class, each printed with the stack that recorded it; then the stack
 * taking @class now, which would close the cycle.
 */
static void report_circular(const struct held_lock *held, const struct lockdep_map *map,
			    const struct lock_class *class, unsigned long ip, const u32 *path,
			    unsigned int path_len, const unsigned long *trace,
			    unsigned int trace_len)
{
	const struct task_struct *curr = current;
	struct held_lock next = { .class = (struct lock_class *)class, .instance = map, .ip = ip };
	unsigned int i, shown = min(path_len, PATH_MAX_SHOWN);

	lock_bugs++;
	pr_err("\n======================================================\n");
	pr_err("WARNING: possible circular locking dependency detected\n");
	pr_err("------------------------------------------------------\n");
	pr_err("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	print_held("", &next);
	pr_err("\nbut task is already holding lock:\n");
	print_held("", held);
	pr_err("\nwhich lock already depends on the new lock.\n\n");
	pr_err("\nthe existing dependency chain (in reverse order) is:\n");
	for (i = shown; i-- > 0;) {
		const struct lock_dep *d = &graph.deps[path[i]];

		pr_err("\n-> #%u (%s){%s}:\n", i + 1, lock_classes[d->to].name,
		       lock_kind_name(lock_classes[d->to].kind));
		stack_trace_print(&graph.traces[d->trace], d->trace_len, 7);
	}
	if (shown < path_len)
		pr_err("\n(%u more dependencies)\n", path_len - shown);
	pr_err("\n-> #0 (%s){%s}:\n", class->name, lock_kind_name(class->kind));
	stack_trace_print(trace, trace_len, 7);
	pr_err("\nother info that might help us debug this:\n\n");
	if (path_len > 1) {
		char chain[256];
		int n = scnprintf(chain, sizeof(chain), "%s", class->name);

		for (i = 1; i < shown; i++)
			n += scnprintf(chain + n, sizeof(chain) - n, " --> %s",
				       lock_classes[graph.deps[path[i]].from].name);
		scnprintf(chain + n, sizeof(chain) - n, " --> %s", held->class->name);
		pr_err("Chain exists of:\n  %s\n\n", chain);
	}
	pr_err(" Possible unsafe locking scenario:\n\n");
	pr_err("       CPU0                    CPU1\n");
	pr_err("       ----                    ----\n");
	pr_err("  lock(%s);\n", held->class->name);
	/* CPU1 holds what leads to @held: the last step's start (the new lock, for AB-BA). */
	pr_err("                               lock(%s);\n",
	       lock_classes[graph.deps[path[shown - 1]].from].name);
	pr_err("                               lock(%s);\n", held->class->name);
	pr_err("  lock(%s);\n", class->name);
	pr_err("\n *** DEADLOCK ***\n\n");
	print_held_locks(curr);
	pr_err("\nstack backtrace:\n");
	dump_stack();
}

void lock_acquire(struct lockdep_map *map, enum lock_kind kind, bool trylock, unsigned long ip)
{
	struct task_struct *curr = current;
	unsigned long trace[TRACE_ENTRIES], flags;
	unsigned int i, cpu, trace_len = 0, path_len;
	bool hardirq = in_hardirq(), traced = false;
	struct lock_class *class;
	u32 path[PATH_MAX_SHOWN];

	if (!READ_ONCE(checks_on))
		return;
	flags = local_irq_save();
	cpu = smp_processor_id();
	if (lockdep_recursion[cpu])
		goto out;
	lockdep_recursion[cpu]++;
	class = lockdep_class(map, kind);
	if (!class)
		goto done;
	if (curr->lockdep_depth >= CONFIG_LOCKDEP_MAX_DEPTH) {
		table_full("MAX_LOCK_DEPTH", "CONFIG_LOCKDEP_MAX_DEPTH");
		goto done;
	}
	/* A trylock cannot wait, so it orders nothing: only held. */
	for (i = curr->lockdep_depth; !trylock && i-- > 0;) {
		const struct held_lock *h = &curr->held_dep[i];
		enum lock_graph_verdict v;

		/* An interrupt handler's locks are another context than the task's under it. */
		if (h->hardirq != hardirq ||
		    lock_graph_has(&graph, class_id(h->class), class_id(class)))
			continue;
		if (!traced) {
			trace_len = stack_trace_save(trace, ARRAY_SIZE(trace), 1);
			traced = true;
		}
		arch_spin_lock(&lockdep_lock);
		v = lock_graph_add(&graph, class_id(h->class), class_id(class), trace, trace_len,
				   path, ARRAY_SIZE(path), &path_len);
		arch_spin_unlock(&lockdep_lock);
		if (v == LOCK_GRAPH_CYCLE) {
			checks_off();
			report_circular(h, map, class, ip, path, path_len, trace, trace_len);
			goto done;
		} else if (v == LOCK_GRAPH_DEPS_FULL) {
			table_full("MAX_LOCKDEP_ENTRIES", "CONFIG_LOCKDEP_MAX_ENTRIES");
			goto done;
		} else if (v == LOCK_GRAPH_TRACES_FULL) {
			table_full("MAX_STACK_TRACE_ENTRIES", "CONFIG_LOCKDEP_MAX_STACK_ENTRIES");
			goto done;
		}
	}
	curr->held_dep[curr->lockdep_depth++] =
		(struct held_lock){ .class = class, .instance = map, .ip = ip, .hardirq = hardirq };
done:
	lockdep_recursion[cpu]--;
out:
	local_irq_restore(flags);
}

/* Released: out of the stack, wherever it is in it (locks need not nest). */
void lock_release(const struct lockdep_map *map)
{
	struct task_struct *curr = current;
	unsigned long flags;
	unsigned int i;

	if (!READ_ONCE(checks_on))
		return;
	flags = local_irq_save();
	for (i = curr->lockdep_depth; i-- > 0;) {
		if (curr->held_dep[i].instance != map)
			continue;
		memmove(&curr->held_dep[i], &curr->held_dep[i + 1],
			(curr->lockdep_depth - i - 1) * sizeof(curr->held_dep[0]));
		curr->lockdep_depth--;
		break;
	}
	local_irq_restore(flags);
}

void lockdep_check_switch(struct task_struct *prev, const struct lockdep_map *allowed)
{
	unsigned int i, cpu = smp_processor_id();

	if (!READ_ONCE(checks_on) || lockdep_recursion[cpu])
		return;
	for (i = 0; i < prev->lockdep_depth; i++) {
		const struct held_lock *h = &prev->held_dep[i];

		if (h->class->kind != LOCK_KIND_SPIN || h->instance == allowed)
			continue;
		lockdep_recursion[cpu]++;
		lock_bugs++;
		pr_err("BUG: spinlock held across a context switch: %s/%d\n", prev->comm,
		       prev->pid);
		print_held_locks(prev);
		dump_stack();
		lockdep_recursion[cpu]--;
		return;
	}
}

void lockdep_forget_held(struct task_struct *p)
{
	p->lockdep_depth = 0;
}

bool lockdep_depends(struct lockdep_map *from, struct lockdep_map *to, enum lock_kind kind)
{
	struct lock_class *a = lockdep_class(from, kind), *b = lockdep_class(to, kind);

	return a && b && lock_graph_has(&graph, class_id(a), class_id(b));
}
#endif
