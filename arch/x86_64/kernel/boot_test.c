// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of what the boot path promised, read from the live CPU state:
 * long mode with NX, paging with write protection, the kernel in the
 * higher half and the boot identity map gone.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <generated/origin.h>
#include <kernel/bootinfo.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/setup.h>
#include <kernel/string.h>

static void long_mode_with_nx(struct ktest *t)
{
	u64 efer = rdmsr(MSR_EFER);

	KTEST_EXPECT_TRUE(t, efer & EFER_LME);
	KTEST_EXPECT_TRUE(t, efer & EFER_LMA);
	KTEST_EXPECT_TRUE(t, efer & EFER_NXE);
}

static void paging_with_write_protect(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_PE);
	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_PG);
	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_WP);
	KTEST_EXPECT_TRUE(t, read_cr4() & X86_CR4_PAE);
}

static void kernel_runs_in_higher_half(struct ktest *t)
{
	uintptr_t here = (uintptr_t)kernel_runs_in_higher_half;
	uintptr_t stack = (uintptr_t)&here;

	KTEST_EXPECT_GE(t, here - KERNEL_VMA, 0);
	KTEST_EXPECT_TRUE(t, here >= (uintptr_t)_text && here < (uintptr_t)_etext);
	/* The tests run in init, on a task stack in the kernel's half. */
	KTEST_EXPECT_TRUE(t, stack >= 0xffff800000000000UL);
}

static void identity_map_is_gone(struct ktest *t)
{
	const u64 *pml4 = phys_to_virt(read_cr3() & ~0xfffUL);

	KTEST_EXPECT_EQ(t, pml4[0], 0);
	KTEST_EXPECT_TRUE(t, pml4[511] & 1); /* the higher half stays */
}

/* Is physical address @phys inside an available region of the memory map? */
static bool in_available_region(u64 phys)
{
	size_t i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];

		if (r->type == BOOT_MEM_AVAILABLE && phys >= r->addr && phys - r->addr < r->len)
			return true;
	}
	return false;
}
static void boot_loader_information(struct ktest *t)
{
	KTEST_EXPECT_NOT_NULL(t, boot_info.loader_name);
	KTEST_EXPECT_GT(t, boot_info.nr_mmap, 0);
	/* Whatever the machine's size: the map holds what the allocator manages, and us. */
	KTEST_EXPECT_GE(t, boot_mem_available(&boot_info), (u64)nr_managed_pages() << PAGE_SHIFT);
	KTEST_EXPECT_TRUE(t, in_available_region(virt_to_phys(&boot_info)));
	KTEST_EXPECT_GT(t, boot_info.info_size, 0);
	/*
	 * GRUB on UEFI passes the system table and the EFI memory map, and
	 * exits boot services (the header does not ask to keep them); on a
	 * BIOS, no EFI tag at all.  The boot group runs this on both.
	 */
	if (boot_info.firmware == BOOT_FIRMWARE_UEFI) {
		KTEST_EXPECT_NE(t, boot_info.efi_systab, 0);
		KTEST_EXPECT_GT(t, boot_info.efi_mmap_descs, 0);
		KTEST_EXPECT_FALSE(t, boot_info.efi_boot_services);
	} else {
		KTEST_EXPECT_EQ(t, boot_info.efi_systab, 0);
		KTEST_EXPECT_EQ(t, boot_info.efi_mmap_descs, 0);
	}
}

/*
 * GRUB's own layout, on a BIOS and on UEFI: every module lies in free
 * memory clear of the kernel, the information block and the others, so
 * mm_init() lets its reader give it back (not a module over memory in use).
 */
static void modules_are_freeable(struct ktest *t)
{
	size_t i;

	for (i = 0; i < boot_info.nr_modules; i++)
		KTEST_EXPECT_TRUE(t, boot_info.modules[i].freeable);
}

/* The name, then what changed since the defconfig (generated/origin.h, maybe ""). */
static void banner_names_configuration(struct ktest *t)
{
	KTEST_EXPECT_NOT_NULL(t, strstr(kernel_banner, "Kestrel "));
	KTEST_EXPECT_NOT_NULL(t, strstr(kernel_banner, "(" CONFIG_LOCALVERSION ORIGIN_NOTE ")"));
}

static const struct ktest_case boot_cases[] = {
	KTEST_CASE(long_mode_with_nx),		KTEST_CASE(paging_with_write_protect),
	KTEST_CASE(kernel_runs_in_higher_half), KTEST_CASE(identity_map_is_gone),
	KTEST_CASE(boot_loader_information),	KTEST_CASE(modules_are_freeable),
	KTEST_CASE(banner_names_configuration), {},
};
KTEST_SUITE(boot, boot_cases);
