// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU area of the one CPU there is (<asm/percpu.h> says why GS
 * reaches it).  SMP will make one per CPU and point each CPU's
 * MSR_GS_BASE at its own.
 */
#include <asm/cpu.h>
#include <asm/percpu.h>
#include <kernel/compiler.h>

BUILD_BUG_ON(offsetof(struct percpu, self) != PERCPU_SELF);
BUILD_BUG_ON(offsetof(struct percpu, top_of_stack) != PERCPU_TOP_OF_STACK);
BUILD_BUG_ON(offsetof(struct percpu, user_rsp) != PERCPU_USER_RSP);

static struct percpu boot_cpu_area __aligned(64);

/*
 * The kernel runs with MSR_GS_BASE on the area; MSR_KERNEL_GS_BASE holds
 * what SWAPGS gives ring 3.  User programs cannot set a GS base yet (no
 * arch_prctl(ARCH_SET_GS), CR4.FSGSBASE off), so that is 0 for all of
 * them and needs no saving per task.
 */
void percpu_init(void)
{
	boot_cpu_area.self = &boot_cpu_area;
	wrmsr(MSR_GS_BASE, (unsigned long)&boot_cpu_area);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
