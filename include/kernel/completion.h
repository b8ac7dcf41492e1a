/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions (kernel/sched/completion.c), as in Linux: "this has
 * happened", counted, so that a complete() before the wait is not lost.
 * Each complete() lets one wait_for_completion() through.
 */
#ifndef _KERNEL_COMPLETION_H
#define _KERNEL_COMPLETION_H

#include <kernel/wait.h>

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(name)                                 \
	{                                                            \
		.done = 0, .wait = WAIT_QUEUE_HEAD_INIT((name).wait) \
	}
#define DECLARE_COMPLETION(name) struct completion name = COMPLETION_INITIALIZER(name)

static inline void init_completion(struct completion *c)
{
	c->done = 0;
	init_waitqueue_head(&c->wait);
}

/* Let one waiter through, now or later; from any context. */
void complete(struct completion *c);
/* Sleep until a complete() is there for the caller, and take it. */
void wait_for_completion(struct completion *c);

#endif
