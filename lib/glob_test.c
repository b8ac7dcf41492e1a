// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of glob_match(), as a table of pattern, string and verdict.
 */
#include <kernel/glob.h>
#include <kernel/ktest.h>

static const struct {
	const char *pattern, *str;
	bool match;
} glob_cases[] = {
	{ "", "", true },
	{ "", "a", false },
	{ "*", "", true },
	{ "*", "anything", true },
	{ "abc", "abc", true },
	{ "abc", "abcd", false },
	{ "abc*", "abcd", true },
	{ "*cd", "abcd", true },
	{ "*cd", "abcde", false },
	{ "a*c*e", "abcde", true },
	{ "a*c*e", "abcdf", false },
	{ "a?c", "abc", true },
	{ "a?c", "ac", false },
	{ "str*", "string", true },
	{ "*ing", "string", true },
	{ "*i*i*", "mississippi", true },
	{ "*sip*", "mississippi", true },
	{ "*x*", "mississippi", false },
	{ "**a", "a", true },
	{ "a*", "b", false },
};

static void glob_table(struct ktest *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(glob_cases); i++)
		ktest_check(t,
			    glob_match(glob_cases[i].pattern, glob_cases[i].str) ==
				    glob_cases[i].match,
			    __FILE__, __LINE__, "glob_match(\"%s\", \"%s\") should be %s",
			    glob_cases[i].pattern, glob_cases[i].str,
			    glob_cases[i].match ? "true" : "false");
}

static const struct ktest_case glob_test_cases[] = {
	KTEST_CASE(glob_table),
	{},
};
KTEST_SUITE(glob, glob_test_cases);
