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
#include <kernel/printk.h>
#include <kernel/sprintf.h>

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

static struct madt_info madt;
static bool have_madt;

const struct madt_info *acpi_madt(void)
{
	return have_madt ? &madt : NULL;
}

/* "0-3", "0,2,4-7": the APIC IDs in MADT order, runs of consecutive IDs joined. */
static void format_apic_ids(char *buf, size_t size, const struct madt_info *m)
{
	size_t pos = 0;
	unsigned int i, j;

	buf[0] = '\0';
	for (i = 0; i < m->nr_cpus; i = j) {
		for (j = i + 1; j < m->nr_cpus && m->cpus[j].apic_id == m->cpus[j - 1].apic_id + 1;
		     j++)
			;
		pos += scnprintf(buf + pos, size - pos, "%s%u", i ? "," : "", m->cpus[i].apic_id);
		if (j - i > 1)
			pos += scnprintf(buf + pos, size - pos, "-%u", m->cpus[j - 1].apic_id);
	}
}

/*
 * Find and parse the MADT, and say in one line what it lists, as Linux's
 * boot log does.  Without one there is one CPU and no I/O APIC.
 */
void acpi_madt_init(void)
{
	const struct acpi_table_header *h = acpi_get_table("APIC");
	char ids[64], addrs[64];
	size_t pos = 0;
	unsigned int i;

	have_madt = h && !acpi_parse_madt(h, h->length, &madt);
	if (!have_madt) {
		pr_info("ACPI: no MADT: one CPU, legacy 8259 PIC\n");
		return;
	}
	format_apic_ids(ids, sizeof(ids), &madt);
	addrs[0] = '\0';
	for (i = 0; i < madt.nr_ioapics; i++)
		pos += scnprintf(addrs + pos, sizeof(addrs) - pos, "%s%#x (GSI base %u)",
				 i ? ", " : " at ", madt.ioapics[i].address,
				 madt.ioapics[i].gsi_base);
	pr_info("ACPI: MADT: %u CPU%s (APIC IDs %s), %u I/O APIC%s%s, %u override%s%s\n",
		madt.nr_cpus, madt.nr_cpus == 1 ? "" : "s", ids, madt.nr_ioapics,
		madt.nr_ioapics == 1 ? "" : "s", addrs, madt.nr_overrides,
		madt.nr_overrides == 1 ? "" : "s",
		madt.flags & ACPI_MADT_PCAT_COMPAT ? ", 8259 PICs" : "");
}
