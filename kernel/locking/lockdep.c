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
