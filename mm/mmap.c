// SPDX-License-Identifier: GPL-2.0
/*
 * The regions of a process's address space, and the calls that change
 * them: mmap() of anonymous memory, munmap(), mprotect() and brk().
 *
 * Each call checks everything, and allocates every region structure it
 * may need, before it changes anything: a call that fails leaves the
 * address space as it found it (Linux's munmap() and mprotect() can stop
 * half-way; these do not).  The pages of the regions are mm/memory.c's.
 *
 * User memory is never writable and executable at once (W^X): a region
 * asked for with both is refused with -EACCES, as a kernel that forbids
 * executable writable memory answers.
 *
 * The exported calls take mm->lock, so that /proc readers on other CPUs
 * never walk a region being freed (<kernel/mm_types.h>); the static
 * helpers run under it.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mmap.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>

/* Linux's default vm.max_map_count */
#define MAX_MAP_COUNT 65530

#define PAGE_OFFSET_MASK (PAGE_SIZE - 1)

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	spin_lock_init(&mm->lock);
	INIT_LIST_HEAD(&mm->vmas);
	mm->users = 1;
	mm->stack_limit = STACK_TOP - STACK_LIMIT;
	mm->mmap_base = MMAP_BASE;
	return mm;
}

/* Unmap @vma, part of an unmap of [@lo, @hi), and free it. */
static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long lo,
		       unsigned long hi)
{
	unmap_page_range(mm, vma->vm_start, vma->vm_end, lo, hi);
	list_del(&vma->node);
	mm->map_count--;
	kfree(vma);
}

void mmget(struct mm_struct *mm)
{
	__atomic_add_fetch(&mm->users, 1, __ATOMIC_RELAXED);
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (__atomic_sub_fetch(&mm->users, 1, __ATOMIC_ACQ_REL))
		return;
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES)) {
		/* By table, not by page: a table others share is only let go. */
		free_page_tables(mm);
		list_for_each_entry_safe(vma, next, &mm->vmas, node)
		{
			list_del(&vma->node);
			kfree(vma);
		}
		mm->map_count = 0;
	} else {
		list_for_each_entry_safe(vma, next, &mm->vmas, node)
			remove_vma(mm, vma, vma->vm_start, vma->vm_end);
	}
	if (mm->rss)
		pr_err("mm: %lu pages still mapped outside any region at exit\n", mm->rss);
	dput(mm->exe_dentry);
	pgd_free(mm->pgd);
	kfree(mm);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->vmas, node)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

static struct vm_area_struct *next_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return vma->node.next == &mm->vmas
		       ? NULL
		       : list_entry(vma->node.next, struct vm_area_struct, node);
}

/* Whether [start, end) is a page-aligned, non-empty range of user addresses. */
static bool user_range(unsigned long start, unsigned long end)
{
	return !(start & PAGE_OFFSET_MASK) && !(end & PAGE_OFFSET_MASK) && start < end &&
	       start >= USER_MIN_ADDR && end <= TASK_SIZE_MAX;
}

/* Whether no region overlaps [start, end). */
static bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return !vma || vma->vm_start >= end;
}

static struct vm_area_struct *vma_new(unsigned long start, unsigned long end,
				      unsigned long vm_flags, const char *name)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma));

	if (vma)
		*vma = (struct vm_area_struct){
			.vm_start = start, .vm_end = end, .vm_flags = vm_flags, .vm_name = name
		};
	return vma;
}

/* Put @vma, which overlaps none, in its place in the list. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	list_add_tail(&vma->node, next ? &next->node : &mm->vmas);
	mm->map_count++;
}

struct mm_struct *dup_mm(struct mm_struct *mm)
{
	struct mm_struct *child = mm_alloc();
	struct vm_area_struct *vma, *copy;

	if (!child)
		return NULL;
	child->start_brk = mm->start_brk;
	child->brk = mm->brk;
	child->start_stack = mm->start_stack;
	child->stack_limit = mm->stack_limit;
	child->mmap_base = mm->mmap_base;
	child->arg_start = mm->arg_start;
	child->arg_end = mm->arg_end;
	child->env_start = mm->env_start;
	child->env_end = mm->env_end;
	child->exe_dentry = mm->exe_dentry ? dget(mm->exe_dentry) : NULL;
	/* The parent's entries become copy-on-write: a change /proc must not see half-made. */
	spin_lock(&mm->lock);
	list_for_each_entry (vma, &mm->vmas, node) {
		copy = vma_new(vma->vm_start, vma->vm_end, vma->vm_flags, vma->vm_name);
		if (!copy)
			goto fail;
		list_add_tail(&copy->node, &child->vmas);
		child->map_count++;
		if (copy_page_range(child, mm, vma))
			goto fail;
	}
	/* The tables are shared whole: so is every page the parent has. */
	if (IS_ENABLED(CONFIG_FORK_SHARE_TABLES))
		child->rss = mm->rss;
	spin_unlock(&mm->lock);
	return child;
fail:
	spin_unlock(&mm->lock);
	mmput(child); /* dput() sleeps: not under the lock */
	return NULL;
}

static int check_flags(unsigned long vm_flags)
{
	if ((vm_flags & (VM_WRITE | VM_EXEC)) == (VM_WRITE | VM_EXEC))
		return -EACCES;
	return 0;
}

static int add_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long vm_flags, const char *name)
{
	struct vm_area_struct *vma;
	int err = check_flags(vm_flags);

	if (err)
		return err;
	if (addr + len < addr || !user_range(addr, addr + len))
		return -EINVAL;
	if (!range_free(mm, addr, addr + len))
		return -EEXIST;
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vma_new(addr, addr + len, vm_flags, name);
	if (!vma)
		return -ENOMEM;
	vma_link(mm, vma);
	return 0;
}

int mm_add_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long vm_flags, const char *name)
{
	int err;

	spin_lock(&mm->lock);
	err = add_region(mm, addr, len, vm_flags, name);
	spin_unlock(&mm->lock);
	return err;
}

/*
 * Cut @vma in two at @at, inside it: @vma keeps [vm_start, at), @spare
 * (allocated by the caller) takes [at, vm_end), with the same pages.
 */
static void split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long at,
		      struct vm_area_struct *spare)
{
	*spare = (struct vm_area_struct){ .vm_start = at,
					  .vm_end = vma->vm_end,
					  .vm_flags = vma->vm_flags,
					  .vm_name = vma->vm_name };
	vma->vm_end = at;
	list_add(&spare->node, &vma->node);
	mm->map_count++;
}

/* How many regions would be cut in two at @start or @end (0, 1 or 2). */
static int splits_needed(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	int n = 0;

	list_for_each_entry (vma, &mm->vmas, node) {
		if (vma->vm_start < start && start < vma->vm_end)
			n++;
		if (vma->vm_start < end && end < vma->vm_end)
			n++;
	}
	return n;
}

/* kmalloc @n spare regions into @spare; false (none kept) if memory runs out. */
static bool get_spares(struct vm_area_struct **spare, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		spare[i] = kmalloc(sizeof(**spare));
		if (!spare[i]) {
			while (i--)
				kfree(spare[i]);
			return false;
		}
	}
	return true;
}

/*
 * Cut the regions that straddle @start or @end, so that every region is
 * then wholly inside [start, end) or wholly outside; @spare holds
 * splits_needed() structures, which this uses up.
 */
static void split_at_edges(struct mm_struct *mm, unsigned long start, unsigned long end,
			   struct vm_area_struct **spare)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->vmas, node) {
		if (vma->vm_start < start && start < vma->vm_end)
			split_vma(mm, vma, start, *spare++);
		else if (vma->vm_start < end && end < vma->vm_end)
			split_vma(mm, vma, end, *spare++);
	}
}

/* Unmap [start, end), which user_range() accepted. */
static int unmap_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *spare[2], *vma, *next;
	int n = splits_needed(mm, start, end);

	if (mm->map_count + n > MAX_MAP_COUNT || unshare_page_range(mm, start, end, true) ||
	    !get_spares(spare, n))
		return -ENOMEM;
	split_at_edges(mm, start, end, spare);
	list_for_each_entry_safe(vma, next, &mm->vmas,
				 node) if (vma->vm_start >= start && vma->vm_end <= end)
		remove_vma(mm, vma, start, end);
	return 0;
}

int mm_unmap(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long end = ALIGN(addr + len, PAGE_SIZE);

	int err;

	if (!len || (addr & PAGE_OFFSET_MASK) || end <= addr || !user_range(addr, end))
		return -EINVAL;
	spin_lock(&mm->lock);
	err = unmap_range(mm, addr, end);
	spin_unlock(&mm->lock);
	return err;
}

static int protect_range(struct mm_struct *mm, unsigned long addr, unsigned long len,
			 unsigned long vm_flags)
{
	unsigned long end = ALIGN(addr + len, PAGE_SIZE), at = addr;
	struct vm_area_struct *spare[2], *vma;
	int n, err = check_flags(vm_flags);

	if ((addr & PAGE_OFFSET_MASK) || (len && end <= addr))
		return -EINVAL;
	if (!len)
		return 0;
	if (!user_range(addr, end))
		return -ENOMEM;
	if (err)
		return err;
	/* Every page of the range must be in a region. */
	for (vma = find_vma(mm, addr); at < end; vma = next_vma(mm, vma)) {
		if (!vma || vma->vm_start > at)
			return -ENOMEM;
		at = vma->vm_end;
	}
	n = splits_needed(mm, addr, end);
	if (mm->map_count + n > MAX_MAP_COUNT || unshare_page_range(mm, addr, end, false) ||
	    !get_spares(spare, n))
		return -ENOMEM;
	split_at_edges(mm, addr, end, spare);
	list_for_each_entry (vma, &mm->vmas, node) {
		if (vma->vm_start < addr || vma->vm_end > end)
			continue;
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS) | (vm_flags & VM_ACCESS);
		change_page_range(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
	}
	return 0;
}

int mm_protect(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long vm_flags)
{
	int err;

	spin_lock(&mm->lock);
	err = protect_range(mm, addr, len, vm_flags);
	spin_unlock(&mm->lock);
	return err;
}

/*
 * Whether a hint's [start, end) is free and keeps the guard gap below a
 * stack above it, as Linux's vm_start_gap(): else the stack could not grow.
 */
static bool hint_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *next = find_vma(mm, start);

	if (!next)
		return true;
	if (next->vm_start < end)
		return false;
	return !(next->vm_flags & VM_GROWSDOWN) || next->vm_start - end >= STACK_GUARD_GAP;
}

/* The highest free range of @len bytes below mmap_base, or 0. */
static unsigned long find_free_range(struct mm_struct *mm, unsigned long len)
{
	unsigned long hi = mm->mmap_base;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->vmas, node)
	{
		if (vma->vm_start >= hi)
			continue;
		if (hi - USER_MIN_ADDR >= len && vma->vm_end <= hi - len)
			return hi - len;
		hi = vma->vm_start;
	}
	return hi >= USER_MIN_ADDR && hi - USER_MIN_ADDR >= len ? hi - len : 0;
}

static long map_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		     unsigned long vm_flags, bool fixed)
{
	unsigned long size = ALIGN(len, PAGE_SIZE);
	struct vm_area_struct *vma;
	int err = check_flags(vm_flags);

	if (!len || (fixed && (addr & PAGE_OFFSET_MASK)))
		return -EINVAL;
	if (size < len || size > TASK_SIZE_MAX)
		return -ENOMEM;
	if (err)
		return err;
	if (fixed) {
		if (addr + size < addr || !user_range(addr, addr + size))
			return -ENOMEM;
	} else if ((addr & PAGE_OFFSET_MASK) || addr + size < addr ||
		   !user_range(addr, addr + size) || !hint_free(mm, addr, addr + size)) {
		addr = find_free_range(mm, size); /* the hint does not fit */
		if (!addr)
			return -ENOMEM;
	}
	if (mm->map_count + 2 >= MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vma_new(addr, addr + size, vm_flags, NULL);
	if (!vma)
		return -ENOMEM;
	if (fixed && unmap_range(mm, addr, addr + size)) {
		kfree(vma);
		return -ENOMEM;
	}
	vma_link(mm, vma);
	return addr;
}

long mm_map_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long vm_flags, bool fixed)
{
	long ret;

	spin_lock(&mm->lock);
	ret = map_anon(mm, addr, len, vm_flags, fixed);
	spin_unlock(&mm->lock);
	return ret;
}

static const char brk_heap_name[] = "[heap]";

/* The heap's region if it ends at @end, as brk() left it. */
static struct vm_area_struct *heap_vma(struct mm_struct *mm, unsigned long end)
{
	struct vm_area_struct *vma = end ? find_vma(mm, end - 1) : NULL;

	return vma && vma->vm_end == end && vma->vm_name == brk_heap_name ? vma : NULL;
}

static unsigned long set_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old_end = ALIGN(mm->brk, PAGE_SIZE), new_end = ALIGN(brk, PAGE_SIZE);
	struct vm_area_struct *heap;

	if (brk < mm->start_brk || new_end < brk || new_end > mm->mmap_base)
		return mm->brk;
	if (new_end < old_end) {
		/* Whatever is mapped there goes, as munmap() would do it. */
		if (unmap_range(mm, new_end, old_end))
			return mm->brk;
	} else if (new_end > old_end) {
		/* Linux keeps a page free above the heap, so that it never touches a region. */
		if (!range_free(mm, old_end, new_end + PAGE_SIZE))
			return mm->brk;
		heap = heap_vma(mm, old_end);
		/* New heap is read and write, whatever mprotect() made of the old top. */
		if (heap && (heap->vm_flags & VM_ACCESS) == (VM_READ | VM_WRITE))
			heap->vm_end = new_end;
		else if (add_region(mm, old_end, new_end - old_end, VM_READ | VM_WRITE,
				    brk_heap_name))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

unsigned long mm_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long ret;

	spin_lock(&mm->lock);
	ret = set_brk(mm, brk);
	spin_unlock(&mm->lock);
	return ret;
}

/* mmap() and friends, with Linux's values */
#define PROT_READ	    0x1
#define PROT_WRITE	    0x2
#define PROT_EXEC	    0x4
#define MAP_SHARED	    0x01
#define MAP_PRIVATE	    0x02
#define MAP_TYPE	    0x0f
#define MAP_FIXED	    0x10
#define MAP_ANONYMOUS	    0x20
#define MAP_FIXED_NOREPLACE 0x100000
/* Flags that change nothing here: accepted, as Linux accepts them. */
#define MAP_IGNORED	    (0x100 | 0x800 | 0x1000 | 0x2000 | 0x4000 | 0x8000 | 0x10000 | 0x20000)

static unsigned long vm_flags_of_prot(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot, unsigned long,
		flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);

	if (!mm || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) || (off & PAGE_OFFSET_MASK))
		return -EINVAL;
	if (flags & ~(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_IGNORED))
		return -EINVAL;
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		return (flags & MAP_TYPE) == MAP_SHARED ? -ENODEV
							: -EINVAL; /* no shared memory yet */
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV; /* mappings of files come with the next issue */
	if ((flags & MAP_FIXED_NOREPLACE) && !(addr & PAGE_OFFSET_MASK) && len &&
	    !range_free(mm, addr, ALIGN(addr + len, PAGE_SIZE)))
		return -EEXIST;
	return mm_map_anon(mm, addr, len, vm_flags_of_prot(prot), fixed);
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return current->mm ? mm_unmap(current->mm, addr, len) : -EINVAL;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	if (!current->mm || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	return mm_protect(current->mm, start, len, vm_flags_of_prot(prot));
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	return current->mm ? (long)mm_brk(current->mm, brk) : -ENOMEM;
}
