// SPDX-License-Identifier: GPL-2.0
/*
 * Self-tests of the test framework: a check that cannot fail proves
 * nothing, so each kind of check is run once where it must pass and once
 * where it must fail, on a private context that prints nothing.
 */
#include <kernel/ktest.h>

static int reached_after_assert;

static void passing_checks(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, 2 + 2, 4);
	KTEST_EXPECT_NE(t, 1, 2);
	KTEST_EXPECT_LT(t, -1, 0);
	KTEST_EXPECT_GE(t, 3, 3);
	KTEST_EXPECT_TRUE(t, 1);
	KTEST_EXPECT_FALSE(t, 0);
	KTEST_EXPECT_STREQ(t, "ab", "ab");
	KTEST_EXPECT_MEMEQ(t, "abc", "abc", 3);
	KTEST_EXPECT_NULL(t, NULL);
}

static void failing_eq(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, 2 + 2, 5);
}

static void failing_streq(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, "ab", "ac");
}

static void failing_streq_null(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, NULL, "a");
}

static void failing_memeq(struct ktest *t)
{
	KTEST_EXPECT_MEMEQ(t, "abc", "abd", 3);
}

static void failing_assert(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, 0);
	reached_after_assert = 1;
}

static void skipping(struct ktest *t)
{
	ktest_skip(t, "not applicable");
}

static void passing_checks_pass(struct ktest *t)
{
	struct ktest inner;

	ktest_run_quiet(&inner, passing_checks);
	KTEST_EXPECT_FALSE(t, inner.failed);
}

static void failing_checks_fail(struct ktest *t)
{
	static void (*const failing[])(struct ktest *) = {
		failing_eq,
		failing_streq,
		failing_streq_null,
		failing_memeq,
	};
	struct ktest inner;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(failing); i++) {
		ktest_run_quiet(&inner, failing[i]);
		KTEST_EXPECT_TRUE(t, inner.failed);
	}
}

static void assert_stops_the_case(struct ktest *t)
{
	struct ktest inner;

	reached_after_assert = 0;
	ktest_run_quiet(&inner, failing_assert);
	KTEST_EXPECT_TRUE(t, inner.failed);
	KTEST_EXPECT_EQ(t, reached_after_assert, 0);
}

static void skip_is_not_failure(struct ktest *t)
{
	struct ktest inner;

	ktest_run_quiet(&inner, skipping);
	KTEST_EXPECT_TRUE(t, inner.skipped);
	KTEST_EXPECT_FALSE(t, inner.failed);
	KTEST_EXPECT_STREQ(t, inner.skip_reason, "not applicable");
}

static const struct ktest_case ktest_selftest_cases[] = {
	KTEST_CASE(passing_checks_pass),
	KTEST_CASE(failing_checks_fail),
	KTEST_CASE(assert_stops_the_case),
	KTEST_CASE(skip_is_not_failure),
	{},
};
KTEST_SUITE(ktest, ktest_selftest_cases);
