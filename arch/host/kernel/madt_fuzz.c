// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite that feeds the MADT parser (drivers/acpi/madt.c)
 * mutated copies of a valid table: random bytes, entry lengths set to 0,
 * 1, 255 or past the end, the table's length cut anywhere, and half the
 * time the checksum made right again, so that the damage reaches the
 * entry walk.  Each table sits in a heap block of exactly its bytes, so
 * AddressSanitizer reports any read past them; what the parser keeps must
 * hold what it promises (counts within the maxima, no repeated APIC ID).
 * Fixed seed.
 */
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/log_buf.h>
#include <kernel/printk.h>
#include <kernel/string.h>

void *malloc(size_t size);
void free(void *ptr);

#define ITERATIONS 100000
#define NR_CPUS_IN 70 /* more than MADT_MAX_CPUS */
#define TABLE_SIZE (ACPI_MADT_HEADER_SIZE + 8 * NR_CPUS_IN + 12 + 10 * 3 + 6 + 16 + 12)

static u64 rng_state = 0x3ad7f0221e55ULL;

static u64 next_random(void)
{
	return ktest_xorshift64(&rng_state);
}

static void put(u8 *t, size_t *off, const u8 *e, size_t len)
{
	memcpy(t + *off, e, len);
	*off += len;
}

static void fix_checksum(u8 *t, size_t len)
{
	u8 sum = 0;
	size_t i;

	t[9] = 0;
	for (i = 0; i < len; i++)
		sum += t[i];
	t[9] = -sum;
}

/* A valid MADT: 70 CPUs, an I/O APIC, three overrides, an NMI, x2APIC entries. */
static void build(u8 *t)
{
	static const u8 ioapic[] = { 1, 12, 0, 0, 0, 0, 0xc0, 0xfe, 0, 0, 0, 0 };
	static const u8 over[] = { 2, 10, 0, 0, 2, 0, 0, 0, 0, 0 };
	static const u8 nmi[] = { 4, 6, 0xff, 0, 0, 1 };
	static const u8 x2[] = { 9, 16, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0 };
	static const u8 x2nmi[] = { 0xa, 12, 0, 0, 0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0 };
	size_t off = ACPI_MADT_HEADER_SIZE;
	unsigned int i;

	memset(t, 0, TABLE_SIZE);
	memcpy(t, "APIC", 4);
	t[4] = TABLE_SIZE & 0xff;
	t[5] = TABLE_SIZE >> 8;
	t[36 + 2] = 0xe0;
	t[36 + 3] = 0xfe;
	t[40] = 1;
	for (i = 0; i < NR_CPUS_IN; i++) {
		const u8 cpu[] = { 0, 8, i, i, 1, 0, 0, 0 };

		put(t, &off, cpu, sizeof(cpu));
	}
	put(t, &off, ioapic, sizeof(ioapic));
	for (i = 0; i < 3; i++)
		put(t, &off, over, sizeof(over));
	put(t, &off, nmi, sizeof(nmi));
	put(t, &off, x2, sizeof(x2));
	put(t, &off, x2nmi, sizeof(x2nmi));
	fix_checksum(t, TABLE_SIZE);
}

static size_t mutate(u8 *t)
{
	static const u8 lengths[] = { 0, 1, 2, 7, 255 };
	size_t len = TABLE_SIZE;
	int n = 1 + next_random() % 4, i;

	for (i = 0; i < n; i++) {
		u64 r = next_random();
		size_t at = ACPI_MADT_HEADER_SIZE + r / 8 % (TABLE_SIZE - ACPI_MADT_HEADER_SIZE);

		switch (r % 4) {
		case 0: /* an entry's length byte, at a CPU entry's place */
			t[ACPI_MADT_HEADER_SIZE + 8 * (r / 8 % NR_CPUS_IN) + 1] =
				lengths[r / 1024 % ARRAY_SIZE(lengths)];
			break;
		case 1:
			len = r / 8 % (TABLE_SIZE + 1);
			break;
		case 2:
			t[at] = r >> 40;
			break;
		default:
			t[r / 8 % 44] ^= 1 << (r / 1024 % 8);
			break;
		}
	}
	if (next_random() % 2)
		fix_checksum(t, TABLE_SIZE);
	if (next_random() % 4 == 0) { /* the header's length agrees with the cut */
		t[4] = len & 0xff;
		t[5] = len >> 8;
		fix_checksum(t, min(len, (size_t)TABLE_SIZE));
	}
	return len;
}

static bool info_ok(const struct madt_info *m)
{
	unsigned int i, j;

	if (m->nr_cpus > MADT_MAX_CPUS || m->nr_ioapics > MADT_MAX_IOAPICS ||
	    m->nr_overrides > MADT_MAX_OVERRIDES || m->nr_nmis > MADT_MAX_NMIS)
		return false;
	for (i = 0; i < m->nr_cpus; i++)
		for (j = 0; j < i; j++)
			if (m->cpus[i].apic_id == m->cpus[j].apic_id)
				return false;
	for (i = 0; i < m->nr_nmis; i++)
		if (m->nmis[i].lint > 1)
			return false;
	return true;
}

static void survives_mutated_madts(struct ktest *t)
{
	static u8 table[TABLE_SIZE];
	static struct madt_info info;
	u64 first_seq = kernel_log.next_seq;
	int saved = console_loglevel, i, parsed = 0, bad = 0, full = 0;

	console_loglevel = 0; /* thousands of expected complaints */
	for (i = 0; i < ITERATIONS && !bad; i++) {
		size_t len;
		u8 *copy;

		build(table);
		len = mutate(table);
		copy = malloc(len ? len : 1);
		memcpy(copy, table, len);
		if (!acpi_parse_madt(copy, len, &info)) {
			parsed++;
			bad += !info_ok(&info);
			full += info.nr_cpus == MADT_MAX_CPUS;
		}
		free(copy);
	}
	console_loglevel = saved;
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, i, ITERATIONS);
	/* The mutations must break tables, and leave some whole, or this proves little. */
	KTEST_EXPECT_GT(t, parsed, ITERATIONS / 10);
	KTEST_EXPECT_LT(t, parsed, ITERATIONS);
	KTEST_EXPECT_GT(t, full, 0);
	KTEST_EXPECT_GT(t, kernel_log.next_seq - first_seq, (u64)ITERATIONS / 2);
	pr_info("    # %d mutated MADTs, %d parsed (%d with %u CPUs), %llu complaints\n",
		ITERATIONS, parsed, full, MADT_MAX_CPUS,
		(unsigned long long)(kernel_log.next_seq - first_seq));
}

static const struct ktest_case madt_fuzz_cases[] = {
	KTEST_CASE(survives_mutated_madts),
	{},
};
KTEST_SUITE(madt_fuzz, madt_fuzz_cases);
