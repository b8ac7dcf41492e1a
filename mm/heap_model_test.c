// SPDX-License-Identifier: GPL-2.0
/*
 * A model-based test of the heap: random kmalloc/kfree/krealloc sequences
 * from fixed seeds, each step checked against a reference model of what
 * must be live — the size and fill byte of every object.  After every
 * step the new or moved object must not overlap any live one, and every
 * 64 steps all live objects must still hold their bytes.  Runs in the
 * kernel and, under ASan/UBSan, on the host.
 */
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define MODEL_SLOTS	384
#define MODEL_STEPS	15000

struct model_obj {
	u8 *p;
	size_t size;
	u8 fill;
};

struct model {
	struct model_obj obj[MODEL_SLOTS];
	u32 rng;
	unsigned long overlaps, corrupted, failures, steps;
};

static u32 next_rand(struct model *m)
{
	m->rng ^= m->rng << 13;
	m->rng ^= m->rng >> 17;
	m->rng ^= m->rng << 5;
	return m->rng;
}

/* Mostly small sizes, as a kernel asks; sometimes pages. */
static size_t random_size(struct model *m)
{
	u32 r = next_rand(m);

	if (r % 16 == 0)
		return 1 + next_rand(m) % 9000;
	return 1 + next_rand(m) % (r % 3 ? 128 : 1024);
}

static bool intact(const struct model_obj *o)
{
	size_t i;

	for (i = 0; i < o->size; i++)
		if (o->p[i] != o->fill)
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

static void model_step(struct model *m)
{
	unsigned int i = next_rand(m) % MODEL_SLOTS;
	struct model_obj *o = &m->obj[i];
	size_t size;
	u8 *p;

	if (o->p && next_rand(m) % 4 == 0) {			/* krealloc */
		size = random_size(m);
		p = krealloc(o->p, size);
		if (!p) {
			m->failures++;
			return;
		}
		o->p = p;
		o->size = min(size, o->size);
		m->corrupted += !intact(o);	/* the common part moved along */
		o->size = size;
		memset(p, o->fill, size);
	} else if (o->p) {					/* kfree */
		m->corrupted += !intact(o);
		kfree(o->p);
		o->p = NULL;
		return;
	} else {						/* kmalloc */
		o->size = random_size(m);
		o->fill = next_rand(m);
		o->p = kmalloc(o->size);
		if (!o->p) {
			m->failures++;
			return;
		}
		memset(o->p, o->fill, o->size);
	}
	check_no_overlap(m, i);
}

static void run_model(struct ktest *t, u32 seed)
{
	static struct model m;
	unsigned int i;

	memset(&m, 0, sizeof(m));
	m.rng = seed;
	for (m.steps = 0; m.steps < MODEL_STEPS; m.steps++) {
		model_step(&m);
		if (m.steps % 64 == 0)
			for (i = 0; i < MODEL_SLOTS; i++)
				m.corrupted += m.obj[i].p && !intact(&m.obj[i]);
	}
	for (i = 0; i < MODEL_SLOTS; i++) {
		if (m.obj[i].p)
			m.corrupted += !intact(&m.obj[i]);
		kfree(m.obj[i].p);
	}
	KTEST_EXPECT_EQ(t, m.overlaps, 0);
	KTEST_EXPECT_EQ(t, m.corrupted, 0);
	KTEST_EXPECT_EQ(t, m.failures, 0);
}

static void model_seed_1(struct ktest *t)
{
	run_model(t, 1);
}

static void model_seed_2026(struct ktest *t)
{
	run_model(t, 2026);
}

static void model_seed_cafe(struct ktest *t)
{
	run_model(t, 0xcafe);
}

static const struct ktest_case heap_model_cases[] = {
	KTEST_CASE(model_seed_1),
	KTEST_CASE(model_seed_2026),
	KTEST_CASE(model_seed_cafe),
	{}
};
KTEST_SUITE(heap_model, heap_model_cases);
