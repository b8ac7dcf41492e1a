// SPDX-License-Identifier: GPL-2.0
/*
 * help: every command in the table, with its arguments and what it does,
 * and the keys the line editor knows.
 */
#include <kernel/kshell.h>
#include <kernel/sprintf.h>

static int help_run(int argc, char **argv)
{
	const struct kshell_command *const *cmds;
	char synopsis[KSHELL_SYNOPSIS_MAX + 1];
	size_t n, i;

	cmds = kshell_commands(&n);
	for (i = 0; i < n; i++) {
		scnprintf(synopsis, sizeof(synopsis), "%s %s", cmds[i]->name, cmds[i]->usage ?: "");
		kshell_printf("  %-*s %s\n", KSHELL_SYNOPSIS_MAX, synopsis, cmds[i]->help);
	}
	kshell_printf("Keys: Backspace, Ctrl-U (erase the line), Ctrl-C (cancel), Up/Down "
		      "(history)\n");
	return 0;
}
KSHELL_COMMAND(help, .run = help_run, .help = "list the commands");
