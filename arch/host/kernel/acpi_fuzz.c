// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite that feeds the ACPI table walk mutated copies of
 * a valid set of tables (drivers/acpi/tables_test.h): random bytes, the
 * root tables' entries pointed back at the root tables, lengths set to
 * boundary values, and half the time the checksums made right again, so
 * that the damage reaches the checks behind them.  Every map() returns a
 * fresh heap block of exactly the bytes asked for, so AddressSanitizer
 * reports any read past what the walk mapped; a table the walk returns
 * must be one it mapped whole, with a good checksum.  Fixed seed.
 */
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/log_buf.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "tables_test.h"

void *malloc(size_t size);
void free(void *ptr);

#define ITERATIONS 100000
#define MAX_MAPS   (ACPI_ROOT_MAX_ENTRIES + 8)

struct fuzz_image {
	struct acpi_image img;
	struct acpi_mem mem; /* hands out exact-size copies */
	void *maps[MAX_MAPS];
	size_t sizes[MAX_MAPS];
	int nr_maps;
};

static u64 rng_state = 0xac91dead2026ULL;

static u64 next_random(void)
{
	return ktest_xorshift64(&rng_state);
}

static const void *copy_map(const struct acpi_mem *mem, u64 phys, size_t len)
{
	struct fuzz_image *f = container_of(mem, struct fuzz_image, mem);
	const u8 *src = f->img.mem.map(&f->img.mem, phys, len);
	void *copy;

	if (!src || f->nr_maps == MAX_MAPS)
		return NULL;
	copy = malloc(len ? len : 1);
	memcpy(copy, src, len);
	f->maps[f->nr_maps] = copy;
	f->sizes[f->nr_maps++] = len;
	return copy;
}

static void free_maps(struct fuzz_image *f)
{
	while (f->nr_maps)
		free(f->maps[--f->nr_maps]);
}

static void mutate(struct fuzz_image *f)
{
	static const u32 lengths[] = { 0, 1, 35, 36, 37, 44, 0x5ff, 0x600, 0xffffffff };
	struct acpi_image *img = &f->img;
	u64 *xsdt = (u64 *)(img->bytes + XSDT_OFF + 36);
	int n = 1 + next_random() % 4, i;

	for (i = 0; i < n; i++) {
		u64 r = next_random();

		switch (r % 4) {
		case 0:
			((u8 *)&img->rsdp)[r / 4 % sizeof(img->rsdp)] ^= 1 << (r / 256 % 8);
			break;
		case 1:
			xsdt[r / 4 % IMAGE_TABLES] =
				IMAGE_PHYS + (r / 64 % 2 ? XSDT_OFF : RSDT_OFF);
			break;
		case 2:
			acpi_image_table(img, (r / 4 % 5) * 0x100)->length =
				lengths[r / 64 % ARRAY_SIZE(lengths)];
			break;
		default:
			img->bytes[r / 4 % IMAGE_SIZE] = r >> 32;
			break;
		}
	}
	if (next_random() % 2) {
		for (i = 0; i < 5; i++)
			acpi_image_fix_checksum(img, i * 0x100);
		acpi_image_fix_rsdp(img);
	}
}

/* A table the walk returned: mapped whole by it, signature and checksum right. */
static bool returned_table_ok(const struct fuzz_image *f, const struct acpi_table_header *h)
{
	const u8 *b = (const u8 *)h;
	u8 sum = 0;
	size_t i;
	int m;

	for (m = 0; m < f->nr_maps && f->maps[m] != h; m++)
		;
	if (m == f->nr_maps || f->sizes[m] < sizeof(*h) || h->length > f->sizes[m])
		return false;
	for (i = 0; i < h->length; i++)
		sum += b[i];
	return !sum && !memcmp(h->signature, "HPET", 4);
}

static void survives_mutated_tables(struct ktest *t)
{
	static struct fuzz_image f;
	u64 first_seq = kernel_log.next_seq;
	int saved = console_loglevel, i, found = 0, bad = 0;

	console_loglevel = 0; /* thousands of expected complaints */
	for (i = 0; i < ITERATIONS && !bad; i++) {
		const struct acpi_table_header *h;

		acpi_image_build(&f.img, next_random() % 4 ? 2 : 0);
		f.mem.map = copy_map;
		mutate(&f);
		h = acpi_find_table(&f.mem, &f.img.rsdp,
				    next_random() % 8 ? sizeof(f.img.rsdp) : next_random() % 37,
				    "HPET");
		found += !!h;
		bad += h && !returned_table_ok(&f, h);
		free_maps(&f);
	}
	console_loglevel = saved;
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, i, ITERATIONS);
	/* The mutations must break tables, and leave some whole, or this proves little. */
	KTEST_EXPECT_GT(t, found, ITERATIONS / 20);
	KTEST_EXPECT_LT(t, found, ITERATIONS);
	KTEST_EXPECT_GT(t, kernel_log.next_seq - first_seq, (u64)ITERATIONS / 2);
	pr_info("    # %d mutated table sets, HPET found in %d, %llu rejections reported\n",
		ITERATIONS, found, (unsigned long long)(kernel_log.next_seq - first_seq));
}

static const struct ktest_case acpi_fuzz_cases[] = {
	KTEST_CASE(survives_mutated_tables),
	{},
};
KTEST_SUITE(acpi_fuzz, acpi_fuzz_cases);
