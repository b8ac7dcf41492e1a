// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's stacks and their guard pages.
 *
 * The kernel stack comes from head32.asm, which needs a stack before any
 * C runs; the IST stacks are defined here.  Each stack sits right above a
 * page of its own that stacks_init() unmaps: a push past the bottom then
 * page-faults instead of overwriting whatever lies below.  For the kernel
 * stack that page fault cannot be delivered either (the CPU pushes the
 * fault's frame onto the same exhausted stack), which makes it a double
 * fault; the double fault runs on its own IST stack and reports the
 * overflow (see traps.c).
 *
 * Task stacks are made and freed as tasks come and go: each takes a slot
 * of the task-stack area, a guard page that is never mapped and
 * TASK_STACK_SIZE of pages from the frame allocator mapped above it.
 * Slots are reused lowest first, so the page tables of the area stop
 * growing once the most tasks ever alive have had their slots.
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/stacks.h>
#include <asm/tlbflush.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>

struct guarded_stack {
	u8 guard[PAGE_SIZE];
	u8 stack[IST_STACK_SIZE];
} __aligned(PAGE_SIZE);

static struct guarded_stack ist_stacks[NR_IST_STACKS];

#define IST_STACK(slot, sname)                                                      \
	{                                                                           \
		.name = sname, .bottom = (unsigned long)ist_stacks[(slot)-1].stack, \
		.top = (unsigned long)ist_stacks[(slot)-1].stack + IST_STACK_SIZE,  \
		.guard = (unsigned long)ist_stacks[(slot)-1].guard,                 \
	}

const struct stack_info kernel_stacks[] = {
	{
		.name = "kernel stack",
		.bottom = (unsigned long)boot_stack_bottom,
		.top = (unsigned long)boot_stack_top,
		.guard = (unsigned long)boot_stack_guard,
	},
	IST_STACK(IST_DOUBLE_FAULT, "#DF stack"),
	IST_STACK(IST_NMI, "NMI stack"),
	IST_STACK(IST_MACHINE_CHECK, "#MC stack"),
};
const unsigned int nr_kernel_stacks = ARRAY_SIZE(kernel_stacks);

/* TASK_STACK_AREA (<asm/page.h>) holds NR_TASK_STACKS slots of these. */
#define TASK_SLOT_SIZE (PAGE_SIZE + TASK_STACK_SIZE)

/* The stack in each slot, NULL for a free slot. */
static struct stack_info *task_slots[NR_TASK_STACKS];
/* Guards task_slots and the area's page tables; a fault only reads a slot. */
static DEFINE_SPINLOCK(stack_lock);

/* The task stack whose slot holds @addr, or NULL. */
static const struct stack_info *task_slot_of(unsigned long addr)
{
	unsigned long slot = (addr - TASK_STACK_AREA) / TASK_SLOT_SIZE;

	if (addr < TASK_STACK_AREA || slot >= NR_TASK_STACKS)
		return NULL;
	return task_slots[slot];
}

const struct stack_info *stack_containing(unsigned long addr)
{
	const struct stack_info *task = task_slot_of(addr);
	unsigned int i;

	if (task && addr >= task->bottom && addr < task->top)
		return task;
	for (i = 0; i < nr_kernel_stacks; i++)
		if (addr >= kernel_stacks[i].bottom && addr < kernel_stacks[i].top)
			return &kernel_stacks[i];
	return NULL;
}

const struct stack_info *stack_guarding(unsigned long addr)
{
	const struct stack_info *task = task_slot_of(addr);
	unsigned int i;

	if (task && addr >= task->guard && addr < task->guard + PAGE_SIZE)
		return task;
	for (i = 0; i < nr_kernel_stacks; i++)
		if (addr >= kernel_stacks[i].guard && addr < kernel_stacks[i].guard + PAGE_SIZE)
			return &kernel_stacks[i];
	return NULL;
}

unsigned long ist_stack_top(unsigned int ist)
{
	return (unsigned long)ist_stacks[ist - 1].stack + IST_STACK_SIZE;
}

/* The APs' IST stacks, made as each comes up (CONFIG_SMP), in task-stack slots. */
static struct stack_info ap_ist_stacks[NR_CPUS][NR_IST_STACKS];

const struct stack_info *cpu_ist_stack(unsigned int cpu, unsigned int ist)
{
	if (cpu >= NR_CPUS || ist < 1 || ist > NR_IST_STACKS)
		return NULL;
	if (cpu == 0)
		return &kernel_stacks[ist];
	return ap_ist_stacks[cpu][ist - 1].top ? &ap_ist_stacks[cpu][ist - 1] : NULL;
}

int cpu_ist_stacks_alloc(unsigned int cpu, unsigned long *tops)
{
	unsigned int i;
	int err;

	if (cpu == 0 || cpu >= NR_CPUS || ap_ist_stacks[cpu][0].top)
		return -EINVAL;
	for (i = 0; i < NR_IST_STACKS; i++) {
		struct stack_info *s = &ap_ist_stacks[cpu][i];

		err = task_stack_alloc(s, NULL);
		if (err)
			goto undo;
		s->name = kernel_stacks[i + 1].name;
		tops[i] = s->top;
	}
	return 0;
undo:
	while (i--) {
		task_stack_free(&ap_ist_stacks[cpu][i]);
		ap_ist_stacks[cpu][i] = (struct stack_info){ 0 };
	}
	return err;
}

void stacks_init(void)
{
	unsigned int i;

	for (i = 0; i < nr_kernel_stacks; i++)
		if (unmap_page(kernel_stacks[i].guard))
			panic("cannot unmap the guard page of the %s", kernel_stacks[i].name);
}

/*
 * Unmap the first @size bytes of the stack at @bottom and free their
 * pages: with one TLB shootdown for all of them, before any is freed.
 */
static void unmap_stack_pages(unsigned long bottom, unsigned long size)
{
	phys_addr_t phys[TASK_STACK_SIZE / PAGE_SIZE];
	struct tlb_batch batch = TLB_BATCH_INIT;
	unsigned long off;
	u64 flags;

	for (off = 0; off < size; off += PAGE_SIZE)
		if (!translate(bottom + off, &phys[off / PAGE_SIZE], &flags) ||
		    unmap_page_batch(bottom + off, &batch))
			panic("task stack page %#lx is not mapped", bottom + off);
	tlb_batch_flush(&batch);
	for (off = 0; off < size; off += PAGE_SIZE)
		free_page(phys_to_virt(phys[off / PAGE_SIZE]));
}

static int map_stack_pages(unsigned long bottom)
{
	unsigned long off;
	void *page;
	int err;

	for (off = 0; off < TASK_STACK_SIZE; off += PAGE_SIZE) {
		page = alloc_page();
		if (!page) {
			err = -ENOMEM;
			goto undo;
		}
		err = map_page(bottom + off, virt_to_phys(page), PAGE_KERNEL);
		if (err) {
			free_page(page);
			goto undo;
		}
	}
	return 0;
undo:
	unmap_stack_pages(bottom, off);
	return err;
}

/* The slot table and the area's page tables are shared: stack_lock. */
int task_stack_alloc(struct stack_info *stack, struct task_struct *task)
{
	unsigned long slot, guard;
	int err;
	spin_guard(&stack_lock);

	BUILD_BUG_ON(TASK_STACK_AREA + NR_TASK_STACKS * TASK_SLOT_SIZE > PGTABLE_TEST_SCRATCH);
	for (slot = 0; slot < NR_TASK_STACKS && task_slots[slot]; slot++)
		;
	if (slot == NR_TASK_STACKS)
		return -EAGAIN;
	guard = TASK_STACK_AREA + slot * TASK_SLOT_SIZE;
	err = map_stack_pages(guard + PAGE_SIZE);
	if (err)
		return err;
	*stack = (struct stack_info){
		.name = "task stack",
		.bottom = guard + PAGE_SIZE,
		.top = guard + PAGE_SIZE + TASK_STACK_SIZE,
		.guard = guard,
		.task = task,
	};
	task_slots[slot] = stack;
	return 0;
}

void task_stack_free(struct stack_info *stack)
{
	unsigned long slot = (stack->guard - TASK_STACK_AREA) / TASK_SLOT_SIZE;
	spin_guard(&stack_lock);

	if (stack->guard < TASK_STACK_AREA || slot >= NR_TASK_STACKS || task_slots[slot] != stack)
		panic("freeing a task stack that is not one (guard %#lx)", stack->guard);
	task_slots[slot] = NULL;
	unmap_stack_pages(stack->bottom, TASK_STACK_SIZE);
}
