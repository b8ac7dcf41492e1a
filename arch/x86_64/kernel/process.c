// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's part of tasks: a new task's stack and first frame,
 * and the switch from one task to another.
 *
 * The frame a new task starts from is what __switch_to_asm pops
 * (switch_to.asm): six callee-saved registers, then the address it
 * returns to.  Above it stay two zero words, a return address and a frame
 * pointer that no unwinder goes past.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/thread.h>
#include <kernel/compiler.h>
#include <kernel/sched.h>

void __switch_to_asm(struct task_struct *prev, struct task_struct *next);

/* The top of a kernel stack kept for a struct pt_regs (CONFIG_USER_MODE). */
#define USER_REGS_ROOM (IS_ENABLED(CONFIG_USER_MODE) ? sizeof(struct pt_regs) : 0)
void ret_from_kthread(void);

/* The order __switch_to_asm pops them in. */
struct switch_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret;
	unsigned long end_of_stack[2]; /* zeros; keeps RSP 16-byte aligned at ret */
};

_Static_assert(offsetof(struct task_struct, thread.sp) == 0,
	       "switch_to.asm expects thread.sp at the start of struct task_struct");

int arch_task_setup(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct switch_frame *frame;
	int err = task_stack_alloc(&p->thread.stack, p);

	if (err)
		return err;
	/*
	 * Below the room for the user registers (task_pt_regs()), which a
	 * process's entries from ring 3 and fork() fill while the task's own
	 * frames lie below them.
	 */
	frame = (struct switch_frame *)(p->thread.stack.top - USER_REGS_ROOM) - 1;
	*frame = (struct switch_frame){
		.r12 = (unsigned long)fn,
		.r13 = (unsigned long)arg,
		.ret = (unsigned long)ret_from_kthread,
	};
	p->thread.sp = (unsigned long)frame;
	return 0;
}

void arch_task_release(struct task_struct *p)
{
	task_stack_free(&p->thread.stack);
}

/*
 * TSS.RSP0 is the stack an interrupt from user mode lands on, and the
 * per-CPU top_of_stack the one the system call entry switches to: both
 * are the running task's from the start.  Without CONFIG_USER_MODE
 * nothing enters from ring 3.  With
 * CONFIG_PAGE_TABLE_ISOLATION, TSS.RSP0 stays on the entry stack, which
 * the user tables map (percpu.c), and the entry code moves the frame to
 * top_of_stack.
 */
static void set_kernel_stack(unsigned long top)
{
	if (!IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION))
		this_cpu_write(cpu_entry_area.tss.rsp[0], top);
	if (IS_ENABLED(CONFIG_USER_MODE))
		this_cpu_write(cpu_entry_area.percpu.top_of_stack, top);
}

/*
 * A task's address space goes with it.  Kernel threads (cr3 0) run on
 * the kernel's tables, which every address space's kernel half shares:
 * the switch back to them is needed only so that a freed address space
 * is never live.  CR3 is written only when it changes, as the write
 * flushes the TLB.
 */
static void switch_mm(struct task_struct *next)
{
#ifdef CONFIG_USER_MODE
	unsigned long cr3 = next->thread.cr3 ? next->thread.cr3 : virt_to_phys(kernel_pml4);

	if (cr3 != read_cr3())
		write_cr3(cr3);
#endif
}

/*
 * The user's FS base, which C libraries point at their thread's data: the
 * kernel itself never uses FS, so it is loaded at the switch, and only
 * when it changes (a WRMSR is slow).  The register is read, not trusted
 * to hold @prev's thread.fsbase: a program may load a selector into FS,
 * which changes the base behind the kernel's back.
 */
static void switch_fsbase(struct task_struct *prev, struct task_struct *next)
{
	(void)prev;
	if (IS_ENABLED(CONFIG_USER_MODE) && rdmsr(MSR_FS_BASE) != next->thread.fsbase)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
}

void switch_to(struct task_struct *prev, struct task_struct *next)
{
	set_kernel_stack(next->thread.stack.top);
	switch_mm(next);
	switch_fsbase(prev, next);
	if (IS_ENABLED(CONFIG_USER_MODE))
		fpu_switch(prev, next);
	__switch_to_asm(prev, next);
}

/* The idle task is the boot flow, on the boot stack (stacks.c). */
void arch_idle_setup(struct task_struct *idle)
{
	idle->thread.stack = kernel_stacks[0];
	idle->thread.stack.task = idle;
	set_kernel_stack(idle->thread.stack.top);
}
