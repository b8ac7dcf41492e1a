// SPDX-License-Identifier: GPL-2.0
/*
 * Saving and restoring user programs' x87 and SSE registers; <asm/fpu.h>
 * says why it is eager and only for processes.  CONFIG_USER_MODE only.
 * A signal frame holds them in FXSAVE's layout too, where a program may
 * change them before rt_sigreturn(): an MXCSR with reserved bits, which
 * FXRSTOR would fault on (Linux's mxcsr_feature_mask), makes the frame a
 * bad one (fpu_user_state_valid()), and they are cleared before FXRSTOR
 * all the same.
 */
#include <asm/cpu.h>
#include <asm/fpu.h>
#include <kernel/compiler.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define FCW_DEFAULT   0x037f /* all x87 exceptions masked, 64-bit precision */
#define MXCSR_DEFAULT 0x1f80 /* all SSE exceptions masked, round to nearest */

/* FXSAVE's layout, as far as the defaults need it */
struct fxregs_state {
	u16 cwd, swd, twd, fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u8 rest[FXSAVE_SIZE - 32];
} __aligned(FXSAVE_ALIGN);

static const struct fxregs_state fx_default = { .cwd = FCW_DEFAULT, .mxcsr = MXCSR_DEFAULT };
/* The MXCSR bits this CPU takes: FXSAVE's mask, or 0xffbf if it gives none. */
static u32 mxcsr_feature_mask = 0xffbf;

static struct fxregs_state *fx_of(struct task_struct *p)
{
	return (struct fxregs_state *)ALIGN((unsigned long)p->thread.fpu.buf, FXSAVE_ALIGN);
}

static void fxsave(struct fxregs_state *fx)
{
	__asm__ __volatile__("fxsaveq %0" : "=m"(*fx));
}

static void fxrstor(const struct fxregs_state *fx)
{
	__asm__ __volatile__("fxrstorq %0" : : "m"(*fx));
}

void fpu_init(void)
{
	static struct fxregs_state fx;

	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	fxsave(&fx);
	if (fx.mxcsr_mask)
		mxcsr_feature_mask = fx.mxcsr_mask;
}

void fpu_save_user(void *buf)
{
	struct fxregs_state *fx = buf;

	fxsave(fx);
	/* Bytes 464-511 are the software's: nothing of the kernel's stack in them. */
	memset((u8 *)fx + 464, 0, FXSAVE_SIZE - 464);
}

bool fpu_user_state_valid(const void *buf)
{
	const struct fxregs_state *fx = buf;

	return !(fx->mxcsr & ~mxcsr_feature_mask);
}

void fpu_restore_user(void *buf)
{
	struct fxregs_state *fx = buf;

	fx->mxcsr &= mxcsr_feature_mask;
	fxrstor(fx);
}

void fpu_reset(void)
{
	fxrstor(&fx_default);
}

void fpu_copy(struct task_struct *child)
{
	fxsave(fx_of(child));
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		fxsave(fx_of(prev));
	if (next->mm)
		fxrstor(fx_of(next));
}
