// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel command line parsing.
 *
 * The command line comes from the boot loader, or from CONFIG_CMDLINE when
 * the loader passed none or an empty one.  Each word is matched against
 * the kernel_param() table the linker collected; see <kernel/params.h>.
 */
#include <kernel/ctype.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define COMMAND_LINE_SIZE 1024

extern const struct kernel_param __kernel_params_start[], __kernel_params_end[];

static char command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE];
const char *saved_command_line = command_line;

static char *skip_spaces(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (char *)s;
}

char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false;
	char *p, *out, *eq = NULL;

	args = skip_spaces(args);
	if (!*args)
		return NULL;

	/* Copy the word onto itself without its quotes, noting the first '='. */
	*param = out = args;
	for (p = args; *p && (in_quote || !isspace((unsigned char)*p)); p++) {
		if (*p == '"') {
			in_quote = !in_quote;
			continue;
		}
		if (*p == '=' && !eq)
			eq = out;
		*out++ = *p;
	}
	if (*p)
		p++; /* past the space that ended the word */
	*out = '\0';

	*val = NULL;
	if (eq) {
		*eq = '\0';
		*val = eq + 1;
	}
	return p;
}

static const struct kernel_param *find_param(const struct kernel_param *params, size_t num,
					     const char *name)
{
	size_t i;

	for (i = 0; i < num; i++)
		if (!strcmp(params[i].name, name))
			return &params[i];
	return NULL;
}

int parse_args(char *args, const struct kernel_param *params, size_t num,
	       void (*unknown)(const char *param, const char *val))
{
	char *param, *val;
	int failed = 0;

	while ((args = next_arg(args, &param, &val))) {
		const struct kernel_param *kp = find_param(params, num, param);
		int err;

		if (!kp) {
			if (unknown)
				unknown(param, val);
			continue;
		}
		err = kp->set(val);
		if (err) {
			pr_err("Bad value for parameter %s%s%s (error %d), ignored\n", param,
			       val ? "=" : "", val ? val : "", err);
			failed++;
		}
	}
	return failed;
}

static void report_unknown(const char *param, const char *val)
{
	pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n", param,
		val ? "=" : "", val ? val : "");
}

void parse_kernel_params(const char *cmdline)
{
	if (!cmdline || !*skip_spaces(cmdline))
		cmdline = CONFIG_CMDLINE;
	if (strscpy(command_line, cmdline, sizeof(command_line)) < 0)
		pr_warn("Command line longer than %d bytes, truncated\n", COMMAND_LINE_SIZE - 1);
	pr_notice("Command line: %s\n", command_line);
	strscpy(parse_buf, command_line, sizeof(parse_buf));
	parse_args(parse_buf, __kernel_params_start, __kernel_params_end - __kernel_params_start,
		   report_unknown);
}
