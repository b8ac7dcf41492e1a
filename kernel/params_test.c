// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of command line splitting and parameter dispatch, on a parameter
 * table of the test's own.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <kernel/string.h>

static void next_arg_splits_words(struct ktest *t)
{
	char line[] = "  loglevel=8 quiet  ktest.filter=a=b";
	char *rest = line, *param, *val;

	rest = next_arg(rest, &param, &val);
	KTEST_ASSERT_NOT_NULL(t, rest);
	KTEST_EXPECT_STREQ(t, param, "loglevel");
	KTEST_EXPECT_STREQ(t, val, "8");
	rest = next_arg(rest, &param, &val);
	KTEST_ASSERT_NOT_NULL(t, rest);
	KTEST_EXPECT_STREQ(t, param, "quiet");
	KTEST_EXPECT_NULL(t, val);
	rest = next_arg(rest, &param, &val);
	KTEST_ASSERT_NOT_NULL(t, rest);
	KTEST_EXPECT_STREQ(t, param, "ktest.filter");
	KTEST_EXPECT_STREQ(t, val, "a=b"); /* only the first '=' splits */
	KTEST_EXPECT_NULL(t, next_arg(rest, &param, &val));
}

static void next_arg_honours_quotes(struct ktest *t)
{
	char line[] = "name=\"a b\" \"x=y z\" last";
	char *rest = line, *param, *val;

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "name");
	KTEST_EXPECT_STREQ(t, val, "a b");
	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "x");
	KTEST_EXPECT_STREQ(t, val, "y z");
	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "last");
}

static int seen_number;
static int seen_flag;
static int unknown_count;
static char unknown_name[32];

static int set_number(const char *val)
{
	if (!val || strcmp(val, "42"))
		return -EINVAL;
	seen_number++;
	return 0;
}

static int set_flag(const char *val)
{
	seen_flag++;
	return val ? -EINVAL : 0;
}

static void note_unknown(const char *param, const char *val)
{
	unknown_count++;
	strscpy(unknown_name, param, sizeof(unknown_name));
}

static void parse_args_dispatches(struct ktest *t)
{
	static const struct kernel_param params[] = {
		{ .name = "number", .set = set_number },
		{ .name = "flag", .set = set_flag },
	};
	char line[] = "number=42 flag mystery=1 number=7 flag=x";
	u64 since = ktest_mute_console();
	int failed;

	seen_number = seen_flag = unknown_count = 0;
	failed = parse_args(line, params, ARRAY_SIZE(params), note_unknown);
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "Bad value for parameter number=7"));
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "Bad value for parameter flag=x"));
	KTEST_EXPECT_EQ(t, seen_number, 1);
	KTEST_EXPECT_EQ(t, seen_flag, 2);
	KTEST_EXPECT_EQ(t, unknown_count, 1);
	KTEST_EXPECT_STREQ(t, unknown_name, "mystery");
	KTEST_EXPECT_EQ(t, failed, 2); /* number=7 and flag=x */
}

static void empty_line_has_no_args(struct ktest *t)
{
	char line[] = "   ";
	char *param, *val;

	KTEST_EXPECT_NULL(t, next_arg(line, &param, &val));
}

static const struct ktest_case params_cases[] = {
	KTEST_CASE(next_arg_splits_words),
	KTEST_CASE(next_arg_honours_quotes),
	KTEST_CASE(parse_args_dispatches),
	KTEST_CASE(empty_line_has_no_args),
	{},
};
KTEST_SUITE(cmdline, params_cases);
