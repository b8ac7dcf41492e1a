/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel command line parameters (kernel/params.c).
 *
 * A parameter is declared next to the code it configures:
 *
 *	static int set_loglevel(const char *val) { ... }
 *	kernel_param("loglevel", set_loglevel);
 *
 * The handler gets the text after '=' (NULL for a bare word such as
 * "quiet") and returns 0 or a negative errno; a failure is reported with
 * the parameter's name.  Parameters nobody declared are reported too.
 */
#ifndef _KERNEL_PARAMS_H
#define _KERNEL_PARAMS_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct kernel_param {
	const char *name;
	int (*set)(const char *val);
};

#define kernel_param(pname, fn)                                                                 \
	static const struct kernel_param __kernel_param_##fn __used __section(".kernel_params") \
		__aligned(sizeof(void *)) = {                                                   \
			.name = pname,                                                          \
			.set = fn,                                                              \
		}

/*
 * Split @args in place into the next "param" or "param=value" (double
 * quotes group spaces: param="a b" or "param=a b").  Returns where the
 * rest starts, with *@param and *@val set (*@val is NULL when there was no
 * '='), or NULL when nothing is left.
 */
char *next_arg(char *args, char **param, char **val);

/*
 * Parse @args in place against the @num parameters at @params.  Unknown
 * parameters are passed to @unknown when it is not NULL.  Returns the
 * number of parameters whose handler failed.
 */
int parse_args(char *args, const struct kernel_param *params, size_t num,
	       void (*unknown)(const char *param, const char *val));

/* The command line in effect (boot loader's, or CONFIG_CMDLINE). */
extern const char *saved_command_line;

/* Parse the boot command line against every kernel_param(). */
void parse_kernel_params(const char *cmdline);

#endif
