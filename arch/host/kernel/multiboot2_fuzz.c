// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite that feeds the Multiboot2 parser mutated copies of
 * a valid information block: random bytes, tag sizes and the total size set
 * to boundary values, and fewer readable bytes than claimed.  Each copy
 * lives in a heap block of exactly the readable size, so AddressSanitizer
 * reports any read past it; the checks below catch results that point
 * outside it.  Fixed seed: every run tries the same blocks.
 */
#include <asm/multiboot2.h>
#include <kernel/bootinfo.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* From the host C library (this file only runs on the host). */
void *malloc(size_t size);
void free(void *ptr);

#define ITERATIONS 200000
#define BLOCK_MAX  512

static u64 rng_state = 0x2026112405121234ULL;

static u64 next_random(void)
{
	return ktest_xorshift64(&rng_state);
}

static size_t add_tag(u8 *buf, size_t len, u32 type, const void *body, u32 body_len)
{
	struct mb2_tag tag = { .type = type, .size = sizeof(tag) + body_len };

	memcpy(buf + len, &tag, sizeof(tag));
	memcpy(buf + len + sizeof(tag), body, body_len);
	return len + ALIGN(tag.size, 8);
}

/*
 * A valid block: command line, loader name, memory info, map, module,
 * unknown tag, and UEFI's: the system table, the EFI memory map (the same
 * memory as tag 6's map, in three 48-byte descriptors), a 32-bit system
 * table and boot services left running (tags 11 and 18, which change how
 * the map converts: the fuzzer reaches both paths).
 */
static size_t build_valid(u8 *buf)
{
	static const u32 meminfo[2] = { 639, 130048 };
	static const u32 mmap[2 + 3 * 6] = {
		24,	   0, 0, 0, 0x9fc00,	0, 1,	    0, 0x100000, 0,
		0x7ee0000, 0, 1, 0, 0xfffc0000, 0, 0x40000, 0, 2,	 0,
	};
	/* mod_start, mod_end, then "initramfs" and its NUL */
	static const u8 module[] = { 0,	  0,   0x30, 0,	  0x45, 0x23, 0x31, 0,	 'i',
				     'n', 'i', 't',  'r', 'a',	'm',  'f',  's', 0 };
	static const u64 efi64 = 0x75eb018;
	static const u32 efi32 = 0x1234; /* after the 64-bit one: it loses */
	/*
	 * descr_size, descr_vers, then each: type, pad, phys, virt, pages,
	 * attribute, and 8 bytes the firmware's descriptors may have beyond
	 */
	static const u32 efi_mmap[2 + 3 * 12] = {
		48, 1, EFI_CONVENTIONAL_MEMORY, 0, 0,	       0, 0, 0, 0x9f,	0, 0xf, 0,
		0,  0, EFI_LOADER_CODE,		0, 0x100000,   0, 0, 0, 0x7ee0, 0, 0xf, 0,
		0,  0, EFI_RESERVED_TYPE,	0, 0xfffc0000, 0, 0, 0, 0x40,	0, 0,	0,
		0,  0,
	};
	size_t len = sizeof(struct mb2_info);
	struct mb2_info hdr = { 0 };

	memset(buf, 0, BLOCK_MAX);
	len = add_tag(buf, len, MB2_TAG_CMDLINE, "loglevel=8 qemu_exit", 21);
	len = add_tag(buf, len, MB2_TAG_LOADER_NAME, "GRUB 2.06", 10);
	len = add_tag(buf, len, MB2_TAG_BASIC_MEMINFO, meminfo, sizeof(meminfo));
	len = add_tag(buf, len, MB2_TAG_MMAP, mmap, sizeof(mmap));
	len = add_tag(buf, len, MB2_TAG_MODULE, module, sizeof(module));
	len = add_tag(buf, len, 21, "\x01\x02\x03", 3);
	len = add_tag(buf, len, MB2_TAG_EFI64, &efi64, sizeof(efi64));
	len = add_tag(buf, len, MB2_TAG_EFI_MMAP, efi_mmap, sizeof(efi_mmap));
	len = add_tag(buf, len, MB2_TAG_EFI32, &efi32, sizeof(efi32));
	len = add_tag(buf, len, MB2_TAG_EFI_BS, NULL, 0);
	len = add_tag(buf, len, MB2_TAG_END, NULL, 0);
	hdr.total_size = len;
	memcpy(buf, &hdr, sizeof(hdr));
	return len;
}

static void mutate(u8 *buf, size_t len)
{
	static const u32 boundary[] = { 0, 1, 7, 8, 9, 15, 16, 24, 0x7fffffff, 0xffffffff };
	int n = 1 + next_random() % 4;

	while (n--) {
		size_t at = next_random() % len;
		u32 val;

		switch (next_random() % 3) {
		case 0:
			buf[at] = next_random();
			break;
		case 1:
			at &= ~3UL;
			val = boundary[next_random() % ARRAY_SIZE(boundary)];
			memcpy(buf + at, &val, min(sizeof(val), len - at));
			break;
		default:
			at &= ~3UL;
			val = next_random() % (len + 16);
			memcpy(buf + at, &val, min(sizeof(val), len - at));
			break;
		}
	}
}

/* A string the parser returned must start and end inside the block. */
static bool string_inside(const char *s, const u8 *buf, size_t avail)
{
	const char *start = (const char *)buf, *end = start + avail;

	return !s || (s >= start && s < end && memchr(s, '\0', end - s));
}

/* Every module kept starts no later than it ends, and its string lies in the block. */
static bool modules_inside(const struct boot_info *bi, const u8 *buf, size_t avail)
{
	size_t i;

	if (bi->nr_modules > BOOT_MODULES_MAX)
		return false;
	for (i = 0; i < bi->nr_modules; i++)
		if (bi->modules[i].end < bi->modules[i].start || !bi->modules[i].string ||
		    !string_inside(bi->modules[i].string, buf, avail))
			return false;
	return true;
}

/* Every region of the map ends after it starts, below 2^64. */
static bool regions_valid(const struct boot_info *bi)
{
	size_t i;

	if (bi->nr_mmap > BOOT_MMAP_MAX)
		return false;
	for (i = 0; i < bi->nr_mmap && bi->efi_mmap_descs; i++)
		if (bi->mmap[i].addr + bi->mmap[i].len < bi->mmap[i].addr)
			return false;
	return true;
}

static void survives_mutated_blocks(struct ktest *t)
{
	static u8 valid[BLOCK_MAX];
	static struct boot_info bi;
	size_t len = build_valid(valid);
	int saved = console_loglevel, i, rejected = 0, bad = 0;

	console_loglevel = 0; /* thousands of expected complaints */
	for (i = 0; i < ITERATIONS && !bad; i++) {
		size_t avail = next_random() % 8 ? len : next_random() % (len + 1);
		u8 *copy = malloc(avail ? avail : 1);

		memcpy(copy, valid, avail);
		if (avail)
			mutate(copy, avail);
		rejected += mb2_parse(copy, avail, &bi) != 0;
		bad += !string_inside(bi.cmdline, copy, avail) ||
		       !string_inside(bi.loader_name, copy, avail) || !regions_valid(&bi) ||
		       bi.info_size > avail || !modules_inside(&bi, copy, avail);
		free(copy);
	}
	console_loglevel = saved;
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, i, ITERATIONS);
	/* The mutations must actually break blocks, or this proves little. */
	KTEST_EXPECT_GT(t, rejected, ITERATIONS / 10);
	KTEST_EXPECT_LT(t, rejected, ITERATIONS);
	pr_info("    # %d mutated blocks, %d rejected as malformed\n", ITERATIONS, rejected);
}

static void valid_block_still_parses(struct ktest *t)
{
	static u8 valid[BLOCK_MAX];
	static struct boot_info bi;
	size_t len = build_valid(valid);

	KTEST_ASSERT_EQ(t, mb2_parse(valid, len, &bi), 0);
	KTEST_EXPECT_STREQ(t, bi.cmdline, "loglevel=8 qemu_exit");
	KTEST_EXPECT_EQ(t, bi.nr_mmap, 3);
	KTEST_EXPECT_EQ(t, bi.efi_mmap_descs, 3);
	KTEST_EXPECT_EQ(t, bi.mmap[1].len, 0x7ee0000);
	KTEST_EXPECT_EQ(t, bi.firmware, BOOT_FIRMWARE_UEFI);
	KTEST_EXPECT_EQ(t, bi.efi_systab, 0x75eb018);
	KTEST_EXPECT_EQ(t, bi.efi_systab_bits, 64);
	KTEST_EXPECT_TRUE(t, bi.efi_boot_services);
	KTEST_ASSERT_EQ(t, bi.nr_modules, 1);
	KTEST_EXPECT_EQ(t, bi.modules[0].start, 0x300000);
	KTEST_EXPECT_EQ(t, bi.modules[0].end, 0x312345);
	KTEST_EXPECT_STREQ(t, bi.modules[0].string, "initramfs");
}

static const struct ktest_case multiboot2_fuzz_cases[] = {
	KTEST_CASE(valid_block_still_parses),
	KTEST_CASE(survives_mutated_blocks),
	{},
};
KTEST_SUITE(multiboot2_fuzz, multiboot2_fuzz_cases);
