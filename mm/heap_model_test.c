// SPDX-License-Identifier: GPL-2.0
/*
 * A model-based test of the heap: random kmalloc/kfree/krealloc sequences
 * from fixed seeds, each step checked against a reference model of what
 * must be live — the size and fill byte of every object.  After every
 * step the new or moved object must not overlap any live one, and every
 * 64 steps all live objects must still hold their bytes.  Runs in the
 * kernel and, under ASan/UBSan, on the host.
 *
 * The hostile run mixes in bad calls from a seed ktest_seed() prints:
 * sizes no design serves, frees of foreign memory, of pointers inside
 * live objects and of objects freed before, and krealloc() of those
 * last two.  Each must be reported (or
 * fail), and change neither the free page count nor any live object.
 */
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/preempt.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "heap_model.h"

static u32 next_rand(struct model *m)
{
	return ktest_xorshift32(&m->rng);
}

/* Mostly small sizes, as a kernel asks; sometimes pages. */
static size_t random_size(struct model *m)
{
	u32 r = next_rand(m);

	if (r % 16 == 0)
		return 1 + next_rand(m) % 9000;
	return 1 + next_rand(m) % (r % 3 ? 128 : 1024);
}

/* A word at a time where aligned: the checks are most of the suite's time. */
static bool intact(const struct model_obj *o)
{
	unsigned long word = 0x0101010101010101UL * o->fill;
	const u8 *p = o->p, *end = o->p + o->size;

	for (; p < end && ((uintptr_t)p & (sizeof(word) - 1)); p++)
		if (*p != o->fill)
			return false;
	for (; end - p >= (long)sizeof(word); p += sizeof(word))
		if (*(const unsigned long *)p != word)
			return false;
	for (; p < end; p++)
		if (*p != o->fill)
			return false;
	return true;
}

static void check_no_overlap(struct model *m, unsigned int fresh)
{
	const struct model_obj *n = &m->obj[fresh];
	unsigned int i;

	for (i = 0; i < MODEL_SLOTS; i++) {
		const struct model_obj *o = &m->obj[i];

		if (i != fresh && o->p && n->p < o->p + o->size && o->p < n->p + n->size)
			m->overlaps++;
	}
}

static bool is_live_start(const struct model *m, const u8 *p)
{
	unsigned int i;

	for (i = 0; i < MODEL_SLOTS; i++)
		if (m->obj[i].p == p)
			return true;
	return false;
}

static u8 foreign[64] __aligned(16);

/*
 * One bad call, picked at random; false if the pick does not apply now.
 * Returns whether it should have been reported.
 */
static bool bad_call(struct model *m, struct model_obj *o, bool *reported)
{
	static const size_t huge[] = { (size_t)-1, (size_t)-4096, (size_t)1 << 40, 9UL << 20 };
	size_t size = huge[next_rand(m) % ARRAY_SIZE(huge)];

	*reported = true;
	switch (next_rand(m) % 7) {
	case 0:
		*reported = false;
		m->wrong_results += kmalloc(size) != NULL;
		return true;
	case 1:
		*reported = false;
		if (!o->p)
			return false;
		m->wrong_results += krealloc(o->p, size) != NULL;
		return true;
	case 2:
		kfree(foreign + next_rand(m) % 64);
		return true;
	case 3: /* inside a live object */
		if (!o->p || o->size < 2 || !heap_has(HEAP_KFREE_CHECKS_OBJECTS))
			return false;
		kfree(o->p + 1 + next_rand(m) % (o->size - 1));
		return true;
	case 4: /* an object freed before, not live again */
		if (!m->last_freed || is_live_start(m, m->last_freed) ||
		    !heap_has(HEAP_KFREE_CHECKS_OBJECTS))
			return false;
		kfree(m->last_freed);
		return true;
	case 5: /* krealloc() inside a live object */
		if (!o->p || o->size < 2)
			return false;
		m->wrong_results +=
			krealloc(o->p + 1 + next_rand(m) % (o->size - 1), random_size(m)) != NULL;
		return true;
	default: /* krealloc() of an object freed before */
		if (!m->last_freed || is_live_start(m, m->last_freed) ||
		    !heap_has(HEAP_KFREE_CHECKS_OBJECTS))
			return false;
		m->wrong_results += krealloc(m->last_freed, next_rand(m) % 256) != NULL;
		return true;
	}
}

static void hostile_step(struct model *m, struct model_obj *o)
{
	unsigned long free = nr_free_pages();
	bool reported;

	ktest_mute_console();
	if (bad_call(m, o, &reported)) {
		m->bad_calls++;
		m->expected_reports += reported;
		m->changed_free_pages += nr_free_pages() != free;
	}
	ktest_unmute_console();
}

static void model_step(struct model *m)
{
	unsigned int i = next_rand(m) % MODEL_SLOTS;
	struct model_obj *o = &m->obj[i];
	size_t size;
	u8 *p;

	if (m->hostile && next_rand(m) % 8 == 0) {
		hostile_step(m, o);
		return;
	}
	if (o->p && next_rand(m) % 4 == 0) { /* krealloc */
		size = random_size(m);
		p = krealloc(o->p, size);
		if (!p) {
			m->failures++;
			return;
		}
		o->p = p;
		o->size = min(size, o->size);
		m->corrupted += !intact(o); /* the common part moved along */
		o->size = size;
		memset(p, o->fill, size);
	} else if (o->p) { /* kfree */
		m->corrupted += !intact(o);
		kfree(o->p);
		m->last_freed = o->p;
		o->p = NULL;
		return;
	} else { /* kmalloc */
		o->size = random_size(m);
		o->fill = next_rand(m);
		/* Small ones by a constant size too, which the slab serves inline. */
		o->p = o->size <= 64 ? kmalloc(64) : kmalloc(o->size);
		if (!o->p) {
			m->failures++;
			return;
		}
		memset(o->p, o->fill, o->size);
	}
	check_no_overlap(m, i);
}

void model_run(struct model *m, unsigned long steps)
{
	unsigned int i;

	for (m->steps = 0; m->steps < steps; m->steps++) {
		cond_resched(); /* some seconds of CPU time in all: offer it */
		model_step(m);
		if (m->steps % 64 == 0)
			for (i = 0; i < MODEL_SLOTS; i++)
				m->corrupted += m->obj[i].p && !intact(&m->obj[i]);
	}
	for (i = 0; i < MODEL_SLOTS; i++) {
		if (m->obj[i].p)
			m->corrupted += !intact(&m->obj[i]);
		kfree(m->obj[i].p);
	}
}

static void run_model(struct ktest *t, u32 seed, bool hostile)
{
	static struct model m;
	unsigned long errors = heap_errors;

	memset(&m, 0, sizeof(m));
	m.rng = seed;
	m.hostile = hostile;
	model_run(&m, MODEL_STEPS);
	KTEST_EXPECT_EQ(t, m.overlaps, 0);
	KTEST_EXPECT_EQ(t, m.corrupted, 0);
	KTEST_EXPECT_EQ(t, m.failures, 0);
	KTEST_EXPECT_EQ(t, heap_errors - errors, m.expected_reports);
	KTEST_EXPECT_EQ(t, m.changed_free_pages, 0);
	KTEST_EXPECT_EQ(t, m.wrong_results, 0);
	KTEST_EXPECT_TRUE(t, !hostile || m.bad_calls > MODEL_STEPS / 20);
}

static void model_seed_1(struct ktest *t)
{
	run_model(t, 1, false);
}

static void model_seed_2026(struct ktest *t)
{
	run_model(t, 2026, false);
}

static void model_seed_cafe(struct ktest *t)
{
	run_model(t, 0xcafe, false);
}

/* Valid and bad calls mixed, from a new seed each run (ktest.seed= repeats one). */
static void model_hostile_random_seed(struct ktest *t)
{
	run_model(t, ktest_seed(t), true);
}

static const struct ktest_case heap_model_cases[] = {
	KTEST_CASE(model_seed_1),
	KTEST_CASE(model_seed_2026),
	KTEST_CASE(model_seed_cafe),
	KTEST_CASE(model_hostile_random_seed),
	{},
};
KTEST_SUITE(heap_model, heap_model_cases);
