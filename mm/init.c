// SPDX-License-Identifier: GPL-2.0
/*
 * mm_init(): from the boot loader's memory map to a running frame
 * allocator and the kernel's own page tables.
 *
 * What is never handed out: the first MiB (BIOS data, the VGA buffer,
 * real-mode leftovers; UEFI keeps nothing there that the kernel must
 * keep, but one rule for both firmwares is simpler), the kernel image
 * from its load address to _end (code, data, bss, with the boot page
 * tables and stacks), and the boot loader's information block.  Boot
 * modules are reserved until their readers give them back, and only those
 * clear of all that are (memblock_module_freeable()).
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/bootinfo.h>
#include <kernel/memblock.h>
#include <kernel/mm.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>

#define LOW_MEMORY_END 0x100000

static void read_memory_map(struct boot_info *bi)
{
	size_t i;

	memblock_clear(&memblock, BOOT_MAP_SIZE);
	/* First, while the table has room: a hostile map's overlaps could fill it. */
	memblock_reserve(&memblock, 0, LOW_MEMORY_END);
	memblock_reserve(&memblock, KERNEL_LOAD_PHYS, virt_to_phys(_end));
	if (memblock_add_boot_map(&memblock, bi))
		pr_warn("mm: too many memory regions: some memory is left unused or unprotected\n");
	for (i = 0; i < bi->nr_modules; i++)
		bi->modules[i].freeable = memblock_module_freeable(&memblock, bi, i);
	if (bi->info_size &&
	    memblock_reserve(&memblock, bi->info_phys, bi->info_phys + bi->info_size))
		pr_warn("mm: too many reserved ranges: the boot information is not protected\n");
	for (i = 0; i < bi->nr_modules; i++) {
		if (bi->modules[i].end <= bi->modules[i].start)
			continue;
		if (memblock_reserve(&memblock, bi->modules[i].start, bi->modules[i].end)) {
			pr_warn("mm: too many reserved ranges: module %zu is not protected\n", i);
			bi->modules[i].freeable = false;
		} else if (!bi->modules[i].freeable) {
			pr_warn("mm: module %zu at %#llx-%#llx shares memory in use, or is outside "
				"memory: not freed\n",
				i, (unsigned long long)bi->modules[i].start,
				(unsigned long long)bi->modules[i].end);
		} else {
			page_alloc_span_from(bi->modules[i].start); /* freed once read */
		}
	}
}

void mm_init(void)
{
	unsigned long kernel = virt_to_phys(_end) - KERNEL_LOAD_PHYS;

	read_memory_map(&boot_info);
	if (page_alloc_init(&memblock, BOOT_MAP_SIZE))
		panic("mm: no usable memory for the frame allocator");
	pgtable_use_page_alloc();
	paging_init();
	page_alloc_add_above(&memblock, BOOT_MAP_SIZE);
	heap_init();

	pr_info("Memory: %lu MiB available, %lu.%lu MiB kernel (%s frame allocator, %s heap)\n",
		nr_free_pages() >> (20 - PAGE_SHIFT), kernel >> 20, (kernel % (1 << 20)) * 10 >> 20,
		page_alloc_name(), heap_name());
}
