// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf and friends, with C99 semantics (see <kernel/sprintf.h>).
 *
 * The output goes through one small cursor that counts every character
 * but stores only those that fit, which makes truncation and the C99
 * "would-be length" return value fall out of the same code.  Each
 * conversion is parsed into a struct fmt_spec first and then formatted.
 * An unknown conversion is copied to the output as it was written, so the
 * mistake shows instead of silently eating arguments.
 */
#include <kernel/ctype.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define FL_LEFT	 0x01 /* '-': pad on the right */
#define FL_PLUS	 0x02 /* '+': always print a sign */
#define FL_SPACE 0x04 /* ' ': a space where '+' would go */
#define FL_ZERO	 0x08 /* '0': pad numbers with zeros */
#define FL_ALT	 0x10 /* '#': 0x prefix, leading octal 0 */

enum length {
	LEN_INT,
	LEN_CHAR,
	LEN_SHORT,
	LEN_LONG,
	LEN_LLONG,
	LEN_SIZE,
	LEN_PTRDIFF,
	LEN_MAX,
};

struct fmt_spec {
	unsigned int flags;
	int width;     /* -1: none */
	int precision; /* -1: none */
	enum length length;
	char conv;
};

struct out {
	char *buf;
	size_t size;
	size_t pos; /* characters produced, stored or not */
};

static void put(struct out *o, char c)
{
	if (o->pos < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_mem(struct out *o, const char *s, size_t n)
{
	while (n--)
		put(o, *s++);
}

static int parse_int(const char **fmt)
{
	int n = 0;

	while (isdigit((unsigned char)**fmt)) {
		if (n < 100000000) /* saturate rather than overflow */
			n = n * 10 + (*(*fmt)++ - '0');
		else
			(*fmt)++;
	}
	return n;
}

static const char *parse_flags(const char *fmt, struct fmt_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			spec->flags |= FL_LEFT;
			break;
		case '+':
			spec->flags |= FL_PLUS;
			break;
		case ' ':
			spec->flags |= FL_SPACE;
			break;
		case '0':
			spec->flags |= FL_ZERO;
			break;
		case '#':
			spec->flags |= FL_ALT;
			break;
		default:
			return fmt;
		}
	}
}

static const char *parse_length(const char *fmt, struct fmt_spec *spec)
{
	switch (*fmt) {
	case 'h':
		if (fmt[1] == 'h') {
			spec->length = LEN_CHAR;
			return fmt + 2;
		}
		spec->length = LEN_SHORT;
		return fmt + 1;
	case 'l':
		if (fmt[1] == 'l') {
			spec->length = LEN_LLONG;
			return fmt + 2;
		}
		spec->length = LEN_LONG;
		return fmt + 1;
	case 'z':
		spec->length = LEN_SIZE;
		return fmt + 1;
	case 't':
		spec->length = LEN_PTRDIFF;
		return fmt + 1;
	case 'j':
		spec->length = LEN_MAX;
		return fmt + 1;
	default:
		return fmt;
	}
}

/*
 * Parse the conversion after a '%' at @fmt, taking '*' widths from @args.
 * Returns where the format continues.
 */
static const char *parse_spec(const char *fmt, struct fmt_spec *spec, va_list *args)
{
	memset(spec, 0, sizeof(*spec));
	spec->width = spec->precision = -1;

	fmt = parse_flags(fmt, spec);
	if (*fmt == '*') {
		int w = va_arg(*args, int);

		fmt++;
		if (w < 0) {
			spec->flags |= FL_LEFT;
			w = w < -__INT_MAX__ ? __INT_MAX__ : -w;
		}
		spec->width = w;
	} else if (isdigit((unsigned char)*fmt)) {
		spec->width = parse_int(&fmt);
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*args, int);

			fmt++;
			spec->precision = p < 0 ? -1 : p;
		} else {
			spec->precision = parse_int(&fmt);
		}
	}
	fmt = parse_length(fmt, spec);
	spec->conv = *fmt;
	return *fmt ? fmt + 1 : fmt;
}

static unsigned long long arg_unsigned(const struct fmt_spec *spec, va_list *args)
{
	switch (spec->length) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*args, unsigned int);
	case LEN_SHORT:
		return (unsigned short)va_arg(*args, unsigned int);
	case LEN_LONG:
		return va_arg(*args, unsigned long);
	case LEN_LLONG:
		return va_arg(*args, unsigned long long);
	case LEN_SIZE:
		return va_arg(*args, size_t);
	case LEN_PTRDIFF:
		return (unsigned long long)va_arg(*args, ptrdiff_t);
	case LEN_MAX:
		return va_arg(*args, uintmax_t);
	default:
		return va_arg(*args, unsigned int);
	}
}

static long long arg_signed(const struct fmt_spec *spec, va_list *args)
{
	switch (spec->length) {
	case LEN_CHAR:
		return (signed char)va_arg(*args, int);
	case LEN_SHORT:
		return (short)va_arg(*args, int);
	case LEN_LONG:
		return va_arg(*args, long);
	case LEN_LLONG:
		return va_arg(*args, long long);
	case LEN_SIZE:
		return va_arg(*args, ssize_t);
	case LEN_PTRDIFF:
		return va_arg(*args, ptrdiff_t);
	case LEN_MAX:
		return va_arg(*args, intmax_t);
	default:
		return va_arg(*args, int);
	}
}

/* Pad to the width around @len characters of content, before or after. */
static void pad_before(struct out *o, const struct fmt_spec *spec, int len)
{
	if (!(spec->flags & FL_LEFT))
		put_repeat(o, ' ', spec->width - len);
}

static void pad_after(struct out *o, const struct fmt_spec *spec, int len)
{
	if (spec->flags & FL_LEFT)
		put_repeat(o, ' ', spec->width - len);
}

/* An integer conversion: [padding][sign][0x][zeros][digits][padding] */
static void format_number(struct out *o, const struct fmt_spec *spec, unsigned long long val,
			  char sign)
{
	const char *digit_chars = spec->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned int base = spec->conv == 'o'			       ? 8
			    : (spec->conv == 'x' || spec->conv == 'X') ? 16
								       : 10;
	bool zero_pad = (spec->flags & FL_ZERO) && !(spec->flags & FL_LEFT) && spec->precision < 0;
	const char *prefix = "";
	char digits[24];
	int ndigits = 0, zeros, len;

	if ((spec->flags & FL_ALT) && base == 16 && val)
		prefix = spec->conv == 'X' ? "0X" : "0x";
	for (; val; val /= base)
		digits[ndigits++] = digit_chars[val % base];

	zeros = spec->precision < 0 ? (ndigits ? 0 : 1) : spec->precision - ndigits;
	if (zeros < 0)
		zeros = 0;
	if ((spec->flags & FL_ALT) && base == 8 && !zeros)
		zeros = 1; /* octal '#': the first digit must be 0 */

	len = !!sign + (int)strlen(prefix) + zeros + ndigits;
	if (!zero_pad)
		pad_before(o, spec, len);
	if (sign)
		put(o, sign);
	put_mem(o, prefix, strlen(prefix));
	if (zero_pad)
		put_repeat(o, '0', spec->width - len);
	put_repeat(o, '0', zeros);
	while (ndigits)
		put(o, digits[--ndigits]);
	pad_after(o, spec, len);
}

static void format_signed(struct out *o, const struct fmt_spec *spec, long long val)
{
	char sign = 0;
	unsigned long long mag = val < 0 ? 0ULL - (unsigned long long)val : (unsigned long long)val;

	if (val < 0)
		sign = '-';
	else if (spec->flags & FL_PLUS)
		sign = '+';
	else if (spec->flags & FL_SPACE)
		sign = ' ';
	format_number(o, spec, mag, sign);
}

static void format_string(struct out *o, const struct fmt_spec *spec, const char *s)
{
	int len;

	if (!s)
		s = "(null)";
	len = spec->precision < 0 ? (int)strlen(s) : (int)strnlen(s, spec->precision);
	pad_before(o, spec, len);
	put_mem(o, s, len);
	pad_after(o, spec, len);
}

static void format_char(struct out *o, const struct fmt_spec *spec, char c)
{
	pad_before(o, spec, 1);
	put(o, c);
	pad_after(o, spec, 1);
}

/* %p: as %#lx, and "(nil)" for NULL, the way the host C library prints it. */
static void format_pointer(struct out *o, const struct fmt_spec *spec, const void *p)
{
	struct fmt_spec num = *spec;

	if (!p) {
		num.precision = -1;
		format_string(o, &num, "(nil)");
		return;
	}
	num.flags |= FL_ALT;
	num.conv = 'x';
	format_number(o, &num, (uintptr_t)p, 0);
}

static void format_one(struct out *o, const struct fmt_spec *spec, const char *start,
		       const char *end, va_list *args)
{
	switch (spec->conv) {
	case 'd':
	case 'i':
		format_signed(o, spec, arg_signed(spec, args));
		break;
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		format_number(o, spec, arg_unsigned(spec, args), 0);
		break;
	case 'c':
		format_char(o, spec, (char)va_arg(*args, int));
		break;
	case 's':
		format_string(o, spec, va_arg(*args, const char *));
		break;
	case 'p':
		format_pointer(o, spec, va_arg(*args, const void *));
		break;
	case '%':
		put(o, '%');
		break;
	default:
		put_mem(o, start, end - start); /* not a conversion */
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .pos = 0 };
	struct fmt_spec spec;
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		const char *start = fmt;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &ap);
		format_one(&o, &spec, start, fmt, &ap);
	}
	va_end(ap);

	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return (int)o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)len < size ? len : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
