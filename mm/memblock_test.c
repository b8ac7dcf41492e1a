// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the early memory map on made-up maps: page alignment of what
 * is added and reserved, merging, free ranges as usable minus reserved,
 * and early allocations (highest fit, alignment, the limit).
 */
#include <kernel/bootinfo.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/memblock.h>
#include <kernel/string.h>

#define KiB 1024ULL
#define MiB (1024 * KiB)

static struct memblock mb;

struct ranges {
	struct mem_range r[8];
	size_t n;
};

static void collect(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct ranges *rs = arg;

	if (rs->n < ARRAY_SIZE(rs->r))
		rs->r[rs->n] = (struct mem_range){ start, end };
	rs->n++;
}

static void usable_is_shrunk_to_pages(struct ktest *t)
{
	memblock_clear(&mb, 64 * MiB);
	memblock_add(&mb, 0x1234, 0x5800);
	KTEST_ASSERT_EQ(t, mb.nr_usable, 1);
	KTEST_EXPECT_EQ(t, mb.usable[0].start, 0x2000);
	KTEST_EXPECT_EQ(t, mb.usable[0].end, 0x5000);
	memblock_add(&mb, 0x10100, 0x10f00); /* no whole page: nothing */
	KTEST_EXPECT_EQ(t, mb.nr_usable, 1);
}

static void reserved_is_grown_and_merged(struct ktest *t)
{
	memblock_clear(&mb, 64 * MiB);
	memblock_reserve(&mb, 0x3100, 0x3200);
	KTEST_ASSERT_EQ(t, mb.nr_reserved, 1);
	KTEST_EXPECT_EQ(t, mb.reserved[0].start, 0x3000);
	KTEST_EXPECT_EQ(t, mb.reserved[0].end, 0x4000);
	memblock_reserve(&mb, 0x8000, 0x9000);
	memblock_reserve(&mb, 0x1000, 0x2000);
	KTEST_EXPECT_EQ(t, mb.nr_reserved, 3);
	memblock_reserve(&mb, 0x2000, 0x8000); /* touches all three: one range */
	KTEST_ASSERT_EQ(t, mb.nr_reserved, 1);
	KTEST_EXPECT_EQ(t, mb.reserved[0].start, 0x1000);
	KTEST_EXPECT_EQ(t, mb.reserved[0].end, 0x9000);
}

static void free_is_usable_minus_reserved(struct ktest *t)
{
	struct ranges rs = { .n = 0 };

	memblock_clear(&mb, 64 * MiB);
	memblock_add(&mb, 0, 640 * KiB);
	memblock_add(&mb, 1 * MiB, 128 * MiB);
	memblock_reserve(&mb, 0, 1 * MiB);	 /* low memory */
	memblock_reserve(&mb, 1 * MiB, 3 * MiB); /* "kernel" */
	memblock_reserve(&mb, 10 * MiB, 10 * MiB + 100);
	memblock_for_each_free(&mb, collect, &rs);
	KTEST_ASSERT_EQ(t, rs.n, 2);
	KTEST_EXPECT_EQ(t, rs.r[0].start, 3 * MiB);
	KTEST_EXPECT_EQ(t, rs.r[0].end, 10 * MiB);
	KTEST_EXPECT_EQ(t, rs.r[1].start, 10 * MiB + 4 * KiB);
	KTEST_EXPECT_EQ(t, rs.r[1].end, 128 * MiB);
	KTEST_EXPECT_EQ(t, memblock_free_bytes(&mb), 125 * MiB - 4 * KiB);
	KTEST_EXPECT_EQ(t, memblock_end(&mb), 128 * MiB);
}

static void alloc_takes_highest_fit_below_limit(struct ktest *t)
{
	phys_addr_t a, b;

	memblock_clear(&mb, 16 * MiB);
	memblock_add(&mb, 1 * MiB, 64 * MiB);
	a = memblock_alloc(&mb, 5000, 4 * KiB);
	KTEST_EXPECT_EQ(t, a, 16 * MiB - 8 * KiB); /* two pages, just below the limit */
	b = memblock_alloc(&mb, 4 * KiB, 1 * MiB);
	KTEST_EXPECT_EQ(t, b, 15 * MiB); /* aligned, below the first */
	KTEST_EXPECT_EQ(t, memblock_free_bytes(&mb), 63 * MiB - 12 * KiB);
	KTEST_EXPECT_EQ(t, memblock_alloc(&mb, 64 * MiB, 4 * KiB), 0); /* does not fit */
	KTEST_EXPECT_EQ(t, memblock_alloc(&mb, 0, 4 * KiB), 0);
}

static void full_table_is_an_error(struct ktest *t)
{
	int i, err = 0;

	memblock_clear(&mb, 16 * MiB);
	for (i = 0; i < MEMBLOCK_MAX_RANGES + 1; i++)
		err = memblock_reserve(&mb, i * 8 * KiB, i * 8 * KiB + 4 * KiB);
	KTEST_EXPECT_LT(t, err, 0);
	KTEST_EXPECT_EQ(t, mb.nr_reserved, MEMBLOCK_MAX_RANGES);
}

/*
 * A loader's map whose regions overlap (a hostile or buggy firmware's, in
 * any order): what the map also calls reserved, ACPI or bad is never
 * free, as in Linux's e820 sanitizing, where the other type wins.  A
 * reserved region that touches no available memory takes no table slot.
 */
static void boot_map_overlaps_are_reserved(struct ktest *t)
{
	static struct boot_info bi;
	struct ranges rs = { .n = 0 };

	memset(&bi, 0, sizeof(bi));
	bi.mmap[0] = (struct boot_mem_region){ 4 * MiB, 1 * MiB, 2 };	 /* runtime data */
	bi.mmap[1] = (struct boot_mem_region){ 1 * MiB, 15 * MiB, 1 };	 /* around it */
	bi.mmap[2] = (struct boot_mem_region){ 15 * MiB, 2 * MiB, 4 };	 /* NVS, half in */
	bi.mmap[3] = (struct boot_mem_region){ 0xfee00000, 4 * KiB, 2 }; /* MMIO: apart */
	bi.nr_mmap = 4;
	memblock_clear(&mb, 64 * MiB);
	memblock_add_boot_map(&mb, &bi);
	memblock_for_each_free(&mb, collect, &rs);
	KTEST_ASSERT_EQ(t, rs.n, 2);
	KTEST_EXPECT_EQ(t, rs.r[0].start, 1 * MiB);
	KTEST_EXPECT_EQ(t, rs.r[0].end, 4 * MiB);
	KTEST_EXPECT_EQ(t, rs.r[1].start, 5 * MiB);
	KTEST_EXPECT_EQ(t, rs.r[1].end, 15 * MiB);
	KTEST_EXPECT_EQ(t, mb.nr_reserved, 2);
}

/* Whole pages only: the partial pages at either end are not asked about. */
static void is_free_is_whole_pages_in_one_free_range(struct ktest *t)
{
	memblock_clear(&mb, 64 * MiB);
	memblock_add(&mb, 1 * MiB, 8 * MiB);
	memblock_add(&mb, 8 * MiB, 16 * MiB); /* touches: one range */
	memblock_add(&mb, 32 * MiB, 40 * MiB);
	memblock_reserve(&mb, 2 * MiB, 3 * MiB + 100); /* "kernel" */
	KTEST_EXPECT_TRUE(t, memblock_is_free(&mb, 4 * MiB, 12 * MiB));
	KTEST_EXPECT_TRUE(t, memblock_is_free(&mb, 3 * MiB + 200, 5 * MiB)); /* shared page */
	KTEST_EXPECT_FALSE(t, memblock_is_free(&mb, 3 * MiB - 4 * KiB, 5 * MiB));
	KTEST_EXPECT_FALSE(t, memblock_is_free(&mb, 1 * MiB, 4 * MiB));	    /* over it */
	KTEST_EXPECT_FALSE(t, memblock_is_free(&mb, 12 * MiB, 33 * MiB));   /* a hole */
	KTEST_EXPECT_FALSE(t, memblock_is_free(&mb, 0, 1 * MiB + 4 * KiB)); /* no memory */
	KTEST_EXPECT_TRUE(t, memblock_is_free(&mb, 5 * MiB + 1, 5 * MiB + 4000));
}

/*
 * Modules GRUB would never place, as a hostile or buggy loader might: over
 * the kernel, in a hole of the map, over the information block or another
 * module, a last page that is the kernel's.  Their memory must not go to
 * the allocator when the initramfs is freed.
 */
static void modules_over_memory_in_use_are_not_freeable(struct ktest *t)
{
	static struct boot_info bi;
	static const struct {
		phys_addr_t start, end;
		bool freeable;
	} mods[] = {
		{ 4 * MiB, 6 * MiB + 100, true }, /* its last page the info block's too */
		{ 3 * MiB - 8 * KiB, 3 * MiB + 5 * KiB, false }, /* over the kernel's end */
		{ 2 * MiB - 8 * KiB, 2 * MiB + 100, false },	 /* last page the kernel's */
		{ 15 * MiB, 17 * MiB, false },			 /* past the end of memory */
		{ 6 * MiB + 4 * KiB, 7 * MiB, false },		 /* over the info block */
		{ 8 * MiB, 9 * MiB, false },			 /* over the next one */
		{ 8 * MiB + 4 * KiB, 10 * MiB, false },
		{ 512 * KiB, 600 * KiB, false }, /* the first MiB */
	};
	u32 got = 0, want = 0;
	size_t i;

	memset(&bi, 0, sizeof(bi));
	bi.info_phys = 6 * MiB + 200;
	bi.info_size = 4000;
	for (i = 0; i < ARRAY_SIZE(mods); i++)
		bi.modules[i] = (struct boot_module){ mods[i].start, mods[i].end, "", false };
	bi.nr_modules = ARRAY_SIZE(mods);
	memblock_clear(&mb, 64 * MiB);
	memblock_add(&mb, 0, 640 * KiB);
	memblock_add(&mb, 1 * MiB - 4 * KiB, 16 * MiB);
	memblock_reserve(&mb, 0, 1 * MiB);
	memblock_reserve(&mb, 2 * MiB, 3 * MiB); /* the kernel */
	/* One bit a module, so that a failure names the modules that differ. */
	for (i = 0; i < ARRAY_SIZE(mods); i++) {
		want |= (u32)mods[i].freeable << i;
		got |= (u32)memblock_module_freeable(&mb, &bi, i) << i;
	}
	KTEST_EXPECT_EQ(t, got, want);
}

static const struct ktest_case memblock_cases[] = {
	KTEST_CASE(usable_is_shrunk_to_pages),
	KTEST_CASE(reserved_is_grown_and_merged),
	KTEST_CASE(free_is_usable_minus_reserved),
	KTEST_CASE(alloc_takes_highest_fit_below_limit),
	KTEST_CASE(full_table_is_an_error),
	KTEST_CASE(boot_map_overlaps_are_reserved),
	KTEST_CASE(is_free_is_whole_pages_in_one_free_range),
	KTEST_CASE(modules_over_memory_in_use_are_not_freeable),
	{},
};
KTEST_SUITE(memblock, memblock_cases);
