/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included before every kernel source file (-include on the command line).
 *
 * Brings in the configuration (generated/autoconf.h, written by kconfig) and
 * IS_ENABLED(), which turns a boolean option into a 0/1 expression so that
 * code can say "if (IS_ENABLED(CONFIG_X))" instead of "#ifdef CONFIG_X":
 * both branches are then compiled, and checked, in every configuration,
 * and the optimizer removes the dead one.
 *
 * How it works: kconfig defines an enabled option as 1.  Pasting the
 * option's value onto __kconfig_arg_ gives __kconfig_arg_1, which expands
 * to "0," and shifts a 1 into the second argument position; any other
 * value (an undefined option stays a bare name) pastes to an unknown
 * token, and 0 stays second.
 */
#ifndef _KERNEL_KCONFIG_H
#define _KERNEL_KCONFIG_H

#include <generated/autoconf.h>

#define __kconfig_arg_1			    0,
#define __kconfig_second(ignored, val, ...) val
#define __kconfig_pick(arg_or_junk)	    __kconfig_second(arg_or_junk 1, 0, 0)
#define __kconfig_paste(val)		    __kconfig_pick(__kconfig_arg_##val)
#define __kconfig_is_defined(x)		    __kconfig_paste(x)

/* 1 if the boolean option is set, 0 otherwise; usable in #if and in C. */
#define IS_ENABLED(option) __kconfig_is_defined(option)

#endif
