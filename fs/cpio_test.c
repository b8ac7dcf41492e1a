// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the newc reader on archives made here: a good one read back
 * field by field, and one broken in each way the reader must refuse,
 * each refusal checked in the log for the entry and the reason.  Pure:
 * it runs in the host program too, under ASan, where each archive is in
 * a static buffer (arch/host/kernel/cpio_fuzz.c gives exact-size blocks).
 */
#include <kernel/cpio.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/stat.h>
#include <kernel/string.h>
#include "cpio_test.h"

static u8 buf[16384] __aligned(4);
static struct cpio_builder b;
static struct cpio_entry e;
static struct cpio_reader r;

static void begin(void)
{
	memset(buf, 0, sizeof(buf));
	b.buf = buf;
	b.len = 0;
	b.cap = sizeof(buf);
	b.ino = 720;
}

/* Read entries until the end or an error: the last result; *@since the log's mark. */
static int read_all(size_t len, int *entries, u64 *since)
{
	int ret;

	*entries = 0;
	*since = ktest_mute_console();
	cpio_init(&r, buf, len);
	while ((ret = cpio_next(&r, &e)) > 0)
		(*entries)++;
	ktest_unmute_console();
	return ret;
}

static void good_archive_reads_back(struct ktest *t)
{
	static const char data[] = "#!/bin/sh\necho hi\n";
	int n = 0;

	begin();
	cpio_put(&b, ".", S_IFDIR | 0755, 0, 0, NULL, 0);
	cpio_put(&b, "dev", S_IFDIR | 0755, 0, 0, NULL, 0);
	cpio_put(&b, "dev/null", S_IFCHR | 0666, 1, 3, NULL, 0);
	cpio_put(&b, "./bin/sh", S_IFREG | 0755, 0, 0, data, sizeof(data) - 1);
	cpio_put(&b, "/bin/link", S_IFLNK | 0777, 0, 0, "sh", 2);
	cpio_trailer(&b);
	cpio_init(&r, buf, b.len);
	while (cpio_next(&r, &e) > 0) {
		switch (n++) {
		case 0:
			KTEST_EXPECT_STREQ(t, e.name, "");
			break;
		case 2:
			KTEST_EXPECT_STREQ(t, e.name, "dev/null");
			KTEST_EXPECT_EQ(t, e.mode, S_IFCHR | 0666);
			KTEST_EXPECT_EQ(t, e.rdevmajor, 1);
			KTEST_EXPECT_EQ(t, e.rdevminor, 3);
			break;
		case 3:
			KTEST_EXPECT_STREQ(t, e.name, "bin/sh");
			KTEST_EXPECT_EQ(t, e.size, sizeof(data) - 1);
			KTEST_EXPECT_MEMEQ(t, e.data, data, e.size);
			KTEST_EXPECT_EQ(t, e.mtime, 1700000000);
			break;
		case 4:
			KTEST_EXPECT_STREQ(t, e.name, "bin/link");
			KTEST_EXPECT_MEMEQ(t, e.data, "sh", 2);
			break;
		}
	}
	KTEST_EXPECT_EQ(t, n, 5);
	/* After the trailer, every call says the end again. */
	KTEST_EXPECT_EQ(t, cpio_next(&r, &e), 0);
	KTEST_EXPECT_EQ(t, cpio_next(&r, &e), 0);
}

/* The archive in buf, @len bytes, must be refused after @good entries, saying @why. */
static void expect_refusal(struct ktest *t, size_t len, int good, const char *why)
{
	int entries;
	u64 since;

	KTEST_EXPECT_EQ(t, read_all(len, &entries, &since), -EINVAL);
	KTEST_EXPECT_EQ(t, entries, good);
	if (!ktest_log_contains(since, why))
		ktest_check(t, false, __FILE__, __LINE__, "no message containing \"%s\"", why);
	/* Refused for good: the next call does not read on. */
	KTEST_EXPECT_EQ(t, cpio_next(&r, &e), -EINVAL);
}

static void broken_headers_are_refused(struct ktest *t)
{
	size_t at;

	begin();
	cpio_put(&b, "a", S_IFREG | 0644, 0, 0, "x", 1);
	at = b.len;
	cpio_put(&b, "b", S_IFREG | 0644, 0, 0, "y", 1);
	cpio_trailer(&b);

	buf[at + 5] = '7';
	expect_refusal(t, b.len, 1, "wrong magic");
	buf[at + 5] = '1';
	expect_refusal(t, at + 109, 1, "truncated header");
	buf[at + 6 + 8] = 'g'; /* the mode field */
	expect_refusal(t, b.len, 1, "not 8 hex digits");
	buf[at + 6 + 8] = '0';
	expect_refusal(t, at, 1, "without a TRAILER!!!");
	expect_refusal(t, 0, 0, "without a TRAILER!!!");
}

/* Set header field @field (0 = ino) of the entry at @at. */
static void set_field(size_t at, int field, u32 val)
{
	char text[9];

	snprintf(text, sizeof(text), "%08X", val);
	memcpy(buf + at + 6 + 8 * field, text, 8);
}

static void broken_names_and_sizes_are_refused(struct ktest *t)
{
	size_t at;

	begin();
	cpio_put(&b, "a", S_IFREG | 0644, 0, 0, "x", 1);
	at = b.len;
	cpio_put(&b, "bb", S_IFREG | 0644, 0, 0, "yyyy", 4);
	cpio_trailer(&b);

	set_field(at, 11, 0);
	expect_refusal(t, b.len, 1, "name size is 0");
	set_field(at, 11, 0xffffffff);
	expect_refusal(t, b.len, 1, "truncated name");
	set_field(at, 11, 2); /* "bb" without its NUL */
	expect_refusal(t, b.len, 1, "does not end with its NUL");
	set_field(at, 11, 3);
	buf[at + 110 + 1] = '\0';
	expect_refusal(t, b.len, 1, "NUL inside");
	buf[at + 110 + 1] = 'b';
	set_field(at, 6, 0xffffffff); /* the file size */
	expect_refusal(t, b.len, 1, "truncated data");
	set_field(at, 6, 4);
	expect_refusal(t, at + 110 + 3 + 1 + 2, 1, "truncated data");
}

static void escaping_names_are_refused(struct ktest *t)
{
	static const char *const bad[] = { "..", "../x", "a/../../x", "/../etc", "a/..", "./.." };
	char long_name[300];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		begin();
		cpio_put(&b, bad[i], S_IFREG | 0644, 0, 0, "x", 1);
		cpio_trailer(&b);
		expect_refusal(t, b.len, 0, "would leave the root");
	}
	memset(long_name, 'n', 256);
	long_name[256] = '\0';
	begin();
	cpio_put(&b, long_name, S_IFREG | 0644, 0, 0, "x", 1);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "longer than 255");
	begin();
	cpio_put(&b, "/", S_IFREG | 0644, 0, 0, "x", 1);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "only a directory can name the root");
	/* "..." and "..a" are names like any other. */
	begin();
	cpio_put(&b, "...", S_IFREG | 0644, 0, 0, "x", 1);
	cpio_put(&b, "..a", S_IFREG | 0644, 0, 0, "x", 1);
	cpio_trailer(&b);
	{
		int entries;
		u64 since;

		KTEST_EXPECT_EQ(t, read_all(b.len, &entries, &since), 0);
		KTEST_EXPECT_EQ(t, entries, 2);
	}
}

static void unsupported_types_are_refused(struct ktest *t)
{
	begin();
	cpio_put(&b, "fifo", S_IFIFO | 0644, 0, 0, NULL, 0);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "unsupported file type");
	begin();
	cpio_put(&b, "sock", S_IFSOCK | 0644, 0, 0, NULL, 0);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "unsupported file type");
	begin();
	cpio_put(&b, "none", 0644, 0, 0, NULL, 0);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "unsupported file type");
	begin();
	cpio_put(&b, "a", S_IFREG | 0644, 0, 0, "x", 1);
	set_field(0, 4, 2); /* nlink */
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "hard links are not supported");
	begin();
	cpio_put(&b, "d", S_IFDIR | 0755, 0, 0, "data", 4);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "with data");
	begin();
	cpio_put(&b, "l", S_IFLNK | 0777, 0, 0, NULL, 0);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "target must be 1 to 4095 bytes");
	begin();
	cpio_put(&b, "l", S_IFLNK | 0777, 0, 0, "a\0b", 3);
	cpio_trailer(&b);
	expect_refusal(t, b.len, 0, "NUL inside the symbolic link");
}

static void checksums_are_verified(struct ktest *t)
{
	int entries;
	u64 since;

	begin();
	cpio_put(&b, "f", S_IFREG | 0644, 0, 0, "\x01\x02\xff", 3);
	cpio_trailer(&b);
	buf[5] = '2';
	set_field(0, 12, 0x102);
	KTEST_EXPECT_EQ(t, read_all(b.len, &entries, &since), 0);
	KTEST_EXPECT_EQ(t, entries, 1);
	set_field(0, 12, 0x103);
	expect_refusal(t, b.len, 0, "checksum 0x102");
}

static const struct ktest_case cpio_cases[] = {
	KTEST_CASE(good_archive_reads_back),
	KTEST_CASE(broken_headers_are_refused),
	KTEST_CASE(broken_names_and_sizes_are_refused),
	KTEST_CASE(escaping_names_are_refused),
	KTEST_CASE(unsupported_types_are_refused),
	KTEST_CASE(checksums_are_verified),
	{},
};
KTEST_SUITE(cpio, cpio_cases);
