// SPDX-License-Identifier: GPL-2.0
/*
 * Runs the lib/ ktest suites on the host, where AddressSanitizer and UBSan
 * watch every access.  Prints KTAP; exits 1 if a case failed.
 *
 * Usage: ktest-host [FILTER]; KTEST_SEED=N fixes the seed of randomized cases.
 */
#include <stdio.h>
#include <stdlib.h>

int ktest_run_all(const char *filter);
int ktest_set_seed(const char *val);
void host_write(const char *text, size_t len);

void host_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stdout);
}

int main(int argc, char **argv)
{
	const char *seed = getenv("KTEST_SEED");
	int failures;

	if (seed && ktest_set_seed(seed)) {
		fprintf(stderr, "KTEST_SEED=%s: not a non-zero number\n", seed);
		return 2;
	}
	failures = ktest_run_all(argc > 1 ? argv[1] : "*");
	fflush(stdout);
	return failures ? 1 : 0;
}
