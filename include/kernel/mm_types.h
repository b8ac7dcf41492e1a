/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A process's address space: its page tables and the regions of it that
 * may be used (mm/mmap.c keeps the regions, mm/memory.c the pages).
 *
 * The regions are what the program asked for: its ELF segments, the brk
 * heap, anonymous mmap()s and the stack.  Pages come later, one at a time,
 * when the program first touches them (a page fault); a region is a
 * promise, not memory.  This is Linux's split between vm_area_struct and
 * the page tables, with a sorted list where Linux has a maple tree: a
 * program here has tens of regions, not thousands.
 *
 * Locking: an mm belongs to one task (and a vfork() child, while its
 * parent sleeps), and only that task changes it, in its own system calls
 * and page faults, or the task that builds it before anyone can see it
 * (exec).  But /proc readers on other CPUs walk it meanwhile: its regions,
 * its page tables down to the pages (cmdline), its counts.  So every
 * change to what they walk, and every free of what they reach, is made
 * under mm->lock, and they read under it.  The owner reads its own mm
 * without it.  A spinlock, not Linux's mmap_lock semaphore: nothing done
 * under it sleeps.  A reader holds it under tasklist_lock, which keeps
 * the task's mm pointer (switch_user_mm() changes it under
 * tasklist_lock), and takes it by spin_trylock() only
 * (fs/proc/internal.h).  Threads sharing an mm would need more: readers
 * of their own among the writers.
 */
#ifndef _KERNEL_MM_TYPES_H
#define _KERNEL_MM_TYPES_H

#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

struct dentry;

/* vm_flags, with Linux's values */
#define VM_READ	     0x00000001UL
#define VM_WRITE     0x00000002UL
#define VM_EXEC	     0x00000004UL
#define VM_GROWSDOWN 0x00000100UL /* the stack: grows down on a fault below it */

#define VM_ACCESS (VM_READ | VM_WRITE | VM_EXEC)

/*
 * Below the stack's lowest possible page, the gap that no other region
 * may take: a fault there is an overflow, never someone else's memory.
 * Linux's stack_guard_gap is 256 pages.
 */
#define STACK_GUARD_GAP (256UL * 4096)

struct vm_area_struct {
	unsigned long vm_start; /* first byte */
	unsigned long vm_end;	/* first byte after; both page aligned */
	unsigned long vm_flags;
	const char *vm_name;   /* "[stack]", "[heap]", or NULL */
	struct list_head node; /* in mm->vmas, by address */
};

struct mm_struct {
	spinlock_t lock;	      /* the rest but pgd, users, exe_dentry: see above */
	u64 *pgd;		      /* the PML4, through the direct map */
	int users;		      /* tasks on it: 2 while a vfork() child borrows it; atomic */
	struct list_head vmas;	      /* by address, none overlapping */
	unsigned int map_count;	      /* regions in vmas */
	unsigned long rss;	      /* pages mapped */
	unsigned long start_brk, brk; /* the heap: [start_brk, brk) */
	unsigned long start_stack;    /* where the initial stack's argc is */
	unsigned long stack_limit;    /* the lowest address the stack may grow to */
	unsigned long mmap_base;      /* anonymous mmaps go below this */
	/* Where execve() put the argument and environment strings: /proc/PID/cmdline's */
	unsigned long arg_start, arg_end, env_start, env_end;
	struct dentry *exe_dentry; /* the program's file, referenced: /proc/PID/exe */
};

#endif
