// SPDX-License-Identifier: GPL-2.0
/*
 * The ACPI table walk: from the RSDP the boot loader copied for us, to the
 * root table (XSDT, or RSDT before ACPI 2.0), to the table asked for.
 *
 * Firmware tables are input from outside the kernel, as the Multiboot2
 * information is: each is read only through struct acpi_mem, only as far
 * as its checked length, and believed only once its checksum adds up.  A
 * broken XSDT falls back to the RSDT.  The root table is a flat list, so
 * the walk always ends; entries that point back at a root table (a loop,
 * were the walk recursive), or repeat an earlier entry, are reported and
 * skipped.  No table is written to.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct root {
	const struct acpi_table_header *table;
	u64 phys;
	unsigned int entry_size; /* 8 for the XSDT, 4 for the RSDT */
};

static u8 checksum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

/* Map the whole table at @phys if its header, length and checksum allow it. */
static const struct acpi_table_header *map_table(const struct acpi_mem *mem, u64 phys,
						 const char *what)
{
	const struct acpi_table_header *h = mem->map(mem, phys, sizeof(*h));
	u32 len;

	if (!h) {
		pr_warn("%s at %#llx cannot be read, ignored\n", what, (unsigned long long)phys);
		return NULL;
	}
	len = h->length;
	if (len < sizeof(*h) || len > ACPI_TABLE_MAX_SIZE) {
		pr_warn("%s at %#llx: length %u is impossible, ignored\n", what,
			(unsigned long long)phys, len);
		return NULL;
	}
	h = mem->map(mem, phys, len);
	if (!h) {
		pr_warn("%s at %#llx: its %u bytes run past readable memory, ignored\n", what,
			(unsigned long long)phys, len);
		return NULL;
	}
	if (checksum(h, len)) {
		pr_warn("%s at %#llx: checksum is off by %#x, ignored\n", what,
			(unsigned long long)phys, checksum(h, len));
		return NULL;
	}
	return h;
}

const struct acpi_table_header *acpi_map_table(const struct acpi_mem *mem, u64 phys,
					       const char *sig)
{
	const struct acpi_table_header *h = map_table(mem, phys, sig);

	if (h && memcmp(h->signature, sig, 4)) {
		pr_warn("%s at %#llx has signature %.4s, ignored\n", sig, (unsigned long long)phys,
			h->signature);
		return NULL;
	}
	return h;
}

static bool open_root(const struct acpi_mem *mem, u64 phys, const char *sig, struct root *r)
{
	const struct acpi_table_header *h;

	if (!phys)
		return false;
	h = acpi_map_table(mem, phys, sig);
	if (!h)
		return false;
	r->table = h;
	r->phys = phys;
	r->entry_size = sig[0] == 'X' ? 8 : 4;
	return true;
}

/* The XSDT if the RSDP has a good one, else the RSDT; false if neither. */
static bool find_root(const struct acpi_mem *mem, const struct acpi_rsdp *rsdp, size_t rsdp_len,
		      struct root *r)
{
	if (rsdp_len < ACPI_RSDP_V1_SIZE || memcmp(rsdp->signature, "RSD PTR ", 8)) {
		pr_warn("no RSDP (%zu bytes from the boot loader)\n", rsdp_len);
		return false;
	}
	if (checksum(rsdp, ACPI_RSDP_V1_SIZE)) {
		pr_warn("RSDP checksum is off, no ACPI tables\n");
		return false;
	}
	if (rsdp->revision >= 2 && rsdp_len >= ACPI_RSDP_V2_SIZE) {
		if (rsdp->length < ACPI_RSDP_V2_SIZE || rsdp->length > rsdp_len ||
		    checksum(rsdp, rsdp->length))
			pr_warn("RSDP extended checksum or length is off, XSDT ignored\n");
		else if (open_root(mem, rsdp->xsdt_address, "XSDT", r))
			return true;
	}
	if (open_root(mem, rsdp->rsdt_address, "RSDT", r))
		return true;
	pr_warn("no usable root table\n");
	return false;
}

static u64 root_entry(const struct root *r, unsigned int i)
{
	const u8 *p = (const u8 *)r->table + sizeof(*r->table) + (size_t)i * r->entry_size;
	u64 addr = 0;

	memcpy(&addr, p, r->entry_size); /* little-endian; unaligned in the RSDT */
	return addr;
}

/* Is entry @i of @r one to skip: empty, back at the root, or a repeat? */
static bool bad_entry(const struct root *r, unsigned int i, u64 addr)
{
	unsigned int j;

	if (!addr) {
		pr_warn("%.4s entry %u is empty, ignored\n", r->table->signature, i);
		return true;
	}
	if (addr == r->phys) {
		pr_warn("%.4s entry %u points back at the %.4s (a loop), ignored\n",
			r->table->signature, i, r->table->signature);
		return true;
	}
	for (j = 0; j < i; j++) {
		if (root_entry(r, j) == addr) {
			pr_warn("%.4s entry %u repeats entry %u, ignored\n", r->table->signature, i,
				j);
			return true;
		}
	}
	return false;
}

static unsigned int root_entries(const struct root *r)
{
	size_t bytes = r->table->length - sizeof(*r->table);
	size_t n = bytes / r->entry_size;

	if (bytes % r->entry_size)
		pr_warn("%.4s: %zu bytes after its last entry, ignored\n", r->table->signature,
			bytes % r->entry_size);
	if (n > ACPI_ROOT_MAX_ENTRIES) {
		pr_warn("%.4s lists %zu tables, only the first %u are looked at\n",
			r->table->signature, n, ACPI_ROOT_MAX_ENTRIES);
		n = ACPI_ROOT_MAX_ENTRIES;
	}
	return n;
}

const struct acpi_table_header *acpi_find_table(const struct acpi_mem *mem, const void *rsdp,
						size_t rsdp_len, const char *sig)
{
	const struct acpi_table_header *h;
	struct root r;
	unsigned int i, n;

	if (!rsdp || !find_root(mem, rsdp, rsdp_len, &r))
		return NULL;
	n = root_entries(&r);
	for (i = 0; i < n; i++) {
		u64 addr = root_entry(&r, i);

		if (bad_entry(&r, i, addr))
			continue;
		h = mem->map(mem, addr, sizeof(*h));
		if (!h) {
			pr_warn("%.4s entry %u at %#llx cannot be read, ignored\n",
				r.table->signature, i, (unsigned long long)addr);
			continue;
		}
		if (memcmp(h->signature, sig, 4))
			continue;
		h = map_table(mem, addr, sig);
		if (h)
			return h;
	}
	return NULL;
}
