// SPDX-License-Identifier: GPL-2.0
/*
 * The page attribute table: which memory type a mapping has.
 *
 * A page table entry's PAT, PCD and PWT bits pick one of the eight
 * entries of the IA32_PAT MSR.  At power-on entry 1 (PWT alone) is
 * write-through, which nothing here wants; as Linux does, it becomes
 * write-combining, so that PAGE_KERNEL_WC (PWT without PCD) maps a
 * framebuffer whose stores the CPU gathers into bursts, instead of
 * sending each one across the bus on its own as an uncached mapping
 * does.  Entry 3 (PCD and PWT) stays uncached, for device registers
 * (PAGE_KERNEL_IO), and entry 0 write-back, for memory.  The upper four
 * entries, picked only with the PAT bit the kernel never sets, repeat the
 * lower four.
 *
 * Every x86_64 CPU has the PAT.  It is written before paging_init() loads
 * the kernel's page tables, while no mapping uses entry 1, so no cached
 * line or TLB entry of the old type can remain (Intel SDM vol. 3, 12.12.4).
 */
#include <asm/cpu.h>
#include <asm/pgtable.h>

#define MSR_IA32_PAT 0x277

#define PAT_UC	     0ULL /* uncached */
#define PAT_WC	     1ULL /* write-combining */
#define PAT_WB	     6ULL /* write-back */
#define PAT_UC_MINUS 7ULL /* uncached, unless an MTRR says write-combining */

#define PAT(index, type) ((type) << (index)*8)

#define KESTREL_PAT                                                                \
	(PAT(0, PAT_WB) | PAT(1, PAT_WC) | PAT(2, PAT_UC_MINUS) | PAT(3, PAT_UC) | \
	 PAT(4, PAT_WB) | PAT(5, PAT_WC) | PAT(6, PAT_UC_MINUS) | PAT(7, PAT_UC))

void pat_init(void)
{
	wrmsr(MSR_IA32_PAT, KESTREL_PAT);
}

bool pat_is_set(void)
{
	return rdmsr(MSR_IA32_PAT) == KESTREL_PAT;
}
