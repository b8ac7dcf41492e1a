/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x87 and SSE registers of user programs (arch/x86_64/kernel/fpu.c).
 *
 * The x86_64 ABI passes floating-point values in XMM registers and C
 * libraries copy memory with them, so every program uses them; the
 * kernel never does (-mgeneral-regs-only).  So the registers are the
 * running process's alone, saved with FXSAVE when it is switched out and
 * loaded with FXRSTOR when it comes back; kernel threads leave them be.
 * Eager, as Linux is since 4.9: a lazy scheme would save nothing for a
 * program that uses them all the time, which is every program.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <kernel/types.h>

#define FXSAVE_SIZE  512
#define FXSAVE_ALIGN 16

/* A task's FXSAVE area: space enough to align it where it lies. */
struct fpu {
	u8 buf[FXSAVE_SIZE + FXSAVE_ALIGN - 1];
};

struct task_struct;

/* Let ring 3 use SSE: CR0 and CR4 as the OS's promise to save the state. */
void fpu_init(void);
/* The registers a new program starts with (execve()): x87 and MXCSR defaults, all else 0. */
void fpu_reset(void);
/* Give @child the caller's registers as they are now (fork()). */
void fpu_copy(struct task_struct *child);
/* The switch from @prev to @next (switch_to()). */
void fpu_switch(struct task_struct *prev, struct task_struct *next);
/*
 * The running process's registers to @buf (FXSAVE_SIZE bytes, aligned to
 * FXSAVE_ALIGN), for a signal frame; and back from one, which the
 * program may have changed (its MXCSR is made valid first).
 */
void fpu_save_user(void *buf);
void fpu_restore_user(void *buf);
/* Whether FXRSTOR takes @buf as it is (MXCSR has no reserved bit set), as Linux's restore asks. */
bool fpu_user_state_valid(const void *buf);

#endif
