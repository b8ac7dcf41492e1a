// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the Multiboot2 parser on information blocks built here: a good
 * one, and one broken in each way the parser must catch.  The broken
 * blocks must be rejected *and* reported, so each case checks the log.
 * The EFI tags (system table, memory map, boot services) as GRUB passes
 * them on UEFI, and hostile EFI memory maps, are here too.
 */
#include <asm/multiboot2.h>
#include <kernel/bootinfo.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

struct mb2_builder {
	u8 buf[4096] __aligned(8); /* room for an EFI map of 80 descriptors */
	size_t len;
};

static struct mb2_builder mb;
static struct boot_info bi;

static void mb_begin(void)
{
	memset(&mb, 0, sizeof(mb));
	mb.len = sizeof(struct mb2_info);
}

static void *mb_tag(u32 type, u32 size)
{
	struct mb2_tag *tag = (void *)(mb.buf + mb.len);

	tag->type = type;
	tag->size = size;
	mb.len += ALIGN((size_t)size, 8);
	return tag;
}

static void mb_string(u32 type, const char *s)
{
	struct mb2_tag_string *tag = mb_tag(type, sizeof(struct mb2_tag) + strlen(s) + 1);

	memcpy(tag->string, s, strlen(s) + 1);
}

static void mb_mmap(size_t count, u32 entry_size)
{
	struct mb2_tag_mmap *m = mb_tag(MB2_TAG_MMAP, sizeof(*m) + count * entry_size);
	size_t i;

	m->entry_size = entry_size;
	for (i = 0; i < count; i++) {
		struct mb2_mmap_entry *e = (void *)((u8 *)m->entries + i * entry_size);

		e->addr = i << 20;
		e->len = 1 << 20;
		e->type = i % 2 ? MB2_MEMORY_RESERVED : MB2_MEMORY_AVAILABLE;
	}
}

static void mb_finish(bool end_tag)
{
	if (end_tag)
		mb_tag(MB2_TAG_END, 8);
	((struct mb2_info *)mb.buf)->total_size = mb.len;
}

/* Parse with the consoles muted; returns mb2_parse()'s result. */
static int parse(size_t avail, u64 *since)
{
	int ret;

	*since = ktest_mute_console();
	ret = mb2_parse(mb.buf, avail, &bi);
	ktest_unmute_console();
	return ret;
}

static void valid_information_is_parsed(struct ktest *t)
{
	struct mb2_tag_meminfo *mi;
	u64 since;

	mb_begin();
	mb_string(MB2_TAG_CMDLINE, "loglevel=8 qemu_exit");
	mb_string(MB2_TAG_LOADER_NAME, "test loader");
	mi = mb_tag(MB2_TAG_BASIC_MEMINFO, sizeof(*mi));
	mi->mem_lower = 639;
	mi->mem_upper = 130048;
	mb_tag(99, 12); /* unknown tags are skipped */
	mb_mmap(3, sizeof(struct mb2_mmap_entry));
	mb_finish(true);

	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_STREQ(t, bi.cmdline, "loglevel=8 qemu_exit");
	KTEST_EXPECT_STREQ(t, bi.loader_name, "test loader");
	KTEST_EXPECT_TRUE(t, bi.has_meminfo);
	KTEST_EXPECT_EQ(t, bi.mem_upper_kib, 130048);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, 3);
	KTEST_EXPECT_EQ(t, bi.mmap[2].addr, 2 << 20);
	KTEST_EXPECT_EQ(t, boot_mem_available(&bi), 2 << 20);
	KTEST_EXPECT_EQ(t, bi.info_size, mb.len);
}

static void missing_end_tag_is_reported(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_string(MB2_TAG_CMDLINE, "x");
	mb_finish(false);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), -EINVAL);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "no end tag"));
}

static void short_tag_is_reported(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_tag(MB2_TAG_CMDLINE, 4);
	mb.len += 4;
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), -EINVAL);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "size 4 is below 8"));
	KTEST_EXPECT_NULL(t, bi.cmdline);
}

static void tag_past_the_end_is_reported(struct ktest *t)
{
	struct mb2_tag *tag;
	u64 since;

	mb_begin();
	tag = mb_tag(MB2_TAG_LOADER_NAME, 16);
	mb_finish(true);
	tag->size = 4000;
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), -EINVAL);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "runs past the end"));
	KTEST_EXPECT_NULL(t, bi.loader_name);
}

static void size_beyond_readable_is_reported(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_string(MB2_TAG_CMDLINE, "x");
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len - 1, &since), -EINVAL);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "claims"));
	KTEST_EXPECT_EQ(t, parse(4, &since), -EINVAL);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "truncated"));
}

static void unterminated_string_is_ignored(struct ktest *t)
{
	struct mb2_tag_string *s;
	u64 since;

	mb_begin();
	s = mb_tag(MB2_TAG_CMDLINE, sizeof(*s) + 8);
	memcpy(s->string, "12345678", 8);
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_NULL(t, bi.cmdline);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "not NUL-terminated"));
}

static void bad_mmap_entry_size_is_ignored(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_mmap(2, 20);
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, 0);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "entry size 20 is invalid"));
}

static void long_mmap_is_truncated(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_mmap(BOOT_MMAP_MAX + 6, sizeof(struct mb2_mmap_entry));
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, BOOT_MMAP_MAX);
	KTEST_EXPECT_TRUE(t, bi.mmap_truncated);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "only the first 64"));
}

static void mb_module(u32 start, u32 end, const char *string)
{
	struct mb2_tag_module *m = mb_tag(MB2_TAG_MODULE, sizeof(*m) + strlen(string) + 1);

	m->mod_start = start;
	m->mod_end = end;
	memcpy(m->string, string, strlen(string) + 1);
}

static void modules_are_parsed(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_module(0x200000, 0x200000, "empty");
	mb_module(0x300000, 0x312345, "initramfs");
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_ASSERT_EQ(t, bi.nr_modules, 2);
	KTEST_EXPECT_EQ(t, bi.modules[1].start, 0x300000);
	KTEST_EXPECT_EQ(t, bi.modules[1].end, 0x312345);
	KTEST_EXPECT_STREQ(t, bi.modules[1].string, "initramfs");
	KTEST_EXPECT_TRUE(t, boot_find_module(&bi, "initramfs") == &bi.modules[1]);
	/* No module of that name: the first one, as Linux takes the first as its initrd. */
	KTEST_EXPECT_TRUE(t, boot_find_module(&bi, "other") == &bi.modules[0]);
	mb_begin();
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_NULL(t, boot_find_module(&bi, "initramfs"));
}

static void bad_modules_are_ignored(struct ktest *t)
{
	struct mb2_tag_module *m;
	u64 since;

	mb_begin();
	mb_module(0x300000, 0x2fffff, "backwards");
	m = mb_tag(MB2_TAG_MODULE, sizeof(*m) + 4);
	memcpy(m->string, "abcd", 4);
	mb_tag(MB2_TAG_MODULE, sizeof(*m));
	mb_module(0x400000, 0x401000, "good");
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_ASSERT_EQ(t, bi.nr_modules, 1);
	KTEST_EXPECT_STREQ(t, bi.modules[0].string, "good");
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "ends before it starts"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "module ignored"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "module tag too short"));
}

static void many_modules_are_truncated(struct ktest *t)
{
	u64 since;
	int i;

	mb_begin();
	for (i = 0; i < BOOT_MODULES_MAX + 3; i++)
		mb_module(i << 20, (i << 20) + 100, "m");
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.nr_modules, BOOT_MODULES_MAX);
	KTEST_EXPECT_TRUE(t, bi.modules_truncated);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "the rest ignored"));
}

static struct mb2_tag_framebuffer *mb_framebuffer(u8 type, u32 size)
{
	struct mb2_tag_framebuffer *f = mb_tag(MB2_TAG_FRAMEBUFFER, size);

	f->addr = 0xfd000000;
	f->pitch = 4096;
	f->width = 1024;
	f->height = 768;
	f->bpp = 32;
	f->type = type;
	if (size >= sizeof(*f)) {
		f->red_pos = 16;
		f->red_size = 8;
		f->green_pos = 8;
		f->green_size = 8;
		f->blue_pos = 0;
		f->blue_size = 8;
	}
	return f;
}

static void framebuffer_tag_is_parsed(struct ktest *t)
{
	struct mb2_tag_framebuffer *f;
	u64 since;

	mb_begin();
	mb_framebuffer(MB2_FB_RGB, sizeof(*f));
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_ASSERT_TRUE(t, bi.has_fb);
	KTEST_EXPECT_EQ(t, bi.fb.addr, 0xfd000000);
	KTEST_EXPECT_EQ(t, bi.fb.pitch, 4096);
	KTEST_EXPECT_EQ(t, bi.fb.width, 1024);
	KTEST_EXPECT_EQ(t, bi.fb.height, 768);
	KTEST_EXPECT_EQ(t, bi.fb.bpp, 32);
	KTEST_EXPECT_EQ(t, bi.fb.type, BOOT_FB_RGB);
	KTEST_EXPECT_EQ(t, bi.fb.red_pos, 16);
	KTEST_EXPECT_EQ(t, bi.fb.green_size, 8);
	KTEST_EXPECT_EQ(t, bi.fb.blue_pos, 0);

	/* VGA text: no color fields, and none made up */
	mb_begin();
	f = mb_framebuffer(MB2_FB_EGA_TEXT, MB2_FB_COMMON_SIZE);
	f->addr = 0xb8000;
	f->width = 80;
	f->height = 25;
	f->pitch = 160;
	f->bpp = 16;
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_ASSERT_TRUE(t, bi.has_fb);
	KTEST_EXPECT_EQ(t, bi.fb.type, BOOT_FB_EGA_TEXT);
	KTEST_EXPECT_EQ(t, bi.fb.width, 80);
	KTEST_EXPECT_EQ(t, bi.fb.red_size, 0);
}

/* A tag too short for what its type says it holds is left out, with a message. */
static void short_framebuffer_tag_is_ignored(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_framebuffer(MB2_FB_EGA_TEXT, MB2_FB_COMMON_SIZE - 8);
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_FALSE(t, bi.has_fb);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "framebuffer tag too short (24 bytes)"));

	mb_begin();
	mb_framebuffer(MB2_FB_RGB, MB2_FB_COMMON_SIZE);
	mb_finish(true);
	KTEST_EXPECT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_FALSE(t, bi.has_fb);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "too short for its color fields"));
}

/* An EFI memory map tag of descriptors of @descr_size bytes; fill with efi_set(). */
static struct mb2_tag_efi_mmap *mb_efi_mmap(size_t count, u32 descr_size, u32 version)
{
	struct mb2_tag_efi_mmap *m =
		mb_tag(MB2_TAG_EFI_MMAP, sizeof(*m) + count * (size_t)descr_size);

	m->descr_size = descr_size;
	m->descr_vers = version;
	return m;
}

static void efi_set(struct mb2_tag_efi_mmap *m, size_t i, u32 type, u64 addr, u64 pages)
{
	struct efi_memory_desc *d = (void *)(m->efi_mmap + i * m->descr_size);

	d->type = type;
	d->phys_addr = addr;
	d->virt_addr = 0;
	d->num_pages = pages;
	d->attribute = 0xf; /* UC WC WT WB: what OVMF gives RAM */
}

/* A map as OVMF's starts, 48-byte descriptors, every type the kernel converts. */
static void mb_ovmf_like_map(void)
{
	struct mb2_tag_efi_mmap *m = mb_efi_mmap(10, 48, 1);

	efi_set(m, 0, EFI_BOOT_SERVICES_CODE, 0, 1);
	efi_set(m, 1, EFI_CONVENTIONAL_MEMORY, 0x1000, 0x9f); /* merged with 0 */
	efi_set(m, 2, EFI_LOADER_CODE, 0x100000, 0x10);
	efi_set(m, 3, EFI_BOOT_SERVICES_DATA, 0x110000, 0x10); /* merged with 2 */
	efi_set(m, 4, EFI_ACPI_RECLAIM_MEMORY, 0x120000, 1);
	efi_set(m, 5, EFI_ACPI_MEMORY_NVS, 0x121000, 1);
	efi_set(m, 6, EFI_RUNTIME_SERVICES_DATA, 0x122000, 1);
	efi_set(m, 7, EFI_UNUSABLE_MEMORY, 0x123000, 1);
	efi_set(m, 8, 0x70000001, 0x124000, 1); /* an OEM type: reserved */
	efi_set(m, 9, EFI_LOADER_DATA, 0x200000, 0x100);
}

static void efi_tags_name_the_firmware(struct ktest *t)
{
	struct mb2_tag_efi32 *e32;
	struct mb2_tag_efi64 *e64;
	u64 since;

	mb_begin();
	mb_mmap(3, sizeof(struct mb2_mmap_entry));
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.firmware, BOOT_FIRMWARE_BIOS);
	KTEST_EXPECT_STREQ(t, boot_firmware_name(&bi), "BIOS");
	KTEST_EXPECT_EQ(t, bi.efi_systab_bits, 0);

	mb_begin();
	e64 = mb_tag(MB2_TAG_EFI64, sizeof(*e64));
	e64->pointer = 0x75eb018;
	e32 = mb_tag(MB2_TAG_EFI32, sizeof(*e32)); /* after the 64-bit one: it loses */
	e32->pointer = 0x1234;
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.firmware, BOOT_FIRMWARE_UEFI);
	KTEST_EXPECT_STREQ(t, boot_firmware_name(&bi), "UEFI");
	KTEST_EXPECT_EQ(t, bi.efi_systab, 0x75eb018);
	KTEST_EXPECT_EQ(t, bi.efi_systab_bits, 64);
	KTEST_EXPECT_FALSE(t, bi.efi_boot_services);

	mb_begin();
	e32 = mb_tag(MB2_TAG_EFI32, sizeof(*e32));
	e32->pointer = 0x1234;
	mb_tag(MB2_TAG_EFI_BS, 8);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.firmware, BOOT_FIRMWARE_UEFI);
	KTEST_EXPECT_EQ(t, bi.efi_systab, 0x1234);
	KTEST_EXPECT_EQ(t, bi.efi_systab_bits, 32);
	KTEST_EXPECT_TRUE(t, bi.efi_boot_services);

	/* Too short to hold the pointer: not read, not taken as UEFI. */
	mb_begin();
	mb_tag(MB2_TAG_EFI64, 12);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.firmware, BOOT_FIRMWARE_BIOS);
	KTEST_EXPECT_EQ(t, bi.efi_systab, 0);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "EFI system table tag type 12 too short"));
}

static void efi_mmap_is_the_memory_map(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_ovmf_like_map();
	mb_mmap(3, sizeof(struct mb2_mmap_entry)); /* tag 6 after it changes nothing */
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.efi_mmap_descs, 10);
	KTEST_EXPECT_EQ(t, bi.firmware, BOOT_FIRMWARE_UEFI);
	KTEST_ASSERT_EQ(t, bi.nr_mmap, 8);
	KTEST_EXPECT_EQ(t, bi.mmap[0].addr, 0);
	KTEST_EXPECT_EQ(t, bi.mmap[0].len, 0xa0000);
	KTEST_EXPECT_EQ(t, bi.mmap[0].type, MB2_MEMORY_AVAILABLE);
	KTEST_EXPECT_EQ(t, bi.mmap[1].addr, 0x100000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].len, 0x20000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].type, MB2_MEMORY_AVAILABLE);
	KTEST_EXPECT_EQ(t, bi.mmap[2].type, MB2_MEMORY_ACPI);
	KTEST_EXPECT_EQ(t, bi.mmap[3].type, MB2_MEMORY_NVS);
	KTEST_EXPECT_EQ(t, bi.mmap[4].type, MB2_MEMORY_RESERVED);
	KTEST_EXPECT_EQ(t, bi.mmap[5].type, MB2_MEMORY_BADRAM);
	KTEST_EXPECT_EQ(t, bi.mmap[6].type, MB2_MEMORY_RESERVED);
	/* Not merged with 6, though both are reserved: there is a hole between. */
	KTEST_EXPECT_EQ(t, bi.mmap[7].addr, 0x200000);
	KTEST_EXPECT_EQ(t, bi.mmap[7].len, 0x100000);
	KTEST_EXPECT_EQ(t, boot_mem_available(&bi), 0xa0000 + 0x20000 + 0x100000);
	KTEST_EXPECT_FALSE(t, bi.mmap_truncated);
}

/* Tag 18 after the map: boot-services memory is still the firmware's. */
static void efi_boot_services_keep_their_memory(struct ktest *t)
{
	u64 since;

	mb_begin();
	mb_ovmf_like_map();
	mb_tag(MB2_TAG_EFI_BS, 8);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_TRUE(t, bi.efi_boot_services);
	KTEST_ASSERT_EQ(t, bi.nr_mmap, 10);
	KTEST_EXPECT_EQ(t, bi.mmap[0].type, MB2_MEMORY_RESERVED);
	KTEST_EXPECT_EQ(t, bi.mmap[1].len, 0x9f000);
	KTEST_EXPECT_EQ(t, bi.mmap[3].type, MB2_MEMORY_RESERVED);
	KTEST_EXPECT_EQ(t, boot_mem_available(&bi), 0x9f000 + 0x10000 + 0x100000);
}

static void hostile_efi_mmap_is_refused(struct ktest *t)
{
	static const u32 bad[][2] = { { 32, 1 }, { 44, 1 }, { 0x80000000, 1 }, { 48, 2 } };
	struct mb2_tag_efi_mmap *m;
	u64 since;
	size_t i;

	/* Each bad header leaves tag 6's map (2 MiB of which 1 available) in place. */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		mb_begin();
		mb_mmap(2, sizeof(struct mb2_mmap_entry));
		m = mb_efi_mmap(2, 48, bad[i][1]);
		efi_set(m, 0, EFI_CONVENTIONAL_MEMORY, 0, 0x10000);
		m->descr_size = bad[i][0];
		mb_finish(true);
		KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
		KTEST_EXPECT_EQ(t, bi.nr_mmap, 2);
		KTEST_EXPECT_EQ(t, bi.efi_mmap_descs, 0);
		KTEST_EXPECT_EQ(t, boot_mem_available(&bi), 1 << 20);
		KTEST_EXPECT_TRUE(t,
				  ktest_log_contains(since, bad[i][1] == 1 ? "descriptor size"
									   : "version 2 is not 1"));
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "EFI map ignored"));
	}

	mb_begin();
	mb_mmap(2, sizeof(struct mb2_mmap_entry));
	mb_tag(MB2_TAG_EFI_MMAP, 12);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, 2);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "EFI memory map tag too short"));

	/* Descriptors that are no memory range are dropped, one by one. */
	mb_begin();
	m = mb_efi_mmap(4, 48, 1);
	efi_set(m, 0, EFI_CONVENTIONAL_MEMORY, 0x100800, 1);		      /* not page-aligned */
	efi_set(m, 1, EFI_CONVENTIONAL_MEMORY, 0xfffffffffff00000ULL, 0x101); /* wraps */
	efi_set(m, 2, EFI_CONVENTIONAL_MEMORY, 0x200000, 0);		      /* empty */
	efi_set(m, 3, EFI_CONVENTIONAL_MEMORY, 0x300000, 0x100);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_ASSERT_EQ(t, bi.nr_mmap, 1);
	KTEST_EXPECT_EQ(t, bi.mmap[0].addr, 0x300000);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "descriptor 0: 0x1 pages at 0x100800"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "descriptor 1: 0x101 pages"));
	KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "descriptor 2"));

	/* None usable: tag 6's map stays. */
	mb_begin();
	mb_mmap(2, sizeof(struct mb2_mmap_entry));
	m = mb_efi_mmap(1, 48, 1);
	efi_set(m, 0, EFI_CONVENTIONAL_MEMORY, 0x123, 1);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, 2);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "no usable descriptor"));
}

static void long_efi_mmap_is_truncated(struct ktest *t)
{
	struct mb2_tag_efi_mmap *m;
	u64 since;
	size_t i;

	/* Alternating types, so that nothing merges; 56-byte descriptors. */
	mb_begin();
	m = mb_efi_mmap(BOOT_MMAP_MAX + 6, 56, 1);
	for (i = 0; i < BOOT_MMAP_MAX + 6; i++)
		efi_set(m, i, i % 2 ? EFI_RUNTIME_SERVICES_CODE : EFI_CONVENTIONAL_MEMORY, i << 20,
			0x100);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, BOOT_MMAP_MAX);
	KTEST_EXPECT_TRUE(t, bi.mmap_truncated);
	KTEST_EXPECT_EQ(t, bi.mmap[BOOT_MMAP_MAX - 1].addr, (u64)(BOOT_MMAP_MAX - 1) << 20);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "more than 64 regions"));
}

/*
 * RAM by its type but not by its attributes: memory that cannot be
 * cached write-back, or that the firmware set aside for a specific
 * purpose (EFI_MEMORY_SP, such as a device's high-bandwidth memory), is
 * not the allocator's.  Linux's do_add_efi_memmap() makes both reserved.
 */
static void efi_attributes_keep_ram_from_the_allocator(struct ktest *t)
{
	struct mb2_tag_efi_mmap *m;
	u64 since;

	mb_begin();
	m = mb_efi_mmap(4, 48, 1);
	efi_set(m, 0, EFI_CONVENTIONAL_MEMORY, 0x100000, 0x100);
	efi_set(m, 1, EFI_CONVENTIONAL_MEMORY, 0x200000, 0x100);
	((struct efi_memory_desc *)(m->efi_mmap + 1 * 48))->attribute = EFI_MEMORY_UC;
	efi_set(m, 2, EFI_BOOT_SERVICES_DATA, 0x300000, 0x100);
	((struct efi_memory_desc *)(m->efi_mmap + 2 * 48))->attribute |= EFI_MEMORY_SP;
	efi_set(m, 3, EFI_LOADER_DATA, 0x400000, 0x100);
	mb_finish(true);
	KTEST_ASSERT_EQ(t, parse(mb.len, &since), 0);
	KTEST_ASSERT_EQ(t, bi.nr_mmap, 3);
	KTEST_EXPECT_EQ(t, bi.mmap[0].type, MB2_MEMORY_AVAILABLE);
	KTEST_EXPECT_EQ(t, bi.mmap[1].addr, 0x200000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].len, 0x200000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].type, MB2_MEMORY_RESERVED);
	KTEST_EXPECT_EQ(t, bi.mmap[2].addr, 0x400000);
	KTEST_EXPECT_EQ(t, bi.mmap[2].type, MB2_MEMORY_AVAILABLE);
	KTEST_EXPECT_EQ(t, boot_mem_available(&bi), 0x200000);
}

static const struct ktest_case multiboot2_cases[] = {
	KTEST_CASE(modules_are_parsed),
	KTEST_CASE(bad_modules_are_ignored),
	KTEST_CASE(many_modules_are_truncated),
	KTEST_CASE(valid_information_is_parsed),
	KTEST_CASE(missing_end_tag_is_reported),
	KTEST_CASE(short_tag_is_reported),
	KTEST_CASE(tag_past_the_end_is_reported),
	KTEST_CASE(size_beyond_readable_is_reported),
	KTEST_CASE(unterminated_string_is_ignored),
	KTEST_CASE(bad_mmap_entry_size_is_ignored),
	KTEST_CASE(long_mmap_is_truncated),
	KTEST_CASE(framebuffer_tag_is_parsed),
	KTEST_CASE(short_framebuffer_tag_is_ignored),
	KTEST_CASE(efi_tags_name_the_firmware),
	KTEST_CASE(efi_mmap_is_the_memory_map),
	KTEST_CASE(efi_boot_services_keep_their_memory),
	KTEST_CASE(hostile_efi_mmap_is_refused),
	KTEST_CASE(long_efi_mmap_is_truncated),
	KTEST_CASE(efi_attributes_keep_ram_from_the_allocator),
	{},
};
KTEST_SUITE(multiboot2, multiboot2_cases);
