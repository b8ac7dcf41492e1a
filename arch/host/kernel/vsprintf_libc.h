/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between the two halves of the vsnprintf-against-the-C-library suite:
 * vsprintf_libc.c, which sees only the C library, and the ktest cases of
 * vsprintf_libc_test.c, which see only the kernel's headers.
 */
#ifndef _HOST_VSPRINTF_LIBC_H
#define _HOST_VSPRINTF_LIBC_H

struct vsprintf_libc_result {
	unsigned long checked;	  /* calls compared */
	unsigned long mismatches; /* the first five are reported */
};

/* The conversions compared, each with a name such as "string (s)". */
unsigned int vsprintf_libc_conversions(void);
const char *vsprintf_libc_name(unsigned int i);
/* Compare every generated format of conversion @i; report mismatches. */
void vsprintf_libc_compare(unsigned int i, struct vsprintf_libc_result *res,
			   void (*report_line)(const char *line));

#endif
