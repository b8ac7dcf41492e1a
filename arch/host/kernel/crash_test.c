// SPDX-License-Identifier: GPL-2.0
/*
 * Cases that crash the host program on purpose, one under AddressSanitizer
 * and one under UBSan, when KTEST_HOST_CRASH names them; skipped otherwise.
 *
 * The host group of "make test" runs each and checks that its verdict
 * names the case that died (scripts/hosttests.py): a program that dies
 * loses whatever output it had not written yet, and a verdict of "no
 * KTAP output" leaves the reader to guess which of a hundred cases to
 * debug.
 */
#include <kernel/ktest.h>
#include <kernel/string.h>

/* From the host C library (this file only runs on the host). */
char *getenv(const char *name);
void *malloc(size_t size);
void free(void *ptr);

static bool asked(struct ktest *t)
{
	const char *which = getenv("KTEST_HOST_CRASH");

	if (which && !strcmp(which, t->name))
		return true;
	ktest_skip(t, "crashes on purpose when KTEST_HOST_CRASH names it");
	return false;
}

static void asan_heap_overflow(struct ktest *t)
{
	volatile char *p;

	if (!asked(t))
		return;
	p = malloc(8);
	p[8] = 1; /* one byte past the block: ASan stops the program here */
	free((void *)p);
}

static void ubsan_shift_overflow(struct ktest *t)
{
	volatile int shift = 32;
	volatile int one = 1;

	if (!asked(t))
		return;
	one <<= shift; /* undefined for a 32-bit int: UBSan stops the program here */
}

static const struct ktest_case ktest_host_crash_cases[] = {
	KTEST_CASE(asan_heap_overflow),
	KTEST_CASE(ubsan_shift_overflow),
	{},
};
KTEST_SUITE(ktest_host_crash, ktest_host_crash_cases);
