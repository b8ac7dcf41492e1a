// SPDX-License-Identifier: GPL-2.0
/*
 * The pages of a process's address space: made on the first touch (the
 * page fault), changed by mprotect(), freed by munmap() and exit.
 *
 * A region (mm/mmap.c) only says what may be there.  A page is allocated,
 * zeroed and mapped when the program first touches it, as in Linux: a
 * program that reserves 64 MiB of heap and uses 64 KiB costs 64 KiB.  The
 * stack is a region that grows down when a fault lands just below it, to
 * the limit the mm sets.  Every page table entry of a user page carries
 * _PAGE_USER and its region's permissions, and never W and X together.
 *
 * fork() gives the child the parent's pages in one of three ways, chosen
 * in Kconfig: copy-on-write (CONFIG_FORK_COW, as Linux) shares every
 * page, read-only in both, and copies a page only when one of them writes
 * it; an eager copy (CONFIG_FORK_COPY, as xv6) copies every page at once.
 * A page shared so is counted in page_refs (<kernel/page_alloc.h>).
 *
 * The third (CONFIG_FORK_SHARE_TABLES, "On-demand fork", Zhao, Gong and
 * Fonseca, EuroSys 2021) shares the page tables themselves: the child's
 * PD entry points at the parent's page table (PT, 512 entries, 2 MiB),
 * both PD entries lose _PAGE_RW, and the table's page_refs entry counts
 * its sharers (0 or 1: one owner).  A page's count is then the number of
 * page tables that map it, and a shared table holds one for all its
 * sharers, so fork() and exit() touch no page.  Before anything changes
 * an entry of a shared table (a fault, munmap(), mprotect()), the mm
 * makes it its own (unshare_table()): the last sharer just takes its
 * _PAGE_RW back; any other copies the table, takes a reference on each
 * page and write-protects it in both tables, exactly as FORK_COW does at
 * fork().  An entry with _PAGE_RW thus always maps a page only its table
 * maps, and the PD entry says whether the table is the mm's alone.  A
 * munmap() of a whole shared 2 MiB, and exit(), drop the table: one
 * sharer fewer, and the last frees the pages and the table.
 *
 * When the address space is the live one (CR3), each change to an entry
 * is flushed from the TLB; a change to another mm's tables needs none,
 * since the CPU has not cached them.  An address space is live only on
 * the CPU that runs its process, so this CPU's flush is the only one
 * needed (Documentation/arch/x86_64/smp.md, "TLB shootdown").
 *
 * Every change is made under mm->lock, which /proc readers on other CPUs
 * hold while they walk the tables (<kernel/mm_types.h>).
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/mmap.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

/* Past this many pages, reloading CR3 is cheaper than one invlpg each. */
#define FLUSH_ALL_PAGES 32

static bool mm_is_live(const struct mm_struct *mm)
{
	return (read_cr3() & PTE_ADDR_MASK) == virt_to_phys(mm->pgd);
}

static void flush_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	if (!mm_is_live(mm))
		return;
	if ((end - start) >> PAGE_SHIFT > FLUSH_ALL_PAGES) {
		write_cr3(read_cr3());
		return;
	}
	for (addr = start; addr < end; addr += PAGE_SIZE)
		invlpg(addr);
}

/* The page tables of user memory are shared by fork() (CONFIG_FORK_SHARE_TABLES). */
#define SHARE_TABLES IS_ENABLED(CONFIG_FORK_SHARE_TABLES)

#define PT_MASK (~(LARGE_PAGE_SIZE - 1))

static void *page_of(u64 entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

/* Whether a PD entry points at a page table fork() shared, not yet made this mm's own. */
static bool pde_shared(u64 pde)
{
	return SHARE_TABLES && (pde & (_PAGE_PRESENT | _PAGE_RW)) == _PAGE_PRESENT;
}

/* Whether @entry holds a page: present, or kept by a PROT_NONE region. */
static bool pte_has_page(u64 entry)
{
	return entry & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/*
 * One sharer of the page table @pt gives it up; the last one drops the
 * reference the table held on each of its pages and frees it.  A count
 * of 0 or 1 means one owner: only an owner takes another reference (a
 * fork), so the count cannot grow behind a lone owner's back.
 */
static void put_table(u64 *pt)
{
	int i;

	if (page_ref_count(pt) > 1 && !page_ref_put(pt))
		return;
	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (pte_has_page(pt[i]) && page_ref_put(page_of(pt[i])))
			free_page(page_of(pt[i]));
	__atomic_store_n(page_ref(pt), 0, __ATOMIC_RELAXED);
	free_page(pt);
}

/*
 * Make the shared page table at *@pde, which maps the 2 MiB at @addr,
 * this mm's own: see the top of the file.  0, or -ENOMEM with nothing
 * changed.
 */
static int unshare_table(struct mm_struct *mm, u64 *pde, unsigned long addr)
{
	u64 *pt = page_of(*pde), *copy;
	int i;

	if (page_ref_count(pt) > 1) {
		copy = alloc_page();
		if (!copy)
			return -ENOMEM;
		for (i = 0; i < PTRS_PER_TABLE; i++) {
			u64 entry = pt[i];

			if (pte_has_page(entry)) {
				page_ref_get(page_of(entry));
				entry &= ~_PAGE_RW;
				pt[i] = entry;
			}
			copy[i] = entry;
		}
		__atomic_store_n(page_ref(copy), 0, __ATOMIC_RELAXED);
		*pde = virt_to_phys(copy) | (*pde & ~PTE_ADDR_MASK);
		put_table(pt); /* the other sharers may have gone meanwhile */
	} else {
		__atomic_store_n(page_ref(pt), 0, __ATOMIC_RELAXED);
	}
	*pde |= _PAGE_RW;
	addr &= PT_MASK;
	flush_range(mm, addr, addr + LARGE_PAGE_SIZE);
	return 0;
}

/*
 * The entry for @addr in a page table of @mm's own, the tables made if
 * missing and a shared one unshared; NULL if no memory.
 */
static u64 *own_pte(struct mm_struct *mm, unsigned long addr)
{
	u64 *pde;

	if (SHARE_TABLES) {
		pde = user_pde(mm->pgd, addr, true);
		if (!pde || (pde_shared(*pde) && unshare_table(mm, pde, addr)))
			return NULL;
	}
	return user_pte(mm->pgd, addr, true);
}

/* Make the table that maps @addr @mm's own if fork() shares it: 0 or -ENOMEM. */
static int unshare_at(struct mm_struct *mm, unsigned long addr)
{
	u64 *pde = user_pde(mm->pgd, addr, false);

	return pde && pde_shared(*pde) ? unshare_table(mm, pde, addr) : 0;
}

int unshare_page_range(struct mm_struct *mm, unsigned long start, unsigned long end, bool partial)
{
	unsigned long addr;

	if (!SHARE_TABLES)
		return 0;
	if (partial) {
		/* Only the first and the last 2 MiB can be covered in part. */
		if ((start & ~PT_MASK || end - start < LARGE_PAGE_SIZE) && unshare_at(mm, start))
			return -ENOMEM;
		return end & ~PT_MASK ? unshare_at(mm, end - 1) : 0;
	}
	for (addr = start & PT_MASK; addr < end; addr += LARGE_PAGE_SIZE)
		if (unshare_at(mm, addr))
			return -ENOMEM;
	return 0;
}

/* Let @mm's share of the table at *@pde go, and the pages it held count no more. */
static void drop_table(struct mm_struct *mm, u64 *pde)
{
	u64 *pt = page_of(*pde);
	int i;

	for (i = 0; i < PTRS_PER_TABLE; i++)
		mm->rss -= pte_has_page(pt[i]);
	*pde = 0;
	put_table(pt);
}

/*
 * The shared tables under [@start, @end), before zap_page_range() or
 * change_page_range() edits their entries: with @drop, those whose
 * 2 MiB [@lo, @hi) covers whole are dropped; the others are made @mm's
 * own.  Every caller unshared the tables it may only edit in part first
 * (unshare_page_range(), which can fail cleanly), so no memory is needed
 * here.
 */
static void prepare_shared_tables(struct mm_struct *mm, unsigned long start, unsigned long end,
				  bool drop, unsigned long lo, unsigned long hi)
{
	unsigned long addr;
	u64 *pde;

	for (addr = start & PT_MASK; addr < end; addr += LARGE_PAGE_SIZE) {
		pde = user_pde(mm->pgd, addr, false);
		if (!pde || !pde_shared(*pde))
			continue;
		if (drop && addr >= lo && addr + LARGE_PAGE_SIZE <= hi) {
			drop_table(mm, pde);
		} else if (unshare_table(mm, pde, addr)) {
			/*
			 * Never edit a table others share, and never drop one
			 * that holds pages outside the range: a caller that
			 * skipped unshare_page_range() is a bug to stop at.
			 */
			panic("mm: no memory to unshare the page table of %#lx, which the caller "
			      "did not unshare first",
			      addr);
		}
	}
}

/*
 * The entry's flags for a page of a region with @vm_flags.  A region with
 * no access at all (PROT_NONE) keeps its pages, in entries that are not
 * present, so that a later mprotect() gives them back as they were.
 */
static u64 page_prot(unsigned long vm_flags)
{
	u64 prot = _PAGE_PRESENT | _PAGE_USER;

	if (!(vm_flags & VM_ACCESS))
		return _PAGE_PROTNONE | _PAGE_USER | _PAGE_NX;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}

/*
 * The first entry that holds a page (present, or PROT_NONE) at or above
 * *@addr and below @end, with *@addr moved to its page; NULL if none.
 * @prev is what the last call returned, for the page before *@addr, or
 * NULL: the walk from the PML4 is then made once per page table, not
 * once per page.  A missing page table is skipped whole: a large region
 * that was never touched costs a walk per 2 MiB.
 */
static u64 *next_present_pte(struct mm_struct *mm, unsigned long *addr, unsigned long end,
			     u64 *prev)
{
	u64 *pte = prev && (*addr & (LARGE_PAGE_SIZE - 1)) ? prev + 1 : NULL;

	while (*addr < end) {
		if (!pte)
			pte = user_pte(mm->pgd, *addr, false);
		if (!pte) {
			*addr = ALIGN(*addr + 1, LARGE_PAGE_SIZE);
			continue;
		}
		if (*pte & (_PAGE_PRESENT | _PAGE_PROTNONE))
			return pte;
		*addr += PAGE_SIZE;
		pte = *addr & (LARGE_PAGE_SIZE - 1) ? pte + 1 : NULL;
	}
	return NULL;
}

void unmap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		      unsigned long lo, unsigned long hi)
{
	unsigned long addr;
	u64 *pte = NULL;

	if (SHARE_TABLES)
		prepare_shared_tables(mm, start, end, true, lo, hi);
	for (addr = start; (pte = next_present_pte(mm, &addr, end, pte)); addr += PAGE_SIZE) {
		void *page = phys_to_virt(*pte & PTE_ADDR_MASK);

		*pte = 0;
		if (page_ref_put(page))
			free_page(page);
		mm->rss--;
	}
	flush_range(mm, start, end);
}

void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unmap_page_range(mm, start, end, start, end);
}

/*
 * The entry for the page @pte holds under @vm_flags: read-only while
 * another address space shares the page, so that a write copies it.
 */
static u64 pte_for(u64 pte, unsigned long vm_flags)
{
	u64 prot = page_prot(vm_flags);

	if (page_ref_count(phys_to_virt(pte & PTE_ADDR_MASK)) > 1)
		prot &= ~_PAGE_RW;
	return (pte & PTE_ADDR_MASK) | prot;
}

void change_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	unsigned long addr;
	u64 *pte = NULL;

	if (SHARE_TABLES)
		prepare_shared_tables(mm, start, end, false, 0, 0);
	for (addr = start; (pte = next_present_pte(mm, &addr, end, pte)); addr += PAGE_SIZE)
		*pte = pte_for(*pte, vm_flags);
	flush_range(mm, start, end);
}

/*
 * FORK_SHARE_TABLES: give @dst every page table of @src that maps part of
 * @vma, shared, read-only through both PD entries.  A table under two
 * regions is shared once.
 */
static int share_page_tables(struct mm_struct *dst, struct mm_struct *src,
			     struct vm_area_struct *vma)
{
	unsigned long addr;
	bool shared = false;
	u64 *from, *to, *pt;

	for (addr = vma->vm_start & PT_MASK; addr < vma->vm_end; addr += LARGE_PAGE_SIZE) {
		from = user_pde(src->pgd, addr, false);
		if (!from || !(*from & _PAGE_PRESENT))
			continue;
		to = user_pde(dst->pgd, addr, true);
		if (!to)
			return -ENOMEM;
		if (*to & _PAGE_PRESENT)
			continue; /* shared for the region before, in the same 2 MiB */
		pt = page_of(*from);
		if (page_ref_count(pt) > 1)
			page_ref_get(pt);
		else
			__atomic_store_n(page_ref(pt), 2, __ATOMIC_RELAXED); /* ours alone so far */
		*from &= ~_PAGE_RW;
		*to = *from;
		shared = true;
	}
	/* Every page of a table now read-only may be in the TLB, writable. */
	if (shared)
		flush_range(src, 0, TASK_SIZE_MAX);
	return 0;
}

int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	unsigned long addr, table = 1; /* the 2 MiB that @child_pt maps; none yet */
	u64 *pte = NULL, *child, *child_pt = NULL;

	if (SHARE_TABLES)
		return share_page_tables(dst, src, vma);
	for (addr = vma->vm_start; (pte = next_present_pte(src, &addr, vma->vm_end, pte));
	     addr += PAGE_SIZE) {
		void *page = phys_to_virt(*pte & PTE_ADDR_MASK);

		if ((addr & ~(LARGE_PAGE_SIZE - 1)) != table) {
			child = user_pte(dst->pgd, addr, true);
			if (!child)
				return -ENOMEM;
			child_pt = child - PT_INDEX(addr);
			table = addr & ~(LARGE_PAGE_SIZE - 1);
		}
		child = child_pt + PT_INDEX(addr);
		if (IS_ENABLED(CONFIG_FORK_COW)) {
			page_ref_get(page);
			*pte &= ~_PAGE_RW;
			*child = *pte;
		} else {
			void *copy = alloc_page();

			if (!copy)
				return -ENOMEM;
			copy_page(copy, page);
			__atomic_store_n(page_ref(copy), 1, __ATOMIC_RELAXED);
			*child = virt_to_phys(copy) | (*pte & ~PTE_ADDR_MASK);
		}
		dst->rss++;
	}
	if (IS_ENABLED(CONFIG_FORK_COW))
		flush_range(src, vma->vm_start, vma->vm_end);
	return 0;
}

/*
 * A write to a page shared copy-on-write: the last one to write it keeps
 * it, the others get a copy.  False if no memory for the copy.
 */
static bool wp_page_copy(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
			 u64 *pte)
{
	void *page = phys_to_virt(*pte & PTE_ADDR_MASK), *copy;

	if (page_ref_count(page) > 1) {
		copy = alloc_page();
		if (!copy)
			return false;
		copy_page(copy, page);
		__atomic_store_n(page_ref(copy), 1, __ATOMIC_RELAXED);
		*pte = virt_to_phys(copy) | (*pte & ~PTE_ADDR_MASK);
		/* The last other sharer may have gone meanwhile: then ours to free. */
		if (page_ref_put(page))
			free_page(page);
	}
	*pte = pte_for(*pte, vma->vm_flags);
	invlpg(addr);
	return true;
}

/* A zeroed page at @addr of @vma; its kernel address, or NULL if no memory. */
static void *map_new_page(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	u64 *pte = user_pte(mm->pgd, addr, !SHARE_TABLES);
	void *page;

	/* A page already there is read where it is, in a shared table too. */
	if (SHARE_TABLES && !(pte && pte_has_page(*pte)))
		pte = own_pte(mm, addr);
	if (!pte)
		return NULL;
	if (*pte & (_PAGE_PRESENT | _PAGE_PROTNONE))
		return phys_to_virt(*pte & PTE_ADDR_MASK);
	page = alloc_page();
	if (!page)
		return NULL;
	clear_page(page);
	__atomic_store_n(page_ref(page), 1, __ATOMIC_RELAXED);
	*pte = virt_to_phys(page) | page_prot(vma->vm_flags);
	mm->rss++;
	return page;
}

/*
 * Grow the stack region @vma down to cover @addr, within the mm's stack
 * limit and keeping the guard gap above the region below it.
 */
static bool expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long start = addr & ~(PAGE_SIZE - 1);
	struct vm_area_struct *prev;

	if (start < mm->stack_limit)
		return false;
	if (vma->node.prev != &mm->vmas) {
		prev = list_entry(vma->node.prev, struct vm_area_struct, node);
		if (prev->vm_end + STACK_GUARD_GAP > start)
			return false;
	}
	vma->vm_start = start;
	return true;
}

static bool access_permitted(const struct vm_area_struct *vma, unsigned long error_code)
{
	if (error_code & PF_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (error_code & PF_INSTR)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & VM_ACCESS;
}

static enum fault_result do_fault(struct mm_struct *mm, unsigned long addr,
				  unsigned long error_code)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || addr >= TASK_SIZE_MAX)
		return FAULT_MAPERR;
	if (addr < vma->vm_start &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || !expand_stack(mm, vma, addr)))
		return FAULT_MAPERR;
	if (!access_permitted(vma, error_code))
		return FAULT_ACCERR;
	/*
	 * A present page whose region allows the access: a write to a page
	 * shared copy-on-write, or a stale TLB entry (every change to a
	 * region rewrites its entries).  Either way the entry is written
	 * again from the region, so a fault can never repeat forever.
	 */
	if (error_code & PF_PROT) {
		u64 *pte = user_pte(mm->pgd, addr, false);

		if (SHARE_TABLES && pte && (*pte & _PAGE_PRESENT)) {
			pte = own_pte(mm, addr); /* the table first, then the page */
			if (!pte)
				return FAULT_OOM;
		}
		if (pte && (*pte & _PAGE_PRESENT))
			return wp_page_copy(mm, vma, addr & ~(PAGE_SIZE - 1), pte) ? FAULT_HANDLED
										   : FAULT_OOM;
	}
	return map_new_page(mm, vma, addr & ~(PAGE_SIZE - 1)) ? FAULT_HANDLED : FAULT_OOM;
}

/* Under mm->lock: /proc may be walking the tables it fills (<kernel/mm_types.h>). */
enum fault_result handle_mm_fault(struct mm_struct *mm, unsigned long addr,
				  unsigned long error_code)
{
	enum fault_result r;

	spin_lock(&mm->lock);
	r = do_fault(mm, addr, error_code);
	spin_unlock(&mm->lock);
	return r;
}

void free_page_tables(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	u64 *pde;

	list_for_each_entry (vma, &mm->vmas, node)
		for (addr = vma->vm_start & PT_MASK; addr < vma->vm_end; addr += LARGE_PAGE_SIZE) {
			pde = user_pde(mm->pgd, addr, false);
			if (!pde || !(*pde & _PAGE_PRESENT))
				continue;
			put_table(page_of(*pde));
			*pde = 0;
		}
	/* A table dropped while others share it does not say how many pages it held. */
	mm->rss = 0;
}

void *mm_page_kaddr(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	void *page;

	if (!vma || addr < vma->vm_start || !(vma->vm_flags & VM_ACCESS))
		return NULL;
	page = map_new_page(mm, vma, addr & ~(PAGE_SIZE - 1));
	return page ? (char *)page + (addr & (PAGE_SIZE - 1)) : NULL;
}

size_t mm_read_present(struct mm_struct *mm, unsigned long addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		unsigned long at = addr + done;
		size_t chunk = min(len - done, PAGE_SIZE - (at & (PAGE_SIZE - 1)));
		u64 *pte = at < TASK_SIZE_MAX ? user_pte(mm->pgd, at, false) : NULL;

		if (!pte || !(*pte & _PAGE_PRESENT) || !(*pte & _PAGE_USER))
			break;
		memcpy((char *)buf + done, (char *)page_of(*pte) + (at & (PAGE_SIZE - 1)), chunk);
		done += chunk;
	}
	return done;
}

void mm_flush_local(struct mm_struct *mm)
{
	flush_range(mm, 0, TASK_SIZE_MAX);
}

/*
 * Under tasklist_lock: /proc readers take the task's mm under it, and
 * the old one is freed (mmput()) only once they can no longer reach it.
 */
struct mm_struct *switch_user_mm(struct mm_struct *mm)
{
	struct task_struct *p = current;
	struct mm_struct *old;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	old = p->mm;
	p->mm = mm;
	p->thread.cr3 = mm ? virt_to_phys(mm->pgd) : 0;
	write_cr3(p->thread.cr3 ? p->thread.cr3 : virt_to_phys(kernel_pml4));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return old;
}
