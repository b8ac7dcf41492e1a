// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite that feeds elf_check() mutated copies of the
 * valid image of lib/elf_test.h: random bytes, and boundary values (0, 1,
 * a page, TASK_SIZE_MAX, all ones...) in the header's and the program
 * headers' fields, with a file size and a count of bytes read that may be
 * smaller than the image.  Each copy lives in a heap block of exactly the
 * bytes read, so AddressSanitizer reports any read past them; every image
 * it accepts is checked against what the loader will rely on (each
 * segment inside the file and user space, in order, no page shared, W^X,
 * the entry and AT_PHDR inside), and every refusal must leave *info but
 * its reason as it was.  Fixed seed: every run tries the same images.
 */
#include <asm/page.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#include "elf_test.h"

/* From the host C library (this file only runs on the host). */
void *malloc(size_t size);
void free(void *ptr);

#define ITERATIONS 200000

static u64 rng_state = 0x2026120314250024ULL;

static u64 next_random(void)
{
	return ktest_xorshift64(&rng_state);
}

static void mutate(u8 *buf, size_t len)
{
	static const u64 boundary[] = {
		0,
		1,
		2,
		3,
		0xfff,
		PAGE_SIZE,
		0x10000,
		0x400000,
		0x401000,
		ELF_TEST_FILE_SIZE,
		TASK_SIZE_MAX - PAGE_SIZE,
		TASK_SIZE_MAX,
		1UL << 47,
		0x7fffffffffffffffUL,
		~0UL - PAGE_SIZE + 1,
		~0UL,
		PT_LOAD,
		PT_INTERP,
		PT_PHDR,
		PT_GNU_STACK,
		PF_R | PF_W | PF_X,
		1171,
	};
	int n = 1 + next_random() % 4;

	while (n--) {
		size_t at = next_random() % len;
		u64 val;

		switch (next_random() % 4) {
		case 0:
			buf[at] = next_random();
			break;
		case 1: /* a 2, 4 or 8-byte field: every field is naturally aligned */
			val = boundary[next_random() % ARRAY_SIZE(boundary)];
			at &= ~((2UL << (next_random() % 3)) - 1);
			memcpy(buf + at, &val, min(sizeof(val), len - at));
			break;
		case 2: /* a small nudge of an address or size */
			at &= ~7UL;
			memcpy(&val, buf + at, min(sizeof(val), len - at));
			val += (s64)(next_random() % 0x2001) - 0x1000;
			memcpy(buf + at, &val, min(sizeof(val), len - at));
			break;
		default:
			at &= ~7UL;
			val = next_random();
			memcpy(buf + at, &val, min(sizeof(val), len - at));
			break;
		}
	}
}

/* What the loader will trust in an accepted image; 0 if all holds. */
static int accepted_problem(const struct elf_info *info, u64 file_size)
{
	bool entry = false, phdrs = false;
	unsigned int i;

	if (!info->nr_segments || info->nr_segments > ELF_MAX_SEGMENTS || *info->reason)
		return 1;
	for (i = 0; i < info->nr_segments; i++) {
		const struct elf_segment *s = &info->segments[i];

		if (s->filesz > s->memsz || !s->memsz || s->offset > file_size ||
		    s->filesz > file_size - s->offset)
			return 2;
		if (s->vaddr < USER_MIN_ADDR || s->vaddr >= TASK_SIZE_MAX ||
		    s->memsz > TASK_SIZE_MAX - s->vaddr ||
		    s->vaddr % PAGE_SIZE != s->offset % PAGE_SIZE)
			return 3;
		if ((s->flags & (PF_W | PF_X)) == (PF_W | PF_X))
			return 4;
		if (i &&
		    ALIGN(s[-1].vaddr + s[-1].memsz, PAGE_SIZE) > s->vaddr - s->vaddr % PAGE_SIZE)
			return 5;
		entry |= (s->flags & PF_X) && info->entry >= s->vaddr &&
			 info->entry < s->vaddr + s->filesz;
		phdrs |= info->phdr >= s->vaddr &&
			 info->phdr + (u64)info->phnum * info->phent <= s->vaddr + s->filesz;
	}
	if (!entry)
		return 6;
	if (!phdrs || info->phent != sizeof(Elf64_Phdr) || !info->phnum)
		return 7;
	i = info->nr_segments - 1;
	if (info->brk % PAGE_SIZE ||
	    info->brk < info->segments[i].vaddr + info->segments[i].memsz ||
	    info->brk > TASK_SIZE_MAX || info->stack_flags & PF_X)
		return 8;
	return 0;
}

static void survives_mutated_images(struct ktest *t)
{
	static u8 valid[ELF_TEST_HDRS];
	static struct elf_info info, sentinel;
	int saved = console_loglevel, i, accepted = 0, bad = 0, first_bad = 0, err;

	elf_test_image(valid);
	memset(&sentinel, 0x5a, sizeof(sentinel));
	console_loglevel = 0;
	for (i = 0; i < ITERATIONS && !bad; i++) {
		size_t avail =
			next_random() % 8 ? sizeof(valid) : next_random() % (sizeof(valid) + 1);
		u64 file_size = next_random() % 4 ? ELF_TEST_FILE_SIZE : next_random() % 0x3000;
		u8 *copy = malloc(avail ? avail : 1);

		memcpy(copy, valid, avail);
		if (avail)
			mutate(copy, avail);
		info = sentinel;
		err = elf_check(copy, avail, file_size, &info);
		if (!err) {
			accepted++;
			bad = accepted_problem(&info, file_size);
		} else if (err != -ENOEXEC && err != -ENOMEM) {
			bad = 10;
		} else if (!*info.reason || strlen(info.reason) >= sizeof(info.reason) ||
			   memcmp(&info, &sentinel, offsetof(struct elf_info, reason))) {
			bad = 11;
		}
		if (bad)
			first_bad = i;
		free(copy);
	}
	console_loglevel = saved;
	if (bad)
		pr_info("    # image %d broke rule %d (error %d, %s)\n", first_bad, bad, err,
			info.reason);
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, i, ITERATIONS);
	/* The mutations must break images, and leave some whole. */
	KTEST_EXPECT_GT(t, accepted, ITERATIONS / 100);
	KTEST_EXPECT_LT(t, accepted, ITERATIONS / 2);
	pr_info("    # %d mutated images, %d accepted and checked, %d refused\n", ITERATIONS,
		accepted, ITERATIONS - accepted);
}

static void valid_image_still_passes(struct ktest *t)
{
	static u8 valid[ELF_TEST_HDRS];
	static struct elf_info info;

	elf_test_image(valid);
	KTEST_EXPECT_EQ(t, elf_check(valid, sizeof(valid), ELF_TEST_FILE_SIZE, &info), 0);
}

static const struct ktest_case elf_fuzz_cases[] = {
	KTEST_CASE(valid_image_still_passes),
	KTEST_CASE(survives_mutated_images),
	{},
};
KTEST_SUITE(elf_fuzz, elf_fuzz_cases);
