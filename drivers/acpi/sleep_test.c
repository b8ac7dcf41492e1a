// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of what powering off takes: the \_S5 scan of AML bytes
 * (aml_s5.c), written every way AML allows and broken every way it can
 * be, and the FADT's PM1 control ports and DSDT (sleep.c) from ACPI 1.0
 * and 2.0 tables.  Runs in the kernel and on the host, where
 * arch/host/kernel/aml_s5_fuzz.c adds generated and mutated AML.
 */
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

/* Name (_S5, Package (0x04) { Zero, Zero, Zero, Zero }), as QEMU's DSDT has it. */
static const u8 qemu_s5[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00 };

static int scan(const u8 *aml, size_t len, struct acpi_sleep_type *typ)
{
	typ->a = typ->b = 0xee;
	return acpi_aml_find_s5(aml, len, typ);
}

static void finds_qemus_package(struct ktest *t)
{
	struct acpi_sleep_type typ;

	KTEST_EXPECT_EQ(t, scan(qemu_s5, sizeof(qemu_s5), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 0);
	KTEST_EXPECT_EQ(t, typ.b, 0);
}

/* \_S5_, BytePrefix values, and something before and after it. */
static void root_prefix_and_byte_values(struct ktest *t)
{
	static const u8 aml[] = { 0x10, 0x05, 0x5c, 0x00, 0x08, 0x5c, '_',  'S',  '5',
				  '_',	0x12, 0x08, 0x04, 0x0a, 0x05, 0x0a, 0x07, 0x00,
				  0x00, 0x14, 0x08, '_',  'P',	'T',  'S',  0x01 };
	struct acpi_sleep_type typ;

	KTEST_EXPECT_EQ(t, scan(aml, sizeof(aml), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 5);
	KTEST_EXPECT_EQ(t, typ.b, 7);
}

/* PkgLength in 2, 3 and 4 bytes; Word, DWord and QWord constants. */
static void every_length_and_integer_encoding(struct ktest *t)
{
	static const u8 two[] = { 0x08, '_',  'S',  '5',  '_',	0x12, 0x4b, 0x00, 0x02,
				  0x0b, 0x03, 0x00, 0x0c, 0x02, 0x00, 0x00, 0x00 };
	static const u8 three[] = { 0x08, '_',	'S',  '5',  '_',  0x12, 0x8e, 0x00, 0x00, 0x02,
				    0x0e, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 };
	static const u8 four[] = { 0x08, '_',  'S',  '5',  '_',	 0x12, 0xc7,
				   0x00, 0x00, 0x00, 0x02, 0x01, 0x00 };
	struct acpi_sleep_type typ;

	KTEST_EXPECT_EQ(t, scan(two, sizeof(two), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 3);
	KTEST_EXPECT_EQ(t, typ.b, 2);
	KTEST_EXPECT_EQ(t, scan(three, sizeof(three), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 6);
	KTEST_EXPECT_EQ(t, typ.b, 1);
	KTEST_EXPECT_EQ(t, scan(four, sizeof(four), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 1);
	KTEST_EXPECT_EQ(t, typ.b, 0);
}

/* One integer: SLP_TYPa in its low byte, SLP_TYPb in the next (ACPICA's reading). */
static void legacy_single_integer(struct ktest *t)
{
	static const u8 aml[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x05, 0x01, 0x0b, 0x05, 0x03 };
	struct acpi_sleep_type typ;

	KTEST_EXPECT_EQ(t, scan(aml, sizeof(aml), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 5);
	KTEST_EXPECT_EQ(t, typ.b, 3);
}

/* Every prefix of a good object is refused: nothing is read past the end. */
static void truncated_is_refused(struct ktest *t)
{
	struct acpi_sleep_type typ;
	size_t len;

	for (len = 0; len < sizeof(qemu_s5); len++) {
		int err = scan(qemu_s5, len, &typ);

		if (!ktest_check(t, err == -ENOENT || err == -EINVAL, __FILE__, __LINE__,
				 "%zu of %zu bytes gave %d", len, sizeof(qemu_s5), err))
			return;
	}
	KTEST_EXPECT_EQ(t, scan(qemu_s5 + 1, sizeof(qemu_s5) - 1, &typ), -ENOENT);
}

static void broken_packages_are_refused(struct ktest *t)
{
	/* a value that does not fit SLP_TYP's 3 bits, which would set SLP_EN's neighbours */
	static const u8 eight[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x05, 0x02, 0x0a, 0x08, 0x00 };
	/* OnesOp, and a name: not constants a sleep type can be */
	static const u8 ones[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x04, 0x02, 0xff, 0x00 };
	static const u8 name[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x07,
				   0x02, 'A', 'B', 'C', 'D', 0x00 };
	/* a PkgLength past the end of the AML, and one with bits 4-5 set */
	static const u8 long_pkg[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x3f, 0x02, 0x00, 0x00 };
	static const u8 bad_lead[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x70, 0x00, 0x02, 0x00, 0x00
	};
	/* no elements; a package shorter than its two elements */
	static const u8 empty[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x02, 0x00 };
	static const u8 short_pkg[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x03, 0x02, 0x00, 0x00 };
	/* _S5_ in a string, and a method named so: no NameOp, or no package */
	static const u8 string[] = { 0x0d, '_', 'S', '5', '_', 0x00 };
	static const u8 method[] = { 0x14, 0x06, '_', 'S', '5', '_', 0x00, 0xa4, 0x00 };
	static const u8 not_pkg[] = { 0x08, '_', 'S', '5', '_', 0x0a, 0x05 };
	struct acpi_sleep_type typ;

	KTEST_EXPECT_EQ(t, scan(eight, sizeof(eight), &typ), -ERANGE);
	KTEST_EXPECT_EQ(t, scan(ones, sizeof(ones), &typ), -EINVAL);
	KTEST_EXPECT_EQ(t, scan(name, sizeof(name), &typ), -EINVAL);
	KTEST_EXPECT_EQ(t, scan(long_pkg, sizeof(long_pkg), &typ), -EINVAL);
	KTEST_EXPECT_EQ(t, scan(bad_lead, sizeof(bad_lead), &typ), -EINVAL);
	KTEST_EXPECT_EQ(t, scan(empty, sizeof(empty), &typ), -EINVAL);
	KTEST_EXPECT_EQ(t, scan(short_pkg, sizeof(short_pkg), &typ), -EINVAL);
	KTEST_EXPECT_EQ(t, scan(string, sizeof(string), &typ), -ENOENT);
	KTEST_EXPECT_EQ(t, scan(method, sizeof(method), &typ), -ENOENT);
	KTEST_EXPECT_EQ(t, scan(not_pkg, sizeof(not_pkg), &typ), -EINVAL);
	/* a refused object changes nothing */
	KTEST_EXPECT_EQ(t, typ.a, 0xee);
	KTEST_EXPECT_EQ(t, typ.b, 0xee);
}

/* A decoy that cannot be decoded does not hide the real object after it. */
static void decoy_before_the_real_one(struct ktest *t)
{
	u8 aml[sizeof(qemu_s5) + 8] = { 0x08, '_', 'S', '5', '_', 0x12, 0x3f, 0x00 };
	struct acpi_sleep_type typ;

	memcpy(aml + 8, qemu_s5, sizeof(qemu_s5));
	aml[8 + 9] = 0x01; /* Zero -> One */
	KTEST_EXPECT_EQ(t, scan(aml, sizeof(aml), &typ), 0);
	KTEST_EXPECT_EQ(t, typ.a, 0);
	KTEST_EXPECT_EQ(t, typ.b, 1);
}

/* The FADT and the DSDT, at made-up physical addresses, read through a struct acpi_mem. */
#define DSDT_PHYS 0x7f000ULL
#define DSDT_SIZE 64

struct sleep_image {
	struct acpi_mem mem;
	struct acpi_table_fadt fadt;
	u8 dsdt[DSDT_SIZE];
};

static struct sleep_image img;

static const void *sleep_map(const struct acpi_mem *mem, u64 phys, size_t len)
{
	if (phys < DSDT_PHYS || len > DSDT_SIZE || phys - DSDT_PHYS > DSDT_SIZE - len)
		return NULL;
	return img.dsdt + (phys - DSDT_PHYS);
}

static void fix_checksum(void *table)
{
	struct acpi_table_header *h = table;
	u8 *b = table, sum = 0;
	u32 i;

	h->checksum = 0;
	for (i = 0; i < h->length; i++)
		sum += b[i];
	h->checksum = -sum;
}

/* An ACPI 1.0 FADT (116 bytes) or a 2.0 one, and a DSDT holding @aml. */
static void build(bool acpi2, const u8 *aml, size_t aml_len)
{
	struct acpi_table_header *dsdt = (struct acpi_table_header *)img.dsdt;

	memset(&img, 0, sizeof(img));
	img.mem.map = sleep_map;
	memcpy(img.fadt.header.signature, "FACP", 4);
	img.fadt.header.length = acpi2 ? sizeof(img.fadt) : 116;
	img.fadt.dsdt = DSDT_PHYS;
	img.fadt.smi_command = 0xb2;
	img.fadt.acpi_enable = 0xf1;
	img.fadt.pm1a_control_block = 0x604;
	memcpy(dsdt->signature, "DSDT", 4);
	dsdt->length = sizeof(*dsdt) + aml_len;
	memcpy(img.dsdt + sizeof(*dsdt), aml, aml_len);
	fix_checksum(dsdt);
}

static int find_quiet(struct acpi_s5 *s5, const char *complaint, bool *said)
{
	u64 since = ktest_mute_console();
	int err;

	memset(s5, 0, sizeof(*s5));
	err = acpi_find_s5(&img.mem, &img.fadt, s5);
	ktest_unmute_console();
	*said = complaint && ktest_log_contains(since, complaint);
	return err;
}

static void acpi_1_0_fadt(struct ktest *t)
{
	struct acpi_s5 s5;
	bool said;

	build(false, qemu_s5, sizeof(qemu_s5));
	KTEST_ASSERT_EQ(t, find_quiet(&s5, NULL, &said), 0);
	KTEST_EXPECT_EQ(t, s5.pm1a_control, 0x604);
	KTEST_EXPECT_EQ(t, s5.pm1b_control, 0);
	KTEST_EXPECT_EQ(t, s5.smi_command, 0xb2);
	KTEST_EXPECT_EQ(t, s5.acpi_enable, 0xf1);
	KTEST_EXPECT_EQ(t, s5.type.a, 0);
	/* the X_ fields lie past a 1.0 FADT's end: whatever is there is not read */
	img.fadt.x_dsdt = 0xdead0000;
	img.fadt.x_pm1a_control_block.address = 0x1234;
	KTEST_EXPECT_EQ(t, find_quiet(&s5, NULL, &said), 0);
	KTEST_EXPECT_EQ(t, s5.pm1a_control, 0x604);
}

static void acpi_2_0_fadt_prefers_x_fields(struct ktest *t)
{
	static const u8 aml[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x02, 0x0a, 0x05, 0x0a, 0x06
	};
	struct acpi_s5 s5;
	bool said;

	build(true, aml, sizeof(aml));
	img.fadt.dsdt = 0xdead0000;
	img.fadt.x_dsdt = DSDT_PHYS;
	img.fadt.x_pm1a_control_block =
		(struct acpi_generic_address){ .space_id = ACPI_SPACE_SYSTEM_IO, .address = 0x404 };
	img.fadt.pm1b_control_block = 0x408;
	KTEST_ASSERT_EQ(t, find_quiet(&s5, NULL, &said), 0);
	KTEST_EXPECT_EQ(t, s5.pm1a_control, 0x404);
	KTEST_EXPECT_EQ(t, s5.pm1b_control, 0x408);
	KTEST_EXPECT_EQ(t, s5.type.a, 5);
	KTEST_EXPECT_EQ(t, s5.type.b, 6);
}

static void unusable_fadt_is_refused(struct ktest *t)
{
	struct acpi_s5 s5;
	bool said;

	build(true, qemu_s5, sizeof(qemu_s5));
	img.fadt.x_pm1a_control_block = (struct acpi_generic_address){ .address = 0xfed00000 };
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "X_PM1a_CNT_BLK is in address space 0", &said), -ENODEV);
	KTEST_EXPECT_TRUE(t, said);
	build(false, qemu_s5, sizeof(qemu_s5));
	img.fadt.pm1a_control_block = 0x10000;
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "PM1a_CNT_BLK 0x10000 is not an I/O port", &said),
			-ENODEV);
	KTEST_EXPECT_TRUE(t, said);
	img.fadt.pm1a_control_block = 0;
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "no PM1a_CNT_BLK", &said), -ENODEV);
	KTEST_EXPECT_TRUE(t, said);
	build(false, qemu_s5, sizeof(qemu_s5));
	img.fadt.header.length = 68;
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "too short", &said), -ENODEV);
	KTEST_EXPECT_TRUE(t, said);
}

static void unusable_dsdt_is_refused(struct ktest *t)
{
	static const u8 no_s5[] = { 0x08, '_', 'S', '4', '_', 0x12, 0x04, 0x02, 0x00, 0x00 };
	struct acpi_s5 s5;
	bool said;

	build(false, qemu_s5, sizeof(qemu_s5));
	img.dsdt[sizeof(struct acpi_table_header)] ^= 1; /* checksum now off */
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "checksum is off", &said), -ENODEV);
	KTEST_EXPECT_TRUE(t, said);
	build(false, qemu_s5, sizeof(qemu_s5));
	img.fadt.dsdt = 0;
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "no DSDT", &said), -ENODEV);
	KTEST_EXPECT_TRUE(t, said);
	build(false, no_s5, sizeof(no_s5));
	KTEST_EXPECT_EQ(t, find_quiet(&s5, "no \\_S5 package", &said), -ENOENT);
	KTEST_EXPECT_TRUE(t, said);
}

static const struct ktest_case acpi_sleep_cases[] = {
	KTEST_CASE(finds_qemus_package),
	KTEST_CASE(root_prefix_and_byte_values),
	KTEST_CASE(every_length_and_integer_encoding),
	KTEST_CASE(legacy_single_integer),
	KTEST_CASE(truncated_is_refused),
	KTEST_CASE(broken_packages_are_refused),
	KTEST_CASE(decoy_before_the_real_one),
	KTEST_CASE(acpi_1_0_fadt),
	KTEST_CASE(acpi_2_0_fadt_prefers_x_fields),
	KTEST_CASE(unusable_fadt_is_refused),
	KTEST_CASE(unusable_dsdt_is_refused),
	{},
};
KTEST_SUITE(acpi_sleep, acpi_sleep_cases);
