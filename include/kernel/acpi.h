/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables: finding one by its signature (drivers/acpi/tables.c).
 *
 * The boot loader hands over a copy of the RSDP; from there the XSDT (or,
 * before ACPI 2.0, the RSDT) lists the physical addresses of the other
 * tables.  All of it is firmware data: every length and checksum is
 * checked before a table is believed, and whatever is refused is reported.
 * The walk reads physical memory only through struct acpi_mem, so that the
 * host tests can hand it a memory image of their own.
 */
#ifndef _KERNEL_ACPI_H
#define _KERNEL_ACPI_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define ACPI_RSDP_V1_SIZE     20
#define ACPI_RSDP_V2_SIZE     36
#define ACPI_ROOT_MAX_ENTRIES 256 /* more than any real machine lists */
#define ACPI_TABLE_MAX_SIZE   (1U << 20)

struct acpi_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum;	   /* of the first 20 bytes */
	char oem_id[6];
	u8 revision; /* 0: ACPI 1.0, 2: 2.0 and later */
	u32 rsdt_address;
	u32 length; /* revision 2 and later: of the whole RSDP */
	u64 xsdt_address;
	u8 extended_checksum; /* of all @length bytes */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length; /* of the whole table, header included */
	u8 revision;
	u8 checksum; /* all bytes of the table add up to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

struct acpi_generic_address {
	u8 space_id; /* 0: system memory */
	u8 bit_width;
	u8 bit_offset;
	u8 access_size;
	u64 address;
} __packed;

struct acpi_table_hpet {
	struct acpi_table_header header;
	u32 block_id;
	struct acpi_generic_address address;
	u8 number;
	u16 minimum_tick;
	u8 page_protection;
} __packed;

/* How the walk reads @len bytes at physical address @phys; NULL if it cannot. */
struct acpi_mem {
	const void *(*map)(const struct acpi_mem *mem, u64 phys, size_t len);
};

/*
 * The table with signature @sig, found from the RSDP copy at @rsdp
 * (@rsdp_len bytes), read through @mem, with its length and checksum
 * checked; NULL if there is none.  Tables, entries and root tables that
 * fail a check are reported (pr_warn) and skipped.
 */
const struct acpi_table_header *acpi_find_table(const struct acpi_mem *mem, const void *rsdp,
						size_t rsdp_len, const char *sig);

/* The kernel's own view: the RSDP from the boot loader, tables through the direct map. */
const struct acpi_table_header *acpi_get_table(const char *sig);

#endif
