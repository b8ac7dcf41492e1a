/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's random number generator (RDRAND), for the few things that need
 * bits nobody can guess: the stack protector's canary, a program's
 * AT_RANDOM bytes.
 */
#ifndef _ASM_ARCHRANDOM_H
#define _ASM_ARCHRANDOM_H

#include <asm/cpu.h>
#include <kernel/types.h>

#define CPUID_1_ECX_RDRAND (1U << 30)
#define RDRAND_RETRIES	   10 /* Intel's advice for a transient failure */

/* A random word in *@v, if the CPU has RDRAND and it delivers. */
static inline bool arch_get_random_long(unsigned long *v)
{
	int i;

	if (!(cpuid(1).ecx & CPUID_1_ECX_RDRAND))
		return false;
	for (i = 0; i < RDRAND_RETRIES; i++) {
		bool ok;

		__asm__ __volatile__("rdrand %0" : "=r"(*v), "=@ccc"(ok));
		/* Some AMD parts return all ones, with success, after resume. */
		if (ok && *v != ~0UL)
			return true;
	}
	return false;
}

#endif
