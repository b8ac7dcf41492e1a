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

#define CHUNK LARGE_PAGE_SIZE
#define FAR   0x40000000UL /* 2 MiB aligned, a PD of its own */

/* The page table that maps @addr in @mm (kernel address), or NULL. */
static u64 *table_of(struct mm_struct *mm, unsigned long addr)
{
	u64 *pde = user_pde(mm->pgd, addr, false);

	return pde && (*pde & _PAGE_PRESENT) ? phys_to_virt(*pde & PTE_ADDR_MASK) : NULL;
}

/* Whether @mm's PD entry for @addr lets writes through (a table of its own). */
static bool table_writable(struct mm_struct *mm, unsigned long addr)
{
	u64 *pde = user_pde(mm->pgd, addr, false);

	return pde && (*pde & _PAGE_RW);
}

static u8 byte_at(struct mm_struct *mm, unsigned long addr)
{
	u8 *p = mm_page_kaddr(mm, addr);

	return p ? *p : 0xee;
}

/* Write @value at @addr of @mm as a program would: the fault first. */
static void write_byte(struct ktest *t, struct mm_struct *mm, unsigned long addr, u8 value)
{
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, addr, PF_USER | PF_WRITE | PF_PROT), FAULT_HANDLED);
	*(u8 *)mm_page_kaddr(mm, addr) = value;
}

/*
 * Page tables shared by fork(): the child's PD entry points at the
 * parent's table, read-only in both, the table counting two sharers and
 * the pages none more; the first write in the 2 MiB, by either, gives the
 * writer a table of its own, then a page of its own.  Each sees its own
 * writes in every design.
 */
static void fork_shares_tables_until_written(struct ktest *t)
{
	unsigned long free = nr_free_pages(), blocks = heap_in_use();
	struct mm_struct *parent = mm_alloc(), *child;
	bool share = IS_ENABLED(CONFIG_FORK_SHARE_TABLES);
	const u64 ro = _PAGE_PRESENT | _PAGE_USER | _PAGE_NX, rw = ro | _PAGE_RW;
	u64 *pt;

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_ASSERT_EQ(t, mm_add_region(parent, FAR, 4 * PG, RW, NULL), 0);
	KTEST_ASSERT_EQ(t, mm_add_region(parent, FAR + 8 * PG, 2 * PG, VM_READ, NULL), 0);
	touch(t, parent, FAR, FAR + 4 * PG);
	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, FAR + 8 * PG, PF_USER), FAULT_HANDLED);
	*(u8 *)mm_page_kaddr(parent, FAR) = 0x50;
	*(u8 *)mm_page_kaddr(parent, FAR + PG) = 0x51;
	pt = table_of(parent, FAR);
	KTEST_ASSERT_NOT_NULL(t, pt);

	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, child->rss, 5);
	if (share) {
		/* One table for both regions, shared once, read-only through both. */
		KTEST_EXPECT_TRUE(t, table_of(child, FAR) == pt);
		KTEST_EXPECT_FALSE(t, table_writable(parent, FAR));
		KTEST_EXPECT_FALSE(t, table_writable(child, FAR));
		KTEST_EXPECT_EQ(t, page_ref_count(pt), 2);
		KTEST_EXPECT_EQ(t, page_ref_count(mm_page_kaddr(parent, FAR)), 1);
		/* The entries themselves are untouched: still writable. */
		KTEST_EXPECT_TRUE(t, pt[0] & _PAGE_RW);
	}
	KTEST_EXPECT_TRUE(t, mapped_as(child, FAR + PG, FORK_SHARES ? ro : rw));
	/* Reading through a shared table changes nothing. */
	KTEST_EXPECT_EQ(t, byte_at(child, FAR + PG), 0x51);
	if (share)
		KTEST_EXPECT_TRUE(t, table_of(child, FAR) == pt);

	/* The child writes first: a table, then a page, of its own. */
	write_byte(t, child, FAR, 0xc0);
	if (share) {
		KTEST_EXPECT_TRUE(t, table_of(child, FAR) != pt);
		KTEST_EXPECT_TRUE(t, table_writable(child, FAR));
		KTEST_EXPECT_FALSE(t, table_writable(parent, FAR));
		KTEST_EXPECT_TRUE(t, table_of(parent, FAR) == pt);
		KTEST_EXPECT_EQ(t, page_ref_count(pt), 1);
		/* Both tables map the other pages now, read-only in both. */
		KTEST_EXPECT_EQ(t, page_ref_count(mm_page_kaddr(parent, FAR + PG)), 2);
		KTEST_EXPECT_FALSE(t, pt[1] & _PAGE_RW);
		KTEST_EXPECT_FALSE(t, table_of(child, FAR)[1] & _PAGE_RW);
	}
	KTEST_EXPECT_EQ(t, byte_at(child, FAR), 0xc0);
	KTEST_EXPECT_EQ(t, byte_at(parent, FAR), 0x50);
	KTEST_EXPECT_TRUE(t, mapped_as(child, FAR, rw));
	KTEST_EXPECT_TRUE(t, mapped_as(parent, FAR + PG, FORK_SHARES ? ro : rw));

	/* The parent, last sharer of its table, takes it back without a copy. */
	write_byte(t, parent, FAR + PG, 0xa1);
	if (share) {
		KTEST_EXPECT_TRUE(t, table_of(parent, FAR) == pt);
		KTEST_EXPECT_TRUE(t, table_writable(parent, FAR));
		KTEST_EXPECT_LE(t, page_ref_count(pt), 1);
	}
	KTEST_EXPECT_EQ(t, byte_at(parent, FAR + PG), 0xa1);
	KTEST_EXPECT_EQ(t, byte_at(child, FAR + PG), 0x51);
	write_byte(t, parent, FAR, 0xa0);
	KTEST_EXPECT_EQ(t, byte_at(parent, FAR), 0xa0);
	KTEST_EXPECT_EQ(t, byte_at(child, FAR), 0xc0);
	/* The read-only region stayed so for both. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, FAR + 8 * PG, PF_USER | PF_WRITE | PF_PROT),
			FAULT_ACCERR);
	KTEST_EXPECT_TRUE(t, mapped_as(parent, FAR + 8 * PG, ro));
	KTEST_EXPECT_EQ(t, parent->rss, 5);
	KTEST_EXPECT_EQ(t, child->rss, 5);
	mmput(child);
	mmput(parent);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

/* Fill one page of each of three 2 MiB in [FAR, FAR + 3 * CHUNK), 0x40 + chunk. */
static struct mm_struct *three_chunk_parent(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	int i;

	if (!mm || mm_add_region(mm, FAR, 3 * CHUNK, RW, NULL))
		return NULL;
	for (i = 0; i < 3; i++) {
		touch(t, mm, FAR + i * CHUNK, FAR + i * CHUNK + 2 * PG);
		*(u8 *)mm_page_kaddr(mm, FAR + i * CHUNK) = 0x40 + i;
		*(u8 *)mm_page_kaddr(mm, FAR + i * CHUNK + PG) = 0x50 + i;
	}
	return mm;
}

/*
 * A child that unmaps or protects memory under tables it shares changes
 * nothing of the parent's: a whole 2 MiB unmapped drops the child's
 * share, part of one, or an mprotect(), gives the child its own table.
 */
static void child_munmap_mprotect_leave_the_parent_alone(struct ktest *t)
{
	unsigned long free = nr_free_pages(), blocks = heap_in_use();
	struct mm_struct *parent = three_chunk_parent(t), *child;
	unsigned long free_before;
	char before[256];
	u64 *pt[3];
	int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	/* And two regions in a fourth 2 MiB, which no one of them covers. */
	KTEST_ASSERT_EQ(t, mm_add_region(parent, FAR + 3 * CHUNK, PG, RW, NULL), 0);
	KTEST_ASSERT_EQ(t, mm_add_region(parent, FAR + 3 * CHUNK + 4 * PG, PG, RW, NULL), 0);
	touch(t, parent, FAR + 3 * CHUNK, FAR + 3 * CHUNK + PG);
	touch(t, parent, FAR + 3 * CHUNK + 4 * PG, FAR + 3 * CHUNK + 5 * PG);
	for (i = 0; i < 3; i++)
		pt[i] = table_of(parent, FAR + i * CHUNK);
	strscpy(before, regions(parent), sizeof(before));
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);

	/* The middle 2 MiB, whole: the child lets its share go. */
	KTEST_EXPECT_EQ(t, mm_unmap(child, FAR + CHUNK, CHUNK), 0);
	KTEST_EXPECT_FALSE(t, mapped(child, FAR + CHUNK));
	KTEST_EXPECT_EQ(t, child->rss, 6);
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES)) {
		KTEST_EXPECT_NULL(t, table_of(child, FAR + CHUNK));
		KTEST_EXPECT_LE(t, page_ref_count(pt[1]), 1);
	}
	/* One page of the first: the child's own table, without that page. */
	KTEST_EXPECT_EQ(t, mm_unmap(child, FAR + PG, PG), 0);
	KTEST_EXPECT_FALSE(t, mapped(child, FAR + PG));
	KTEST_EXPECT_EQ(t, byte_at(child, FAR), 0x40);
	/* The last read-only, then none. */
	KTEST_EXPECT_EQ(t, mm_protect(child, FAR + 2 * CHUNK, PG, VM_READ), 0);
	KTEST_EXPECT_EQ(t, mm_protect(child, FAR + 2 * CHUNK + PG, PG, 0), 0);
	KTEST_EXPECT_FALSE(t, mapped(child, FAR + 2 * CHUNK + PG));
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES)) {
		KTEST_EXPECT_TRUE(t, table_of(child, FAR) != pt[0]);
		KTEST_EXPECT_TRUE(t, table_of(child, FAR + 2 * CHUNK) != pt[2]);
	}
	KTEST_EXPECT_EQ(t, child->rss, 5);
	/* Both regions of the fourth 2 MiB in one call: the share dropped, no table copied. */
	free_before = nr_free_pages();
	KTEST_EXPECT_EQ(t, mm_unmap(child, FAR + 3 * CHUNK, CHUNK), 0);
	KTEST_EXPECT_GE(t, nr_free_pages(), free_before);
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES))
		KTEST_EXPECT_NULL(t, table_of(child, FAR + 3 * CHUNK));
	KTEST_EXPECT_EQ(t, child->rss, 3);

	/* The parent has all it had, where it had it. */
	KTEST_EXPECT_STREQ(t, regions(parent), before);
	KTEST_EXPECT_EQ(t, parent->rss, 8);
	KTEST_EXPECT_EQ(t, byte_at(parent, FAR + 3 * CHUNK + 4 * PG), 0);
	for (i = 0; i < 3; i++) {
		unsigned long at = FAR + i * CHUNK;

		if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES))
			KTEST_EXPECT_TRUE(t, table_of(parent, at) == pt[i]);
		KTEST_EXPECT_TRUE(t, mapped(parent, at + PG));
		KTEST_EXPECT_EQ(t, byte_at(parent, at), 0x40 + i);
		KTEST_EXPECT_EQ(t, byte_at(parent, at + PG), 0x50 + i);
		write_byte(t, parent, at + PG, 0x60 + i);
		KTEST_EXPECT_TRUE(t, mapped_as(parent, at + PG,
					       _PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX));
	}
	/* And the child still its own. */
	KTEST_EXPECT_EQ(t, byte_at(child, FAR + 2 * CHUNK), 0x42);
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, FAR + 2 * CHUNK, PF_USER | PF_WRITE | PF_PROT),
			FAULT_ACCERR);
	mmput(child);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, byte_at(parent, FAR + i * CHUNK + PG), 0x60 + i);
	mmput(parent);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

/*
 * The parent ends while the child still shares its tables: the child
 * keeps every page, and, last sharer, writes them in place.
 */
static void parent_exit_leaves_the_shared_tables_to_the_child(struct ktest *t)
{
	unsigned long free = nr_free_pages(), blocks = heap_in_use(), before;
	struct mm_struct *parent = three_chunk_parent(t), *child;
	u64 *pt;
	int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	pt = table_of(parent, FAR);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	mmput(parent);
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES)) {
		KTEST_EXPECT_TRUE(t, table_of(child, FAR) == pt);
		KTEST_EXPECT_EQ(t, page_ref_count(pt), 1);
	}
	before = nr_free_pages();
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_EQ(t, byte_at(child, FAR + i * CHUNK), 0x40 + i);
		write_byte(t, child, FAR + i * CHUNK + PG, 0x70 + i);
		KTEST_EXPECT_EQ(t, byte_at(child, FAR + i * CHUNK + PG), 0x70 + i);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before); /* no table, no page copied */
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES))
		KTEST_EXPECT_TRUE(t, table_of(child, FAR) == pt);
	mmput(child);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

/*
 * A thousand fork+exit cycles, the child writing, unmapping or leaving
 * alone memory under shared tables and the parent writing after it, give
 * back every frame and heap block: after the first (which may copy the
 * parent's pages for good), each cycle ends where it began.
 */
static void fork_exit_cycles_give_back_everything(struct ktest *t)
{
	unsigned long free = nr_free_pages(), blocks = heap_in_use(), warm_free = 0,
		      warm_blocks = 0;
	struct mm_struct *parent = three_chunk_parent(t), *child;
	int i, bad = 0;

	KTEST_ASSERT_NOT_NULL(t, parent);
	for (i = 0; i < 1000; i++) {
		child = dup_mm(parent);
		KTEST_ASSERT_NOT_NULL(t, child);
		switch (i % 4) {
		case 0:
			break; /* exit at once */
		case 1:
			write_byte(t, child, FAR + PG, i);
			break;
		case 2:
			mm_unmap(child, FAR + CHUNK, 2 * CHUNK);
			break;
		default:
			mm_unmap(child, FAR + 2 * CHUNK + PG, PG);
			write_byte(t, child, FAR, i);
			break;
		}
		write_byte(t, parent, FAR + (i % 3) * CHUNK, i);
		mmput(child);
		if (i == 3) {
			warm_free = nr_free_pages();
			warm_blocks = heap_in_use();
		}
		if (i > 3 && i % 4 == 3)
			bad += nr_free_pages() != warm_free || heap_in_use() != warm_blocks;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, byte_at(parent, FAR), (u8)999);
	mmput(parent);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
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
	KTEST_CASE(fork_shares_tables_until_written),
	KTEST_CASE(child_munmap_mprotect_leave_the_parent_alone),
	KTEST_CASE(parent_exit_leaves_the_shared_tables_to_the_child),
	KTEST_CASE(fork_exit_cycles_give_back_everything),
	{}
};
KTEST_SUITE(mmap, mmap_cases);
