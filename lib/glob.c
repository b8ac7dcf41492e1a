// SPDX-License-Identifier: GPL-2.0
/*
 * Wildcard matching with '*' and '?'.
 *
 * Greedy with one backtrack point: on a mismatch after a '*', retry with
 * the '*' swallowing one more character.  This is linear in practice and
 * needs no recursion, which matters on a small kernel stack.
 */
#include <kernel/glob.h>

bool glob_match(const char *pattern, const char *str)
{
	const char *star = NULL, *resume = NULL;

	while (*str) {
		if (*pattern == '*') {
			star = ++pattern;
			resume = str;
		} else if (*pattern == '?' || *pattern == *str) {
			pattern++;
			str++;
		} else if (star) {
			pattern = star;
			str = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}
