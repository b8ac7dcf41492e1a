/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A made-up set of ACPI tables at a made-up physical address, for the
 * table walk's suite (drivers/acpi/tables_test.c) and its host fuzz suite
 * (arch/host/kernel/acpi_fuzz.c): RSDP 2.0, an XSDT and an RSDT listing FACP,
 * APIC and HPET, every checksum right.
 */
#ifndef _DRIVERS_ACPI_TABLES_TEST_H
#define _DRIVERS_ACPI_TABLES_TEST_H

#include <kernel/acpi.h>

#define IMAGE_PHYS   0x000e0000ULL
#define IMAGE_SIZE   0x600
#define XSDT_OFF     0x000
#define RSDT_OFF     0x100
#define FACP_OFF     0x200
#define APIC_OFF     0x300
#define HPET_OFF     0x400
#define IMAGE_TABLES 3

struct acpi_image {
	struct acpi_mem mem; /* maps IMAGE_PHYS.. onto bytes */
	struct acpi_rsdp rsdp;
	u8 bytes[IMAGE_SIZE];
};

/* A valid image; @revision 0 gives a 1.0 RSDP (RSDT only), 2 adds the XSDT. */
void acpi_image_build(struct acpi_image *img, u8 revision);
/* Set the checksum of the table at @off right again. */
void acpi_image_fix_checksum(struct acpi_image *img, size_t off);
/* The RSDP's checksums right again. */
void acpi_image_fix_rsdp(struct acpi_image *img);
/* The table header at @off. */
struct acpi_table_header *acpi_image_table(struct acpi_image *img, size_t off);

#endif
