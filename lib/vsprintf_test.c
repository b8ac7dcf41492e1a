// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of vsnprintf: each conversion with its flags, widths, precisions
 * and lengths, truncation and the C99 return value.  The host build adds a
 * comparison with the host C library over thousands of generated formats
 * (arch/host/kernel/vsprintf_libc.c).
 */
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

static void check_vformat(struct ktest *t, int line, const char *expect, const char *fmt,
			  va_list args)
{
	char buf[128];
	int len = vsnprintf(buf, sizeof(buf), fmt, args);

	ktest_check(t, !strcmp(buf, expect) && len == (int)strlen(expect), __FILE__, line,
		    "format \"%s\" gave \"%s\" (%d), expected \"%s\" (%zu)", fmt, buf, len, expect,
		    strlen(expect));
}

static __printf(4, 5) void check_format(struct ktest *t, int line, const char *expect,
					const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	check_vformat(t, line, expect, fmt, args);
	va_end(args);
}

/*
 * The same without the compiler's format checking, for formats that GCC
 * rightly warns about (a flag that another flag overrides, a NULL string)
 * but whose meaning C99 still defines.
 */
static void check_format_unchecked(struct ktest *t, int line, const char *expect, const char *fmt,
				   ...)
{
	va_list args;

	va_start(args, fmt);
	check_vformat(t, line, expect, fmt, args);
	va_end(args);
}

#define EXPECT_FORMAT(t, expect, fmt, ...) check_format(t, __LINE__, expect, fmt, ##__VA_ARGS__)
#define EXPECT_FORMAT_UNCHECKED(t, expect, fmt, ...) \
	check_format_unchecked(t, __LINE__, expect, fmt, ##__VA_ARGS__)

static void signed_decimal(struct ktest *t)
{
	EXPECT_FORMAT(t, "0", "%d", 0);
	EXPECT_FORMAT(t, "-42", "%i", -42);
	EXPECT_FORMAT(t, "-2147483648", "%d", -2147483647 - 1);
	EXPECT_FORMAT(t, "   42", "%5d", 42);
	EXPECT_FORMAT(t, "42   |", "%-5d|", 42);
	EXPECT_FORMAT(t, "-0042", "%05d", -42);
	EXPECT_FORMAT(t, "+5", "%+d", 5);
	EXPECT_FORMAT(t, " 5", "% d", 5);
	EXPECT_FORMAT_UNCHECKED(t, "+5", "%+ d", 5);
	EXPECT_FORMAT(t, "007", "%.3d", 7);
	EXPECT_FORMAT(t, "", "%.0d", 0);
	EXPECT_FORMAT(t, "    -007", "%8.3d", -7);
	EXPECT_FORMAT_UNCHECKED(t, "     7", "%06.1d", 7); /* precision turns '0' off */
	EXPECT_FORMAT(t, "+7    |", "%-+6d|", 7);
	EXPECT_FORMAT(t, "-9223372036854775808", "%lld", -9223372036854775807LL - 1);
}

static void lengths(struct ktest *t)
{
	EXPECT_FORMAT(t, "4294967295", "%u", 4294967295U);
	EXPECT_FORMAT(t, "18446744073709551615", "%lu", ~0UL);
	EXPECT_FORMAT(t, "18446744073709551615", "%llu", ~0ULL);
	EXPECT_FORMAT(t, "18446744073709551615", "%zu", (size_t)-1);
	EXPECT_FORMAT(t, "-1", "%zd", (ssize_t)-1);
	EXPECT_FORMAT(t, "-3", "%td", (ptrdiff_t)-3);
	/*
	 * A char or short arrives as an int; %hh and %h must cut it back.
	 * Only an int too wide for the type tests that, and Clang (up to
	 * 15) calls every int passed to %hh or %h a mismatch.
	 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
	EXPECT_FORMAT(t, "1", "%hhu", 257);
	EXPECT_FORMAT(t, "-1", "%hhd", 255);
	EXPECT_FORMAT(t, "-1", "%hd", 65535);
	EXPECT_FORMAT(t, "65535", "%hu", 65535);
#pragma GCC diagnostic pop
	EXPECT_FORMAT(t, "ffffffff80000000", "%lx", 0xffffffff80000000UL);
}

static void hex_and_octal(struct ktest *t)
{
	EXPECT_FORMAT(t, "ff", "%x", 255);
	EXPECT_FORMAT(t, "FF", "%X", 255);
	EXPECT_FORMAT(t, "0xff", "%#x", 255);
	EXPECT_FORMAT(t, "0XFF", "%#X", 255);
	EXPECT_FORMAT(t, "0", "%#x", 0);
	EXPECT_FORMAT(t, "0x000000ff", "%#010x", 255);
	EXPECT_FORMAT(t, "      0xff", "%#10x", 255);
	EXPECT_FORMAT(t, "10", "%o", 8);
	EXPECT_FORMAT(t, "010", "%#o", 8);
	EXPECT_FORMAT(t, "0", "%#o", 0);
	EXPECT_FORMAT(t, "0", "%#.0o", 0);
	EXPECT_FORMAT(t, "00010", "%#.5o", 8);
	EXPECT_FORMAT(t, "0x0001", "%#.4x", 1);
}

static void star_width_and_precision(struct ktest *t)
{
	EXPECT_FORMAT(t, "   42", "%*d", 5, 42);
	EXPECT_FORMAT(t, "42   |", "%-*d|", 5, 42);
	EXPECT_FORMAT(t, "42   |", "%*d|", -5, 42); /* negative width: left */
	EXPECT_FORMAT(t, "007", "%.*d", 3, 7);
	EXPECT_FORMAT(t, "7", "%.*d", -1, 7); /* negative precision: none */
	EXPECT_FORMAT(t, "  ab", "%*.*s", 4, 2, "abc");
}

static void strings_and_chars(struct ktest *t)
{
	EXPECT_FORMAT(t, "abc", "%s", "abc");
	EXPECT_FORMAT(t, "ab", "%.2s", "abc");
	EXPECT_FORMAT(t, "  abc", "%5s", "abc");
	EXPECT_FORMAT(t, "abc  |", "%-5s|", "abc");
	EXPECT_FORMAT_UNCHECKED(t, "(null)", "%s", NULL);
	EXPECT_FORMAT(t, "x", "%c", 'x');
	EXPECT_FORMAT(t, "  x", "%3c", 'x');
	EXPECT_FORMAT(t, "x  |", "%-3c|", 'x');
	EXPECT_FORMAT(t, "100%", "100%%");
	EXPECT_FORMAT(t, "", "%s", "");
}

static void pointers(struct ktest *t)
{
	EXPECT_FORMAT(t, "(nil)", "%p", NULL);
	EXPECT_FORMAT(t, "0x1234", "%p", (void *)0x1234);
	EXPECT_FORMAT(t, "0xffffffff80100000", "%p", (void *)0xffffffff80100000UL);
	EXPECT_FORMAT(t, "  0x1f", "%6p", (void *)0x1f);
}

static void truncation(struct ktest *t)
{
	char buf[8] = "zzzzzzz";

	KTEST_EXPECT_EQ(t, snprintf(buf, 4, "%d", 123456), 6);
	KTEST_EXPECT_STREQ(t, buf, "123");
	KTEST_EXPECT_EQ(t, snprintf(buf, 1, "abc"), 3);
	KTEST_EXPECT_STREQ(t, buf, "");
	buf[0] = 'q';
	KTEST_EXPECT_EQ(t, snprintf(buf, 0, "abc"), 3);
	KTEST_EXPECT_EQ(t, buf[0], 'q');
	KTEST_EXPECT_EQ(t, snprintf(NULL, 0, "%s-%d", "ab", 12), 5);
	KTEST_EXPECT_EQ(t, scnprintf(buf, 4, "%d", 123456), 3);
	KTEST_EXPECT_EQ(t, scnprintf(buf, 0, "abc"), 0);
}

/* Called through a non-literal format, so the compiler lets bad ones through. */
static void unknown_conversions(struct ktest *t)
{
	static const struct {
		const char *fmt, *expect;
	} cases[] = {
		{ "%y", "%y" },
		{ "a%", "a%" },
		{ "abc%-5", "abc%-5" },
		{ "%#5.2q|", "%#5.2q|" },
	};
	char buf[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *fmt = cases[i].fmt;

		snprintf(buf, sizeof(buf), fmt, 0);
		KTEST_EXPECT_STREQ(t, buf, cases[i].expect);
	}
}

static const struct ktest_case vsprintf_cases[] = {
	KTEST_CASE(signed_decimal),
	KTEST_CASE(lengths),
	KTEST_CASE(hex_and_octal),
	KTEST_CASE(star_width_and_precision),
	KTEST_CASE(strings_and_chars),
	KTEST_CASE(pointers),
	KTEST_CASE(truncation),
	KTEST_CASE(unknown_conversions),
	{},
};
KTEST_SUITE(vsprintf, vsprintf_cases);
