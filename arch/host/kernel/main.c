// SPDX-License-Identifier: GPL-2.0
/*
 * main() of the host test runner (CONFIG_HOST_KTEST): runs the ktest
 * suites linked into the program, where AddressSanitizer and UBSan watch
 * every access, and prints KTAP on standard output.  Exits 1 if a case
 * failed, 2 on a bad argument.
 *
 * Usage: ktest-host [FILTER]          (FILTER as "ktest.filter="; KTEST_SEED=N
 *                                      fixes the seed of randomized cases)
 *        ktest-host --list [FILTER]   (the cases it would run, "suite.case")
 *
 * A sanitizer that finds a bug stops the program on the spot, without
 * flushing the C library's buffers: every message is therefore written
 * through at once, so that the KTAP of the cases before the one that died
 * is all there, and scripts/hosttests.py can name the one that died (the
 * next in the --list order after the last result).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ktest_run_all(const char *filter);
void ktest_list_all(const char *filter);
int ktest_set_seed(const char *val);
void host_write(const char *text, size_t len);
void ktest_keep_cpu(_Bool one);

/* One thread: the runner is on its one CPU already. */
void ktest_keep_cpu(_Bool one)
{
	(void)one;
}

/* printk.c's output goes here: written through, as a console writes it. */
void host_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stdout);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	const char *seed = getenv("KTEST_SEED");
	int list = argc > 1 && !strcmp(argv[1], "--list");
	const char *filter = argc > 1 + list ? argv[1 + list] : "*";

	if (!IS_ENABLED(CONFIG_KTEST)) {
		fprintf(stderr, "%s: built without CONFIG_KTEST, so there is nothing to run\n",
			argv[0]);
		return 2;
	}
	if (seed && ktest_set_seed(seed)) {
		fprintf(stderr, "KTEST_SEED=%s: not a non-zero number\n", seed);
		return 2;
	}
	if (list) {
		ktest_list_all(filter);
		return 0;
	}
	return ktest_run_all(filter) ? 1 : 0;
}
