// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU area of the one CPU there is (<asm/percpu.h> says why GS
 * reaches it), and its entry stack.  SMP will make one of each per CPU
 * and point each CPU's MSR_GS_BASE at its own area.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/percpu.h>
#include <asm/pti.h>
#include <kernel/compiler.h>

static struct percpu boot_cpu_area __aligned(64) __entry_bss;

/* Used with CONFIG_PAGE_TABLE_ISOLATION only (<asm/percpu.h>). */
static u8 boot_entry_stack[ENTRY_STACK_SIZE] __aligned(16) __entry_bss;

/*
 * The kernel runs with MSR_GS_BASE on the area; MSR_KERNEL_GS_BASE holds
 * what SWAPGS gives ring 3.  User programs cannot set a GS base yet (no
 * arch_prctl(ARCH_SET_GS), CR4.FSGSBASE off), so that is 0 for all of
 * them and needs no saving per task.
 */
void percpu_init(void)
{
	boot_cpu_area.self = &boot_cpu_area;
	boot_cpu_area.entry_stack = (unsigned long)boot_entry_stack + ENTRY_STACK_SIZE;
	if (IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION))
		kernel_tss.rsp[0] = boot_cpu_area.entry_stack;
	wrmsr(MSR_GS_BASE, (unsigned long)&boot_cpu_area);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
