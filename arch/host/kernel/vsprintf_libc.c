// SPDX-License-Identifier: GPL-2.0
/*
 * Compare the kernel's vsnprintf with the host C library's on a large
 * generated table: every combination of flags, widths (also "*", with a
 * negative value), precisions (also "*"), length modifiers and values for
 * each conversion, limited to what C99 defines.  Each format is checked
 * for the text and the return value, with a full buffer and a truncating
 * one.  This half sees only the C library (HOST_LIBC_NAMES);
 * vsprintf_libc_test.c turns each conversion into a ktest case.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "vsprintf_libc.h"

int kestrel_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

#define MAX_REPORTS 5
#define REPORT_MAX  256

struct conv {
	const char *name;
	const char *convs; /* conversion characters sharing the table */
	const char *flags; /* flags C99 defines for them */
	const char *const *lengths;
	bool precision; /* precision defined */
	int kind;
};

enum { SIGNED, UNSIGNED, CHAR, STRING, POINTER };

static const char *const int_lengths[] = { "", "hh", "h", "l", "ll", "z", "j", "t", NULL };
static const char *const uint_lengths[] = { "", "hh", "h", "l", "ll", "z", "j", NULL };
static const char *const no_length[] = { "", NULL };

static const struct conv convs[] = {
	{ "signed decimal (d i)", "di", "-+ 0", int_lengths, true, SIGNED },
	{ "unsigned (u x X o)", "uxXo", "-+ 0#", uint_lengths, true, UNSIGNED },
	{ "character (c)", "c", "-", no_length, false, CHAR },
	{ "string (s)", "s", "-", no_length, true, STRING },
	{ "pointer (p)", "p", "-", no_length, false, POINTER },
};

/* Laid out by hand: values by width. */
/* clang-format off */
static const long long int_values[] = {
	0, 1, -1, 7, -7, 42, 127, -128, 255, 256, 32767, -32768, 65535, 65536,
	INT_MAX, INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 123456789, -987654321012LL,
};
/* clang-format on */
static const char *const str_values[] = { "", "a", "hello", "kestrel kernel", NULL };
static const int char_values[] = { 'a', 'Z', ' ', '~' };
static const uintptr_t ptr_values[] = { 0, 1, 0xdeadbeef, 0xffffffff80100000UL };

static const char *const widths[] = { "", "1", "2", "5", "12", "25", "*", NULL };
static const char *const precisions[] = { "", ".", ".0", ".1", ".3", ".10", ".*", NULL };
static const int star_values[] = { 7, -7, 0 };

static struct vsprintf_libc_result *result;
static void (*report)(const char *line);

struct outputs {
	char want[64], got[64];
	int want_ret, got_ret;
};

/* Format the same arguments with the C library and with the kernel. */
static void both(struct outputs *o, size_t size, const char *fmt, ...)
{
	va_list args, copy;

	memset(o, 'X', sizeof(*o));
	va_start(args, fmt);
	va_copy(copy, args);
	o->want_ret = vsnprintf(o->want, size, fmt, args);
	o->got_ret = kestrel_vsnprintf(o->got, size, fmt, copy);
	va_end(copy);
	va_end(args);
}

/* Pass the '*' values first, then the value, each with its proper type. */
#define WITH_STARS(o, size, fmt, nstars, a, b, v)    \
	do {                                         \
		if ((nstars) == 0)                   \
			both(o, size, fmt, v);       \
		else if ((nstars) == 1)              \
			both(o, size, fmt, a, v);    \
		else                                 \
			both(o, size, fmt, a, b, v); \
	} while (0)

static void format_value(struct outputs *o, size_t size, const char *fmt, int nstars, int a, int b,
			 const struct conv *c, bool wide, size_t vi)
{
	switch (c->kind) {
	case SIGNED:
	case UNSIGNED:
		if (wide)
			WITH_STARS(o, size, fmt, nstars, a, b, int_values[vi]);
		else
			WITH_STARS(o, size, fmt, nstars, a, b, (int)int_values[vi]);
		break;
	case CHAR:
		WITH_STARS(o, size, fmt, nstars, a, b, char_values[vi]);
		break;
	case STRING:
		WITH_STARS(o, size, fmt, nstars, a, b, str_values[vi]);
		break;
	default:
		WITH_STARS(o, size, fmt, nstars, a, b, (void *)ptr_values[vi]);
		break;
	}
}

static void report_mismatch(const struct outputs *o, const char *fmt, int a, int b, size_t vi,
			    size_t size)
{
	char line[REPORT_MAX];

	snprintf(line, sizeof(line),
		 "\"%s\" (stars %d %d, value #%zu, size %zu): "
		 "libc \"%.*s\" (%d), kernel \"%.*s\" (%d)",
		 fmt, a, b, vi, size, size ? (int)strnlen(o->want, size) : 0, o->want, o->want_ret,
		 size ? (int)strnlen(o->got, size) : 0, o->got, o->got_ret);
	report(line);
}

static void compare(const char *fmt, int nstars, int a, int b, const struct conv *c, bool wide,
		    size_t vi)
{
	static const size_t sizes[] = { 64, 0, 1, 4 };
	struct outputs o;
	size_t s;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		size_t size = sizes[s];

		format_value(&o, size, fmt, nstars, a, b, c, wide, vi);
		result->checked++;
		if (o.want_ret == o.got_ret && !memcmp(o.want, o.got, sizeof(o.want)))
			continue;
		if (++result->mismatches <= MAX_REPORTS)
			report_mismatch(&o, fmt, a, b, vi, size);
		return;
	}
}

static size_t value_count(const struct conv *c)
{
	switch (c->kind) {
	case SIGNED:
	case UNSIGNED:
		return sizeof(int_values) / sizeof(int_values[0]);
	case CHAR:
		return sizeof(char_values) / sizeof(char_values[0]);
	case STRING:
		/* NULL strings are left out: glibc prints "(null)" or nothing. */
		return sizeof(str_values) / sizeof(str_values[0]) - 1;
	default:
		return sizeof(ptr_values) / sizeof(ptr_values[0]);
	}
}

static void run_format(const struct conv *c, const char *fmt, int nstars, bool wide)
{
	size_t vi, si, sj;

	for (vi = 0; vi < value_count(c); vi++)
		for (si = 0; si < (nstars ? 3 : 1); si++)
			for (sj = 0; sj < (nstars > 1 ? 3 : 1); sj++)
				compare(fmt, nstars, star_values[si], star_values[sj], c, wide, vi);
}

static void run_conv(const struct conv *c)
{
	unsigned int nflags = strlen(c->flags), mask;
	const char *const *w, *const *p, *const *len;
	const char *conv;
	char fmt[64], flags[8];

	for (conv = c->convs; *conv; conv++)
		for (mask = 0; mask < 1u << nflags; mask++) {
			unsigned int i, n = 0;

			for (i = 0; i < nflags; i++)
				if (mask & (1u << i))
					flags[n++] = c->flags[i];
			flags[n] = '\0';
			/* '#' is defined for x, X and o only. */
			if (strchr(flags, '#') && !strchr("xXo", *conv))
				continue;
			for (w = widths; *w; w++)
				for (p = precisions; *p; p++) {
					if (**p && !c->precision)
						continue;
					for (len = c->lengths; *len; len++) {
						int stars =
							(**w == '*') + (strchr(*p, '*') != NULL);

						snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]", flags,
							 *w, *p, *len, *conv);
						/* l, ll, z, j and t take 64-bit values. */
						run_format(c, fmt, stars,
							   strlen(*len) && **len != 'h');
					}
				}
		}
}

unsigned int vsprintf_libc_conversions(void)
{
	return sizeof(convs) / sizeof(convs[0]);
}

const char *vsprintf_libc_name(unsigned int i)
{
	return convs[i].name;
}

void vsprintf_libc_compare(unsigned int i, struct vsprintf_libc_result *res,
			   void (*report_line)(const char *line))
{
	res->checked = res->mismatches = 0;
	result = res;
	report = report_line;
	run_conv(&convs[i]);
}
