// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the MADT parser (madt.c) on made-up tables: a table of cases,
 * each a list of entries behind a valid header, from a QEMU-like table to
 * hostile ones (entries of length 0 and 1, running past the end, short
 * for their type, repeated or impossible APIC IDs), each held to what it
 * must give and to the complaint it must log.  Then the header's own
 * checks and the fixed maxima.  Runs in the kernel and on the host.
 */
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define LE16(x) ((x)&0xff), (((x) >> 8) & 0xff)
#define LE32(x) LE16((x)&0xffff), LE16(((x) >> 16) & 0xffff)
#define LE64(x) LE32((x)&0xffffffffULL), LE32((x) >> 32)

/* One entry of each kind the parser reads, as the specification lays it out. */
#define LAPIC(uid, id, flags)	  ACPI_MADT_LOCAL_APIC, 8, (uid), (id), LE32(flags)
#define X2APIC(id, flags, uid)	  ACPI_MADT_LOCAL_X2APIC, 16, 0, 0, LE32(id), LE32(flags), LE32(uid)
#define IOAPIC(id, addr, gsi)	  ACPI_MADT_IO_APIC, 12, (id), 0, LE32(addr), LE32(gsi)
#define OVERRIDE(src, gsi, flags) ACPI_MADT_INT_OVERRIDE, 10, 0, (src), LE32(gsi), LE16(flags)
#define NMI(uid, flags, lint)	  ACPI_MADT_LOCAL_APIC_NMI, 6, (uid), LE16(flags), (lint)
#define X2NMI(flags, uid, lint) \
	ACPI_MADT_LOCAL_X2APIC_NMI, 12, LE16(flags), LE32(uid), (lint), 0, 0, 0
#define LAPIC_ADDR64(addr) ACPI_MADT_LAPIC_OVERRIDE, 12, 0, 0, LE64(addr)

#define ENTRIES(...) \
	.entries = (const u8[]){ __VA_ARGS__ }, .len = sizeof((const u8[]){ __VA_ARGS__ })

#define QEMU_LAPIC  0xfee00000U
#define QEMU_IOAPIC 0xfec00000U
#define EN	    ACPI_MADT_ENABLED

struct madt_case {
	const char *name;
	const u8 *entries;
	size_t len;
	unsigned int cpus;
	u32 apic_ids[4]; /* of the first min(cpus, 4) */
	u8 hotplug;	 /* bit i: cpus[i] is online-capable, not enabled */
	unsigned int ioapics, overrides, nmis, bad;
	u64 lapic_address;     /* 0: QEMU_LAPIC, the header's */
	const char *complaint; /* logged, if not NULL */
};

static const struct madt_case madt_cases[] = {
	{ "qemu -smp 4",
	  ENTRIES(LAPIC(0, 0, EN), LAPIC(1, 1, EN), LAPIC(2, 2, EN), LAPIC(3, 3, EN),
		  IOAPIC(0, QEMU_IOAPIC, 0), OVERRIDE(0, 2, 0), OVERRIDE(5, 5, 0xd),
		  OVERRIDE(9, 9, 0xd), OVERRIDE(10, 10, 0xd), OVERRIDE(11, 11, 0xd),
		  NMI(0xff, 0, 1)),
	  .cpus = 4, .apic_ids = { 0, 1, 2, 3 }, .ioapics = 1, .overrides = 5, .nmis = 1 },
	{ "disabled CPU left out, online-capable kept, MADT order",
	  ENTRIES(LAPIC(0, 6, EN), LAPIC(1, 1, 0), LAPIC(2, 2, ACPI_MADT_ONLINE_CAPABLE)),
	  .cpus = 2, .apic_ids = { 6, 2 }, .hotplug = 0x2 },
	{ "x2APIC entries: 32-bit IDs and UIDs, NMI",
	  ENTRIES(X2APIC(0x100, EN, 7), LAPIC(0, 0, EN), X2NMI(0, 0xffffffff, 1)), .cpus = 2,
	  .apic_ids = { 0x100, 0 }, .nmis = 1 },
	{ "64-bit local APIC address", ENTRIES(LAPIC_ADDR64(0x1fee00000ULL), LAPIC(0, 0, EN)),
	  .cpus = 1, .apic_ids = { 0 }, .lapic_address = 0x1fee00000ULL },
	{ "unknown types skipped quietly", ENTRIES(0x7f, 4, 1, 2, 0x0b, 2, LAPIC(0, 0, EN)),
	  .cpus = 1, .apic_ids = { 0 } },
	{ "entry of length 0 ends the walk",
	  ENTRIES(LAPIC(0, 0, EN), ACPI_MADT_LOCAL_APIC, 0, 1, 1, LE32(EN)), .cpus = 1,
	  .apic_ids = { 0 }, .bad = 1, .complaint = "has length 0" },
	{ "entry of length 1 ends the walk",
	  ENTRIES(LAPIC(0, 0, EN), ACPI_MADT_LOCAL_APIC, 1, LAPIC(1, 1, EN)), .cpus = 1,
	  .apic_ids = { 0 }, .bad = 1, .complaint = "has length 1" },
	{ "one byte left after the last entry", ENTRIES(LAPIC(0, 0, EN), ACPI_MADT_IO_APIC),
	  .cpus = 1, .apic_ids = { 0 }, .bad = 1, .complaint = "offset 52 has length 0" },
	{ "entry running past the end",
	  ENTRIES(LAPIC(0, 0, EN), ACPI_MADT_LOCAL_APIC, 200, 1, 1, LE32(EN)), .cpus = 1,
	  .apic_ids = { 0 }, .bad = 1, .complaint = "has length 200, past the table's end" },
	{ "entry short for its type skipped, the walk goes on",
	  ENTRIES(ACPI_MADT_IO_APIC, 6, 0, 0, 0, 0, LAPIC(0, 0, EN)), .cpus = 1, .apic_ids = { 0 },
	  .bad = 1, .complaint = "shorter than its 12" },
	{ "repeated APIC ID", ENTRIES(LAPIC(0, 3, EN), LAPIC(1, 3, EN)), .cpus = 1,
	  .apic_ids = { 3 }, .bad = 1, .complaint = "repeats APIC ID 3" },
	{ "APIC ID 0xff", ENTRIES(LAPIC(0, 0xff, EN), X2APIC(0xffffffff, EN, 1)), .bad = 2,
	  .complaint = "which no CPU can have" },
	{ "NMI on LINT2", ENTRIES(NMI(0xff, 0, 2), NMI(0, 0, 0)), .nmis = 1, .bad = 1,
	  .complaint = "names LINT2" },
	{ "I/O APIC at address 0", ENTRIES(IOAPIC(1, 0, 0)), .bad = 1,
	  .complaint = "at address 0" },
	{ "one stray byte", ENTRIES(0), .bad = 1, .complaint = "offset 44 has length 0" },
};

#define BUF_SIZE (ACPI_MADT_HEADER_SIZE + 16 * 80)
static u8 buf[BUF_SIZE];
static struct madt_info info;

static void put32(u8 *p, u32 v)
{
	memcpy(p, &v, 4);
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

/* A valid MADT of @len bytes of entries at buf + 44; returns its length. */
static size_t build(const u8 *entries, size_t len)
{
	size_t total = ACPI_MADT_HEADER_SIZE + len;

	memset(buf, 0, sizeof(buf));
	memcpy(buf, "APIC", 4);
	put32(buf + 4, total);
	buf[8] = 5;
	memcpy(buf + 10, "KESTRL", 6);
	put32(buf + 36, QEMU_LAPIC);
	put32(buf + 40, ACPI_MADT_PCAT_COMPAT);
	memcpy(buf + ACPI_MADT_HEADER_SIZE, entries, len);
	fix_checksum(buf, total);
	return total;
}

/* Parse @len bytes of buf with the console muted; was @complaint logged? */
static int parse(size_t len, const char *complaint, bool *said)
{
	u64 since = ktest_mute_console();
	int ret = acpi_parse_madt(buf, len, &info);

	ktest_unmute_console();
	*said = complaint && ktest_log_contains(since, complaint);
	return ret;
}

static void madt_table(struct ktest *t)
{
	const struct madt_case *c;
	unsigned int i;
	bool said;

	for (c = madt_cases; c < madt_cases + ARRAY_SIZE(madt_cases); c++) {
		KTEST_ASSERT_TRUE(t, c->len <= BUF_SIZE - ACPI_MADT_HEADER_SIZE);
		KTEST_EXPECT_EQ(t, parse(build(c->entries, c->len), c->complaint, &said), 0);
		KTEST_EXPECT_EQ(t, info.nr_cpus, c->cpus);
		for (i = 0; i < c->cpus && i < ARRAY_SIZE(c->apic_ids); i++) {
			KTEST_EXPECT_EQ(t, info.cpus[i].apic_id, c->apic_ids[i]);
			KTEST_EXPECT_EQ(t, info.cpus[i].enabled, !(c->hotplug & (1U << i)));
		}
		KTEST_EXPECT_EQ(t, info.nr_ioapics, c->ioapics);
		KTEST_EXPECT_EQ(t, info.nr_overrides, c->overrides);
		KTEST_EXPECT_EQ(t, info.nr_nmis, c->nmis);
		KTEST_EXPECT_EQ(t, info.bad_entries, c->bad);
		KTEST_EXPECT_EQ(t, info.lapic_address,
				c->lapic_address ? c->lapic_address : QEMU_LAPIC);
		KTEST_EXPECT_TRUE(t, info.flags & ACPI_MADT_PCAT_COMPAT);
		if (c->complaint)
			KTEST_EXPECT_TRUE(t, said);
		if (t->failed) {
			pr_info("    # %s: in case \"%s\"\n", t->name, c->name);
			return;
		}
	}
}

/* Every field of the QEMU-like table, read back. */
static void madt_fields(struct ktest *t)
{
	bool said;

	parse(build(madt_cases[0].entries, madt_cases[0].len), NULL, &said);
	KTEST_EXPECT_EQ(t, info.cpus[3].acpi_uid, 3);
	KTEST_EXPECT_EQ(t, info.ioapics[0].id, 0);
	KTEST_EXPECT_EQ(t, info.ioapics[0].address, QEMU_IOAPIC);
	KTEST_EXPECT_EQ(t, info.ioapics[0].gsi_base, 0);
	KTEST_EXPECT_EQ(t, info.overrides[0].bus, 0);
	KTEST_EXPECT_EQ(t, info.overrides[0].source, 0);
	KTEST_EXPECT_EQ(t, info.overrides[0].gsi, 2);
	KTEST_EXPECT_EQ(t, info.overrides[1].source, 5);
	KTEST_EXPECT_EQ(t, info.overrides[1].flags & ACPI_MADT_TRIGGER_MASK,
			ACPI_MADT_TRIGGER_LEVEL);
	KTEST_EXPECT_EQ(t, info.overrides[1].flags & ACPI_MADT_POLARITY_MASK,
			ACPI_MADT_POLARITY_HIGH);
	KTEST_EXPECT_EQ(t, info.nmis[0].acpi_uid, MADT_NMI_ALL_CPUS);
	KTEST_EXPECT_EQ(t, info.nmis[0].lint, 1);
	KTEST_EXPECT_EQ(t, madt_cpu_index(&info, 2), 2);
	KTEST_EXPECT_EQ(t, madt_cpu_index(&info, 4), -1);
	parse(build(madt_cases[2].entries, madt_cases[2].len), NULL, &said);
	KTEST_EXPECT_EQ(t, info.cpus[0].acpi_uid, 7);
	KTEST_EXPECT_EQ(t, info.nmis[0].acpi_uid, MADT_NMI_ALL_CPUS);
}

/* The table itself refused: short, wrong signature, lying length, bad checksum. */
static void madt_bad_header(struct ktest *t)
{
	static const u8 one[] = { LAPIC(0, 0, EN) };
	size_t len = build(one, sizeof(one));
	bool said;

	KTEST_EXPECT_EQ(t, parse(len, "not a MADT", &said), 0);
	KTEST_EXPECT_FALSE(t, said);
	KTEST_EXPECT_EQ(t, parse(ACPI_MADT_HEADER_SIZE - 1, "too short", &said), -EINVAL);
	KTEST_EXPECT_TRUE(t, said);
	KTEST_EXPECT_EQ(t, info.nr_cpus, 0);
	KTEST_EXPECT_EQ(t, parse(len - 1, "length 52 (of 51 readable)", &said), -EINVAL);
	KTEST_EXPECT_TRUE(t, said);
	buf[0] = 'X';
	fix_checksum(buf, len);
	KTEST_EXPECT_EQ(t, parse(len, "signature XPIC", &said), -EINVAL);
	KTEST_EXPECT_TRUE(t, said);
	build(one, sizeof(one));
	put32(buf + 4, 20);
	fix_checksum(buf, len);
	KTEST_EXPECT_EQ(t, parse(len, "length 20", &said), -EINVAL);
	KTEST_EXPECT_TRUE(t, said);
	build(one, sizeof(one));
	buf[ACPI_MADT_HEADER_SIZE + 3] = 1; /* APIC ID 1: checksum now off */
	KTEST_EXPECT_EQ(t, parse(len, "checksum is off by 0x1;", &said), -EINVAL);
	KTEST_EXPECT_TRUE(t, said);
	KTEST_EXPECT_EQ(t, info.nr_cpus, 0);
	ktest_mute_console();
	KTEST_EXPECT_EQ(t, acpi_parse_madt(NULL, 100, &info), -EINVAL);
	ktest_unmute_console();
}

/* Past the maxima: the first ones kept, the rest counted and said. */
static void madt_more_than_fits(struct ktest *t)
{
	static u8 entries[(MADT_MAX_CPUS + 6) * 8];
	unsigned int i;
	size_t len;
	bool said;

	for (i = 0; i < MADT_MAX_CPUS + 6; i++) {
		const u8 e[] = { LAPIC(i, i, EN) };

		memcpy(entries + 8 * i, e, 8);
	}
	len = build(entries, sizeof(entries));
	KTEST_EXPECT_EQ(t, parse(len, "6 more usable CPUs than the 64 kept", &said), 0);
	KTEST_EXPECT_TRUE(t, said);
	KTEST_EXPECT_EQ(t, info.nr_cpus, MADT_MAX_CPUS);
	KTEST_EXPECT_EQ(t, info.cpus_dropped, 6);
	KTEST_EXPECT_EQ(t, info.cpus[MADT_MAX_CPUS - 1].apic_id, MADT_MAX_CPUS - 1);

	for (i = 0; i < MADT_MAX_IOAPICS + 1; i++) {
		const u8 e[] = { IOAPIC(i, QEMU_IOAPIC + 0x1000 * i, 24 * i) };

		memcpy(entries + 12 * i, e, 12);
	}
	len = build(entries, 12 * (MADT_MAX_IOAPICS + 1));
	KTEST_EXPECT_EQ(t, parse(len, "I/O APIC 8 of more than 8", &said), 0);
	KTEST_EXPECT_TRUE(t, said);
	KTEST_EXPECT_EQ(t, info.nr_ioapics, MADT_MAX_IOAPICS);
	KTEST_EXPECT_EQ(t, info.ioapics[MADT_MAX_IOAPICS - 1].gsi_base,
			24 * (MADT_MAX_IOAPICS - 1));

	/* 200 short entries: counted all, reported a few, the total said once. */
	for (i = 0; i < 200; i++) {
		entries[2 * i] = ACPI_MADT_LOCAL_APIC;
		entries[2 * i + 1] = 2;
	}
	len = build(entries, 400);
	KTEST_EXPECT_EQ(t, parse(len, "200 bad entries in all", &said), 0);
	KTEST_EXPECT_TRUE(t, said);
	KTEST_EXPECT_EQ(t, info.bad_entries, 200);
}

static const struct ktest_case madt_test_cases[] = {
	KTEST_CASE(madt_table),
	KTEST_CASE(madt_fields),
	KTEST_CASE(madt_bad_header),
	KTEST_CASE(madt_more_than_fits),
	{},
};
KTEST_SUITE(madt, madt_test_cases);
