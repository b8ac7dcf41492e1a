/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The stack protector's canary (CONFIG_STACKPROTECTOR).
 *
 * Every protected function copies __stack_chk_guard below its return
 * address on entry and calls __stack_chk_fail() if the copy differs on
 * return.  The compilers are told -mstack-protector-guard=global: the
 * canary is this one variable, read RIP-relative, rather than a per-CPU
 * slot at %gs:40 (GCC's -mcmodel=kernel default, Linux's x86_64 until
 * 6.2).  One canary per boot serves any number of CPUs, since no CPU ever
 * changes it; a %gs guard would also make every C function depend on the
 * GS base, before it is set at boot and across the swapgs of every entry
 * from user mode.  What a per-CPU guard would buy, Linux's per-task canary,
 * needs a scheduler that rewrites it on every switch; a global cannot give
 * that under SMP, so the day Kestrel wants per-task canaries the guard
 * moves to %gs (-mstack-protector-guard=tls -mstack-protector-guard-reg=gs).
 */
#ifndef _ASM_STACKPROTECTOR_H
#define _ASM_STACKPROTECTOR_H

#include <kernel/compiler.h>
#include <kernel/types.h>

extern unsigned long __stack_chk_guard;

/* A random canary for this boot; logs where it came from. */
unsigned long stack_canary_random(void);

/*
 * Set the canary.  Inline in start_kernel(), which never returns: a
 * function that changed it while its own frame held the old one would
 * call __stack_chk_fail() on return, and this way no frame below
 * start_kernel() holds one yet.
 */
static __always_inline void boot_init_stack_canary(void)
{
	if (IS_ENABLED(CONFIG_STACKPROTECTOR))
		__stack_chk_guard = stack_canary_random();
}

#endif
