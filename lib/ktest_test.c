// SPDX-License-Identifier: GPL-2.0
/*
 * Self-tests of the test framework: a check that cannot fail proves
 * nothing, so each kind of check is run once where it must pass and once
 * where it must fail, on a private context that prints nothing.
 */
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

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

/* The list the last line of the boot names failed cases with. */
static void failed_cases_are_listed_within_bounds(struct ktest *t)
{
	struct ktest_failed f = {};
	char more[48];
	size_t len;
	int i, listed;

	KTEST_EXPECT_STREQ(t, f.text, "");
	ktest_failed_add(&f, "time", "ktime_agrees_with_pit_channel2");
	KTEST_EXPECT_STREQ(t, f.text, "time.ktime_agrees_with_pit_channel2");
	ktest_failed_add(&f, "timer", "ticks_and_jiffies_advance_at_hz");
	KTEST_EXPECT_STREQ(
		t, f.text,
		"time.ktime_agrees_with_pit_channel2, timer.ticks_and_jiffies_advance_at_hz");

	/* More than fit: whole names, then the count of the others. */
	for (i = 0; i < 20; i++)
		ktest_failed_add(&f, "suite", "a_case_with_a_long_name");
	listed = 0;
	for (i = 0; f.text[i]; i++)
		listed += f.text[i] == ',';
	listed++;
	KTEST_EXPECT_GT(t, f.more, 0);
	KTEST_EXPECT_EQ(t, listed + f.more, 22);
	scnprintf(more, sizeof(more), "a_case_with_a_long_name and %d more", f.more);
	len = strlen(f.text);
	KTEST_ASSERT_TRUE(t, len >= strlen(more) && len < sizeof(f.text));
	KTEST_EXPECT_STREQ(t, f.text + len - strlen(more), more);

	/* A short name after the list overflowed is counted, not listed. */
	ktest_failed_add(&f, "a", "b");
	KTEST_EXPECT_EQ(t, listed + f.more, 23);
	scnprintf(more, sizeof(more), "a_case_with_a_long_name and %d more", f.more);
	KTEST_EXPECT_STREQ(t, f.text + strlen(f.text) - strlen(more), more);
}

static const struct ktest_case ktest_selftest_cases[] = {
	KTEST_CASE(passing_checks_pass),
	KTEST_CASE(failing_checks_fail),
	KTEST_CASE(assert_stops_the_case),
	KTEST_CASE(skip_is_not_failure),
	KTEST_CASE(failed_cases_are_listed_within_bounds),
	{},
};
KTEST_SUITE(ktest, ktest_selftest_cases);
