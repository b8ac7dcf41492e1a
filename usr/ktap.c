// SPDX-License-Identifier: GPL-2.0
/*
 * The KTAP printer and case runner of the user programs (ktap.h), which
 * prints what lib/ktest.c prints for one suite:
 *
 *	KTAP version 1
 *	1..1
 *	    KTAP version 1
 *	    # Subtest: usertest
 *	    1..2
 *	    ok 1 getpid_is_stable
 *	    # write_bad_pointer: EXPECTATION FAILED at usr/usertest.c:80
 *	    # Expected ret == -EFAULT, but ret == 10
 *	    not ok 2 write_bad_pointer
 *	# usertest: pass:1 fail:1 skip:0 total:2
 *	not ok 1 usertest
 *	# Totals: pass:1 fail:1 skip:0 total:2
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ktap.h"

void ktap_print(const char *fmt, ...)
{
	char line[512];
	va_list args;
	size_t len, done = 0;
	int n;

	va_start(args, fmt);
	n = vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (n < 0)
		return;
	len = (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1;
	while (done < len) {
		ssize_t w = write(STDOUT_FILENO, line + done, len - done);

		if (w <= 0)
			return;
		done += w;
	}
}

/*
 * "nested": the kernel's exec suite runs the program as one of its cases,
 * so the program's suite is printed a level further in, as that case's
 * subtest, and without a document of its own.
 */
static const char *indent = "    ";

const char *ktap_indent(void)
{
	return indent;
}

bool ut_check(struct utest *t, bool ok, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	if (ok)
		return true;
	t->failed = true;
	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	ktap_print("%s# %s: EXPECTATION FAILED at %s:%d\n", indent, t->name, file, line);
	ktap_print("%s# %s\n", indent, msg);
	return false;
}

int ktap_run(const char *suite, const struct utest_case *cases, int argc, char **argv)
{
	const struct utest_case *c;
	const char *fail = NULL;
	int i, n = 0, pass = 0, failed = 0, skip = 0;

	bool nested = false;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "nested")) {
			nested = true;
			indent = "        ";
		} else if (!strncmp(argv[i], "fail=", 5)) {
			fail = argv[i] + 5;
		} else {
			ktap_print("%s: unknown argument '%s' (fail=CASE or nested)\n", suite,
				   argv[i]);
			return 2;
		}
	}
	for (c = cases; c->name; c++)
		n++;
	if (!nested)
		ktap_print("KTAP version 1\n1..1\n");
	ktap_print("%sKTAP version 1\n%s# Subtest: %s\n%s1..%d\n", indent, indent, suite, indent,
		   n);
	for (c = cases, i = 1; c->name; c++, i++) {
		struct utest t = { .name = c->name };

		c->run(&t);
		if (fail && !strcmp(fail, c->name)) {
			ktap_print("%s# %s: failed on purpose (fail=%s)\n", indent, c->name, fail);
			t.failed = true;
		}
		if (t.failed) {
			failed++;
			ktap_print("%snot ok %d %s\n", indent, i, c->name);
		} else if (t.skip_reason) {
			skip++;
			ktap_print("%sok %d %s # SKIP %s\n", indent, i, c->name, t.skip_reason);
		} else {
			pass++;
			ktap_print("%sok %d %s\n", indent, i, c->name);
		}
	}
	if (nested)
		return failed ? 1 : 0; /* the kernel's case prints the result */
	ktap_print("# %s: pass:%d fail:%d skip:%d total:%d\n", suite, pass, failed, skip, n);
	ktap_print("%s 1 %s\n", failed ? "not ok" : "ok", suite);
	ktap_print("# Totals: pass:%d fail:%d skip:%d total:%d\n", pass, failed, skip, n);
	return failed ? 1 : 0;
}
