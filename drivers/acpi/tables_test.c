// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the ACPI table walk on made-up tables (tables_test.h): found
 * through the XSDT and through a 1.0 RSDT, and refused, with a report,
 * when damaged: checksums, lengths past the end or below a header,
 * entries that point back at the root table or repeat, unreadable
 * addresses, a broken XSDT (the RSDT must take over).  Runs in the kernel
 * and on the host.
 */
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include "tables_test.h"

static const void *image_map(const struct acpi_mem *mem, u64 phys, size_t len)
{
	struct acpi_image *img = container_of(mem, struct acpi_image, mem);

	if (phys < IMAGE_PHYS || len > IMAGE_SIZE || phys - IMAGE_PHYS > IMAGE_SIZE - len)
		return NULL;
	return img->bytes + (phys - IMAGE_PHYS);
}

struct acpi_table_header *acpi_image_table(struct acpi_image *img, size_t off)
{
	return (struct acpi_table_header *)(img->bytes + off);
}

static u8 sum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 s = 0;

	while (len--)
		s += *b++;
	return s;
}

void acpi_image_fix_checksum(struct acpi_image *img, size_t off)
{
	struct acpi_table_header *h = acpi_image_table(img, off);

	h->checksum = 0;
	h->checksum = -sum(h, min((size_t)h->length, (size_t)IMAGE_SIZE - off));
}

void acpi_image_fix_rsdp(struct acpi_image *img)
{
	img->rsdp.checksum = 0;
	img->rsdp.checksum = -sum(&img->rsdp, ACPI_RSDP_V1_SIZE);
	img->rsdp.extended_checksum = 0;
	img->rsdp.extended_checksum = -sum(&img->rsdp, sizeof(img->rsdp));
}

static void put_table(struct acpi_image *img, size_t off, const char *sig, u32 len)
{
	struct acpi_table_header *h = acpi_image_table(img, off);

	memcpy(h->signature, sig, 4);
	h->length = len;
	h->revision = 1;
	memcpy(h->oem_id, "KESTRL", 6);
	acpi_image_fix_checksum(img, off);
}

void acpi_image_build(struct acpi_image *img, u8 revision)
{
	static const u32 offs[IMAGE_TABLES] = { FACP_OFF, APIC_OFF, HPET_OFF };
	struct acpi_table_hpet *hpet = (void *)(img->bytes + HPET_OFF);
	unsigned int i;

	memset(img, 0, sizeof(*img));
	img->mem.map = image_map;
	put_table(img, FACP_OFF, "FACP", 116);
	put_table(img, APIC_OFF, "APIC", 44);
	hpet->address.address = 0xfed00000;
	put_table(img, HPET_OFF, "HPET", sizeof(*hpet));
	for (i = 0; i < IMAGE_TABLES; i++) {
		u64 x = IMAGE_PHYS + offs[i];
		u32 r = x;

		memcpy(img->bytes + XSDT_OFF + 36 + 8 * i, &x, 8);
		memcpy(img->bytes + RSDT_OFF + 36 + 4 * i, &r, 4);
	}
	put_table(img, XSDT_OFF, "XSDT", 36 + 8 * IMAGE_TABLES);
	put_table(img, RSDT_OFF, "RSDT", 36 + 4 * IMAGE_TABLES);
	memcpy(img->rsdp.signature, "RSD PTR ", 8);
	img->rsdp.revision = revision;
	img->rsdp.rsdt_address = IMAGE_PHYS + RSDT_OFF;
	img->rsdp.length = sizeof(img->rsdp);
	img->rsdp.xsdt_address = revision >= 2 ? IMAGE_PHYS + XSDT_OFF : 0;
	acpi_image_fix_rsdp(img);
}

static struct acpi_image img;

static const struct acpi_table_header *find(const char *sig)
{
	size_t len = img.rsdp.revision >= 2 ? ACPI_RSDP_V2_SIZE : ACPI_RSDP_V1_SIZE;

	return acpi_find_table(&img.mem, &img.rsdp, len, sig);
}

/* Find @sig with the console muted; was @complaint logged? */
static const struct acpi_table_header *find_reporting(const char *sig, const char *complaint,
						      bool *reported)
{
	const struct acpi_table_header *h;
	u64 since = ktest_mute_console();

	h = find(sig);
	ktest_unmute_console();
	*reported = ktest_log_contains(since, complaint);
	return h;
}

static void found_through_the_xsdt(struct ktest *t)
{
	acpi_image_build(&img, 2);
	KTEST_EXPECT_TRUE(t, find("HPET") == acpi_image_table(&img, HPET_OFF));
	KTEST_EXPECT_TRUE(t, find("APIC") == acpi_image_table(&img, APIC_OFF));
	KTEST_EXPECT_NULL(t, find("SRAT"));
}

static void found_through_a_1_0_rsdt(struct ktest *t)
{
	acpi_image_build(&img, 0);
	KTEST_EXPECT_TRUE(t, find("HPET") == acpi_image_table(&img, HPET_OFF));
}

static void bad_rsdp_is_refused(struct ktest *t)
{
	bool said;

	acpi_image_build(&img, 2);
	img.rsdp.checksum++;
	KTEST_EXPECT_NULL(t, find_reporting("HPET", "RSDP checksum is off", &said));
	KTEST_EXPECT_TRUE(t, said);
	acpi_image_build(&img, 2);
	img.rsdp.signature[0] = 'X';
	KTEST_EXPECT_NULL(t, find_reporting("HPET", "no RSDP", &said));
	KTEST_EXPECT_TRUE(t, said);
	ktest_mute_console();
	KTEST_EXPECT_NULL(t, acpi_find_table(&img.mem, &img.rsdp, 19, "HPET"));
	ktest_unmute_console();
}

static void damaged_table_is_refused(struct ktest *t)
{
	struct acpi_table_header *h;
	bool said;

	acpi_image_build(&img, 2);
	acpi_image_table(&img, HPET_OFF)->oem_id[0] ^= 1; /* checksum now off */
	KTEST_EXPECT_NULL(t, find_reporting("HPET", "HPET at 0xe0400: checksum is off", &said));
	KTEST_EXPECT_TRUE(t, said);

	acpi_image_build(&img, 2);
	h = acpi_image_table(&img, HPET_OFF);
	h->length = 0x300; /* past the image */
	KTEST_EXPECT_NULL(t, find_reporting("HPET", "run past readable memory", &said));
	KTEST_EXPECT_TRUE(t, said);
	h->length = 20; /* shorter than a header */
	KTEST_EXPECT_NULL(t, find_reporting("HPET", "length 20 is impossible", &said));
	KTEST_EXPECT_TRUE(t, said);
}

/* XSDT entries back at the XSDT, repeated, empty, unreadable: skipped, said, rest walked. */
static void bad_entries_are_skipped(struct ktest *t)
{
	u64 *entries = (u64 *)(img.bytes + XSDT_OFF + 36);
	bool said;

	acpi_image_build(&img, 2);
	entries[0] = IMAGE_PHYS + XSDT_OFF;
	acpi_image_fix_checksum(&img, XSDT_OFF);
	KTEST_EXPECT_NOT_NULL(t, find_reporting("HPET", "entry 0 points back at the XSDT", &said));
	KTEST_EXPECT_TRUE(t, said);
	entries[0] = entries[1];
	acpi_image_fix_checksum(&img, XSDT_OFF);
	KTEST_EXPECT_NOT_NULL(t, find_reporting("HPET", "entry 1 repeats entry 0", &said));
	KTEST_EXPECT_TRUE(t, said);
	entries[0] = 0;
	entries[1] = 0x7fff0000;
	acpi_image_fix_checksum(&img, XSDT_OFF);
	KTEST_EXPECT_NOT_NULL(
		t, find_reporting("HPET", "entry 1 at 0x7fff0000 cannot be read", &said));
	KTEST_EXPECT_TRUE(t, said);
	KTEST_EXPECT_NOT_NULL(t, find_reporting("HPET", "entry 0 is empty", &said));
	KTEST_EXPECT_TRUE(t, said);
}

/* A damaged XSDT (or RSDP extension): the RSDT still leads to the tables. */
static void broken_xsdt_falls_back_to_rsdt(struct ktest *t)
{
	bool said;

	acpi_image_build(&img, 2);
	acpi_image_table(&img, XSDT_OFF)->checksum++;
	KTEST_EXPECT_NOT_NULL(t, find_reporting("HPET", "XSDT at 0xe0000: checksum", &said));
	KTEST_EXPECT_TRUE(t, said);
	acpi_image_build(&img, 2);
	img.rsdp.extended_checksum++;
	KTEST_EXPECT_NOT_NULL(t, find_reporting("HPET", "extended checksum", &said));
	KTEST_EXPECT_TRUE(t, said);
	acpi_image_build(&img, 2);
	acpi_image_table(&img, XSDT_OFF)->length = 37; /* half an entry */
	acpi_image_fix_checksum(&img, XSDT_OFF);
	KTEST_EXPECT_NULL(t, find_reporting("HPET", "1 bytes after its last entry", &said));
	KTEST_EXPECT_TRUE(t, said);
}

static const struct ktest_case acpi_tables_cases[] = {
	KTEST_CASE(found_through_the_xsdt),
	KTEST_CASE(found_through_a_1_0_rsdt),
	KTEST_CASE(bad_rsdp_is_refused),
	KTEST_CASE(damaged_table_is_refused),
	KTEST_CASE(bad_entries_are_skipped),
	KTEST_CASE(broken_xsdt_falls_back_to_rsdt),
	{},
};
KTEST_SUITE(acpi_tables, acpi_tables_cases);
