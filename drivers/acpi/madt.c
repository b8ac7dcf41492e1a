// SPDX-License-Identifier: GPL-2.0
/*
 * The MADT ("APIC" table) parser: which CPUs there are, where the local
 * APIC and the I/O APICs live, and how the ISA IRQs are wired to GSIs.
 *
 * The table is firmware data, so it is read as hostile input, as the
 * table walk in tables.c reads the others: the header's length is held to
 * the buffer, the checksum must add up, and each entry is read only once
 * its length says it is all there.  An entry's length is what moves the
 * walk on, so a length of 0 or 1 (which would stand still or land inside
 * the type byte) and an entry running past the table's end stop it: what
 * came before is kept, the rest is reported.  The arrays of struct
 * madt_info have fixed sizes; a firmware listing more keeps the first
 * ones, and says so.
 *
 * Pure: no memory but the buffer and *info, so the host program runs the
 * suite (madt_test.c) under AddressSanitizer.
 */
#define pr_fmt(fmt) "ACPI: MADT: " fmt

#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define MAX_REPORTS 8 /* bad entries reported one by one; then only counted */

/* Minimum lengths of the entries this parser reads (ACPI 6.5, 5.2.12). */
static const u8 entry_min_len[] = {
	[ACPI_MADT_LOCAL_APIC] = 8,	   [ACPI_MADT_IO_APIC] = 12,
	[ACPI_MADT_INT_OVERRIDE] = 10,	   [ACPI_MADT_LOCAL_APIC_NMI] = 6,
	[ACPI_MADT_LAPIC_OVERRIDE] = 12,   [ACPI_MADT_LOCAL_X2APIC] = 16,
	[ACPI_MADT_LOCAL_X2APIC_NMI] = 12,
};

static u8 checksum(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* Little-endian fields at any alignment (the entries pack them so). */
static u16 get16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

static u32 get32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u64 get64(const u8 *p)
{
	return get32(p) | (u64)get32(p + 4) << 32;
}

static __printf(3, 4) void bad_entry(struct madt_info *info, size_t off, const char *fmt, ...)
{
	char why[80];
	va_list args;

	if (++info->bad_entries > MAX_REPORTS)
		return;
	va_start(args, fmt);
	vscnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	pr_warn("entry at offset %zu %s, ignored\n", off, why);
}

int madt_cpu_index(const struct madt_info *info, u32 apic_id)
{
	unsigned int i;

	for (i = 0; i < info->nr_cpus; i++)
		if (info->cpus[i].apic_id == apic_id)
			return i;
	return -1;
}

static void add_cpu(struct madt_info *info, size_t off, u32 uid, u32 apic_id, u32 flags,
		    u32 invalid_id)
{
	if (!(flags & (ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE)))
		return; /* a processor that cannot be used: not an error */
	if (apic_id == invalid_id) {
		bad_entry(info, off, "names APIC ID %#x, which no CPU can have", apic_id);
		return;
	}
	if (madt_cpu_index(info, apic_id) >= 0) {
		bad_entry(info, off, "repeats APIC ID %u", apic_id);
		return;
	}
	if (info->nr_cpus == MADT_MAX_CPUS) {
		info->cpus_dropped++;
		return;
	}
	info->cpus[info->nr_cpus++] = (struct madt_cpu){ .acpi_uid = uid,
							 .apic_id = apic_id,
							 .enabled = flags & ACPI_MADT_ENABLED };
}

static void add_ioapic(struct madt_info *info, size_t off, const u8 *e)
{
	if (info->nr_ioapics == MADT_MAX_IOAPICS) {
		bad_entry(info, off, "is I/O APIC %u of more than %u", e[2], MADT_MAX_IOAPICS);
		return;
	}
	if (!get32(e + 4)) {
		bad_entry(info, off, "puts I/O APIC %u at address 0", e[2]);
		return;
	}
	info->ioapics[info->nr_ioapics++] = (struct madt_ioapic){ .id = e[2],
								  .address = get32(e + 4),
								  .gsi_base = get32(e + 8) };
}

static void add_override(struct madt_info *info, size_t off, const u8 *e)
{
	if (info->nr_overrides == MADT_MAX_OVERRIDES) {
		bad_entry(info, off, "is override %u of more than %u", info->nr_overrides + 1,
			  MADT_MAX_OVERRIDES);
		return;
	}
	info->overrides[info->nr_overrides++] = (struct madt_override){
		.bus = e[2], .source = e[3], .gsi = get32(e + 4), .flags = get16(e + 8)
	};
}

static void add_nmi(struct madt_info *info, size_t off, u32 uid, u16 flags, u8 lint)
{
	if (lint > 1) {
		bad_entry(info, off, "names LINT%u, which no local APIC has", lint);
		return;
	}
	if (info->nr_nmis == MADT_MAX_NMIS) {
		bad_entry(info, off, "is NMI entry %u of more than %u", info->nr_nmis + 1,
			  MADT_MAX_NMIS);
		return;
	}
	info->nmis[info->nr_nmis++] =
		(struct madt_nmi){ .acpi_uid = uid, .lint = lint, .flags = flags };
}

static void parse_entry(struct madt_info *info, size_t off, const u8 *e)
{
	u8 type = e[0], len = e[1];

	if (type >= ARRAY_SIZE(entry_min_len) || !entry_min_len[type])
		return; /* a type this kernel does not use */
	if (len < entry_min_len[type]) {
		bad_entry(info, off, "(type %u) is %u bytes, shorter than its %u", type, len,
			  entry_min_len[type]);
		return;
	}
	switch (type) {
	case ACPI_MADT_LOCAL_APIC:
		add_cpu(info, off, e[2], e[3], get32(e + 4), 0xff);
		break;
	case ACPI_MADT_LOCAL_X2APIC:
		add_cpu(info, off, get32(e + 12), get32(e + 4), get32(e + 8), 0xffffffff);
		break;
	case ACPI_MADT_IO_APIC:
		add_ioapic(info, off, e);
		break;
	case ACPI_MADT_INT_OVERRIDE:
		add_override(info, off, e);
		break;
	case ACPI_MADT_LOCAL_APIC_NMI:
		add_nmi(info, off, e[2] == 0xff ? MADT_NMI_ALL_CPUS : e[2], get16(e + 3), e[5]);
		break;
	case ACPI_MADT_LOCAL_X2APIC_NMI:
		add_nmi(info, off, get32(e + 4), get16(e + 2), e[8]);
		break;
	case ACPI_MADT_LAPIC_OVERRIDE:
		info->lapic_address = get64(e + 4);
		break;
	}
}

int acpi_parse_madt(const void *table, size_t len, struct madt_info *info)
{
	const u8 *t = table;
	size_t off, tlen;
	u8 elen;

	memset(info, 0, sizeof(*info));
	if (!t || len < ACPI_MADT_HEADER_SIZE) {
		pr_warn("%zu bytes, too short for its header; not used\n", t ? len : 0);
		return -EINVAL;
	}
	tlen = get32(t + 4);
	if (memcmp(t, "APIC", 4) || tlen < ACPI_MADT_HEADER_SIZE || tlen > len) {
		pr_warn("signature %.4s, length %zu (of %zu readable): not a MADT; not used\n",
			(const char *)t, tlen, len);
		return -EINVAL;
	}
	if (checksum(t, tlen)) {
		pr_warn("checksum is off by %#x; not used\n", checksum(t, tlen));
		return -EINVAL;
	}
	info->lapic_address = get32(t + 36);
	info->flags = get32(t + 40);
	for (off = ACPI_MADT_HEADER_SIZE; off < tlen; off += elen) {
		elen = tlen - off < 2 ? 0 : t[off + 1];
		if (elen < 2 || elen > tlen - off) {
			pr_warn("entry at offset %zu has length %u, %s; %zu bytes ignored\n", off,
				elen, elen < 2 ? "too short to move on" : "past the table's end",
				tlen - off);
			info->bad_entries++;
			break;
		}
		parse_entry(info, off, t + off);
	}
	if (info->cpus_dropped)
		pr_warn("%u more usable CPUs than the %u kept; the first %u are used\n",
			info->cpus_dropped, MADT_MAX_CPUS, MADT_MAX_CPUS);
	if (info->bad_entries > MAX_REPORTS)
		pr_warn("%u bad entries in all\n", info->bad_entries);
	return 0;
}
