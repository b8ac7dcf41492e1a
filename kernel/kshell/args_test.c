// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the shell's word splitting: blanks, both quotes, backslashes,
 * empty words, bad quoting and too many words.  Runs in the kernel and on
 * the host, which also fuzzes it (arch/host/kernel/kshell_fuzz.c).
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "args.h"

struct split_case {
	const char *line;
	int argc;	   /* or the error */
	const char *words; /* the words joined with '|' */
};

static const struct split_case split_cases[] = {
	{ "", 0, "" },
	{ " \t ", 0, "" },
	{ "ps", 1, "ps" },
	{ "  spawn  cpu\t2 ", 3, "spawn|cpu|2" },
	{ "echo 'a b'  c", 3, "echo|a b|c" },
	{ "echo \"a 'b' \\\"c\\\"\"", 2, "echo|a 'b' \"c\"" },
	{ "echo a\\ b", 2, "echo|a b" },
	{ "echo '' \"\"", 3, "echo||" },
	{ "echo x\"y z\"w", 2, "echo|xy zw" },
	{ "echo 'a\\b' \"c\\d\" \"e\\\\f\"", 4, "echo|a\\b|c\\d|e\\f" },
	{ "echo 'a", -EINVAL, NULL },
	{ "echo \"a", -EINVAL, NULL },
	{ "echo a\\", -EINVAL, NULL },
	{ "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", 16, "1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16" },
	{ "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", -E2BIG, NULL },
};

static void split_table(struct ktest *t)
{
	char line[128], joined[128], *argv[KSHELL_MAX_ARGS + 1];
	size_t i, n;
	int argc, j;

	for (i = 0; i < ARRAY_SIZE(split_cases); i++) {
		const struct split_case *c = &split_cases[i];

		strscpy(line, c->line, sizeof(line));
		argc = kshell_split(line, argv, KSHELL_MAX_ARGS);
		if (!ktest_check(t, argc == c->argc, __FILE__, __LINE__,
				 "'%s': %d words, expected %d", c->line, argc, c->argc) ||
		    argc < 0)
			continue;
		joined[0] = '\0';
		for (j = 0, n = 0; j < argc; j++)
			n += scnprintf(joined + n, sizeof(joined) - n, "%s%s", j ? "|" : "",
				       argv[j]);
		ktest_check(t, !strcmp(joined, c->words) && !argv[argc], __FILE__, __LINE__,
			    "'%s': words \"%s\", expected \"%s\"", c->line, joined, c->words);
	}
}

/* The limit is the caller's: a small one is honoured, and argv[max] is NULL. */
static void split_respects_max(struct ktest *t)
{
	char line[] = "a b c", *argv[3];

	KTEST_EXPECT_EQ(t, kshell_split(line, argv, 2), -E2BIG);
	strscpy(line, "a b", sizeof(line));
	KTEST_EXPECT_EQ(t, kshell_split(line, argv, 2), 2);
	KTEST_EXPECT_TRUE(t, argv[2] == NULL);
}

static const struct ktest_case args_cases[] = {
	KTEST_CASE(split_table),
	KTEST_CASE(split_respects_max),
	{},
};
KTEST_SUITE(kshell_args, args_cases);
