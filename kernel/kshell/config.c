// SPDX-License-Identifier: GPL-2.0
/*
 * config: the .config this kernel was built with, as embedded by
 * CONFIG_IKCONFIG (kernel/configs.c).  A kernel without it says which
 * option would bring it.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/ikconfig.h>
#include <kernel/kshell.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/*
 * A line at a time: each console_write() runs with interrupts off, and a
 * real UART takes a while over the whole file.
 */
static void write_lines(const char *text, const char *end)
{
	const char *nl;

	for (; text < end; text = nl + 1) {
		nl = memchr(text, '\n', end - text);
		if (!nl)
			nl = end - 1;
		console_write(text, nl + 1 - text, LOGLEVEL_INFO);
	}
}

static int config_run(int argc, char **argv)
{
	if (!IS_ENABLED(CONFIG_IKCONFIG)) {
		kshell_error(argv[0], "this kernel has no copy of its .config (CONFIG_IKCONFIG)\n");
		return -ENOENT;
	}
	write_lines(kernel_config_data, kernel_config_data_end);
	return 0;
}
KSHELL_COMMAND(config, .run = config_run, .help = "the .config this kernel was built with");
