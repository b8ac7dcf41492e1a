/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Driver initcalls: a driver names its init function with
 * device_initcall(fn), and start_kernel() runs every one of them once
 * interrupts can be routed (see do_initcalls()).  The kernel core never
 * names a driver, so the drivers a kernel starts are exactly the ones its
 * configuration built.
 *
 * An init function returns 0 or a negative errno; it reports its own
 * failure, and the others go on.
 */
#ifndef _KERNEL_INIT_H
#define _KERNEL_INIT_H

#include <kernel/compiler.h>

typedef int (*initcall_t)(void);

#define device_initcall(fn)                                                                  \
	static const initcall_t __device_initcall_##fn __used __section(".device_initcalls") \
		__aligned(sizeof(void *)) = fn

/* Run every device_initcall, in link order. */
void do_initcalls(void);

/*
 * init's program (kernel/run_init.c): run what init= or rdinit= names, as
 * pid 1; returns only if there is none (or rdinit='s failed): the shell.
 */
void run_user_init(void);

#endif
