// SPDX-License-Identifier: GPL-2.0
/*
 * Walking and editing 4-level page tables.
 *
 * A walk goes PML4 -> PDPT -> PD -> PT, making missing tables on the way
 * when it maps.  A 2 MiB page that is in the way of a 4 KiB change (a
 * guard page to unmap, a page to protect) is first replaced by a table of
 * 512 small pages that map the same memory with the same flags.
 *
 * Mapping never replaces a mapping: a virtual address that a 4 KiB or a
 * 2 MiB page already maps is refused with -EBUSY, reported with both
 * physical addresses and the caller, and left as it was.  Overwriting a
 * present entry would drop whatever the old page was for (a device's
 * registers, a stack, the direct map) without a trace; a caller that
 * means to move a mapping unmaps it first.
 *
 * Tables come from the frame allocator once it runs; before that, from a
 * small static pool (the guard pages are unmapped that early, in the boot
 * page tables).
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <asm/tlbflush.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/kallsyms.h>
#include <kernel/page_alloc.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define EARLY_POOL_SIZE 4
#define TABLE_FLAGS	(_PAGE_PRESENT | _PAGE_RW)

static u64 early_pool[EARLY_POOL_SIZE][PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static unsigned int early_pool_used;
static bool use_page_alloc;

void pgtable_use_page_alloc(void)
{
	use_page_alloc = true;
}

static u64 *alloc_table(void)
{
	u64 *t;

	if (use_page_alloc)
		t = alloc_page();
	else
		t = early_pool_used < EARLY_POOL_SIZE ? early_pool[early_pool_used++] : NULL;
	if (t)
		memset(t, 0, PAGE_SIZE);
	return t;
}

static u64 *table_of(u64 entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

u64 *current_pml4(void)
{
	return phys_to_virt(read_cr3() & PTE_ADDR_MASK);
}

/*
 * The table that @entry points to, made if missing and @create.  @user
 * (_PAGE_USER or 0): a user page goes below, and the CPU lets ring 3
 * through an entry only if every level above the page allows it too, so
 * the entry gains _PAGE_USER (made or found).  Which ring may reach the
 * page is still its own entry's say: the tables above a user page may
 * also lead to kernel-only pages of the lower half.
 */
static u64 *next_table(u64 *entry, bool create, u64 user)
{
	u64 *t;

	if (*entry & _PAGE_PRESENT) {
		*entry |= user;
		return table_of(*entry);
	}
	if (!create || !(t = alloc_table()))
		return NULL;
	*entry = virt_to_phys(t) | TABLE_FLAGS | user;
	return t;
}

/* The PD entry for @virt, or NULL (missing tables are made if @create). */
static u64 *pd_entry(const u64 *pml4, unsigned long virt, bool create, u64 user)
{
	u64 *pdpt = next_table((u64 *)&pml4[PML4_INDEX(virt)], create, user), *pd;

	/* A user page is mapped in the user tables of the PML4 too (<asm/pti.h>). */
	if (pdpt && user)
		pti_sync_user_pml4e((u64 *)pml4, virt);
	if (!pdpt || (pdpt[PDPT_INDEX(virt)] & _PAGE_PSE))
		return NULL; /* the kernel maps no 1 GiB pages */
	pd = next_table(&pdpt[PDPT_INDEX(virt)], create, user);
	return pd ? &pd[PD_INDEX(virt)] : NULL;
}

/* Replace the 2 MiB page at *@pde by a table of 512 4 KiB pages, same flags. */
static int split_large_page(u64 *pde)
{
	u64 flags = *pde & ~PTE_ADDR_MASK & ~_PAGE_PSE;
	u64 base = *pde & PTE_ADDR_MASK & ~(u64)(LARGE_PAGE_SIZE - 1);
	u64 *pt = alloc_table();
	int i;

	if (!pt)
		return -ENOMEM;
	for (i = 0; i < PTRS_PER_TABLE; i++)
		pt[i] = (base + (u64)i * PAGE_SIZE) | flags;
	*pde = virt_to_phys(pt) | TABLE_FLAGS;
	write_cr3(read_cr3()); /* drop every cached translation of the large page */
	return 0;
}

/* The PT entry for @virt; NULL with *@err set if it cannot be had. */
static u64 *pt_entry(const u64 *pml4, unsigned long virt, bool create, u64 user, int *err)
{
	u64 *pde = pd_entry(pml4, virt, create, user), *pt;

	*err = create ? -ENOMEM : -EINVAL;
	if (!pde)
		return NULL;
	if (*pde & _PAGE_PSE) {
		*err = split_large_page(pde);
		if (*err)
			return NULL;
	}
	pt = next_table(pde, create, user);
	return pt ? &pt[PT_INDEX(virt)] : NULL;
}

/* What is wrong with map_page()'s arguments, or NULL if nothing is. */
static const char *bad_map_args(unsigned long virt, phys_addr_t phys, u64 flags)
{
	if ((unsigned long)((long)(virt << 16) >> 16) != virt)
		return "not a canonical address";
	if (virt & (PAGE_SIZE - 1))
		return "virtual address not page aligned";
	if (phys & ~PTE_ADDR_MASK)
		return "physical address not page aligned or above 2^52";
	if (!(flags & _PAGE_PRESENT) || (flags & (PTE_ADDR_MASK | _PAGE_PSE)))
		return "flags not present, or with address bits or _PAGE_PSE";
	if ((flags & _PAGE_USER) && (long)virt < 0)
		return "_PAGE_USER in the kernel half";
	return NULL;
}

/*
 * Map one 4 KiB page under @pml4, unless the arguments are bad (-EINVAL)
 * or @virt is mapped already (-EBUSY); both reported, naming @caller, and
 * nothing changed.  -ENOMEM if a table cannot be had.
 */
static int map_new_page(u64 *pml4, unsigned long virt, phys_addr_t phys, u64 flags,
			unsigned long caller)
{
	const char *why = bad_map_args(virt, phys, flags);
	char sym[KSYM_SYMBOL_LEN], old_how[64] = "";
	phys_addr_t old;
	u64 old_flags, *pte;
	int err = -EINVAL;

	if (!why && translate_in(pml4, virt, &old, &old_flags)) {
		snprintf(old_how, sizeof(old_how), "already mapped to %#llx%s",
			 (unsigned long long)old, old_flags & _PAGE_PSE ? " by a 2 MiB page" : "");
		why = old_how;
		err = -EBUSY;
	}
	if (why) {
		sprint_backtrace(sym, sizeof(sym), caller);
		pr_err("map_page(%#lx, %#llx): %s; not mapped (called from %s)\n", virt,
		       (unsigned long long)phys, why, sym);
		return err;
	}
	/* nothing maps @virt: no split */
	pte = pt_entry(pml4, virt, true, flags & _PAGE_USER, &err);
	if (!pte)
		return err;
	*pte = phys | flags;
	return 0;
}

int map_page_in(u64 *pml4, unsigned long virt, phys_addr_t phys, u64 flags)
{
	return map_new_page(pml4, virt, phys, flags, (unsigned long)__builtin_return_address(0));
}

int map_large_page_in(u64 *pml4, unsigned long virt, phys_addr_t phys, u64 flags)
{
	u64 *pde = pd_entry(pml4, virt, true, 0);

	if (!pde)
		return -ENOMEM;
	*pde = (phys & PTE_ADDR_MASK) | flags | _PAGE_PSE;
	return 0;
}

int map_page(unsigned long virt, phys_addr_t phys, u64 flags)
{
	int err = map_new_page(current_pml4(), virt, phys, flags,
			       (unsigned long)__builtin_return_address(0));

	if (!err)
		invlpg(virt);
	return err;
}

/*
 * Change the live entry of a mapped 4 KiB page to @value, and drop the
 * old one from the TLBs: now, or with @batch.  A user address is live in
 * this CPU's tables only; a kernel address in every CPU's.
 */
static int set_pte(unsigned long virt, bool keep_address, u64 value, struct tlb_batch *batch)
{
	int err;
	u64 *pte = pt_entry(current_pml4(), virt, false, 0, &err);

	if (!pte)
		return err;
	if (!(*pte & _PAGE_PRESENT))
		return -EINVAL;
	*pte = keep_address ? (*pte & PTE_ADDR_MASK) | value : value;
	if (virt < TASK_SIZE_MAX)
		invlpg(virt);
	else if (batch)
		tlb_batch_add(batch, virt, virt + PAGE_SIZE);
	else
		flush_tlb_kernel_range(virt, virt + PAGE_SIZE);
	return 0;
}

int unmap_page(unsigned long virt)
{
	return set_pte(virt, false, 0, NULL);
}

int unmap_page_batch(unsigned long virt, struct tlb_batch *batch)
{
	return set_pte(virt, false, 0, batch);
}

int protect_page(unsigned long virt, u64 flags)
{
	return set_pte(virt, true, flags, NULL);
}

bool translate_in(const u64 *pml4, unsigned long virt, phys_addr_t *phys, u64 *flags)
{
	u64 *pde = pd_entry(pml4, virt, false, 0), e;

	if (!pde || !(*pde & _PAGE_PRESENT))
		return false;
	if (*pde & _PAGE_PSE) {
		*phys = (*pde & PTE_ADDR_MASK & ~(u64)(LARGE_PAGE_SIZE - 1)) |
			(virt & (LARGE_PAGE_SIZE - 1));
		*flags = *pde & ~PTE_ADDR_MASK;
		return true;
	}
	e = table_of(*pde)[PT_INDEX(virt)];
	if (!(e & _PAGE_PRESENT))
		return false;
	*phys = (e & PTE_ADDR_MASK) | (virt & (PAGE_SIZE - 1));
	*flags = e & ~PTE_ADDR_MASK;
	return true;
}

bool translate(unsigned long virt, phys_addr_t *phys, u64 *flags)
{
	return translate_in(current_pml4(), virt, phys, flags);
}

u64 *user_pte(u64 *pml4, unsigned long virt, bool create)
{
	int err;

	return pt_entry(pml4, virt, create, _PAGE_USER, &err);
}

u64 *user_pde(u64 *pml4, unsigned long virt, bool create)
{
	return pd_entry(pml4, virt, create, _PAGE_USER);
}
