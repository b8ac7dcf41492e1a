// SPDX-License-Identifier: GPL-2.0
/*
 * kshell_split(); see args.h.
 *
 * The words are written back into the line itself: a word never gets
 * longer than the text it came from (quotes and backslashes only go), so
 * the write position never passes the read position, and no memory is
 * needed beyond the line.
 */
#include <kernel/errno.h>
#include <kernel/types.h>
#include "args.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Copy the word at *@in to @out, undoing its quotes; stop at a blank or
 * the end.  Returns the end of the copy, or NULL for bad quoting.
 */
static char *copy_word(const char **in, char *out)
{
	const char *p = *in;
	char quote = 0;

	for (; *p && (quote || !is_blank(*p)); p++) {
		if (quote == '\'' && *p != '\'') {
			*out++ = *p;
		} else if (*p == '\\' && (!quote || p[1] == '"' || p[1] == '\\')) {
			if (!*++p)
				return NULL;
			*out++ = *p;
		} else if (*p == quote) {
			quote = 0;
		} else if (!quote && (*p == '\'' || *p == '"')) {
			quote = *p;
		} else {
			*out++ = *p;
		}
	}
	*in = p;
	return quote ? NULL : out;
}

int kshell_split(char *line, char **argv, int max)
{
	const char *in = line;
	char *out = line;
	int argc = 0;

	for (;;) {
		while (is_blank(*in))
			in++;
		if (!*in)
			break;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = out;
		out = copy_word(&in, out);
		if (!out)
			return -EINVAL;
		/*
		 * The NUL may land on the blank that ended the word, which was
		 * read already, or on the line's own end.
		 */
		if (*in)
			in++;
		*out++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}
