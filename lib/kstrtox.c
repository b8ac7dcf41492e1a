// SPDX-License-Identifier: GPL-2.0
/*
 * Strict string-to-integer conversion for command line values and other
 * text from outside: no leading spaces, no trailing garbage, overflow is
 * an error.  See <kernel/kstrtox.h>.
 */
#include <kernel/compiler.h>
#include <kernel/ctype.h>
#include <kernel/errno.h>
#include <kernel/kstrtox.h>
#include <kernel/string.h>

static unsigned int detect_base(const char **s, unsigned int base)
{
	const char *p = *s;

	if (base == 0) {
		if (p[0] == '0' && tolower((unsigned char)p[1]) == 'x' &&
		    isxdigit((unsigned char)p[2]))
			base = 16;
		else if (p[0] == '0')
			base = 8;
		else
			base = 10;
	}
	if (base == 16 && p[0] == '0' && tolower((unsigned char)p[1]) == 'x')
		p += 2;
	*s = p;
	return base;
}

static int digit_value(char c)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	if (isalpha((unsigned char)c))
		return tolower((unsigned char)c) - 'a' + 10;
	return 99;
}

/* Digits (after an optional "0x"), no sign: the signs are the callers' business. */
static int parse_digits(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long val = 0;
	const char *start;

	if (base == 1 || base > 36)
		return -EINVAL;
	base = detect_base(&s, base);
	for (start = s; *s && *s != '\n'; s++) {
		int d = digit_value(*s);

		if (d >= (int)base)
			return -EINVAL;
		if (val > (~0ULL - d) / base)
			return -ERANGE;
		val = val * base + d;
	}
	if (s == start || (*s == '\n' && s[1]))
		return -EINVAL;
	*res = val;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return parse_digits(s + (*s == '+'), base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long mag;
	bool neg = *s == '-';
	int err = parse_digits(s + (neg || *s == '+'), base, &mag);

	if (err)
		return err;
	if (neg ? mag > (unsigned long long)__LONG_LONG_MAX__ + 1 : mag > __LONG_LONG_MAX__)
		return -ERANGE;
	*res = neg ? (long long)(0ULL - mag) : (long long)mag;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long val;
	int err = kstrtoull(s, base, &val);

	if (err)
		return err;
	if (val > (unsigned int)~0U)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long val;
	int err = kstrtoll(s, base, &val);

	if (err)
		return err;
	if (val > __INT_MAX__ || val < -__INT_MAX__ - 1)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	static const char *const yes[] = { "1", "y", "Y", "on" };
	static const char *const no[] = { "0", "n", "N", "off" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!strcmp(s, yes[i])) {
			*res = true;
			return 0;
		}
		if (!strcmp(s, no[i])) {
			*res = false;
			return 0;
		}
	}
	return -EINVAL;
}
