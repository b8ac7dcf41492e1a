/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel shell (kernel/kshell/): commands typed on the consoles.
 *
 * A command is one file that defines its function and declares it with
 * KSHELL_COMMAND(), which puts it in a linker-section table (as ktest
 * suites are); the shell looks commands up there and "help" lists them,
 * in the order of their names:
 *
 *	static int uptime_run(int argc, char **argv)
 *	{
 *		kshell_printf("up %llu s\n", ktime_get() / NSEC_PER_SEC);
 *		return 0;
 *	}
 *	KSHELL_COMMAND(uptime, .run = uptime_run,
 *		       .help = "time since boot, clocksource, context switches");
 *
 * The shell checks the number of arguments against min_args and
 * max_args before it calls run(), with argv[0] the command's name.
 * Documentation/core/kshell.md has the rest.
 */
#ifndef _KERNEL_KSHELL_H
#define _KERNEL_KSHELL_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/* help prints "  SYNOPSIS HELP" in 79 columns: each part's limit. */
#define KSHELL_SYNOPSIS_MAX 30 /* name, blank, usage */
#define KSHELL_HELP_MAX	    46

struct kshell_command {
	const char *name;
	const char *usage;	/* the arguments, as "PID VALUE"; NULL for none */
	const char *help;	/* one line */
	int min_args, max_args; /* arguments after the name */
	/* 0, or a negative errno once the command has said what went wrong */
	int (*run)(int argc, char **argv);
};

#define KSHELL_COMMAND(cname, ...)                                                                 \
	static const struct kshell_command __kshell_cmd_##cname = { .name = #cname, __VA_ARGS__ }; \
	static const struct kshell_command *const __kshell_ptr_##cname __used __section(           \
		".kshell_commands." #cname) __aligned(sizeof(void *)) = &__kshell_cmd_##cname

/* Write to the consoles, not to the kernel log: the shell's output is the user's. */
__printf(1, 2) void kshell_printf(const char *fmt, ...);
/* "kshell: CMD: message", the shape of every error the shell reports. */
__printf(2, 3) void kshell_error(const char *cmd, const char *fmt, ...);
/*
 * Parse @arg as an integer from @min to @max into *@val, or say why not
 * (naming @what) and return -EINVAL.
 */
int kshell_parse_int(const char *cmd, const char *what, const char *arg, int min, int max,
		     int *val);
/*
 * Wait up to @ms milliseconds for a key: true if one came, and then
 * everything typed was read (commands such as top stop at any key).
 */
bool kshell_key_pressed(unsigned int ms);

/* The table of commands, in the order of their names: *@count pointers. */
const struct kshell_command *const *kshell_commands(size_t *count);

/* init's last job: run the shell, and start a new one should it ever end. */
__noreturn void kshell_run(void);

#endif
