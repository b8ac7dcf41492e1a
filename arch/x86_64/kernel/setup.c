// SPDX-License-Identifier: GPL-2.0
/*
 * Early x86_64 setup: the first things start_kernel() does.
 *
 * The per-CPU areas come first: GS must point at the boot CPU's before
 * anything keeps per-CPU state there.  The boot code left the first GiB
 * mapped at 0, at KERNEL_VMA and at PAGE_OFFSET.  Once C runs at
 * KERNEL_VMA the low copy only hides bugs (a NULL pointer would read
 * physical memory), so it goes next.  Then the
 * descriptor tables and exception handlers go in, and the guard pages
 * under the stacks come out, so that every later fault explains itself;
 * last, the boot loader's information is read through the direct map.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/sections.h>
#include <asm/stacks.h>
#include <asm/traps.h>
#include <kernel/bootinfo.h>
#include <kernel/printk.h>
#include <kernel/setup.h>

struct boot_info boot_info;

static void remove_identity_map(void)
{
	boot_pml4[0] = 0;
	write_cr3(read_cr3()); /* flush the TLB */
}

static void read_boot_info(phys_addr_t phys)
{
	size_t avail;

	if (phys >= BOOT_MAP_SIZE) {
		pr_err("multiboot2: information at %#llx lies outside the boot mapping\n",
		       (unsigned long long)phys);
		return;
	}
	avail = BOOT_MAP_SIZE - phys;
	if (mb2_parse(phys_to_virt(phys), avail, &boot_info))
		pr_err("multiboot2: malformed boot information, using what could be read\n");
	boot_info.info_phys = phys;
}

/*
 * Exceptions are caught from here on: a fault in anything later is
 * reported instead of resetting the machine.
 */
void setup_arch(phys_addr_t boot_info_phys)
{
	unsigned long ist[NR_IST_STACKS];
	unsigned int i;

	percpu_init();
	remove_identity_map();
	for (i = 0; i < NR_IST_STACKS; i++)
		ist[i] = ist_stack_top(i + 1);
	gdt_init(ist);
	idt_init();
	traps_init();
	if (IS_ENABLED(CONFIG_USER_MODE))
		user_mode_init();
	stacks_init();
	read_boot_info(boot_info_phys);
}

void print_boot_info(void)
{
	const struct boot_info *bi = &boot_info;
	size_t i;

	pr_info("Boot loader: %s, booted by %s firmware\n",
		bi->loader_name ? bi->loader_name : "(unknown)", boot_firmware_name(bi));
	if (bi->efi_mmap_descs)
		pr_info("Memory map: %zu regions (of %zu EFI descriptors), %llu MiB usable\n",
			bi->nr_mmap, bi->efi_mmap_descs,
			(unsigned long long)(boot_mem_available(bi) >> 20));
	else
		pr_info("Memory map: %zu regions, %llu MiB usable\n", bi->nr_mmap,
			(unsigned long long)(boot_mem_available(bi) >> 20));
	if (!IS_ENABLED(CONFIG_DEBUG_BOOT_INFO))
		return;
	if (bi->efi_systab_bits)
		pr_info("EFI system table at %#llx (%u-bit firmware)\n",
			(unsigned long long)bi->efi_systab, bi->efi_systab_bits);
	if (bi->efi_boot_services)
		pr_info("EFI boot services were left running\n");
	pr_info("Boot information at %#llx, %zu bytes\n", (unsigned long long)bi->info_phys,
		bi->info_size);
	if (bi->has_meminfo)
		pr_info("Basic memory: %u KiB lower, %u KiB upper\n", bi->mem_lower_kib,
			bi->mem_upper_kib);
	for (i = 0; i < bi->nr_mmap; i++)
		pr_info("  [mem 0x%016llx-0x%016llx] type %u\n",
			(unsigned long long)bi->mmap[i].addr,
			(unsigned long long)(bi->mmap[i].addr + bi->mmap[i].len - 1),
			bi->mmap[i].type);
}
