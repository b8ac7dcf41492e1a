// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the strict number parsers, as tables of input and outcome.
 */
#include <kernel/errno.h>
#include <kernel/kstrtox.h>
#include <kernel/ktest.h>

static const struct {
	const char *s;
	unsigned int base;
	int err;
	unsigned long long val;
} ull_cases[] = {
	{ "0", 10, 0, 0 },
	{ "42", 10, 0, 42 },
	{ "+42", 10, 0, 42 },
	{ "42\n", 10, 0, 42 },
	{ "0x1f", 0, 0, 31 },
	{ "0X1F", 16, 0, 31 },
	{ "1f", 16, 0, 31 },
	{ "017", 0, 0, 15 },
	{ "0", 0, 0, 0 },
	{ "18446744073709551615", 10, 0, ~0ULL },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "", 10, -EINVAL, 0 },
	{ "\n", 10, -EINVAL, 0 },
	{ "12a", 10, -EINVAL, 0 },
	{ " 12", 10, -EINVAL, 0 },
	{ "12\n\n", 10, -EINVAL, 0 },
	{ "-1", 10, -EINVAL, 0 },
	{ "0x", 16, -EINVAL, 0 },
	{ "8", 8, -EINVAL, 0 },
	{ "z", 36, 0, 35 },
	{ "1", 1, -EINVAL, 0 },
};

static void kstrtoull_table(struct ktest *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ull_cases); i++) {
		unsigned long long val = 0;
		int err = kstrtoull(ull_cases[i].s, ull_cases[i].base, &val);

		ktest_check(t, err == ull_cases[i].err, __FILE__, __LINE__,
			    "kstrtoull(\"%s\", %u) returned %d, expected %d", ull_cases[i].s,
			    ull_cases[i].base, err, ull_cases[i].err);
		if (!err)
			KTEST_EXPECT_EQ(t, val, ull_cases[i].val);
	}
}

/* One sign at most, and only before the digits or the "0x", as in Linux. */
static const struct {
	const char *s;
	unsigned int base;
	int err;
	long long val;
} ll_cases[] = {
	{ "-5", 10, 0, -5 },	      { "+5", 10, 0, 5 },	 { "-0x10", 0, 0, -16 },
	{ "-0x10", 16, 0, -16 },      { "-+5", 10, -EINVAL, 0 }, { "+-5", 10, -EINVAL, 0 },
	{ "--5", 10, -EINVAL, 0 },    { "++5", 10, -EINVAL, 0 }, { "-+0x10", 0, -EINVAL, 0 },
	{ "-+0x10", 16, -EINVAL, 0 }, { "-", 10, -EINVAL, 0 },	 { "- 5", 10, -EINVAL, 0 },
	{ "0x-5", 16, -EINVAL, 0 },
};

static void kstrtoll_table(struct ktest *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ll_cases); i++) {
		long long val = 0;
		int err = kstrtoll(ll_cases[i].s, ll_cases[i].base, &val);

		ktest_check(t, err == ll_cases[i].err, __FILE__, __LINE__,
			    "kstrtoll(\"%s\", %u) returned %d, expected %d", ll_cases[i].s,
			    ll_cases[i].base, err, ll_cases[i].err);
		if (!err)
			KTEST_EXPECT_EQ(t, val, ll_cases[i].val);
	}
}

static void kstrtoint_one_sign(struct ktest *t)
{
	int v = 7;

	KTEST_EXPECT_EQ(t, kstrtoint("-+5", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoint("+-5", 0, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, v, 7); /* unchanged on error */
}

static void kstrtoint_limits(struct ktest *t)
{
	int v = 0;
	long long ll = 0;

	KTEST_EXPECT_EQ(t, kstrtoint("2147483647", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, 2147483647);
	KTEST_EXPECT_EQ(t, kstrtoint("-2147483648", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, -2147483647 - 1);
	KTEST_EXPECT_EQ(t, kstrtoint("2147483648", 10, &v), -ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoint("-2147483649", 10, &v), -ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoll("-9223372036854775808", 10, &ll), 0);
	KTEST_EXPECT_TRUE(t, ll == -9223372036854775807LL - 1);
	KTEST_EXPECT_EQ(t, kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoint("--1", 10, &v), -EINVAL);
}

static void kstrtouint_range(struct ktest *t)
{
	unsigned int v = 0;

	KTEST_EXPECT_EQ(t, kstrtouint("4294967295", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, 4294967295U);
	KTEST_EXPECT_EQ(t, kstrtouint("4294967296", 10, &v), -ERANGE);
}

static void kstrtobool_words(struct ktest *t)
{
	bool b = false;

	KTEST_EXPECT_EQ(t, kstrtobool("on", &b), 0);
	KTEST_EXPECT_TRUE(t, b);
	KTEST_EXPECT_EQ(t, kstrtobool("0", &b), 0);
	KTEST_EXPECT_FALSE(t, b);
	KTEST_EXPECT_EQ(t, kstrtobool("Y", &b), 0);
	KTEST_EXPECT_TRUE(t, b);
	KTEST_EXPECT_EQ(t, kstrtobool("maybe", &b), -EINVAL);
	KTEST_EXPECT_TRUE(t, b); /* unchanged on error */
}

static const struct ktest_case kstrtox_cases[] = {
	KTEST_CASE(kstrtoull_table),
	KTEST_CASE(kstrtoll_table),
	KTEST_CASE(kstrtoint_one_sign),
	KTEST_CASE(kstrtoint_limits),
	KTEST_CASE(kstrtouint_range),
	KTEST_CASE(kstrtobool_words),
	{},
};
KTEST_SUITE(kstrtox, kstrtox_cases);
