// SPDX-License-Identifier: GPL-2.0
/*
 * Slab debugging: catching heap bugs where they happen, reported the way
 * Linux's SLUB reports them (Documentation/mm/slub.rst in Linux).
 *
 *   CONFIG_SLAB_DEBUG_POISON   a free object is filled with 0x6b (its last
 *                              byte 0xa5) and checked when it is handed out
 *                              again: a write after free changed it.
 *   CONFIG_SLAB_DEBUG_REDZONE  guard bytes on both sides of each object,
 *                              0xcc while allocated, 0xbb while free,
 *                              checked at free and at allocation.
 *   CONFIG_SLAB_DEBUG_CHECKS   the free list checked at every allocation:
 *                              the next free pointer must be the start of
 *                              a free object of the same slab.
 *   CONFIG_SLAB_DEBUG_TRACK    the caller of the last allocation and free
 *                              of each object, named in reports.
 *
 * Whichever of them are on, every object has a state word (free,
 * allocated, quarantined), and every free checks that the pointer is the
 * start of an object and that the object is allocated: the other checks
 * need to know what they are looking at, or a double free would look
 * like a damaged redzone.  Frees to the wrong cache and of memory no
 * cache owns are caught even without CONFIG_SLAB_DEBUG.
 *
 * A bug is reported once and counted in slab_bugs (and heap_errors).  An
 * object found damaged is quarantined: never handed out or freed again,
 * so that the damage does not spread into the allocator's own lists.  A
 * double or invalid free changes nothing at all.
 */
#include <asm/page.h>
#include <kernel/kallsyms.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "heap.h"
#include "slab.h"

unsigned long slab_bugs;

#define DUMP_MAX 64 /* bytes of an object shown in a report */

struct damage {
	const char *title;	/* "Right Redzone overwritten" */
	const u8 *first, *last; /* the changed bytes, or NULL */
	u8 expected;
	const char *note; /* an INFO line of its own, or NULL */
	const char *fix;  /* what was done, if not the usual */
};

static u8 *left_redzone(const struct kmem_cache *c, const void *obj)
{
	return (u8 *)obj - REDZONE_SIZE;
}

/* From the object's end (not its rounded size) to the end of the redzone. */
static u8 *right_redzone(const struct kmem_cache *c, const void *obj)
{
	return (u8 *)obj + c->object_size;
}

static size_t right_redzone_len(const struct kmem_cache *c)
{
	return ALIGN(c->object_size, 8U) - c->object_size + REDZONE_SIZE;
}

/* The first and last byte in [p, p + len) that is not @value; false if none. */
static bool find_damage(const u8 *p, size_t len, u8 value, struct damage *d)
{
	const u8 *end = p + len;

	d->first = d->last = NULL;
	for (; p < end; p++) {
		if (*p == value)
			continue;
		if (!d->first)
			d->first = p;
		d->last = p;
	}
	d->expected = value;
	return d->first;
}

static void dump_line(const char *label, const u8 *p, size_t len)
{
	char line[80];
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += scnprintf(line + n, sizeof(line) - n, " %02x", p[i]);
	pr_err("%-8s %016lx:%s\n", label, (unsigned long)p, line);
}

static void dump_bytes(const char *label, const u8 *p, size_t len)
{
	size_t done;

	for (done = 0; done < len; done += 16)
		dump_line(label, p + done, min(len - done, (size_t)16));
}

static void show_caller(const char *what, unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	if (!caller) {
		pr_err("INFO: %s: never\n", what);
		return;
	}
	sprint_symbol(sym, sizeof(sym), caller);
	pr_err("INFO: %s in %s\n", what, sym);
}

/* Slab and object lines, the hex dump, the track; the header is the caller's. */
static void show_object(struct kmem_cache *c, struct slab *slab, const void *obj,
			const struct damage *d)
{
	const u8 *o = obj;

	if (slab)
		pr_err("INFO: Slab 0x%lx objects=%u used=%u quarantined=%u order=%u\n",
		       (unsigned long)slab, c->objects, slab->inuse, slab->quarantined, c->order);
	pr_err("INFO: Object 0x%lx @offset=%lu size=%u\n", (unsigned long)obj,
	       slab ? (unsigned long)(o - (u8 *)slab->objects) : 0, c->object_size);
	if (c->debug & SLAB_TRACK) {
		show_caller("Allocated", track_of(c, obj)->alloc_caller);
		show_caller("Freed", track_of(c, obj)->free_caller);
	}
	if (c->debug & SLAB_RED_ZONE)
		dump_bytes("Redzone", left_redzone(c, obj), REDZONE_SIZE);
	/* The object's first bytes, or the line with the damage in it. */
	if (d && d->first >= o && d->first < o + c->object_size && d->first - o >= DUMP_MAX)
		dump_bytes("Object", o + ((d->first - o) & ~15UL), 16);
	else
		dump_bytes("Object", o, min((size_t)c->object_size, (size_t)DUMP_MAX));
	if (c->debug & SLAB_RED_ZONE)
		dump_bytes("Redzone", right_redzone(c, obj), right_redzone_len(c));
}

/* Take an object that is off every free list out of use for good. */
static void quarantine(struct kmem_cache *c, struct slab *slab, const void *obj)
{
	slab->quarantined++;
	track_of(c, obj)->state = SLAB_STATE_QUARANTINED;
}

/* Report; a damaged object is quarantined, a free one (double free) stays free. */
static void slab_bug(struct kmem_cache *c, struct slab *slab, const void *obj,
		     const struct damage *d, bool take_out)
{
	slab_bugs++;
	heap_errors++;
	pr_err("=============================================================================\n");
	pr_err("BUG %s: %s\n", c->name, d->title);
	pr_err("-----------------------------------------------------------------------------\n");
	if (d->first)
		pr_err("INFO: 0x%lx-0x%lx @offset=%ld. First byte 0x%02x instead of 0x%02x\n",
		       (unsigned long)d->first, (unsigned long)d->last,
		       (long)(d->first - (const u8 *)obj), *d->first, d->expected);
	if (d->note)
		pr_err("INFO: %s\n", d->note);
	show_object(c, slab, obj, d);
	if (take_out) {
		quarantine(c, slab, obj);
		pr_err("FIX %s: Object 0x%lx quarantined\n", c->name, (unsigned long)obj);
	} else if (d->fix) {
		pr_err("FIX %s: %s\n", c->name, d->fix);
	} else {
		pr_err("FIX %s: Object 0x%lx left as it was\n", c->name, (unsigned long)obj);
	}
}

static void fill_redzones(struct kmem_cache *c, void *obj, u8 value)
{
	memset(left_redzone(c, obj), value, REDZONE_SIZE);
	memset(right_redzone(c, obj), value, right_redzone_len(c));
}

static void poison(struct kmem_cache *c, void *obj)
{
	memset(obj, POISON_FREE, c->object_size - 1);
	((u8 *)obj)[c->object_size - 1] = POISON_END;
}

/* Both redzones hold @value?  Reports the bug otherwise. */
static bool check_redzones(struct kmem_cache *c, struct slab *slab, const void *obj, u8 value)
{
	struct damage d = { 0 };

	if (find_damage(left_redzone(c, obj), REDZONE_SIZE, value, &d)) {
		d.title = "Left Redzone overwritten";
		slab_bug(c, slab, obj, &d, true);
		return false;
	}
	if (find_damage(right_redzone(c, obj), right_redzone_len(c), value, &d)) {
		d.title = "Right Redzone overwritten";
		slab_bug(c, slab, obj, &d, true);
		return false;
	}
	return true;
}

static bool check_poison(struct kmem_cache *c, struct slab *slab, const void *obj)
{
	struct damage d = { 0 };

	if (!find_damage(obj, c->object_size - 1, POISON_FREE, &d) &&
	    !find_damage((const u8 *)obj + c->object_size - 1, 1, POISON_END, &d))
		return true;
	d.title = "Poison overwritten (write after free)";
	slab_bug(c, slab, obj, &d, true);
	return false;
}

void slab_debug_init_object(struct kmem_cache *c, void *obj)
{
	if (c->debug & SLAB_POISON)
		poison(c, obj);
	if (c->debug & SLAB_RED_ZONE)
		fill_redzones(c, obj, REDZONE_INACTIVE);
	if (c->debug & SLAB_STATE) {
		memset(track_of(c, obj), 0, sizeof(struct slab_track));
		track_of(c, obj)->state = SLAB_STATE_FREE;
	}
}

/*
 * CONFIG_SLAB_DEBUG_CHECKS: the free pointer of the object just taken must
 * be the end of the list or a free object of the same slab.  If it is not
 * (a write after free hit it), the rest of the list is dropped: its
 * objects are lost, but no wild pointer is ever handed out.
 */
static void check_freelist(struct kmem_cache *c, struct slab *slab, const void *obj)
{
	struct kmem_cache_cpu *cc = this_cpu_slab(c);
	void *next = cc->freelist;
	char note[96], fix[96];
	struct damage d = { .title = "Freepointer corrupt", .note = note, .fix = fix };

	if (!next ||
	    (is_object_start(c, slab, next) && track_of(c, next)->state == SLAB_STATE_FREE))
		return;
	cc->freelist = NULL;
	cc->nr_free = 0;
	scnprintf(note, sizeof(note),
		  "Free pointer 0x%lx @offset=%u is not a free object of the slab",
		  (unsigned long)next, c->free_offset);
	scnprintf(fix, sizeof(fix), "Free list cut after 0x%lx; the objects on the rest are lost",
		  (unsigned long)obj);
	slab_bug(c, slab, obj, &d, false);
}

bool slab_debug_alloc(struct kmem_cache *c, struct slab *slab, void *obj, unsigned long caller)
{
	struct damage d = { .title = "Object on the free list is not free" };

	if (c->debug & SLAB_CHECKS)
		check_freelist(c, slab, obj);
	if (track_of(c, obj)->state != SLAB_STATE_FREE) {
		slab_bug(c, slab, obj, &d, false);
		return false;
	}
	if (c->debug & SLAB_POISON && !check_poison(c, slab, obj))
		return false;
	if (c->debug & SLAB_RED_ZONE && !check_redzones(c, slab, obj, REDZONE_INACTIVE))
		return false;
	if (c->debug & SLAB_RED_ZONE)
		fill_redzones(c, obj, REDZONE_ACTIVE);
	track_of(c, obj)->state = SLAB_STATE_ALLOCATED;
	track_of(c, obj)->alloc_caller = c->debug & SLAB_TRACK ? caller : 0;
	return true;
}

/* "kfree called from double_free+0x25/0x50": who passed the bad pointer. */
static void call_note(char *note, size_t size, const struct heap_call *call, unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), caller);
	scnprintf(note, size, "%s called from %s", call->name, sym);
}

bool slab_debug_live(struct kmem_cache *c, struct slab *slab, const void *obj,
		     const struct heap_call *call, unsigned long caller)
{
	char note[KSYM_SYMBOL_LEN + 32];
	struct damage d = { 0 };

	if (!is_object_start(c, slab, obj)) {
		slab_debug_bad_pointer(c, slab, obj, call, "not the start of an object", caller);
		return false;
	}
	if (track_of(c, obj)->state == SLAB_STATE_ALLOCATED)
		return true;
	if (track_of(c, obj)->state == SLAB_STATE_FREE && call) {
		/* The track keeps who freed it; the note names who came after. */
		d.title = call->already_free;
		d.note = note;
		call_note(note, sizeof(note), call, caller);
		slab_bug(c, slab, obj, &d, false);
	}
	return false; /* free, or quarantined: reported before */
}

bool slab_debug_free(struct kmem_cache *c, struct slab *slab, const void *obj,
		     const struct heap_call *call, unsigned long caller)
{
	if (!slab_debug_live(c, slab, obj, call, caller))
		return false;
	if (c->debug & SLAB_RED_ZONE && !check_redzones(c, slab, obj, REDZONE_ACTIVE))
		return false;
	if (c->debug & SLAB_POISON)
		poison(c, (void *)obj);
	if (c->debug & SLAB_RED_ZONE)
		fill_redzones(c, (void *)obj, REDZONE_INACTIVE);
	track_of(c, obj)->state = SLAB_STATE_FREE;
	track_of(c, obj)->free_caller = c->debug & SLAB_TRACK ? caller : 0;
	return true;
}

void slab_debug_bad_pointer(struct kmem_cache *c, struct slab *slab, const void *obj,
			    const struct heap_call *call, const char *what, unsigned long caller)
{
	char note[KSYM_SYMBOL_LEN + 32];
	const char *name;

	if (!call)
		return; /* ksize(): nothing to report */
	name = c ? c->name : call->name;
	slab_bugs++;
	heap_errors++;
	call_note(note, sizeof(note), call, caller);
	pr_err("=============================================================================\n");
	pr_err("BUG %s: %s of 0x%lx: %s\n", name, call->invalid, (unsigned long)obj, what);
	pr_err("-----------------------------------------------------------------------------\n");
	pr_err("INFO: Object 0x%lx belongs to %s\n", (unsigned long)obj,
	       slab ? slab->cache->name : "no cache");
	pr_err("INFO: %s\n", note);
	pr_err("FIX %s: %s\n", name, call->undone);
}
