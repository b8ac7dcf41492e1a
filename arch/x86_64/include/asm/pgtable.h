/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 4-level page tables (arch/x86_64/mm/pgtable.c).
 *
 * Functions ending in _in() work on the tables under any PML4, for
 * building a new address space; the others on the live one (CR3), and
 * flush the TLB entry they change.  Leaf entries carry the permissions:
 * _PAGE_RW for writable, _PAGE_NX for not executable.  Tables in between
 * are always present and writable, so they never restrict anything; the
 * one exception is a user PD entry without _PAGE_RW, which points at a
 * page table that fork() shares between address spaces until one of
 * them writes (CONFIG_FORK_SHARE_TABLES, mm/memory.c).
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <kernel/types.h>

#define _PAGE_PRESENT  (1ULL << 0)
#define _PAGE_RW       (1ULL << 1)
#define _PAGE_USER     (1ULL << 2)
#define _PAGE_PWT      (1ULL << 3) /* write-through */
#define _PAGE_PCD      (1ULL << 4) /* cache disabled */
#define _PAGE_ACCESSED (1ULL << 5)
#define _PAGE_DIRTY    (1ULL << 6)
#define _PAGE_PSE      (1ULL << 7) /* 2 MiB page, in a PD entry */
#define _PAGE_GLOBAL   (1ULL << 8)
#define _PAGE_NX       (1ULL << 63)
/*
 * Software bit (the CPU ignores bits 9-11): an entry of a PROT_NONE user
 * region, not present, whose address is still the page's (mm/memory.c).
 */
#define _PAGE_PROTNONE (1ULL << 9)

/* Permissions for map_page() and protect_page() */
#define PAGE_KERNEL_TEXT (_PAGE_PRESENT)		       /* R X */
#define PAGE_KERNEL_RO	 (_PAGE_PRESENT | _PAGE_NX)	       /* R   */
#define PAGE_KERNEL	 (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX) /* RW  */
#define PAGE_KERNEL_IO	 (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT) /* RW uncached */
#define PAGE_KERNEL_WC	 (PAGE_KERNEL | _PAGE_PWT)	       /* RW write-combining (pat.c) */

#define PTE_ADDR_MASK	0x000ffffffffff000ULL
#define PTRS_PER_TABLE	512
#define LARGE_PAGE_SIZE (1UL << 21)

#define PML4_INDEX(va) (((va) >> 39) & 511)
#define PDPT_INDEX(va) (((va) >> 30) & 511)
#define PD_INDEX(va)   (((va) >> 21) & 511)
#define PT_INDEX(va)   (((va) >> 12) & 511)

/* The first PML4 entry of the kernel half: 256-511 map the kernel, 0-255 the user. */
#define KERNEL_PML4_FIRST (PTRS_PER_TABLE / 2)

/* The live PML4, through the direct map. */
u64 *current_pml4(void);
/* The kernel's own PML4 (paging_init()), which kernel threads run on. */
extern u64 *kernel_pml4;

/*
 * A new address space (arch/x86_64/mm/pgd.c, CONFIG_USER_MODE): a PML4
 * whose kernel half (entries 256-511) is the kernel's own, and whose
 * lower half is empty; NULL without memory.  The kernel half's entries
 * are copied, not shared: every one the kernel uses (the direct map, the
 * run-time area, the image) exists from boot on, before any user task,
 * so the tables below them are shared and later kernel mappings show in
 * every address space.  pgd_free() frees the lower half's page tables
 * (not the frames they map) and the PML4; the address space must not be
 * live on any CPU.  With CONFIG_PAGE_TABLE_ISOLATION the PML4 is 8 KiB
 * and carries the tables user mode runs on (<asm/pti.h>).
 */
u64 *pgd_alloc(void);
void pgd_free(u64 *pgd);

/* A PML4 takes 2^PGD_ORDER pages: with isolation, the user tables are the second. */
#define PGD_ORDER (IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION) ? 1 : 0)

/*
 * Map the 4 KiB page at @virt to @phys with @flags (PAGE_KERNEL...),
 * making page tables as needed.  Never replaces a mapping: if a 4 KiB or
 * a 2 MiB page already maps @virt, it returns -EBUSY and changes nothing
 * (unmap_page() first to move a mapping).  Returns 0, -EBUSY, -EINVAL
 * for a non-canonical or unaligned @virt, an unaligned @phys or one above
 * 2^52, or @flags without _PAGE_PRESENT, with address bits or with
 * _PAGE_PSE (in a 4 KiB entry it would be the PAT bit), or -ENOMEM if a
 * page table cannot be had.
 * -EBUSY and -EINVAL are reported on the console with the caller.
 */
int map_page_in(u64 *pml4, unsigned long virt, phys_addr_t phys, u64 flags);
/*
 * The same for a 2 MiB page; @virt and @phys 2 MiB aligned.  For building
 * new tables: it checks nothing and replaces whatever the PD entry held.
 */
int map_large_page_in(u64 *pml4, unsigned long virt, phys_addr_t phys, u64 flags);

/* map_page_in() on the live tables, and flush the new entry. */
int map_page(unsigned long virt, phys_addr_t phys, u64 flags);
/*
 * Returns 0, -EINVAL if @virt is not mapped, or -ENOMEM to split a large
 * page.  A kernel page is gone from every CPU's TLB when it returns
 * (<asm/tlbflush.h>): call it with interrupts on.
 */
int unmap_page(unsigned long virt);
/* New permissions for a mapped 4 KiB page; errors and flush as unmap_page(). */
int protect_page(unsigned long virt, u64 flags);
struct tlb_batch;
/*
 * unmap_page() that leaves the flush to tlb_batch_flush(@batch): the page
 * may still be reached through stale TLB entries until then, so its frame
 * must not be freed before.
 */
int unmap_page_batch(unsigned long virt, struct tlb_batch *batch);

/*
 * Where @virt is mapped: its physical address and the flags of the entry
 * that maps it (with _PAGE_PSE for a 2 MiB page).  False if not mapped.
 */
bool translate_in(const u64 *pml4, unsigned long virt, phys_addr_t *phys, u64 *flags);
bool translate(unsigned long virt, phys_addr_t *phys, u64 *flags);

/*
 * The page-table entry for the user address @virt under @pml4, with the
 * tables above it made (user-accessible) if @create; NULL if a table is
 * missing, or cannot be had.
 */
u64 *user_pte(u64 *pml4, unsigned long virt, bool create);
/*
 * The PD entry above the user address @virt, the same way: with the
 * PML4, PDPT and PD made (user-accessible) if @create, never the page
 * table it points to.  NULL if a table is missing, or cannot be had.
 */
u64 *user_pde(u64 *pml4, unsigned long virt, bool create);

/* Page tables come from alloc_page() once the frame allocator is up. */
void pgtable_use_page_alloc(void);

/*
 * Where the direct map ends: all RAM once paging_init() has run, the boot
 * tables' first GiB before.
 */
extern phys_addr_t direct_map_end;

/*
 * Map @size bytes of device memory at @phys, uncached, for good; NULL if
 * the ioremap window is full or no page table could be made
 * (arch/x86_64/mm/ioremap.c).
 */
void *ioremap(phys_addr_t phys, size_t size);
/* The same, write-combining: for a framebuffer, which is written in bursts. */
void *ioremap_wc(phys_addr_t phys, size_t size);

/*
 * arch/x86_64/mm/pat.c: make PWT alone mean write-combining (before
 * paging_init() loads the kernel's tables), and check that it does.
 */
void pat_init(void);
bool pat_is_set(void);

#endif
