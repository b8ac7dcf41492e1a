/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address spaces of processes: making and ending them, their regions
 * (mm/mmap.c) and their pages (mm/memory.c).  <kernel/mm_types.h> has the
 * structures and says why they need no lock.
 */
#ifndef _KERNEL_MMAP_H
#define _KERNEL_MMAP_H

#include <kernel/mm_types.h>

/* The top of the stack of a new program; the stack grows down from it. */
#define STACK_TOP   0x00007ffffffde000UL
/* How far the stack may grow: Linux's default RLIMIT_STACK. */
#define STACK_LIMIT (8UL << 20)
/* Anonymous mmaps go down from here, below the stack's limit and its gap. */
#define MMAP_BASE   (STACK_TOP - STACK_LIMIT - STACK_GUARD_GAP)

/* An empty address space: the kernel's half mapped, nothing else; NULL if no memory. */
struct mm_struct *mm_alloc(void);
/* One more task on @mm (vfork()). */
void mmget(struct mm_struct *mm);
/* One task fewer on @mm; the last frees every page, page table and region, then @mm. */
void mmput(struct mm_struct *mm);

/* The first region that ends above @addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/*
 * Make the region [@addr, @addr + @len) with @vm_flags (VM_READ...),
 * anonymous and not yet backed by pages.  @addr and @len page aligned,
 * the range inside [USER_MIN_ADDR, TASK_SIZE_MAX) and free of other
 * regions.  Returns 0, -EINVAL, -EEXIST (overlap) or -ENOMEM.
 */
int mm_add_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long vm_flags, const char *name);

/*
 * Linux's mmap(), for anonymous private memory: a free range of @len
 * bytes (below mmap_base, or at @addr if @fixed, replacing what was
 * there).  Returns the address, or -EINVAL / -ENOMEM.
 */
long mm_map_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long vm_flags, bool fixed);
/* Linux's munmap(): unmap [@addr, @addr + @len), splitting regions. 0 or -EINVAL. */
int mm_unmap(struct mm_struct *mm, unsigned long addr, unsigned long len);
/* Linux's mprotect(): 0, -EINVAL, -ENOMEM (a hole in the range), -EACCES (W and X). */
int mm_protect(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long vm_flags);
/* Linux's brk(): the new break, or the old one if @brk cannot be had. */
unsigned long mm_brk(struct mm_struct *mm, unsigned long brk);

/* What handle_mm_fault() decided. */
enum fault_result {
	FAULT_HANDLED, /* a page is there now: run the instruction again */
	FAULT_MAPERR,  /* no region there: SIGSEGV, SEGV_MAPERR */
	FAULT_ACCERR,  /* the region forbids that access: SIGSEGV, SEGV_ACCERR */
	FAULT_OOM,     /* no memory for the page */
};

/* Page-fault error code bits (the CPU's) that handle_mm_fault() reads */
#define PF_PROT	 (1UL << 0) /* the page was present */
#define PF_WRITE (1UL << 1)
#define PF_USER	 (1UL << 2)
#define PF_INSTR (1UL << 4)

/* A fault at the user address @addr of @mm, with the CPU's @error_code. */
enum fault_result handle_mm_fault(struct mm_struct *mm, unsigned long addr,
				  unsigned long error_code);

/*
 * The kernel's address (in the direct map) of the byte at the user
 * address @addr of @mm, its page made as a fault would make it; NULL if
 * no accessible region covers @addr, or no memory.  For exec, which fills
 * an address space that is not the running one, read-only text included.
 */
void *mm_page_kaddr(struct mm_struct *mm, unsigned long addr);

/*
 * Copy up to @len bytes at the user address @addr of @mm (not the
 * running one, perhaps) into @buf, stopping at the first page that is
 * not there: nothing is faulted in or allocated, so it may be called
 * with interrupts off.  The caller holds @mm->lock, which keeps its
 * owner from unmapping the pages meanwhile.  What /proc/PID/cmdline
 * reads; the bytes copied.
 */
size_t mm_read_present(struct mm_struct *mm, unsigned long addr, void *buf, size_t len);

/*
 * Drop this CPU's cached translations of @mm, if it is the one loaded: a
 * vfork() parent's, whose child may have changed it on another CPU while
 * this one kept it loaded (Documentation/arch/x86_64/smp.md).
 */
void mm_flush_local(struct mm_struct *mm);

/*
 * Make the calling task run on @mm (NULL: the kernel's own tables), at
 * once; the mm it ran on is returned, for the caller to mmput().  Takes
 * tasklist_lock, which /proc readers hold while they use a task's mm.
 */
struct mm_struct *switch_user_mm(struct mm_struct *mm);

/* Unmap and free the pages of [@start, @end); the regions stay. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
/*
 * The same, for one region of an unmap of [@lo, @hi) that takes several:
 * a page table fork() shares (CONFIG_FORK_SHARE_TABLES) whose 2 MiB the
 * whole unmap covers is dropped, not copied, though no one region in it
 * covers it all.
 */
void unmap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		      unsigned long lo, unsigned long hi);
/*
 * For fork(): give @dst the pages of @src's region @vma, shared
 * copy-on-write, copied, or in page tables shared copy-on-write
 * (CONFIG_FORK_COW, CONFIG_FORK_COPY, CONFIG_FORK_SHARE_TABLES).  0 or
 * -ENOMEM; on failure @dst holds part of them, and mmput() frees it.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
/*
 * A copy of @mm, for fork(): the same regions, with the pages shared or
 * copied as copy_page_range() says; NULL if memory runs out (nothing of
 * the copy is left, and @mm is as it was, but for pages now read-only).
 */
struct mm_struct *dup_mm(struct mm_struct *mm);

/*
 * CONFIG_FORK_SHARE_TABLES: make every page table that fork() shared and
 * that maps part of [@start, @end) @mm's own, so that its entries can
 * change; with @partial, only those the range covers in part (an unmap
 * drops the others whole, with no memory needed).  For the calls that
 * must fail before they change anything: 0, or -ENOMEM with the tables
 * unshared so far left so (the program sees no difference).  0 at once
 * in the other designs.
 */
int unshare_page_range(struct mm_struct *mm, unsigned long start, unsigned long end, bool partial);
/*
 * CONFIG_FORK_SHARE_TABLES, for the mm's end: give up every page table
 * under a region, shared or not (the last sharer frees the pages), so
 * that no page is visited for a table others still hold.
 */
void free_page_tables(struct mm_struct *mm);

/* Make the entries of [@start, @end) follow their region's new flags. */
void change_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags);

#endif
