/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Splitting a command line into words (args.c), as a Unix shell does
 * for the simple cases: blanks separate words; '...' keeps everything
 * inside as it is; "..." keeps blanks and lets a backslash escape " and
 * \; outside quotes a backslash makes the next character plain.
 */
#ifndef _KERNEL_KSHELL_ARGS_H
#define _KERNEL_KSHELL_ARGS_H

#define KSHELL_MAX_ARGS 16

/*
 * Split @line in place (the words are written over it) into at most @max
 * words at @argv, followed by NULL, so @argv has room for @max + 1
 * pointers.  Returns the number of words, -E2BIG for more than @max, or
 * -EINVAL for an unterminated quote or a backslash at the end.
 */
int kshell_split(char *line, char **argv, int max);

#endif
