// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of lib/string.c.  Also built for the host (ARCH=host), where
 * AddressSanitizer checks that no function reads or writes out of bounds.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

static void memcpy_copies_exactly(struct ktest *t)
{
	char dst[8] = "xxxxxxx";

	KTEST_EXPECT_TRUE(t, memcpy(dst + 1, "abc", 3) == dst + 1);
	KTEST_EXPECT_MEMEQ(t, dst, "xabcxxx", 8);
	memcpy(dst, "zz", 0);
	KTEST_EXPECT_EQ(t, dst[0], 'x');
}

static void memmove_handles_overlap(struct ktest *t)
{
	char fwd[] = "abcdefgh", back[] = "abcdefgh";

	memmove(fwd + 2, fwd, 5);
	KTEST_EXPECT_MEMEQ(t, fwd, "ababcdeh", 8);
	memmove(back, back + 2, 5);
	KTEST_EXPECT_MEMEQ(t, back, "cdefgfgh", 8);
}

static void memset_fills(struct ktest *t)
{
	unsigned char buf[6] = { 1, 2, 3, 4, 5, 6 };

	memset(buf + 1, 0x15a, 4); /* only the low byte counts */
	KTEST_EXPECT_EQ(t, buf[0], 1);
	KTEST_EXPECT_EQ(t, buf[1], 0x5a);
	KTEST_EXPECT_EQ(t, buf[4], 0x5a);
	KTEST_EXPECT_EQ(t, buf[5], 6);
}

/* Every start alignment and length around the word loop: exactly the range. */
static void memset_every_alignment(struct ktest *t)
{
	unsigned char buf[64];
	size_t start, len, i, bad = 0;

	for (start = 0; start < 8; start++) {
		for (len = 0; len <= 40; len++) {
			for (i = 0; i < sizeof(buf); i++)
				buf[i] = (unsigned char)i;
			memset(buf + start, 0xa5, len);
			for (i = 0; i < sizeof(buf); i++)
				bad += buf[i] != (i >= start && i < start + len ? 0xa5 : i);
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
}

/*
 * Every source and destination alignment and length around the word
 * loop, alike and unlike: exactly the range, every byte from its place.
 */
static void memcpy_every_alignment(struct ktest *t)
{
	unsigned char src[64], dst[64];
	size_t from, to, len, i, bad = 0;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(0x80 + i);
	for (from = 0; from < 8; from++) {
		for (to = 0; to < 8; to++) {
			for (len = 0; len <= 40; len++) {
				for (i = 0; i < sizeof(dst); i++)
					dst[i] = (unsigned char)i;
				memcpy(dst + to, src + from, len);
				for (i = 0; i < sizeof(dst); i++)
					bad += dst[i] != (i >= to && i < to + len
								  ? src[from + i - to]
								  : (unsigned char)i);
			}
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
}

static void memcmp_orders_unsigned(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, memcmp("abc", "abc", 3), 0);
	KTEST_EXPECT_LT(t, memcmp("abc", "abd", 3), 0);
	KTEST_EXPECT_GT(t, memcmp("\x80", "\x7f", 1), 0);
	KTEST_EXPECT_EQ(t, memcmp("abc", "abd", 2), 0);
}

static void memchr_finds_first(struct ktest *t)
{
	const char *s = "hello";

	KTEST_EXPECT_TRUE(t, memchr(s, 'l', 5) == s + 2);
	KTEST_EXPECT_NULL(t, memchr(s, 'o', 4));
	KTEST_EXPECT_TRUE(t, memchr(s, '\0', 6) == s + 5);
}

static void strlen_and_strnlen(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, strlen(""), 0);
	KTEST_EXPECT_EQ(t, strlen("kestrel"), 7);
	KTEST_EXPECT_EQ(t, strnlen("kestrel", 3), 3);
	KTEST_EXPECT_EQ(t, strnlen("abc", 10), 3);
	KTEST_EXPECT_EQ(t, strnlen("abc", 0), 0);
}

static const struct {
	const char *a, *b;
	size_t n;
	int sign; /* of strncmp(a, b, n) */
} strncmp_cases[] = {
	{ "abc", "abc", 10, 0 }, { "abc", "abd", 10, -1 }, { "abd", "abc", 10, 1 },
	{ "ab", "abc", 10, -1 }, { "abc", "ab", 10, 1 },   { "abc", "abd", 2, 0 },
	{ "", "", 1, 0 },	 { "\xff", "a", 1, 1 }, /* compared as unsigned char */
	{ "x", "y", 0, 0 },
};

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void strcmp_table(struct ktest *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(strncmp_cases); i++) {
		const char *a = strncmp_cases[i].a, *b = strncmp_cases[i].b;

		KTEST_EXPECT_EQ(t, sign(strncmp(a, b, strncmp_cases[i].n)), strncmp_cases[i].sign);
		if (strncmp_cases[i].n >= 10)
			KTEST_EXPECT_EQ(t, sign(strcmp(a, b)), strncmp_cases[i].sign);
	}
}

static void strchr_and_strrchr(struct ktest *t)
{
	const char *s = "a/b/c";

	KTEST_EXPECT_TRUE(t, strchr(s, '/') == s + 1);
	KTEST_EXPECT_TRUE(t, strrchr(s, '/') == s + 3);
	KTEST_EXPECT_NULL(t, strchr(s, 'x'));
	KTEST_EXPECT_NULL(t, strrchr(s, 'x'));
	KTEST_EXPECT_TRUE(t, strchr(s, '\0') == s + 5);
	KTEST_EXPECT_TRUE(t, strrchr(s, '\0') == s + 5);
}

static void strstr_finds_needle(struct ktest *t)
{
	const char *s = "ktest.filter=str*";

	KTEST_EXPECT_TRUE(t, strstr(s, "filter") == s + 6);
	KTEST_EXPECT_TRUE(t, strstr(s, "") == s);
	KTEST_EXPECT_NULL(t, strstr(s, "filters"));
	KTEST_EXPECT_NULL(t, strstr("", "a"));
}

static void strscpy_terminates(struct ktest *t)
{
	char buf[4];

	KTEST_EXPECT_EQ(t, strscpy(buf, "abc", sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "abc");
	KTEST_EXPECT_EQ(t, strscpy(buf, "abcd", sizeof(buf)), -E2BIG);
	KTEST_EXPECT_STREQ(t, buf, "abc");
	KTEST_EXPECT_EQ(t, strscpy(buf, "", sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(t, buf, "");
	KTEST_EXPECT_EQ(t, strscpy(buf, "zz", 0), -E2BIG);
	KTEST_EXPECT_STREQ(t, buf, "");
}

static const struct ktest_case string_cases[] = {
	KTEST_CASE(memcpy_copies_exactly),
	KTEST_CASE(memcpy_every_alignment),
	KTEST_CASE(memmove_handles_overlap),
	KTEST_CASE(memset_fills),
	KTEST_CASE(memset_every_alignment),
	KTEST_CASE(memcmp_orders_unsigned),
	KTEST_CASE(memchr_finds_first),
	KTEST_CASE(strlen_and_strnlen),
	KTEST_CASE(strcmp_table),
	KTEST_CASE(strchr_and_strrchr),
	KTEST_CASE(strstr_finds_needle),
	KTEST_CASE(strscpy_terminates),
	{},
};
KTEST_SUITE(string, string_cases);
