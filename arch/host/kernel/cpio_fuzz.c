// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite that feeds the newc reader (fs/cpio.c) mutated
 * copies of a valid archive: random bytes, header fields set to boundary
 * values (0, 1, sizes just past the end, 0xffffffff), "..", NULs and
 * slashes put into names, and archives cut short.  Each copy lives in a
 * heap block of exactly its size, so AddressSanitizer reports any read
 * past it; the checks below catch entries that point outside it or names
 * the reader should have refused.  Fixed seed: every run tries the same.
 */
#include <kernel/cpio.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "cpio_test.h"

/* From the host C library (this file only runs on the host). */
void *malloc(size_t size);
void free(void *ptr);

#define ITERATIONS  100000
#define ARCHIVE_MAX 2048

static u64 rng_state = 0x2026120314250701ULL;

static u64 next_random(void)
{
	return ktest_xorshift64(&rng_state);
}

static size_t build_valid(u8 *buf)
{
	struct cpio_builder b = { .buf = buf, .cap = ARCHIVE_MAX, .ino = 720 };

	memset(buf, 0, ARCHIVE_MAX);
	cpio_put(&b, ".", S_IFDIR | 0755, 0, 0, NULL, 0);
	cpio_put(&b, "dev", S_IFDIR | 0755, 0, 0, NULL, 0);
	cpio_put(&b, "dev/console", S_IFCHR | 0600, 5, 1, NULL, 0);
	cpio_put(&b, "bin", S_IFDIR | 0755, 0, 0, NULL, 0);
	cpio_put(&b, "bin/hello", S_IFREG | 0755, 0, 0,
		 "\x7f"
		 "ELF and some bytes",
		 19);
	cpio_put(&b, "bin/sh", S_IFLNK | 0777, 0, 0, "hello", 5);
	cpio_trailer(&b);
	return b.len;
}

static void put_hex(u8 *at, u32 val)
{
	static const char digits[] = "0123456789ABCDEF";
	int i;

	for (i = 7; i >= 0; i--, val >>= 4)
		at[i] = digits[val & 15];
}

static void mutate(u8 *buf, size_t len)
{
	static const char *const bits[] = { "..", "/", "\0", "./", "../", "TRAILER!!!" };
	int n = 1 + next_random() % 3;

	while (n--) {
		size_t at = next_random() % len;
		u32 boundary[] = { 0, 1, 2, 3, 4, 109, 110, len, len + 1, 0x7fffffff, 0xffffffff };

		switch (next_random() % 4) {
		case 0:
			buf[at] = next_random();
			break;
		case 1: /* a header field of some entry: fields sit at 6 + 8k from a header */
			at = at - at % 2;
			if (at + 8 <= len)
				put_hex(buf + at, boundary[next_random() % ARRAY_SIZE(boundary)]);
			break;
		case 2: {
			const char *s = bits[next_random() % ARRAY_SIZE(bits)];
			size_t l = *s ? strlen(s) : 1;

			if (at + l <= len)
				memcpy(buf + at, s, l);
			break;
		}
		default:
			if (at + 8 <= len)
				put_hex(buf + at, next_random() % (len + 16));
			break;
		}
	}
}

/* What every entry the reader returns must be, whatever the archive. */
static bool entry_is_sound(const struct cpio_entry *e, const u8 *buf, size_t len)
{
	const char *start = (const char *)buf, *end = start + len, *p;

	if (e->name < start || e->name >= end || !memchr(e->name, '\0', end - e->name))
		return false;
	if (e->data < buf || e->size > len || e->data + e->size > buf + len)
		return false;
	for (p = e->name; *p;) {
		const char *c = p;

		while (*p && *p != '/')
			p++;
		if (p - c == 2 && c[0] == '.' && c[1] == '.')
			return false;
		if (p - c > 255)
			return false;
		while (*p == '/')
			p++;
	}
	return *e->name != '/';
}

static void survives_mutated_archives(struct ktest *t)
{
	static u8 valid[ARCHIVE_MAX];
	size_t len = build_valid(valid);
	int saved = console_loglevel, i, rejected = 0, bad = 0;
	long entries = 0;

	console_loglevel = 0; /* thousands of expected complaints */
	for (i = 0; i < ITERATIONS && !bad; i++) {
		size_t avail = next_random() % 8 ? len : next_random() % (len + 1);
		u8 *copy = malloc(avail ? avail : 1);
		struct cpio_reader r;
		struct cpio_entry e;
		int ret, n = 0;

		memcpy(copy, valid, avail);
		if (avail)
			mutate(copy, avail);
		cpio_init(&r, copy, avail);
		while ((ret = cpio_next(&r, &e)) > 0 && n < 100) {
			bad += !entry_is_sound(&e, copy, avail);
			n++;
		}
		entries += n;
		rejected += ret < 0;
		bad += n >= 100; /* an archive of 2 KiB cannot hold 100 entries */
		free(copy);
	}
	console_loglevel = saved;
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, i, ITERATIONS);
	/* The mutations must actually break archives, or this proves little. */
	KTEST_EXPECT_GT(t, rejected, ITERATIONS / 10);
	KTEST_EXPECT_LT(t, rejected, ITERATIONS);
	pr_info("    # %d mutated archives, %d rejected, %ld entries returned\n", ITERATIONS,
		rejected, entries);
}

static void valid_archive_still_reads(struct ktest *t)
{
	static u8 valid[ARCHIVE_MAX];
	size_t len = build_valid(valid);
	u8 *copy = malloc(len);
	struct cpio_reader r;
	struct cpio_entry e;
	int n = 0, ret;

	memcpy(copy, valid, len);
	cpio_init(&r, copy, len);
	while ((ret = cpio_next(&r, &e)) > 0)
		n++;
	free(copy);
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_EQ(t, n, 6);
}

static const struct ktest_case cpio_fuzz_cases[] = {
	KTEST_CASE(valid_archive_still_reads),
	KTEST_CASE(survives_mutated_archives),
	{},
};
KTEST_SUITE(cpio_fuzz, cpio_fuzz_cases);
