// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's side of the ACPI table walk: the RSDP copy from the boot
 * loader (struct boot_info), and physical memory through the direct map,
 * which covers all of RAM and so the tables the firmware keeps in it.
 * Anything beyond the direct map is refused rather than mapped.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/acpi.h>
#include <kernel/bootinfo.h>

static const void *direct_map(const struct acpi_mem *mem, u64 phys, size_t len)
{
	if (phys + len < phys || phys + len > direct_map_end)
		return NULL;
	return phys_to_virt(phys);
}

const struct acpi_mem acpi_kernel_mem = { .map = direct_map };

const struct acpi_table_header *acpi_get_table(const char *sig)
{
	return acpi_find_table(&acpi_kernel_mem, boot_info.rsdp_len ? boot_info.rsdp : NULL,
			       boot_info.rsdp_len, sig);
}
