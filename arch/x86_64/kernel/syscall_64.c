// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3's way in: SYSCALL's MSRs, the system call's C entry, and the
 * CPU protections that keep the kernel from following user pointers
 * (SMEP, SMAP).  CONFIG_USER_MODE only.
 *
 * entry_SYSCALL_64 (entry_64.asm) saves the user's registers as a struct
 * pt_regs.  Its full path calls do_syscall_64(), which runs the call
 * through the table (kernel/syscall.c) and decides how to go back:
 * SYSRET, which restores RIP from RCX and RFLAGS from R11 and loads fixed
 * selectors, or the iretq every interrupt returns with, which restores
 * the frame as it is.  SYSRET is faster (no loads of a frame, no
 * descriptor checks) but can only return to what RCX and R11 hold; and
 * on Intel CPUs a SYSRET to a non-canonical RIP raises #GP in ring 0,
 * with the user's RSP and GS already loaded: a user who can make the
 * kernel return there runs the #GP handler on a stack of its choosing
 * (CVE-2012-0217).  So SYSRET is taken only when the frame is one it
 * restores exactly and its RIP lies below TASK_SIZE_MAX; anything else
 * goes through iretq, whose fault on a bad RIP is a fault of the user
 * (traps.c).  The fast path, whose frame no call changes, makes the same
 * checks in assembly on what SYSCALL saved, with 1 << 47 for the bound:
 * the first address that is not canonical (TASK_SIZE_MAX, a page lower,
 * keeps a SYSCALL at the very top from returning there, as in Linux).
 */
#define pr_fmt(fmt) "x86: " fmt

#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/syscalls.h>

#define MSR_STAR   0xc0000081 /* the selectors of SYSCALL and SYSRET */
#define MSR_LSTAR  0xc0000082 /* the 64-bit entry point */
#define MSR_SFMASK 0xc0000084 /* RFLAGS bits SYSCALL clears */

/* CPUID leaf 7, EBX */
#define CPUID7_EBX_SMEP (1U << 7)
#define CPUID7_EBX_SMAP (1U << 20)

void entry_SYSCALL_64(void);

bool cpu_has_smap;
/*
 * Calls that returned through iretq, and that took the full path: the user
 * suite's checks.  Counted with atomic adds, as every CPU counts.
 */
unsigned long syscall_iret_exits;
unsigned long syscall_full_calls;

/*
 * Interrupts stay off until the entry has left the user's stack (IF);
 * the C code expects DF clear; a single-step trap (TF) would hit the
 * entry's first instruction with the user's GS; AC set would open SMAP's
 * window for the whole call.  NT and IOPL are Linux's too: nothing in
 * the kernel wants them set.
 */
#define SYSCALL_MASK                                                                     \
	(X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_AC | X86_EFLAGS_NT | \
	 X86_EFLAGS_IOPL)

void syscall_cpu_init(void)
{
	/*
	 * STAR[47:32]: SYSCALL's CS (SS is the next entry); STAR[63:48]:
	 * SYSRET's base, +8 its SS and +16 its 64-bit CS (<asm/segment.h>).
	 */
	BUILD_BUG_ON(USER_DS != USER32_CS + 8 || USER_CS != USER32_CS + 16);
	BUILD_BUG_ON(KERNEL_DS != KERNEL_CS + 8);
	wrmsr(MSR_STAR, (u64)USER32_CS << 48 | (u64)KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SFMASK, SYSCALL_MASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * SMEP: the kernel never runs user code.  SMAP: it never touches user
 * memory outside <asm/uaccess.h>'s window.  Each where CPUID has it: QEMU's
 * qemu64 model has neither, "-cpu max" both.
 */
static void smep_smap_init(void)
{
	bool smep = false;
	unsigned long cr4 = read_cr4();

	if (cpuid(0).eax >= 7) {
		u32 ebx = cpuid(7).ebx;

		smep = ebx & CPUID7_EBX_SMEP;
		cpu_has_smap = ebx & CPUID7_EBX_SMAP;
	}
	if (smep)
		cr4 |= X86_CR4_SMEP;
	if (cpu_has_smap)
		cr4 |= X86_CR4_SMAP;
	write_cr4(cr4);
	pr_info("SMEP %s, SMAP %s\n", smep ? "on" : "not available",
		cpu_has_smap ? "on" : "not available");
}

void user_mode_init(void)
{
	fpu_init();
	syscall_cpu_init();
	smep_smap_init();
	syscall_table_init();
}

/* Whether SYSRET restores @regs exactly, and safely (see the top). */
static bool can_sysret(const struct pt_regs *regs)
{
	if (regs->rcx != regs->rip || regs->r11 != regs->rflags)
		return false;
	if (regs->cs != USER_CS || regs->ss != USER_DS)
		return false;
	if (regs->rip >= TASK_SIZE_MAX)
		return false;
	/* SYSRET clears RF; a TF set would trap after the first user instruction. */
	return !(regs->rflags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

/* Interrupts off, after the exit work: true to leave through SYSRET. */
static bool sysret_or_iret(const struct pt_regs *regs)
{
	if (likely(can_sysret(regs)))
		return true;
	__atomic_fetch_add(&syscall_iret_exits, 1, __ATOMIC_RELAXED);
	return false;
}

/*
 * The entry's full path (entry_64.asm), with the whole frame saved, on
 * the task's kernel stack; returns with interrupts off.  True: leave
 * through SYSRET.
 */
bool do_syscall_64(struct pt_regs *regs);
bool do_syscall_64(struct pt_regs *regs)
{
	local_irq_enable();
	__atomic_fetch_add(&syscall_full_calls, 1, __ATOMIC_RELAXED);
	regs->rax = syscall_dispatch((unsigned int)regs->orig_ax, regs);
	local_irq_disable();
	exit_to_user_mode();
	return sysret_or_iret(regs);
}

/*
 * The fast path's exit when a reschedule or a signal is due, once it has
 * completed the frame; interrupts are off.  The same answer.
 */
bool syscall_exit_work(struct pt_regs *regs);
bool syscall_exit_work(struct pt_regs *regs)
{
	/* Checked below, whoever changed it. */
	__atomic_and_fetch(&current->exit_work, ~EXIT_WORK_REGS, __ATOMIC_RELAXED);
	exit_to_user_mode();
	return sysret_or_iret(regs);
}
