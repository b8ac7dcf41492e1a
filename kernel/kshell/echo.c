// SPDX-License-Identifier: GPL-2.0
/*
 * echo: print the arguments, one blank between them, as after the
 * shell's quote handling.
 */
#include <kernel/kshell.h>

static int echo_run(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		kshell_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	kshell_printf("\n");
	return 0;
}
KSHELL_COMMAND(echo, .usage = "[WORD...]", .max_args = 15, .run = echo_run,
	       .help = "print the words");
