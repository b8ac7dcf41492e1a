// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap(): device registers in the kernel's address space.
 *
 * Device memory (the HPET's registers, later the local APIC's) is not
 * RAM, so the direct map does not cover it, and it must not be cached.
 * A framebuffer is not cached either, but written in bursts: ioremap_wc()
 * maps it write-combining (pat.c).
 * Each mapping takes the next pages of a window of its own at
 * IOREMAP_START, never executable, with an unmapped page
 * after it so that an access past its end faults.  Mappings are made at
 * start-up and kept for good, so the window only grows.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/compiler.h>

static unsigned long ioremap_next = IOREMAP_START;

static void *ioremap_prot(phys_addr_t phys, size_t size, u64 flags)
{
	phys_addr_t start = phys & ~(phys_addr_t)(PAGE_SIZE - 1);
	size_t len, off;
	unsigned long virt = ioremap_next;

	/*
	 * Past the CPU's physical address width (a boot loader's framebuffer
	 * tag says what it likes), the entries would hold reserved bits, and
	 * the first access would fault instead of this returning NULL.
	 */
	if (!size || phys + size < phys || phys + size > 1ULL << cpu_phys_bits())
		return NULL;
	len = ALIGN(phys + size, (phys_addr_t)PAGE_SIZE) - start;
	if (len + PAGE_SIZE > IOREMAP_START + IOREMAP_SIZE - virt)
		return NULL;
	for (off = 0; off < len; off += PAGE_SIZE) {
		if (map_page(virt + off, start + off, flags)) {
			while (off)
				unmap_page(virt + (off -= PAGE_SIZE));
			return NULL;
		}
	}
	ioremap_next += len + PAGE_SIZE; /* and a guard page */
	return (void *)(virt + (phys - start));
}

void *ioremap(phys_addr_t phys, size_t size)
{
	return ioremap_prot(phys, size, PAGE_KERNEL_IO);
}

void *ioremap_wc(phys_addr_t phys, size_t size)
{
	return ioremap_prot(phys, size, PAGE_KERNEL_WC);
}
