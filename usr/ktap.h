/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTAP version 1 from user programs, in the kernel's own layout
 * (lib/ktest.c), so that scripts/ktap.py reads a user program's results as
 * it reads the kernel's: a suite is a table of cases, each a function that
 * checks with UT_EXPECT and may skip.
 *
 * Output goes through write(2) on standard output, a line at a time, and
 * never through stdio: a first kernel may have nothing more (no writev, no
 * terminal ioctl), and a program killed in the middle of a case still shows
 * every line before it.
 */
#ifndef _USR_KTAP_H
#define _USR_KTAP_H

#include <stdbool.h>

struct utest {
	const char *name; /* the running case */
	bool failed;
	const char *skip_reason;
};

struct utest_case {
	const char *name;
	void (*run)(struct utest *t);
};

#define UT_CASE(fn)                    \
	{                              \
		.name = #fn, .run = fn \
	}

/* The indentation of the suite's lines: a KTAP diagnostic of a case starts with it. */
const char *ktap_indent(void);

/* Print a line (or part of one) on standard output, printf-style. */
__attribute__((format(printf, 1, 2))) void ktap_print(const char *fmt, ...);

/* Record a failure of @t with a message, unless @ok.  Returns @ok. */
__attribute__((format(printf, 5, 6))) bool ut_check(struct utest *t, bool ok, const char *file,
						    int line, const char *fmt, ...);

/* Check @cond; on failure say what was expected, as KTEST_EXPECT does. */
#define UT_EXPECT(t, cond, fmt, ...) \
	ut_check(t, (cond), __FILE__, __LINE__, "Expected " #cond ", but " fmt, ##__VA_ARGS__)

/* End the running case as "ok N name # SKIP reason". */
static inline void ut_skip(struct utest *t, const char *reason)
{
	t->skip_reason = reason;
}

/*
 * Run the cases of @cases (ending with an empty entry) as the one suite
 * @suite of a KTAP document.  argv selects: "fail=NAME" reports case NAME
 * failed whatever it did, as the kernel's ktest.fail= does, so that a test
 * sees the failure path work.  Returns the exit status: 0 when every case
 * passed or skipped, 1 otherwise, 2 for an unknown argument.
 */
int ktap_run(const char *suite, const struct utest_case *cases, int argc, char **argv);

#endif
