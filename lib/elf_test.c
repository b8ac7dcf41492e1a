// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the ELF64 validation (lib/elf.c): a valid image built here
 * (elf_test.h), then a table that breaks one field at a time, or a few
 * that only make sense together, each row with the exact error and the
 * words of the reason it must give.  The rows with error 0 are edges
 * that must still pass.
 */
#include <asm/page.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

#include "elf_test.h"

#define EH(field)    offsetof(Elf64_Ehdr, field)
#define PH(n, field) (sizeof(Elf64_Ehdr) + (n) * sizeof(Elf64_Phdr) + offsetof(Elf64_Phdr, field))
#define FIELD(s, f)  sizeof(((s *)0)->f)
#define E(field, val)                                    \
	{                                                \
		EH(field), FIELD(Elf64_Ehdr, field), val \
	}
#define P(n, field, val)                                    \
	{                                                   \
		PH(n, field), FIELD(Elf64_Phdr, field), val \
	}

static void put(u8 *buf, size_t off, size_t size, u64 val)
{
	memcpy(buf + off, &val, size); /* little-endian: the low bytes */
}

void elf_test_image(u8 *buf)
{
	static const Elf64_Phdr ph[ELF_TEST_PHNUM] = {
		{ PT_PHDR, PF_R, 0x40, 0x400040, 0x400040, ELF_TEST_PHNUM * sizeof(Elf64_Phdr),
		  ELF_TEST_PHNUM * sizeof(Elf64_Phdr), 8 },
		{ PT_LOAD, PF_R, 0, 0x400000, 0x400000, 0x200, 0x200, 0x1000 },
		{ PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x401000, 0x100, 0x100, 0x1000 },
		{ PT_LOAD, PF_R | PF_W, 0x2000, 0x402000, 0x402000, 0x10, 0xf00, 0x1000 },
		{ PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 0, 16 },
	};
	Elf64_Ehdr eh = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT,
			     ELFOSABI_SYSV },
		.e_type = ET_EXEC,
		.e_machine = EM_X86_64,
		.e_version = EV_CURRENT,
		.e_entry = ELF_TEST_ENTRY,
		.e_phoff = sizeof(Elf64_Ehdr),
		.e_ehsize = sizeof(Elf64_Ehdr),
		.e_phentsize = sizeof(Elf64_Phdr),
		.e_phnum = ELF_TEST_PHNUM,
	};

	memcpy(buf, &eh, sizeof(eh));
	memcpy(buf + sizeof(eh), ph, sizeof(ph));
}

static void valid_image_passes(struct ktest *t)
{
	static u8 buf[ELF_TEST_HDRS];
	static struct elf_info info;

	elf_test_image(buf);
	memset(&info, 0xa5, sizeof(info)); /* all of it must be written */
	KTEST_ASSERT_EQ(t, elf_check(buf, sizeof(buf), ELF_TEST_FILE_SIZE, &info), 0);
	KTEST_EXPECT_STREQ(t, info.reason, "");
	KTEST_EXPECT_EQ(t, info.entry, ELF_TEST_ENTRY);
	KTEST_EXPECT_EQ(t, info.phdr, 0x400040);
	KTEST_EXPECT_EQ(t, info.phent, sizeof(Elf64_Phdr));
	KTEST_EXPECT_EQ(t, info.phnum, ELF_TEST_PHNUM);
	KTEST_EXPECT_EQ(t, info.stack_flags, PF_R | PF_W);
	KTEST_EXPECT_EQ(t, info.brk, 0x403000); /* 0x402f00, rounded up to a page */
	KTEST_ASSERT_EQ(t, info.nr_segments, 3);
	KTEST_EXPECT_EQ(t, info.segments[0].vaddr, 0x400000);
	KTEST_EXPECT_EQ(t, info.segments[0].flags, PF_R);
	KTEST_EXPECT_EQ(t, info.segments[1].offset, 0x1000);
	KTEST_EXPECT_EQ(t, info.segments[1].flags, PF_R | PF_X);
	KTEST_EXPECT_EQ(t, info.segments[2].filesz, 0x10);
	KTEST_EXPECT_EQ(t, info.segments[2].memsz, 0xf00);
	KTEST_EXPECT_EQ(t, info.segments[2].flags, PF_R | PF_W);
}

struct patch {
	size_t off, size;
	u64 val;
};

static const struct {
	const char *what;
	struct patch patch[3]; /* size 0: none */
	size_t len;	       /* bytes given, 0 for all the headers */
	u64 file_size;	       /* 0 for ELF_TEST_FILE_SIZE */
	int err;
	const char *reason; /* words the reason must contain */
} broken[] = {
	/* The identification. */
	{ "magic", { E(e_ident[1], 'e') }, 0, 0, -ENOEXEC, "no \\177ELF magic" },
	{ "3-byte file", {}, 3, 3, -ENOEXEC, "no \\177ELF magic" },
	{ "short header", {}, 63, 0, -ENOEXEC, "less than an ELF header" },
	{ "short file", {}, 0, 40, -ENOEXEC, "less than an ELF header" },
	{ "ELF32", { E(e_ident[EI_CLASS], ELFCLASS32) }, 0, 0, -ENOEXEC, "not a 64-bit" },
	{ "big-endian", { E(e_ident[EI_DATA], ELFDATA2MSB) }, 0, 0, -ENOEXEC, "little-endian" },
	{ "ident version", { E(e_ident[EI_VERSION], 2) }, 0, 0, -ENOEXEC, "ELF version 2" },
	{ "OS ABI FreeBSD", { E(e_ident[EI_OSABI], 9) }, 0, 0, -ENOEXEC, "OS ABI 9" },
	{ "OS ABI GNU/Linux", { E(e_ident[EI_OSABI], ELFOSABI_GNU) }, 0, 0, 0, "" },
	/* The header. */
	{ "ET_DYN", { E(e_type, ET_DYN) }, 0, 0, -ENOEXEC, "static-pie" },
	{ "ET_REL", { E(e_type, ET_REL) }, 0, 0, -ENOEXEC, "not an executable (type 1)" },
	{ "i386", { E(e_machine, 3) }, 0, 0, -ENOEXEC, "not an x86_64 program (machine 3)" },
	{ "e_version", { E(e_version, 0) }, 0, 0, -ENOEXEC, "ELF version 0" },
	{ "e_ehsize", { E(e_ehsize, 52) }, 0, 0, -ENOEXEC, "ELF header size 52" },
	{ "e_phentsize", { E(e_phentsize, 32) }, 0, 0, -ENOEXEC, "program header size 32" },
	{ "no phdrs", { E(e_phnum, 0) }, 0, 0, -ENOEXEC, "no program headers" },
	{ "1171 phdrs", { E(e_phnum, 1171) }, 0, 0, -ENOEXEC, "more than 64 KiB" },
	{ "1170 phdrs", { E(e_phnum, 1170) }, 0, 0, -ENOEXEC, "past the end of the file" },
	{ "e_phoff wraps", { E(e_phoff, ~0UL - 8) }, 0, 0, -ENOEXEC, "past the end of the file" },
	{ "e_phoff at end", { E(e_phoff, ELF_TEST_FILE_SIZE) }, 0, 0, -ENOEXEC, "end of the file" },
	{ "phdrs not read", {}, ELF_TEST_HDRS - 1, 0, -ENOEXEC, "past the 343 bytes read" },
	/* Each loadable segment. */
	{ "filesz > memsz", { P(3, p_filesz, 0x1001) }, 0, 0, -ENOEXEC, "larger than memory" },
	{ "empty segment",
	  { P(3, p_filesz, 0), P(3, p_memsz, 0) },
	  0,
	  0,
	  -ENOEXEC,
	  "program header 3: empty" },
	{ "W+X", { P(2, p_flags, PF_R | PF_W | PF_X) }, 0, 0, -ENOEXEC, "2: segment both" },
	{ "past EOF", {}, 0, 0x200f, -ENOEXEC, "3: segment's bytes past the end of the file" },
	{ "p_offset wraps", { P(3, p_offset, ~0UL) }, 0, 0, -ENOEXEC, "past the end of the file" },
	{ "p_filesz wraps",
	  { P(3, p_filesz, ~0UL), P(3, p_memsz, ~0UL) },
	  0,
	  0,
	  -ENOEXEC,
	  "past the end of the file" },
	{ "offset % page", { P(2, p_offset, 0x1004) }, 0, 0, -ENOEXEC, "differ within a page" },
	{ "below user space",
	  { P(1, p_vaddr, 0xf000), P(0, p_vaddr, 0xf040) },
	  0,
	  0,
	  -ENOMEM,
	  "1: segment at 0xf000, below user space" },
	{ "at TASK_SIZE_MAX",
	  { P(3, p_vaddr, TASK_SIZE_MAX) },
	  0,
	  0,
	  -ENOMEM,
	  "end of user space" },
	{ "ends past TASK_SIZE_MAX",
	  { P(3, p_vaddr, TASK_SIZE_MAX - 0x1000), P(3, p_memsz, 0x1001) },
	  0,
	  0,
	  -ENOMEM,
	  "past the end of user space" },
	{ "ends at TASK_SIZE_MAX", { P(3, p_vaddr, TASK_SIZE_MAX - 0x1000) }, 0, 0, 0, "" },
	{ "p_memsz wraps", { P(3, p_memsz, ~0UL - 0xfff) }, 0, 0, -ENOMEM, "end of user space" },
	{ "non-canonical", { P(3, p_vaddr, 0xffff800000002000) }, 0, 0, -ENOMEM, "user space" },
	{ "descending",
	  { P(3, p_vaddr, 0x3fe000) },
	  0,
	  0,
	  -ENOEXEC,
	  "3: segment below program header 2's" },
	{ "same page",
	  { P(3, p_vaddr, 0x401800), P(3, p_offset, 0x1800), P(3, p_filesz, 0x10) },
	  0,
	  0,
	  -ENOEXEC,
	  "3: segment overlaps program header 2's" },
	/* The program as a whole. */
	{ "PT_INTERP", { P(4, p_type, PT_INTERP) }, 0, 0, -ENOEXEC, "4: PT_INTERP" },
	{ "exec stack", { P(4, p_flags, PF_R | PF_W | PF_X) }, 0, 0, -ENOEXEC, "executable stack" },
	{ "no PT_GNU_STACK", { P(4, p_type, PT_NOTE) }, 0, 0, 0, "" },
	{ "no PT_LOAD",
	  { P(1, p_type, PT_NOTE), P(2, p_type, PT_NOTE), P(3, p_type, PT_NOTE) },
	  0,
	  0,
	  -ENOEXEC,
	  "no loadable segment" },
	{ "entry in data", { E(e_entry, 0x402000) }, 0, 0, -ENOEXEC, "entry point 0x402000" },
	{ "entry past text", { E(e_entry, 0x401100) }, 0, 0, -ENOEXEC, "not in an executable" },
	{ "entry at text end", { E(e_entry, 0x4010ff) }, 0, 0, 0, "" },
	{ "phdrs unloaded", { P(1, p_filesz, 0x100) }, 0, 0, -ENOEXEC, "in no loaded segment" },
	{ "PT_PHDR wrong", { P(0, p_vaddr, 0x400048) }, 0, 0, -ENOEXEC, "PT_PHDR says 0x400048" },
	{ "no PT_PHDR", { P(0, p_type, PT_NULL) }, 0, 0, 0, "" },
};

static void broken_fields_table(struct ktest *t)
{
	static u8 buf[ELF_TEST_HDRS];
	static struct elf_info info;
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(broken); i++) {
		size_t len = broken[i].len ? broken[i].len : sizeof(buf);
		u64 file_size = broken[i].file_size ? broken[i].file_size : ELF_TEST_FILE_SIZE;
		int err;

		elf_test_image(buf);
		for (j = 0; j < ARRAY_SIZE(broken[i].patch) && broken[i].patch[j].size; j++)
			put(buf, broken[i].patch[j].off, broken[i].patch[j].size,
			    broken[i].patch[j].val);
		memset(&info, 0, sizeof(info));
		err = elf_check(buf, len, file_size, &info);
		ktest_check(t, err == broken[i].err, __FILE__, __LINE__,
			    "%s: elf_check() returned %d, expected %d (%s)", broken[i].what, err,
			    broken[i].err, info.reason);
		ktest_check(t,
			    broken[i].err ? !!strstr(info.reason, broken[i].reason) : !*info.reason,
			    __FILE__, __LINE__, "%s: reason \"%s\", expected \"%s\"",
			    broken[i].what, info.reason, broken[i].reason);
	}
}

/* A refusal writes the reason and nothing else of *info. */
static void refusal_leaves_info(struct ktest *t)
{
	static u8 buf[ELF_TEST_HDRS];
	static struct elf_info info, before;

	elf_test_image(buf);
	put(buf, PH(2, p_flags), 4, PF_R | PF_W | PF_X);
	memset(&info, 0xa5, sizeof(info));
	before = info;
	KTEST_EXPECT_EQ(t, elf_check(buf, sizeof(buf), ELF_TEST_FILE_SIZE, &info), -ENOEXEC);
	KTEST_EXPECT_EQ(t, memcmp(&info, &before, offsetof(struct elf_info, reason)), 0);
	KTEST_EXPECT_TRUE(t, strlen(info.reason) < sizeof(info.reason));
}

/* ELF_MAX_SEGMENTS loadable segments pass; one more is refused. */
static void segment_count_limit(struct ktest *t)
{
	static u8 buf[sizeof(Elf64_Ehdr) + (ELF_MAX_SEGMENTS + 1) * sizeof(Elf64_Phdr)];
	static struct elf_info info;
	unsigned int n;

	for (n = ELF_MAX_SEGMENTS; n <= ELF_MAX_SEGMENTS + 1; n++) {
		Elf64_Phdr ph = { PT_LOAD, PF_R | PF_X, 0, 0x400000, 0, 0x1000, 0x1000, 0x1000 };
		size_t len = sizeof(Elf64_Ehdr) + n * sizeof(Elf64_Phdr);
		unsigned int i;

		elf_test_image(buf);
		put(buf, EH(e_phnum), 2, n);
		put(buf, EH(e_entry), 8, 0x400100);
		for (i = 0; i < n; i++) {
			memcpy(buf + sizeof(Elf64_Ehdr) + i * sizeof(ph), &ph, sizeof(ph));
			ph.p_vaddr += 0x1000;
			ph.p_offset += 0x1000;
			ph.p_flags = PF_R;
		}
		memset(&info, 0, sizeof(info));
		KTEST_EXPECT_EQ(t, elf_check(buf, len, 0x100000, &info),
				n > ELF_MAX_SEGMENTS ? -ENOEXEC : 0);
		if (n > ELF_MAX_SEGMENTS)
			KTEST_EXPECT_TRUE(t, strstr(info.reason, "more than 16 loadable") != NULL);
		else
			KTEST_EXPECT_EQ(t, info.brk, 0x400000 + n * 0x1000UL);
	}
}

static const struct ktest_case elf_cases[] = {
	KTEST_CASE(valid_image_passes),
	KTEST_CASE(broken_fields_table),
	KTEST_CASE(refusal_leaves_info),
	KTEST_CASE(segment_count_limit),
	{},
};
KTEST_SUITE(elf, elf_cases);
