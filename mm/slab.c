// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator: object caches on top of the frame allocator, in the
 * design of Bonwick's slab allocator as Linux's SLUB simplified it.
 *
 * A cache hands out objects of one size.  It carves slabs (blocks of
 * 2^order pages, see mm/slab.h) into objects and links the free ones into
 * free lists through a pointer stored in each free object.  The common
 * case is a pop from or a push onto this CPU's free list of the cache, a
 * handful of instructions with no search and no lock (no other CPU
 * touches it without heap_lock, and no interrupt handler allocates).
 * Everything else (changing slabs, getting new ones, giving empty ones
 * back to the frame allocator, freeing an object of another CPU's active
 * slab) is the slow path, under heap_lock.
 *
 * kmalloc() is a set of caches for powers of two from 8 to 4096 bytes;
 * larger requests get whole pages.  With CONFIG_SLAB_DEBUG, every object
 * also goes through the checks of mm/slab_debug.c.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "heap.h"
#include "slab.h"

#define SLAB_MAX_ORDER	 4 /* 64 KiB slabs at most */
#define SLAB_MAX_SIZE	 (PAGE_SIZE << SLAB_MAX_ORDER)
#define SLAB_MIN_OBJECTS 16  /* a burst of allocations stays in one slab */
#define OFF_SLAB_SIZE	 512 /* objects this big keep struct slab apart */
/*
 * The page owner of a kmalloc() of whole pages is not a slab but a small
 * number, order << 1 | 1: below OWNER_MIN_SLAB, like NULL, so that kfree()
 * tells both apart from a slab with one compare.
 */
#define LARGE_TAG	 1UL
BUILD_BUG_ON((MAX_ORDER << 1 | LARGE_TAG) >= OWNER_MIN_SLAB);

struct list_head slab_caches = LIST_HEAD_INIT(slab_caches);

DEFINE_PER_CPU(struct kmem_cache_cpu, kmalloc_cpu[NR_KMALLOC_CACHES]);
static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
/*
 * The per-CPU parts of the other caches.  The fast paths reach them
 * through GS, which only per-CPU variables allow, and there is no
 * allocator of per-CPU memory: the heap's two caches below and those
 * kmem_cache_create() makes each take a slot of this array, and
 * kmem_cache_destroy() gives it back.  32 is many times what the kernel
 * and its tests hold at once.
 */
#define CACHE_CPU_SLOTS 32
static DEFINE_PER_CPU(struct kmem_cache_cpu, cache_cpu_slots[CACHE_CPU_SLOTS]);
static u32 cache_cpu_slots_used; /* heap_lock */
DEFINE_PER_CPU(unsigned long, slab_slow_calls);
static struct kmem_cache cache_cache; /* where kmem_cache_create() gets caches from */
static struct kmem_cache slab_cache;  /* off-slab headers */

static unsigned int debug_flags(void)
{
	return (IS_ENABLED(CONFIG_SLAB_DEBUG) ? SLAB_STATE : 0) |
	       (IS_ENABLED(CONFIG_SLAB_DEBUG_POISON) ? SLAB_POISON : 0) |
	       (IS_ENABLED(CONFIG_SLAB_DEBUG_REDZONE) ? SLAB_RED_ZONE : 0) |
	       (IS_ENABLED(CONFIG_SLAB_DEBUG_CHECKS) ? SLAB_CHECKS : 0) |
	       (IS_ENABLED(CONFIG_SLAB_DEBUG_TRACK) ? SLAB_TRACK : 0);
}

static void *get_freeptr(const struct kmem_cache *c, const void *obj)
{
	return *(void **)((char *)obj + c->free_offset);
}

static void set_freeptr(const struct kmem_cache *c, void *obj, void *next)
{
	*(void **)((char *)obj + c->free_offset) = next;
}

/*
 * Where everything goes in an object's stride.  Without debugging it is
 * just the object, and a free object holds the free pointer in its first
 * word.  With it: [left redzone][object][right redzone][free pointer]
 * [track], the free pointer outside the object so that the poison of a
 * free object is whole, and so that it never covers the right redzone of
 * an object smaller than a pointer.  A constructed object must not be
 * overwritten by the free pointer either.
 */
static void calculate_layout(struct kmem_cache *c)
{
	unsigned int pos, inuse = ALIGN(c->object_size, 8U);

	c->offset = c->debug & SLAB_RED_ZONE ? ALIGN((unsigned int)REDZONE_SIZE, c->align) : 0;
	pos = c->offset + inuse + (c->debug & SLAB_RED_ZONE ? REDZONE_SIZE : 0);
	if (c->debug || c->ctor) {
		c->free_offset = pos - c->offset;
		pos += sizeof(void *);
	} else {
		c->free_offset = 0;
	}
	if (c->debug & SLAB_STATE)
		pos += sizeof(struct slab_track);
	c->size = ALIGN(pos, c->align);
}

static unsigned long objects_start(const struct kmem_cache *c)
{
	return c->off_slab ? 0 : ALIGN(sizeof(struct slab), (unsigned long)c->align);
}

/* The smallest slab that holds enough objects for a burst of allocations. */
static int calculate_order(struct kmem_cache *c)
{
	unsigned int order;

	c->off_slab = c->size >= OFF_SLAB_SIZE;
	for (order = 0; order <= SLAB_MAX_ORDER; order++) {
		c->order = order;
		c->objects = ((PAGE_SIZE << order) - objects_start(c)) / c->size;
		if (c->objects >= SLAB_MIN_OBJECTS)
			return 0;
	}
	return c->objects ? 0 : -EINVAL;
}

/*
 * Does a cache of @size bytes aligned to @align fit in a slab, and in the
 * unsigned int fields of struct kmem_cache?  0 means the default alignment.
 */
static bool cache_args_ok(size_t size, size_t align)
{
	return size && size <= SLAB_MAX_SIZE && align <= PAGE_SIZE && !(align & (align - 1));
}

/* A free slot of cache_cpu_slots, taken; NULL if none is left. */
static struct kmem_cache_cpu *get_cpu_slot(void)
{
	unsigned int i;

	BUILD_BUG_ON(CACHE_CPU_SLOTS > 8 * sizeof(cache_cpu_slots_used));
	for (i = 0; i < CACHE_CPU_SLOTS; i++) {
		if (!(cache_cpu_slots_used & (1U << i))) {
			cache_cpu_slots_used |= 1U << i;
			return &cache_cpu_slots[i];
		}
	}
	return NULL;
}

static void put_cpu_slot(struct kmem_cache_cpu *cpu)
{
	cache_cpu_slots_used &= ~(1U << (cpu - cache_cpu_slots));
}

/* @cpu: the cache's per-CPU part, every CPU's copy of which starts empty here. */
static int cache_init(struct kmem_cache *c, const char *name, size_t size, size_t align,
		      void (*ctor)(void *), struct kmem_cache_cpu *cpu)
{
	unsigned int i;

	memset(c, 0, sizeof(*c));
	c->cpu = cpu;
	strscpy(c->name, name, sizeof(c->name));
	c->object_size = size;
	c->align = max(align, (size_t)KMALLOC_MIN_ALIGN);
	c->ctor = ctor;
	c->debug = debug_flags();
	if (ctor)
		c->debug &= ~SLAB_POISON; /* poison would destroy the constructed state */
	INIT_LIST_HEAD(&c->partial);
	INIT_LIST_HEAD(&c->full);
	INIT_LIST_HEAD(&c->empty);
	calculate_layout(c);
	for (i = 0; i < NR_CPUS; i++)
		*per_cpu_ptr(cpu, i) = (struct kmem_cache_cpu){ .free_offset = c->free_offset };
	if (calculate_order(c))
		return -EINVAL;
	list_add_tail(&c->caches, &slab_caches);
	return 0;
}

static void *slab_alloc(struct kmem_cache *c, unsigned long caller);
static void slab_free(struct kmem_cache *c, struct slab *slab, void *obj,
		      const struct heap_call *call, unsigned long caller);

/* A new slab with every object free (and constructed) on its free list. */
static struct slab *new_slab(struct kmem_cache *c)
{
	char *mem = alloc_pages(c->order);
	struct slab *slab = (struct slab *)mem;
	unsigned int i;
	void *next = NULL;

	if (!mem)
		return NULL;
	if (c->off_slab && !(slab = slab_alloc(&slab_cache, 0))) {
		free_pages(mem, c->order);
		return NULL;
	}
	slab->cache = c;
	slab->cpu = c->cpu;
	slab->inuse = 0;
	slab->frozen = false;
	slab->quarantined = 0;
	slab->objects = mem + objects_start(c);
	for (i = c->objects; i-- > 0;) {
		void *obj = slab->objects + (size_t)i * c->size + c->offset;

		if (IS_ENABLED(CONFIG_SLAB_DEBUG))
			slab_debug_init_object(c, obj);
		if (c->ctor)
			c->ctor(obj);
		set_freeptr(c, obj, next);
		next = obj;
	}
	slab->freelist = next;
	set_page_owner(mem, c->order, slab);
	return slab;
}

static void discard_slab(struct kmem_cache *c, struct slab *slab)
{
	char *mem = slab->objects - objects_start(c);

	set_page_owner(mem, c->order, NULL);
	free_pages(mem, c->order);
	if (c->off_slab)
		slab_free(&slab_cache, page_owner(slab), slab, &heap_kfree, 0);
}

/* Put a slab that is not active on the list its use count says. */
static void file_slab(struct kmem_cache *c, struct slab *slab)
{
	if (!slab->inuse) {
		list_add(&slab->list, &c->empty);
		c->nr_empty++;
	} else if (slab->inuse == c->objects) {
		list_add(&slab->list, &c->full);
		c->nr_full++;
	} else {
		list_add(&slab->list, &c->partial);
		c->nr_partial++;
	}
}

static void unfile_slab(struct kmem_cache *c, struct slab *slab)
{
	list_del(&slab->list);
	if (!slab->inuse)
		c->nr_empty--;
	else if (slab->inuse == c->objects)
		c->nr_full--;
	else
		c->nr_partial--;
}

/*
 * Give @cc's active slab the free objects of @cc's list back, with those
 * freed on other CPUs meanwhile (already on slab->freelist), and file it.
 */
static void deactivate(struct kmem_cache *c, struct kmem_cache_cpu *cc)
{
	struct slab *slab = cc->active;
	void *obj, *last = NULL;
	unsigned int n = 0;

	if (!slab)
		return;
	for (obj = cc->freelist; obj; obj = get_freeptr(c, obj)) {
		last = obj;
		n++;
	}
	if (last) {
		set_freeptr(c, last, slab->freelist);
		slab->freelist = cc->freelist;
	}
	slab->inuse -= n;
	slab->frozen = false;
	cc->freelist = NULL;
	cc->active = NULL;
	cc->nr_free = 0;
	file_slab(c, slab);
}

/* The slow path of an allocation: a new active slab for this CPU, partial ones first. */
static void *refill(struct kmem_cache *c)
{
	struct kmem_cache_cpu *cc = this_cpu_slab(c);
	struct slab *slab;

	deactivate(c, cc);
	if (!list_empty(&c->partial))
		slab = list_first_entry(&c->partial, struct slab, list);
	else if (!list_empty(&c->empty))
		slab = list_first_entry(&c->empty, struct slab, list);
	else
		slab = NULL;
	if (slab)
		unfile_slab(c, slab);
	else if (!(slab = new_slab(c)))
		return NULL;
	slab->frozen = true;
	cc->active = slab;
	cc->freelist = slab->freelist;
	cc->nr_free = c->objects - slab->inuse;
	slab->freelist = NULL;
	slab->inuse = c->objects; /* the CPU's free list has the free ones */
	return cc->freelist;
}

static void *slab_alloc(struct kmem_cache *c, unsigned long caller)
{
	struct kmem_cache_cpu *cc = this_cpu_slab(c);
	void *obj;

	for (;;) {
		obj = cc->freelist;
		if (unlikely(!obj) && !(obj = refill(c)))
			return NULL;
		cc->freelist = get_freeptr(c, obj);
		cc->nr_free--;
		if (!IS_ENABLED(CONFIG_SLAB_DEBUG) || slab_debug_alloc(c, cc->active, obj, caller))
			return obj;
		/* reported and quarantined: try the next one */
	}
}

/* The slow path of a free: an object of a slab that is no CPU's active one. */
static void free_slow(struct kmem_cache *c, struct slab *slab, void *obj)
{
	unfile_slab(c, slab);
	set_freeptr(c, obj, slab->freelist);
	slab->freelist = obj;
	slab->inuse--;
	/* One empty slab is kept for the next allocation; more go back. */
	if (!slab->inuse && c->nr_empty)
		discard_slab(c, slab);
	else
		file_slab(c, slab);
}

/* Free @obj of @slab of @c, for @call (kfree(), kmem_cache_free()) from @caller. */
static void slab_free(struct kmem_cache *c, struct slab *slab, void *obj,
		      const struct heap_call *call, unsigned long caller)
{
	struct kmem_cache_cpu *cc = this_cpu_slab(c);

	if (IS_ENABLED(CONFIG_SLAB_DEBUG) && !slab_debug_free(c, slab, obj, call, caller))
		return; /* reported; the object is left alone */
	if (likely(slab == cc->active)) {
		set_freeptr(c, obj, cc->freelist);
		cc->freelist = obj;
		cc->nr_free++;
		return;
	}
	if (slab->frozen) { /* another CPU's active slab: back to the slab itself */
		set_freeptr(c, obj, slab->freelist);
		slab->freelist = obj;
		slab->inuse--;
		return;
	}
	free_slow(c, slab, obj);
}

static bool is_large(const void *owner)
{
	return (unsigned long)owner & LARGE_TAG;
}

static void *kmalloc_large(size_t size)
{
	unsigned int order = 0;
	void *p;

	while ((PAGE_SIZE << order) < size)
		if (++order == MAX_ORDER)
			return NULL;
	p = alloc_pages(order);
	if (p)
		set_page_owner(p, order, (void *)((unsigned long)order << 1 | LARGE_TAG));
	return p;
}

static __always_inline void *do_kmalloc(size_t size, unsigned long caller)
{
	if (unlikely(!size))
		return NULL;
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size);
	return slab_alloc(&kmalloc_caches[kmalloc_index(size)], caller);
}

static void *slab_kmalloc(size_t size, unsigned long caller)
{
	spin_guard(&heap_lock);
	this_cpu_inc(slab_slow_calls);
	return do_kmalloc(size, caller);
}

static unsigned int large_order(const void *owner)
{
	return (unsigned long)owner >> 1;
}

/*
 * What is wrong with @p, owned by @owner (no one, or a kmalloc() of whole
 * pages), as a live block; NULL if nothing.  Blocks of whole pages are
 * aligned to their size, so only their start is one: any other pointer
 * into one is refused before anything is touched.
 */
static const char *bad_other(const void *p, const void *owner)
{
	if (!owner)
		return page_owner_tracks(p)
			       ? "no cache owns it (a double free, or not from kmalloc())"
			       : "no cache owns it";
	if ((unsigned long)p & ((PAGE_SIZE << large_order(owner)) - 1))
		return "not the start of a kmalloc() of whole pages";
	return NULL;
}

/* kfree() of NULL, of whole pages, or of something no cache owns. */
static __noinline void kfree_other(const void *p, void *owner, unsigned long caller)
{
	const char *why;

	if (!p)
		return;
	why = bad_other(p, owner);
	if (why) {
		slab_debug_bad_pointer(NULL, NULL, p, &heap_kfree, why, caller);
		return;
	}
	set_page_owner((void *)p, large_order(owner), NULL);
	free_pages((void *)p, large_order(owner));
}

/*
 * What kfree()'s inline path (<kernel/slab.h>) leaves, krealloc()'s
 * frees too: an object of another slab than this CPU's active one, whole
 * pages, anything at all under debugging.  Only direct-map addresses can
 * be heap objects.
 */
static void slab_kfree(const void *p, unsigned long caller)
{
	struct slab *slab = page_owner(p);
	spin_guard(&heap_lock);

	this_cpu_inc(slab_slow_calls);
	if (unlikely((unsigned long)slab < OWNER_MIN_SLAB)) { /* none, or whole pages */
		kfree_other(p, slab, caller);
		return;
	}
	slab_free(slab->cache, slab, (void *)p, &heap_kfree, caller);
}

/*
 * Without debugging, the start of any object of a slab counts as live: as
 * in kfree(), only the state word could tell a free one.
 */
static size_t slab_block_size(const void *p, const struct heap_call *call, unsigned long caller)
{
	struct slab *slab = page_owner(p);
	struct kmem_cache *c;
	const char *why;

	if ((unsigned long)slab < OWNER_MIN_SLAB) {
		why = bad_other(p, slab);
		if (!why)
			return PAGE_SIZE << large_order(slab);
		slab_debug_bad_pointer(NULL, NULL, p, call, why, caller);
		return 0;
	}
	c = slab->cache;
	if (IS_ENABLED(CONFIG_SLAB_DEBUG)) {
		if (!slab_debug_live(c, slab, p, call, caller))
			return 0;
	} else if (!is_object_start(c, slab, p)) {
		slab_debug_bad_pointer(c, slab, p, call, "not the start of an object", caller);
		return 0;
	}
	return c->object_size;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *))
{
	struct kmem_cache_cpu *cpu;
	struct kmem_cache *c;
	spin_guard(&heap_lock);

	if (!name) {
		pr_err("kmem_cache_create: no name\n");
		return NULL;
	}
	if (!cache_args_ok(size, align))
		goto bad;
	cpu = get_cpu_slot();
	if (!cpu) {
		pr_err("kmem_cache_create(%s): all %u caches' per-CPU slots are taken\n", name,
		       CACHE_CPU_SLOTS);
		return NULL;
	}
	c = slab_alloc(&cache_cache, (unsigned long)__builtin_return_address(0));
	if (!c) {
		put_cpu_slot(cpu);
		return NULL;
	}
	if (!cache_init(c, name, size, align, ctor, cpu))
		return c;
	put_cpu_slot(cpu);
	slab_free(&cache_cache, page_owner(c), c, &heap_kfree, 0); /* no slab holds an object */
bad:
	pr_err("kmem_cache_create(%s): bad size %zu or alignment %zu\n", name, size, align);
	return NULL;
}

void *kmem_cache_alloc(struct kmem_cache *c)
{
	spin_guard(&heap_lock);
	return slab_alloc(c, (unsigned long)__builtin_return_address(0));
}

/* Is @c one of the caches the heap made for itself? */
static bool heap_cache(const struct kmem_cache *c)
{
	uintptr_t kmalloc_start = (uintptr_t)kmalloc_caches;

	return c == &cache_cache || c == &slab_cache ||
	       ((uintptr_t)c >= kmalloc_start &&
		(uintptr_t)c < kmalloc_start + sizeof(kmalloc_caches));
}

/*
 * Is @c a cache that exists: on the list of caches?  @c may be anything
 * (a cache destroyed before, a stray pointer): it is compared, never read.
 */
static bool cache_exists(const struct kmem_cache *c)
{
	struct kmem_cache *each;

	list_for_each_entry (each, &slab_caches, caches)
		if (each == c)
			return true;
	return false;
}

static const struct heap_call kmem_cache_free_call = {
	.name = "kmem_cache_free",
	.undone = "not freed",
	.invalid = "Invalid free",
	.already_free = "Object already free (double free)",
};

/*
 * kmem_cache_free() of an object that is not @c's.  A cache that does not
 * exist is not named: its name may be poison, with no end.
 */
static __noinline void bad_cache_free(struct kmem_cache *c, struct slab *slab, const void *obj,
				      unsigned long caller)
{
	char why[64];

	if (is_large(slab))
		slab = NULL;
	if (!cache_exists(c)) {
		scnprintf(why, sizeof(why), "0x%lx is not a cache (destroyed?)", (unsigned long)c);
		slab_debug_bad_pointer(NULL, slab, obj, &kmem_cache_free_call, why, caller);
		return;
	}
	slab_debug_bad_pointer(c, slab, obj, &kmem_cache_free_call,
			       slab ? "wrong cache" : "no cache owns it", caller);
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	struct slab *slab = page_owner(obj);
	spin_guard(&heap_lock);

	if (!obj)
		return;
	if (unlikely(!slab || is_large(slab) || slab->cache != c)) {
		bad_cache_free(c, slab, obj, caller);
		return;
	}
	slab_free(c, slab, obj, &kmem_cache_free_call, caller);
}

static void discard_list(struct kmem_cache *c, struct list_head *list)
{
	while (!list_empty(list)) {
		struct slab *slab = list_first_entry(list, struct slab, list);

		unfile_slab(c, slab);
		discard_slab(c, slab);
	}
}

/*
 * Only a cache that kmem_cache_create() made and nothing destroyed since
 * can go: anything else is reported before it is read.  A cache destroyed
 * twice would be read after it was freed, and freed again: two new caches
 * could then get its memory, and the list of caches loop.
 */
void kmem_cache_destroy(struct kmem_cache *c)
{
	unsigned int i;
	spin_guard(&heap_lock);
	if (!c)
		return;
	if (heap_cache(c) || !cache_exists(c)) {
		heap_errors++;
		pr_err("kmem_cache_destroy(0x%lx): %s; nothing destroyed\n", (unsigned long)c,
		       heap_cache(c) ? "one of the heap's own caches"
				     : "not a cache (destroyed before?)");
		return;
	}
	/* Nobody may use a cache being destroyed: every CPU's list can go. */
	for (i = 0; i < NR_CPUS; i++)
		deactivate(c, per_cpu_ptr(c->cpu, i));
	discard_list(c, &c->empty);
	if (c->nr_partial || c->nr_full) {
		pr_err("kmem_cache_destroy(%s): objects still in use; its slabs are kept\n",
		       c->name);
		return;
	}
	list_del(&c->caches);
	put_cpu_slot(c->cpu);
	slab_free(&cache_cache, page_owner(c), c, &heap_kfree, 0);
}

/*
 * Objects on @cc's free list: counted on one CPU; under SMP, @cc's own
 * count, since another CPU may be changing the list meanwhile, without
 * the lock (its inline paths).
 */
static unsigned int cpu_free_objects(struct kmem_cache *c, struct kmem_cache_cpu *cc)
{
	unsigned int n = 0;
	void *obj;

	if (IS_ENABLED(CONFIG_SMP))
		return READ_ONCE(cc->nr_free);
	for (obj = cc->freelist; obj; obj = get_freeptr(c, obj))
		n++;
	return n;
}

void kmem_cache_stats(struct kmem_cache *c, struct slab_stats *st)
{
	struct slab *slab;
	unsigned int i;

	memset(st, 0, sizeof(*st));
	list_for_each_entry (slab, &c->partial, list)
		st->active_objs += slab->inuse;
	st->active_objs += c->nr_full * c->objects;
	st->slabs = c->nr_partial + c->nr_full + c->nr_empty;
	for (i = 0; i < NR_CPUS; i++) {
		struct kmem_cache_cpu *cc = per_cpu_ptr(c->cpu, i);

		slab = cc->active;
		if (slab) {
			st->slabs++;
			st->active_objs += slab->inuse - cpu_free_objects(c, cc);
		}
	}
	st->total_objs = st->slabs * c->objects;
	st->pages = st->slabs << c->order;
}

unsigned long slab_active_objects(void)
{
	struct kmem_cache *c;
	struct slab_stats st;
	unsigned long n = 0;

	spin_guard(&heap_lock);
	list_for_each_entry (c, &slab_caches, caches) {
		kmem_cache_stats(c, &st);
		n += st.active_objs;
	}
	return n;
}

unsigned int slab_snapshot(struct slab_info *info, unsigned int max)
{
	struct kmem_cache *c;
	struct slab_stats st;
	unsigned int n = 0;

	spin_guard(&heap_lock);
	list_for_each_entry (c, &slab_caches, caches) {
		if (n < max) {
			kmem_cache_stats(c, &st);
			strscpy(info[n].name, c->name, sizeof(info[n].name));
			info[n].object_size = c->object_size;
			info[n].order = c->order;
			info[n].active_objs = st.active_objs;
			info[n].total_objs = st.total_objs;
			info[n].slabs = st.slabs;
			info[n].pages = st.pages;
		}
		n++;
	}
	return n;
}

void slabinfo(void)
{
	struct kmem_cache *c;
	struct slab_stats st;
	spin_guard(&heap_lock);

	pr_info("slabinfo: %-16s %7s %7s %7s %6s %5s %8s\n", "name", "objsize", "active", "total",
		"slabs", "order", "KiB");
	list_for_each_entry (c, &slab_caches, caches) {
		kmem_cache_stats(c, &st);
		pr_info("slabinfo: %-16s %7u %7lu %7lu %6lu %5u %8lu\n", c->name, c->object_size,
			st.active_objs, st.total_objs, st.slabs, c->order, st.pages * 4);
	}
}

static bool slabinfo_requested;

static int set_slabinfo(const char *val)
{
	slabinfo_requested = true;
	return val ? -EINVAL : 0;
}
kernel_param("slabinfo", set_slabinfo);

static void slab_report(void)
{
	if (slabinfo_requested)
		slabinfo();
}

static void slab_init(void)
{
	static const char *const names[NR_KMALLOC_CACHES] = {
		"kmalloc-8",   "kmalloc-16",  "kmalloc-32", "kmalloc-64", "kmalloc-128",
		"kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
	};
	unsigned int i;

	BUILD_BUG_ON(offsetof(struct kmem_cache_cpu, freelist) != 0);
	BUILD_BUG_ON(offsetof(struct slab, cpu) != 0); /* kfree() in <kernel/slab.h> */
	/* At boot, on the boot CPU alone: the slots need no heap_lock yet. */
	cache_init(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 8, NULL, get_cpu_slot());
	cache_init(&slab_cache, "slab", sizeof(struct slab), 8, NULL, get_cpu_slot());
	/* Powers of two aligned to their size, as Linux guarantees. */
	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		cache_init(&kmalloc_caches[i], names[i], 1U << (i + KMALLOC_SHIFT_LOW),
			   1U << (i + KMALLOC_SHIFT_LOW), NULL, &kmalloc_cpu[i]);
}

const struct heap_design heap_design = {
	.name = "slab",
	/* Without debugging, kfree()'s fast path trusts a pointer into a slab. */
	.caps = HEAP_REUSES_EACH_BLOCK |
		(IS_ENABLED(CONFIG_SLAB_DEBUG) ? HEAP_KFREE_CHECKS_OBJECTS : 0),
	.init = slab_init,
	.report = slab_report,
	.alloc = slab_kmalloc,
	.free = slab_kfree,
	.block_size = slab_block_size,
	.in_use = slab_active_objects,
};

/* Objects on the free list from @obj, at most @max (a loop stops there). */
static unsigned int list_length(struct kmem_cache *c, void *obj, unsigned int max)
{
	unsigned int n = 0;

	for (; obj && n < max; obj = get_freeptr(c, obj))
		n++;
	return n;
}

/* One slab of @c against what its place says; 0, or 1 with a line that says what. */
static unsigned int check_slab(struct kmem_cache *c, struct slab *slab, const char *where,
			       bool frozen, unsigned int min_inuse, unsigned int max_inuse)
{
	unsigned int free = list_length(c, slab->freelist, c->objects + 1);

	if (slab->frozen == frozen && slab->inuse >= min_inuse && slab->inuse <= max_inuse &&
	    free == c->objects - slab->inuse)
		return 0;
	pr_err("slab: %s: %s slab 0x%lx: frozen %d, %u in use, %u on its list\n", c->name, where,
	       (unsigned long)slab, slab->frozen, slab->inuse, free);
	return 1;
}

/*
 * Under heap_lock, with no CPU using the caches meanwhile: the partial,
 * full and empty lists hold what their names say and their counts agree;
 * each CPU's active slab is frozen, active on that CPU alone, and its
 * objects are in use, on the slab's list or on the CPU's (whose count
 * agrees).  For tests.
 */
unsigned long slab_check_lists(void)
{
	unsigned long problems = 0, np, nf, ne;
	struct kmem_cache_cpu *cc;
	struct kmem_cache *c;
	struct slab *slab;
	unsigned int i, j, own;
	spin_guard(&heap_lock);

	list_for_each_entry (c, &slab_caches, caches) {
		np = nf = ne = 0;
		list_for_each_entry (slab, &c->partial, list)
			problems += check_slab(c, slab, "partial", false, 1, c->objects - 1), np++;
		list_for_each_entry (slab, &c->full, list)
			problems += check_slab(c, slab, "full", false, c->objects, c->objects),
				nf++;
		list_for_each_entry (slab, &c->empty, list)
			problems += check_slab(c, slab, "empty", false, 0, 0), ne++;
		if (np != c->nr_partial || nf != c->nr_full || ne != c->nr_empty) {
			pr_err("slab: %s: lists of %lu, %lu, %lu slabs counted %lu, %lu, %lu\n",
			       c->name, np, nf, ne, c->nr_partial, c->nr_full, c->nr_empty);
			problems++;
		}
		for (i = 0; i < NR_CPUS; i++) {
			cc = per_cpu_ptr(c->cpu, i);
			own = list_length(c, cc->freelist, c->objects + 1);
			if (!cc->active) {
				if (own || (IS_ENABLED(CONFIG_SMP) && cc->nr_free)) {
					pr_err("slab: %s: CPU %u has no active slab but a list\n",
					       c->name, i);
					problems++;
				}
				continue;
			}
			for (j = 0; j < i; j++)
				if (per_cpu_ptr(c->cpu, j)->active == cc->active) {
					pr_err("slab: %s: a slab active on CPUs %u and %u\n",
					       c->name, j, i);
					problems++;
				}
			/* Its own list: what other CPUs freed of it. */
			problems += check_slab(c, cc->active, "active", true, 0, c->objects);
			if (own > cc->active->inuse ||
			    (IS_ENABLED(CONFIG_SMP) && own != cc->nr_free)) {
				pr_err("slab: %s: CPU %u: %u on its list, %u counted, %u in use\n",
				       c->name, i, own, cc->nr_free, cc->active->inuse);
				problems++;
			}
		}
	}
	return problems;
}
