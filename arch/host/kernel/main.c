// SPDX-License-Identifier: GPL-2.0
/*
 * main() of the host test runner (CONFIG_HOST_KTEST): runs the ktest
 * suites linked into the program, where AddressSanitizer and UBSan watch
 * every access, and prints KTAP on standard output.  Exits 1 if a case
 * failed, 2 on a bad argument.
 *
 * Usage: ktest-host [FILTER]   (FILTER as "ktest.filter="; KTEST_SEED=N
 * fixes the seed of randomized cases)
 */
#include <stdio.h>
#include <stdlib.h>

int ktest_run_all(const char *filter);
int ktest_set_seed(const char *val);
void host_write(const char *text, size_t len);

/* printk.c's output goes here. */
void host_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stdout);
}

int main(int argc, char **argv)
{
	const char *seed = getenv("KTEST_SEED");
	int failures;

	if (!IS_ENABLED(CONFIG_KTEST)) {
		fprintf(stderr, "%s: built without CONFIG_KTEST, so there is nothing to run\n",
			argv[0]);
		return 2;
	}
	if (seed && ktest_set_seed(seed)) {
		fprintf(stderr, "KTEST_SEED=%s: not a non-zero number\n", seed);
		return 2;
	}
	failures = ktest_run_all(argc > 1 ? argv[1] : "*");
	fflush(stdout);
	return failures ? 1 : 0;
}
