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
	ktap_print("    # %s: EXPECTATION FAILED at %s:%d\n", t->name, file, line);
	ktap_print("    # %s\n", msg);
	return false;
}

int ktap_run(const char *suite, const struct utest_case *cases, int argc, char **argv)
{
	const struct utest_case *c;
	const char *fail = NULL;
	int i, n = 0, pass = 0, failed = 0, skip = 0;

	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "fail=", 5)) {
			ktap_print("%s: unknown argument '%s' (only fail=CASE)\n", suite, argv[i]);
			return 2;
		}
		fail = argv[i] + 5;
	}
	for (c = cases; c->name; c++)
		n++;
	ktap_print("KTAP version 1\n1..1\n");
	ktap_print("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite, n);
	for (c = cases, i = 1; c->name; c++, i++) {
		struct utest t = { .name = c->name };

		c->run(&t);
		if (fail && !strcmp(fail, c->name)) {
			ktap_print("    # %s: failed on purpose (fail=%s)\n", c->name, fail);
			t.failed = true;
		}
		if (t.failed) {
			failed++;
			ktap_print("    not ok %d %s\n", i, c->name);
		} else if (t.skip_reason) {
			skip++;
			ktap_print("    ok %d %s # SKIP %s\n", i, c->name, t.skip_reason);
		} else {
			pass++;
			ktap_print("    ok %d %s\n", i, c->name);
		}
	}
	ktap_print("# %s: pass:%d fail:%d skip:%d total:%d\n", suite, pass, failed, skip, n);
	ktap_print("%s 1 %s\n", failed ? "not ok" : "ok", suite);
	ktap_print("# Totals: pass:%d fail:%d skip:%d total:%d\n", pass, failed, skip, n);
	return failed ? 1 : 0;
}
