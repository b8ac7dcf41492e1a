// SPDX-License-Identifier: GPL-2.0
/*
 * config: the .config this kernel was built with, as embedded by
 * CONFIG_IKCONFIG (kernel/configs.c), or only its lines that hold
 * PATTERN ("config HZ"), or that match it as a whole when it has a
 * wildcard ("config CONFIG_SCHED_*=y"), as "zcat /proc/config.gz | grep"
 * would give them: 130 lines do not fit on a screen.  A kernel without
 * the copy says which option would bring it.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/glob.h>
#include <kernel/ikconfig.h>
#include <kernel/kshell.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* Longer lines are matched on their start, and printed whole. */
#define MATCH_MAX 256

static bool line_matches(const char *line, size_t len, const char *pattern)
{
	char text[MATCH_MAX];

	if (!pattern)
		return true;
	len = min(len, sizeof(text) - 1);
	memcpy(text, line, len);
	text[len] = '\0';
	if (strchr(pattern, '*') || strchr(pattern, '?'))
		return glob_match(pattern, text);
	return strstr(text, pattern);
}

/*
 * A line at a time: each console_write() runs with interrupts off, and a
 * real UART takes a while over the whole file.  The lines printed.
 */
static unsigned int write_lines(const char *text, const char *end, const char *pattern)
{
	unsigned int n = 0;
	const char *nl;

	for (; text < end; text = nl + 1) {
		nl = memchr(text, '\n', end - text);
		if (!nl)
			nl = end - 1;
		if (!line_matches(text, nl - text, pattern))
			continue;
		console_write(text, nl + 1 - text, LOGLEVEL_INFO);
		n++;
	}
	return n;
}

static int config_run(int argc, char **argv)
{
	const char *pattern = argc > 1 ? argv[1] : NULL;

	if (!IS_ENABLED(CONFIG_IKCONFIG)) {
		kshell_error(argv[0], "this kernel has no copy of its .config (CONFIG_IKCONFIG)\n");
		return -ENOENT;
	}
	if (!write_lines(kernel_config_data, kernel_config_data_end, pattern) && pattern) {
		kshell_error(argv[0], "no line matches '%s'\n", pattern);
		return -ENOENT;
	}
	return 0;
}
KSHELL_COMMAND(config, .usage = "[PATTERN]", .max_args = 1, .run = config_run,
	       .help = "the .config, or its lines holding PATTERN");
