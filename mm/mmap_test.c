// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of process address spaces (mm/mmap.c, mm/memory.c), on address
 * spaces that no task runs on: the faults are handle_mm_fault() calls,
 * and what they made is read back from the page tables (translate_in())
 * and through the direct map.  Every failing call is checked to leave the
 * regions as they were, and every address space to give back, when it
 * ends, each frame and heap block it took.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mmap.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define BASE 0x400000UL
#define PG   PAGE_SIZE
#define RW   (VM_READ | VM_WRITE)
#define RX   (VM_READ | VM_EXEC)

/* The regions of @mm as text, "start-end:flags start-end:flags", for one comparison. */
static const char *regions(struct mm_struct *mm)
{
	static char buf[256];
	struct vm_area_struct *vma;
	size_t len = 0;

	buf[0] = 0;
	list_for_each_entry (vma, &mm->vmas, node)
		len += snprintf(buf + len, sizeof(buf) - len, "%s%lx-%lx:%lx", len ? " " : "",
				vma->vm_start, vma->vm_end, vma->vm_flags);
	return buf;
}

/* fork() shares pages copy-on-write, one by one or a page table at a time. */
#define FORK_SHARES (IS_ENABLED(CONFIG_FORK_COW) || IS_ENABLED(CONFIG_FORK_SHARE_TABLES))

/*
 * Whether @addr is mapped in @mm with exactly @prot besides the address,
 * as the CPU sees it: a PD entry without _PAGE_RW (a page table shared by
 * fork()) makes every page under it read-only.
 */
static bool mapped_as(struct mm_struct *mm, unsigned long addr, u64 prot)
{
	u64 *pde = user_pde(mm->pgd, addr, false);
	phys_addr_t phys;
	u64 flags;

	if (!translate_in(mm->pgd, addr, &phys, &flags))
		return false;
	if (pde && !(*pde & _PAGE_RW))
		flags &= ~_PAGE_RW;
	return (flags & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX)) == prot;
}

static bool all_zero(const u8 *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

static bool mapped(struct mm_struct *mm, unsigned long addr)
{
	phys_addr_t phys;
	u64 flags;

	return translate_in(mm->pgd, addr, &phys, &flags);
}

static void add_region_checks_everything(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	char before[256];

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE, 4 * PG, RX, NULL), 0);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 8 * PG, 2 * PG, RW, NULL), 0);
	strscpy(before, regions(mm), sizeof(before));
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 3 * PG, 2 * PG, RW, NULL), -EEXIST);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE - PG, 2 * PG, RW, NULL), -EEXIST);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 4 * PG, 4 * PG, RW, NULL),
			0); /* the gap, exactly */
	KTEST_EXPECT_EQ(t, mm->map_count, 3);
	mm_unmap(mm, BASE + 4 * PG, 4 * PG);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 1, PG, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 16 * PG, PG + 1, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 16 * PG, 0, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, 0, PG, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, USER_MIN_ADDR - PG, PG, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, TASK_SIZE_MAX - PG, 2 * PG, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, PAGE_OFFSET, PG, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 16 * PG, -16 * PG, RW, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_add_region(mm, BASE + 16 * PG, PG, RW | VM_EXEC, NULL), -EACCES);
	KTEST_EXPECT_STREQ(t, regions(mm), before);
	KTEST_EXPECT_EQ(t, mm->map_count, 2);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE)->vm_start, BASE);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE + 5 * PG)->vm_start, BASE + 8 * PG);
	KTEST_EXPECT_NULL(t, find_vma(mm, BASE + 10 * PG));
	mmput(mm);
}

static void faults_make_zeroed_pages_with_the_regions_rights(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	u8 *page;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, BASE, 2 * PG, RX, NULL), 0);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, BASE + 4 * PG, 2 * PG, RW, NULL), 0);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, BASE + 8 * PG, PG, VM_READ, NULL), 0);

	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 4 * PG + 123, PF_USER | PF_WRITE),
			FAULT_HANDLED);
	KTEST_EXPECT_TRUE(
		t, mapped_as(mm, BASE + 4 * PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
	page = mm_page_kaddr(mm, BASE + 4 * PG);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, all_zero(page, PG));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 1, PF_USER | PF_INSTR), FAULT_HANDLED);
	KTEST_EXPECT_TRUE(t, mapped_as(mm, BASE, _PAGE_PRESENT | _PAGE_USER));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 8 * PG, PF_USER), FAULT_HANDLED);
	KTEST_EXPECT_TRUE(t, mapped_as(mm, BASE + 8 * PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX));
	KTEST_EXPECT_EQ(t, mm->rss, 3);

	/* Wrong access, no region, kernel addresses: nothing made. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + PG, PF_USER | PF_WRITE), FAULT_ACCERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 5 * PG, PF_USER | PF_INSTR), FAULT_ACCERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 8 * PG, PF_USER | PF_WRITE | PF_PROT),
			FAULT_ACCERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 3 * PG, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, 0, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 16 * PG, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, PAGE_OFFSET, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, TASK_SIZE_MAX, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_FALSE(t, mapped(mm, BASE + PG));
	KTEST_EXPECT_FALSE(t, mapped(mm, BASE + 3 * PG));
	KTEST_EXPECT_EQ(t, mm->rss, 3);
	mmput(mm);
}

static void the_stack_grows_down_to_its_limit_and_gap(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long low = STACK_TOP - 2 * PG;
	struct vm_area_struct *stack;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, low, 2 * PG, RW | VM_GROWSDOWN, "[stack]"), 0);
	stack = find_vma(mm, low);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, low - 8, PF_USER | PF_WRITE), FAULT_HANDLED);
	KTEST_EXPECT_EQ(t, stack->vm_start, low - PG);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, low - 64 * PG, PF_USER | PF_WRITE), FAULT_HANDLED);
	KTEST_EXPECT_EQ(t, stack->vm_start, low - 64 * PG);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, mm->stack_limit, PF_USER), FAULT_HANDLED);
	KTEST_EXPECT_EQ(t, stack->vm_start, mm->stack_limit);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, mm->stack_limit - 1, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_EQ(t, stack->vm_start, mm->stack_limit);
	mmput(mm);

	/* A region just below keeps the stack a guard gap away from it. */
	mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, low, 2 * PG, RW | VM_GROWSDOWN, "[stack]"), 0);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, low - STACK_GUARD_GAP - 4 * PG, PG, RW, NULL), 0);
	stack = find_vma(mm, low);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, low - 3 * PG, PF_USER), FAULT_HANDLED);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, low - 3 * PG - 1, PF_USER), FAULT_MAPERR);
	KTEST_EXPECT_EQ(t, stack->vm_start, low - 3 * PG);
	/* A region that is not a stack does not grow. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, low - STACK_GUARD_GAP - 5 * PG, PF_USER),
			FAULT_MAPERR);
	mmput(mm);
}

/* Touch every page of [start, end) for writing. */
static void touch(struct ktest *t, struct mm_struct *mm, unsigned long start, unsigned long end)
{
	for (; start < end; start += PG)
		KTEST_EXPECT_EQ(t, handle_mm_fault(mm, start, PF_USER | PF_WRITE), FAULT_HANDLED);
}

static void munmap_splits_regions_and_frees_their_pages(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long free;
	char before[256];

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, BASE, 8 * PG, RW, NULL), 0);
	touch(t, mm, BASE, BASE + 8 * PG);
	free = nr_free_pages();
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE + 3 * PG, 2 * PG), 0);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-403000:3 405000-408000:3");
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + 2);
	KTEST_EXPECT_EQ(t, mm->rss, 6);
	KTEST_EXPECT_FALSE(t, mapped(mm, BASE + 3 * PG));
	KTEST_EXPECT_TRUE(t, mapped(mm, BASE + 5 * PG));

	/* A length that is not whole pages takes the whole last page. */
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE + 7 * PG, 1), 0);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-403000:3 405000-407000:3");
	/* Over a hole and two regions' ends. */
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE + 2 * PG, 4 * PG), 0);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-402000:3 406000-407000:3");
	KTEST_EXPECT_EQ(t, mm->rss, 3);

	strscpy(before, regions(mm), sizeof(before));
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE + 1, PG), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE, -PG), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_unmap(mm, TASK_SIZE_MAX - PG, 2 * PG), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_unmap(mm, PAGE_OFFSET, PG), -EINVAL);
	KTEST_EXPECT_STREQ(t, regions(mm), before);
	KTEST_EXPECT_EQ(t, mm->rss, 3);
	/* Nothing there: fine, as in Linux. */
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE + 100 * PG, PG), 0);
	mmput(mm);
}

static void mprotect_splits_and_keeps_the_pages(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	char before[256];
	u8 *page;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, BASE, 4 * PG, RW, NULL), 0);
	touch(t, mm, BASE, BASE + 4 * PG);
	page = mm_page_kaddr(mm, BASE + PG);
	KTEST_ASSERT_NOT_NULL(t, page);
	page[7] = 0x5a;

	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE + PG, 2 * PG, VM_READ), 0);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-401000:3 401000-403000:1 403000-404000:3");
	KTEST_EXPECT_TRUE(t, mapped_as(mm, BASE + PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX));
	KTEST_EXPECT_TRUE(
		t, mapped_as(mm, BASE + 3 * PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + PG, PF_USER | PF_WRITE | PF_PROT),
			FAULT_ACCERR);

	/* PROT_NONE keeps the page, not present; back again, same page. */
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE + PG, PG, 0), 0);
	KTEST_EXPECT_FALSE(t, mapped(mm, BASE + PG));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + PG, PF_USER), FAULT_ACCERR);
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE + PG, PG, RW), 0);
	KTEST_EXPECT_TRUE(
		t, mapped_as(mm, BASE + PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
	KTEST_EXPECT_EQ(t, ((u8 *)mm_page_kaddr(mm, BASE + PG))[7], 0x5a);
	KTEST_EXPECT_EQ(t, mm->rss, 4);

	strscpy(before, regions(mm), sizeof(before));
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE + 2 * PG, 4 * PG, VM_READ), -ENOMEM); /* a hole */
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE + 1, PG, VM_READ), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE, PG, RW | VM_EXEC), -EACCES);
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE, -PG, VM_READ), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_protect(mm, PAGE_OFFSET, PG, VM_READ), -ENOMEM);
	KTEST_EXPECT_STREQ(t, regions(mm), before);
	KTEST_EXPECT_TRUE(t, mapped_as(mm, BASE + 2 * PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX));
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE, 0, VM_READ), 0);
	mmput(mm);
}

static void mmap_places_below_the_stack_and_fixed_replaces(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	long a, b, c;

	KTEST_ASSERT_NOT_NULL(t, mm);
	a = mm_map_anon(mm, 0, 3 * PG, RW, false);
	b = mm_map_anon(mm, 0, 1, RW, false);
	KTEST_EXPECT_EQ(t, a, (long)(MMAP_BASE - 3 * PG));
	KTEST_EXPECT_EQ(t, b, a - (long)PG);
	KTEST_EXPECT_EQ(t, mm_unmap(mm, a, PG), 0);
	c = mm_map_anon(mm, 0, PG, RW, false); /* the highest hole */
	KTEST_EXPECT_EQ(t, c, a);
	c = mm_map_anon(mm, BASE, PG, RW, false); /* a free hint is taken */
	KTEST_EXPECT_EQ(t, c, (long)BASE);
	c = mm_map_anon(mm, BASE, PG, RW, false); /* a taken one is not */
	KTEST_EXPECT_NE(t, c, (long)BASE);
	KTEST_EXPECT_GT(t, c, 0);

	/* MAP_FIXED over touched pages: a new, zeroed page. */
	touch(t, mm, a, a + 3 * PG);
	((u8 *)mm_page_kaddr(mm, a + PG))[0] = 1;
	KTEST_EXPECT_EQ(t, mm_map_anon(mm, a + PG, PG, VM_READ, true), a + (long)PG);
	KTEST_EXPECT_FALSE(t, mapped(mm, a + PG));
	KTEST_EXPECT_EQ(t, ((u8 *)mm_page_kaddr(mm, a + PG))[0], 0);
	KTEST_EXPECT_EQ(t, find_vma(mm, a + PG)->vm_flags, VM_READ);

	KTEST_EXPECT_EQ(t, mm_map_anon(mm, 0, 0, RW, false), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_map_anon(mm, BASE + 1, PG, RW, true), -EINVAL);
	KTEST_EXPECT_EQ(t, mm_map_anon(mm, 0, -1UL, RW, false), -ENOMEM);
	KTEST_EXPECT_EQ(t, mm_map_anon(mm, 0, TASK_SIZE_MAX, RW, false), -ENOMEM);
	KTEST_EXPECT_EQ(t, mm_map_anon(mm, PAGE_OFFSET, PG, RW, true), -ENOMEM);
	KTEST_EXPECT_EQ(t, mm_map_anon(mm, 0, PG, RW | VM_EXEC, false), -EACCES);
	mmput(mm);
}

static void brk_grows_and_shrinks_the_heap(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long start = BASE + 16 * PG, free;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mm_add_region(mm, BASE, 16 * PG, RW, NULL), 0);
	mm->start_brk = mm->brk = start;
	KTEST_EXPECT_EQ(t, mm_brk(mm, 0), start); /* the query glibc and musl make */
	KTEST_EXPECT_EQ(t, mm_brk(mm, start + 5000), start + 5000);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-410000:3 410000-412000:3");
	touch(t, mm, start, start + 2 * PG);
	free = nr_free_pages();
	KTEST_EXPECT_EQ(t, mm_brk(mm, start + 100), start + 100);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + 1);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-410000:3 410000-411000:3");
	KTEST_EXPECT_EQ(t, mm_brk(mm, start), start);
	KTEST_EXPECT_STREQ(t, regions(mm), "400000-410000:3");
	KTEST_EXPECT_EQ(t, mm->rss, 0);

	/* Below the start, into another region, past the mmap area: refused. */
	KTEST_ASSERT_EQ(t, mm_add_region(mm, start + 8 * PG, PG, RW, NULL), 0);
	KTEST_EXPECT_EQ(t, mm_brk(mm, start - 1), start);
	KTEST_EXPECT_EQ(t, mm_brk(mm, start + 8 * PG), start);
	KTEST_EXPECT_EQ(t, mm_brk(mm, start + 7 * PG + 1), start); /* the page left free above */
	KTEST_EXPECT_EQ(t, mm_brk(mm, start + 7 * PG), start + 7 * PG);
	KTEST_EXPECT_EQ(t, mm_brk(mm, -1UL), start + 7 * PG);
	mmput(mm);
}

/* Everything an address space took comes back when it ends. */
static void mmput_gives_back_every_page_and_table(struct ktest *t)
{
	unsigned long free = nr_free_pages(), blocks = heap_in_use();
	struct mm_struct *mm = mm_alloc();
	int i;

	KTEST_ASSERT_NOT_NULL(t, mm);
	/* Far apart, so that each needs page tables of its own. */
	for (i = 0; i < 8; i++) {
		unsigned long at = BASE + ((unsigned long)i << 30);

		KTEST_ASSERT_EQ(t, mm_add_region(mm, at, 4 * PG, RW, NULL), 0);
		touch(t, mm, at, at + 4 * PG);
	}
	KTEST_EXPECT_EQ(t, mm_protect(mm, BASE + PG, PG, 0), 0);
	KTEST_EXPECT_EQ(t, mm_unmap(mm, BASE + (2UL << 30) + PG, PG), 0);
	KTEST_EXPECT_EQ(t, mm->rss, 31);
	KTEST_EXPECT_LT(t, nr_free_pages(), free - 31);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

static phys_addr_t phys_of(struct mm_struct *mm, unsigned long addr)
{
	phys_addr_t phys = 0;
	u64 flags;

	translate_in(mm->pgd, addr, &phys, &flags);
	return phys;
}

/*
 * A child from dup_mm() has the parent's regions and contents; a write
 * by either is not seen by the other; each design pays where it says.
 */
static void fork_gives_the_child_its_own_copy(struct ktest *t)
{
	unsigned long free = nr_free_pages(), blocks = heap_in_use(), before;
	struct mm_struct *parent = mm_alloc(), *child;
	int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_ASSERT_EQ(t, mm_add_region(parent, BASE, 4 * PG, RW, NULL), 0);
	KTEST_ASSERT_EQ(t, mm_add_region(parent, BASE + 8 * PG, PG, RX, NULL), 0);
	touch(t, parent, BASE, BASE + 4 * PG);
	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, BASE + 8 * PG, PF_USER), FAULT_HANDLED);
	for (i = 0; i < 4; i++)
		*(u8 *)mm_page_kaddr(parent, BASE + i * PG) = 0x10 + i;
	parent->start_brk = parent->brk = BASE + 16 * PG;

	before = nr_free_pages();
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_STREQ(t, regions(child), "400000-404000:3 408000-409000:5");
	KTEST_EXPECT_EQ(t, child->rss, 5);
	KTEST_EXPECT_EQ(t, child->brk, parent->brk);
	if (FORK_SHARES) {
		/* Shared, read-only in both: only the child's tables were allocated. */
		KTEST_EXPECT_EQ(t, phys_of(child, BASE), phys_of(parent, BASE));
		KTEST_EXPECT_TRUE(t,
				  mapped_as(parent, BASE, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX));
		KTEST_EXPECT_TRUE(t, mapped_as(child, BASE, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX));
		/* With shared page tables, not even the last level. */
		KTEST_EXPECT_GE(t, nr_free_pages(),
				before - (IS_ENABLED(CONFIG_FORK_SHARE_TABLES) ? 2 : 3) -
					(1UL << PGD_ORDER));
	} else {
		KTEST_EXPECT_NE(t, phys_of(child, BASE), phys_of(parent, BASE));
		KTEST_EXPECT_TRUE(t, mapped_as(child, BASE,
					       _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
		KTEST_EXPECT_LE(t, nr_free_pages(), before - 5);
	}
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(t, *(u8 *)mm_page_kaddr(child, BASE + i * PG), 0x10 + i);

	/* Each writes the same page and sees its own. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, BASE, PF_USER | PF_WRITE | PF_PROT),
			FAULT_HANDLED);
	*(u8 *)mm_page_kaddr(child, BASE) = 0xc1;
	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, BASE, PF_USER | PF_WRITE | PF_PROT),
			FAULT_HANDLED);
	*(u8 *)mm_page_kaddr(parent, BASE) = 0xa1;
	KTEST_EXPECT_EQ(t, *(u8 *)mm_page_kaddr(child, BASE), 0xc1);
	KTEST_EXPECT_EQ(t, *(u8 *)mm_page_kaddr(parent, BASE), 0xa1);
	KTEST_EXPECT_NE(t, phys_of(child, BASE), phys_of(parent, BASE));
	KTEST_EXPECT_TRUE(
		t, mapped_as(parent, BASE, _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
	KTEST_EXPECT_TRUE(t,
			  mapped_as(child, BASE, _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));

	/* mprotect() of a shared page keeps it read-only until it is copied. */
	KTEST_EXPECT_EQ(t, mm_protect(parent, BASE + PG, PG, VM_READ), 0);
	KTEST_EXPECT_EQ(t, mm_protect(parent, BASE + PG, PG, RW), 0);
	if (FORK_SHARES)
		KTEST_EXPECT_TRUE(
			t, mapped_as(parent, BASE + PG, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX));

	/* The child goes: the parent's pages are its alone, written in place. */
	mmput(child);
	before = nr_free_pages();
	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, BASE + 2 * PG, PF_USER | PF_WRITE | PF_PROT),
			FAULT_HANDLED);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	KTEST_EXPECT_EQ(t, *(u8 *)mm_page_kaddr(parent, BASE + 2 * PG), 0x12);
	mmput(parent);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

/* A child whose parent ends first keeps the pages they shared. */
static void shared_pages_outlive_the_parent(struct ktest *t)
{
	unsigned long free = nr_free_pages(), before;
	struct mm_struct *parent = mm_alloc(), *child;

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_ASSERT_EQ(t, mm_add_region(parent, BASE, 2 * PG, RW, NULL), 0);
	touch(t, parent, BASE, BASE + 2 * PG);
	*(u8 *)mm_page_kaddr(parent, BASE) = 0x77;
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	mmput(parent);
	KTEST_EXPECT_EQ(t, *(u8 *)mm_page_kaddr(child, BASE), 0x77);
	/* The child is the last: the page (and its table) are written where they are. */
	before = nr_free_pages();
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, BASE, PF_USER | PF_WRITE | PF_PROT),
			FAULT_HANDLED);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	KTEST_EXPECT_TRUE(t,
			  mapped_as(child, BASE, _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
	KTEST_EXPECT_EQ(t, *(u8 *)mm_page_kaddr(child, BASE), 0x77);
	mmput(child);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

static const struct ktest_case mmap_cases[] = {
	KTEST_CASE(add_region_checks_everything),
	KTEST_CASE(faults_make_zeroed_pages_with_the_regions_rights),
	KTEST_CASE(the_stack_grows_down_to_its_limit_and_gap),
	KTEST_CASE(munmap_splits_regions_and_frees_their_pages),
	KTEST_CASE(mprotect_splits_and_keeps_the_pages),
	KTEST_CASE(mmap_places_below_the_stack_and_fixed_replaces),
	KTEST_CASE(brk_grows_and_shrinks_the_heap),
	KTEST_CASE(mmput_gives_back_every_page_and_table),
	KTEST_CASE(fork_gives_the_child_its_own_copy),
	KTEST_CASE(shared_pages_outlive_the_parent),
	{}
};
KTEST_SUITE(mmap, mmap_cases);
