// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the shell's command table, which the linker builds from every
 * KSHELL_COMMAND(): sorted by name (help lists it so), names unique,
 * each command with a function, help and a sane argument range, and
 * help's line for it within 80 columns.
 */
#include <kernel/kshell.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

static void command_table_is_sound(struct ktest *t)
{
	const struct kshell_command *const *cmds;
	size_t n, i, synopsis;

	cmds = kshell_commands(&n);
	KTEST_EXPECT_GE(t, n, 15);
	for (i = 0; i < n; i++) {
		const struct kshell_command *c = cmds[i];

		ktest_check(t, c->run && c->help && *c->help, __FILE__, __LINE__,
			    "%s: no function or no help", c->name);
		ktest_check(t, c->min_args >= 0 && c->min_args <= c->max_args, __FILE__, __LINE__,
			    "%s: arguments %d to %d", c->name, c->min_args, c->max_args);
		synopsis = strlen(c->name) + 1 + strlen(c->usage ?: "");
		ktest_check(
			t,
			synopsis <= KSHELL_SYNOPSIS_MAX && strlen(c->help ?: "") <= KSHELL_HELP_MAX,
			__FILE__, __LINE__, "%s: help's line is wider than 80 columns", c->name);
		ktest_check(t, !c->usage == !c->max_args, __FILE__, __LINE__,
			    "%s: usage \"%s\" for at most %d arguments", c->name, c->usage ?: "",
			    c->max_args);
		if (i)
			ktest_check(t, strcmp(cmds[i - 1]->name, c->name) < 0, __FILE__, __LINE__,
				    "%s after %s: not sorted, or twice", c->name,
				    cmds[i - 1]->name);
	}
}

static const struct ktest_case kshell_cases[] = {
	KTEST_CASE(command_table_is_sound),
	{},
};
KTEST_SUITE(kshell, kshell_cases);
