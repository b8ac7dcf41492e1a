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

/*
 * The stack in each slot, NULL for a free slot, or one of these for a
 * free slot whose pages are still mapped.  Freeing a stack must never
 * wait for a TLB shootdown: the exit paths free with spinlocks held and
 * interrupts off, and a CPU that spins for one of those locks with
 * interrupts off would never take the shootdown's IPI.  So a freed slot
 * keeps its pages (SLOT_CACHED), ready for the next stack, and only the
 * slots beyond STACK_CACHE are unmapped: by the next task_stack_alloc(),
 * which runs with interrupts on and no lock held, and flushes after it
 * has dropped stack_lock (SLOT_DOOMED until then), as Linux keeps a few
 * freed vmap stacks per CPU.
 */
static struct stack_info *task_slots[NR_TASK_STACKS];
#define SLOT_CACHED ((struct stack_info *)1)
#define SLOT_DOOMED ((struct stack_info *)2)
#define SLOT_BUSY   ((struct stack_info *)3) /* being unmapped: not free yet */
#define STACK_CACHE (2 * NR_CPUS)
/* Slots cached, and doomed, now; and at most how many one alloc unmaps. */
static unsigned int nr_cached, nr_doomed;
#define REAP_MAX 4
/* Guards task_slots and the counts, interrupts off; a fault only reads a slot. */
static DEFINE_SPINLOCK(stack_lock);
/*
 * Guards the area's page tables, and is held across their TLB shootdowns:
 * taken only in process context with interrupts on, never under
 * stack_lock, so a CPU that waits for it still takes the shootdown IPI.
 */
static DEFINE_SPINLOCK(stack_map_lock);

static unsigned long slot_bottom(unsigned long slot)
{
	return TASK_STACK_AREA + slot * TASK_SLOT_SIZE + PAGE_SIZE;
}

static bool slot_is_stack(const struct stack_info *s)
{
	return s > SLOT_BUSY;
}

/* The task stack whose slot holds @addr, or NULL. */
static const struct stack_info *task_slot_of(unsigned long addr)
{
	unsigned long slot = (addr - TASK_STACK_AREA) / TASK_SLOT_SIZE;

	if (addr < TASK_STACK_AREA || slot >= NR_TASK_STACKS)
		return NULL;
	return slot_is_stack(task_slots[slot]) ? task_slots[slot] : NULL;
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

/*
 * Unmap and free the doomed slots, up to REAP_MAX of them.  Process
 * context, no lock held: the shootdown happens under stack_map_lock,
 * which nobody takes with interrupts off.
 */
static void reap_doomed(void)
{
	unsigned long slots[REAP_MAX], flags;
	unsigned int n = 0, i;

	if (!READ_ONCE(nr_doomed))
		return;
	spin_lock_irqsave(&stack_lock, flags);
	for (i = 0; i < NR_TASK_STACKS && n < REAP_MAX; i++) {
		if (task_slots[i] == SLOT_DOOMED) {
			task_slots[i] = SLOT_BUSY;
			nr_doomed--;
			slots[n++] = i;
		}
	}
	spin_unlock_irqrestore(&stack_lock, flags);
	spin_lock(&stack_map_lock);
	for (i = 0; i < n; i++)
		unmap_stack_pages(slot_bottom(slots[i]), TASK_STACK_SIZE);
	spin_unlock(&stack_map_lock);
	spin_lock_irqsave(&stack_lock, flags);
	for (i = 0; i < n; i++)
		task_slots[slots[i]] = NULL;
	spin_unlock_irqrestore(&stack_lock, flags);
}

void task_stack_cache_trim(void)
{
	unsigned long flags, slot;

	spin_lock_irqsave(&stack_lock, flags);
	for (slot = 0; slot < NR_TASK_STACKS; slot++) {
		if (task_slots[slot] == SLOT_CACHED) {
			task_slots[slot] = SLOT_DOOMED;
			nr_cached--;
			nr_doomed++;
		}
	}
	spin_unlock_irqrestore(&stack_lock, flags);
	while (READ_ONCE(nr_doomed))
		reap_doomed();
}

/*
 * Process context.  A cached slot comes first: its pages are mapped
 * already.  A fresh slot is taken (SLOT_BUSY) under stack_lock and
 * mapped under stack_map_lock alone.
 */
int task_stack_alloc(struct stack_info *stack, struct task_struct *task)
{
	unsigned long slot, flags;
	bool cached;
	int err = 0;

	BUILD_BUG_ON(TASK_STACK_AREA + NR_TASK_STACKS * TASK_SLOT_SIZE > PGTABLE_TEST_SCRATCH);
	reap_doomed();
	spin_lock_irqsave(&stack_lock, flags);
	for (slot = 0; slot < NR_TASK_STACKS && task_slots[slot] != SLOT_CACHED; slot++)
		;
	cached = slot < NR_TASK_STACKS;
	if (cached) {
		nr_cached--;
	} else {
		for (slot = 0; slot < NR_TASK_STACKS && task_slots[slot]; slot++)
			;
		if (slot == NR_TASK_STACKS)
			err = -EAGAIN;
	}
	if (!err)
		task_slots[slot] = SLOT_BUSY;
	spin_unlock_irqrestore(&stack_lock, flags);
	if (err)
		return err;
	if (!cached) {
		spin_lock(&stack_map_lock);
		err = map_stack_pages(slot_bottom(slot));
		spin_unlock(&stack_map_lock);
	}
	*stack = (struct stack_info){
		.name = "task stack",
		.bottom = slot_bottom(slot),
		.top = slot_bottom(slot) + TASK_STACK_SIZE,
		.guard = slot_bottom(slot) - PAGE_SIZE,
		.task = task,
	};
	spin_lock_irqsave(&stack_lock, flags);
	task_slots[slot] = err ? NULL : stack;
	spin_unlock_irqrestore(&stack_lock, flags);
	return err;
}

/* Any context, any lock held: no page is unmapped here (see task_slots). */
void task_stack_free(struct stack_info *stack)
{
	unsigned long slot = (stack->guard - TASK_STACK_AREA) / TASK_SLOT_SIZE;
	unsigned long flags;

	spin_lock_irqsave(&stack_lock, flags);
	if (stack->guard < TASK_STACK_AREA || slot >= NR_TASK_STACKS || task_slots[slot] != stack)
		panic("freeing a task stack that is not one (guard %#lx)", stack->guard);
	if (nr_cached < STACK_CACHE) {
		task_slots[slot] = SLOT_CACHED;
		nr_cached++;
	} else {
		task_slots[slot] = SLOT_DOOMED;
		nr_doomed++;
	}
	spin_unlock_irqrestore(&stack_lock, flags);
}
