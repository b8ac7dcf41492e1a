// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite for the \_S5 scan (drivers/acpi/aml_s5.c).
 *
 * First, generated AML: a \_S5 package written any way the grammar
 * allows (root prefix or not, a PkgLength of the fewest bytes or more,
 * each element in any integer encoding that holds its value, one to four
 * elements, the one-integer legacy form) between random bytes that hold
 * no NameOp: the scan must give back exactly the values written.  Then
 * the same objects damaged: bytes flipped, the block cut short, decoys
 * put in front.  Each input is a heap block of exactly its length, so
 * AddressSanitizer reports any read past it; whatever the scan accepts
 * must fit SLP_TYP's 3 bits.  Fixed seed.
 */
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

void *malloc(size_t size);
void free(void *ptr);

#define ITERATIONS 200000
#define AML_MAX	   96

static u64 rng_state = 0x55aa5eed2026ULL;

static u64 next_random(void)
{
	return ktest_xorshift64(&rng_state);
}

struct aml_buf {
	u8 bytes[AML_MAX];
	size_t len;
};

static void put(struct aml_buf *b, u8 byte)
{
	if (b->len < AML_MAX)
		b->bytes[b->len++] = byte;
}

/* Random filler with no NameOp, so that it cannot start an object of its own. */
static void put_filler(struct aml_buf *b, unsigned int n)
{
	while (n--) {
		u8 byte = next_random();

		put(b, byte == 0x08 ? 0x10 : byte);
	}
}

/* @val as some integer encoding wide enough for it. */
static void put_integer(struct aml_buf *b, u64 val)
{
	static const u8 prefixes[] = { 0x0a, 0x0b, 0x0c, 0x0e };
	static const unsigned int widths[] = { 1, 2, 4, 8 };
	unsigned int i = next_random() % 4, k;

	if (val <= 1 && next_random() % 2) {
		put(b, val); /* ZeroOp, OneOp */
		return;
	}
	if (val > 0xff && i == 0)
		i = 1;
	put(b, prefixes[i]);
	for (k = 0; k < widths[i]; k++)
		put(b, val >> (8 * k));
}

/* PkgLength @len (counting its own bytes) in @follow extra bytes, or fewer if it must. */
static void put_pkg_length(struct aml_buf *b, unsigned int body, unsigned int follow)
{
	unsigned int len = body + 1 + follow, k;

	if (!follow) {
		put(b, len);
		return;
	}
	put(b, follow << 6 | (len & 0x0f));
	for (k = 0; k < follow; k++)
		put(b, len >> (4 + 8 * k));
}

/* A \_S5 package holding @a and @b; returns where it starts. */
static size_t put_s5(struct aml_buf *b, u8 a, u8 bval)
{
	struct aml_buf body = { .len = 0 };
	unsigned int count = 1 + next_random() % 4, i, follow;
	size_t start = b->len;

	put(&body, count);
	if (count == 1) {
		put_integer(&body, a | (u64)bval << 8);
	} else {
		put_integer(&body, a);
		put_integer(&body, bval);
		for (i = 2; i < count; i++)
			put_integer(&body, next_random() % 8);
	}
	follow = body.len + 1 > 0x3f ? 1 + next_random() % 3 : next_random() % 4;
	put(b, 0x08);
	if (next_random() % 2)
		put(b, 0x5c);
	put(b, '_');
	put(b, 'S');
	put(b, '5');
	put(b, '_');
	put(b, 0x12);
	put_pkg_length(b, body.len, follow);
	for (i = 0; i < body.len; i++)
		put(b, body.bytes[i]);
	return start;
}

/* Scan @len bytes of @b from a heap block of exactly that size. */
static int scan_exact(const struct aml_buf *b, size_t len, struct acpi_sleep_type *typ)
{
	u8 *copy = malloc(len ? len : 1);
	int err;

	memcpy(copy, b->bytes, len);
	err = acpi_aml_find_s5(copy, len, typ);
	free(copy);
	return err;
}

static void generated_packages_decode_exactly(struct ktest *t)
{
	int i, wrong = 0;

	for (i = 0; i < ITERATIONS && !wrong; i++) {
		struct aml_buf b = { .len = 0 };
		struct acpi_sleep_type typ = { 0xee, 0xee };
		u8 a = next_random() % 8, bval = next_random() % 8;
		int err;

		put_filler(&b, next_random() % 16);
		put_s5(&b, a, bval);
		put_filler(&b, next_random() % 16);
		err = scan_exact(&b, b.len, &typ);
		if (err || typ.a != a || typ.b != bval) {
			wrong++;
			ktest_check(t, false, __FILE__, __LINE__,
				    "case %d: wrote %u/%u, the scan gave %d and %u/%u", i, a, bval,
				    err, typ.a, typ.b);
		}
	}
	KTEST_EXPECT_EQ(t, wrong, 0);
}

static void damaged_packages_are_read_safely(struct ktest *t)
{
	int i, found = 0, refused = 0, bad = 0;

	for (i = 0; i < ITERATIONS; i++) {
		struct aml_buf b = { .len = 0 };
		struct acpi_sleep_type typ = { 0xee, 0xee };
		unsigned int flips = next_random() % 4, k;
		size_t len;

		if (next_random() % 2) /* a decoy in front: an object cut short */
			b.len = put_s5(&b, 0, 1) + 6 + next_random() % 3;
		put_s5(&b, next_random() % 8, next_random() % 8);
		for (k = 0; k < flips; k++)
			b.bytes[next_random() % b.len] ^= 1 << (next_random() % 8);
		len = next_random() % 4 ? b.len : next_random() % (b.len + 1);
		if (!scan_exact(&b, len, &typ)) {
			found++;
			bad += typ.a > 7 || typ.b > 7;
		} else {
			refused++;
			bad += typ.a != 0xee || typ.b != 0xee;
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	/* the damage must both break objects and leave some whole, or this proves little */
	KTEST_EXPECT_GT(t, found, ITERATIONS / 10);
	KTEST_EXPECT_GT(t, refused, ITERATIONS / 10);
	pr_info("    # %d damaged objects: %d decoded, %d refused\n", ITERATIONS, found, refused);
}

static const struct ktest_case aml_s5_fuzz_cases[] = {
	KTEST_CASE(generated_packages_decode_exactly),
	KTEST_CASE(damaged_packages_are_read_safely),
	{},
};
KTEST_SUITE(aml_s5_fuzz, aml_s5_fuzz_cases);
