// SPDX-License-Identifier: GPL-2.0
/*
 * Runs the lib/ ktest suites on the host, where AddressSanitizer and UBSan
 * watch every access.  Prints KTAP; exits 1 if a case failed.
 *
 * Usage: ktest-host [FILTER]
 */
#include <stdio.h>

int ktest_run_all(const char *filter);
void host_write(const char *text, size_t len);

void host_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stdout);
}

int main(int argc, char **argv)
{
	int failures = ktest_run_all(argc > 1 ? argv[1] : "*");

	fflush(stdout);
	return failures ? 1 : 0;
}
