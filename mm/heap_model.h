/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The heap's reference model (mm/heap_model_test.c), shared with the
 * suite that runs one on every CPU at once (mm/heap_model_smp_test.c).
 */
#ifndef _MM_HEAP_MODEL_H
#define _MM_HEAP_MODEL_H

#include <kernel/types.h>

#define MODEL_SLOTS 384
#define MODEL_STEPS 15000

struct model_obj {
	u8 *p;
	size_t size;
	u8 fill;
};

struct model {
	struct model_obj obj[MODEL_SLOTS];
	u32 rng;
	unsigned long overlaps, corrupted, failures, steps;
	bool hostile;
	u8 *last_freed;
	unsigned long bad_calls, expected_reports, changed_free_pages, wrong_results;
};

/*
 * @steps steps of @m from its seed (m->rng), every live block checked
 * every 64, then all freed; what went wrong is counted in @m.
 */
void model_run(struct model *m, unsigned long steps);

#endif
