// SPDX-License-Identifier: GPL-2.0
/*
 * UBSan's test suite: each case commits one kind of undefined behaviour on
 * purpose and checks that exactly one report came of it, of the right
 * kind, naming this file and the line.  Nowhere else may the kernel report
 * anything; the host runner checks that on the serial port, and also
 * that each report below printed what its "UBSAN:" comment says.
 *
 * Operands come through volatile variables so that the compiler cannot
 * see the undefined behaviour coming: it would warn, or drop the code.
 * Each bad operation is on a line of its own, and that line's number is
 * the one the report must give.  Division by zero is a fault test
 * (arch/x86_64/kernel/fault_test.c): the compiled code may still divide
 * after the report and raise #DE, or may not, depending on the code
 * around it.
 */
#include <kernel/console.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/ubsan.h>

/* Results go here, so that the bad operations are not optimized away. */
static volatile long sink;

/* Ran @line, from the last report on, exactly once, and reported as @kind? */
static void expect_report(struct ktest *t, unsigned long before, const char *kind, u32 line)
{
	const struct ubsan_report *r = ubsan_last_report();

	KTEST_EXPECT_EQ(t, r->count, before + 1);
	if (r->count != before + 1)
		return;
	KTEST_EXPECT_STREQ(t, r->kind, kind);
	KTEST_EXPECT_STREQ(t, r->file, "lib/ubsan_test.c");
	KTEST_EXPECT_EQ(t, r->line, line);
}

static void shift_out_of_bounds(struct ktest *t)
{
	volatile unsigned long one = 1;
	volatile int exponent = 65;
	unsigned long before = ubsan_last_report()->count;

	sink = one << exponent; /* UBSAN: shift-out-of-bounds: shift exponent 65 */
	expect_report(t, before, "shift-out-of-bounds", __LINE__ - 1);
}

static void signed_integer_overflow(struct ktest *t)
{
	volatile int big = 0x7fffffff;
	unsigned long before = ubsan_last_report()->count;

	sink = big + 1; /* UBSAN: signed-integer-overflow: 2147483647 + 1 */
	expect_report(t, before, "signed-integer-overflow", __LINE__ - 1);
}

/* Past the array, but inside the object: only the index is wrong. */
static void array_index_out_of_bounds(struct ktest *t)
{
	struct {
		int array[4];
		int after;
	} s = { { 0 }, 0 };
	volatile int index = 4;
	unsigned long before = ubsan_last_report()->count;

	sink = s.array[index]; /* UBSAN: array-index-out-of-bounds: index 4 */
	expect_report(t, before, "array-index-out-of-bounds", __LINE__ - 1);
}

static void misaligned_access(struct ktest *t)
{
	static long words[2];
	volatile unsigned long offset = 1;
	long *p = (long *)((char *)words + offset);
	unsigned long before = ubsan_last_report()->count;

	sink = *p; /* UBSAN: misaligned-access: which requires 8 byte */
	expect_report(t, before, "misaligned-access", __LINE__ - 1);
}

struct pair {
	long first, second;
};

/* Taking a member's address through NULL: reported, and nothing read. */
static void null_pointer(struct ktest *t)
{
	struct pair *volatile none = NULL;
	struct pair *p = none;
	unsigned long before = ubsan_last_report()->count;

	sink = (long)&p->second; /* UBSAN: null-ptr-deref: member access within null pointer */
	expect_report(t, before, "null-ptr-deref", __LINE__ - 1);
}

/* GCC sees this one coming, and would say so. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
static void object_size(struct ktest *t)
{
	static _Alignas(int) char two[2];
	int *p = (int *)two;
	unsigned long before = ubsan_last_report()->count;

	sink = *p; /* UBSAN: object-size-mismatch: insufficient space */
	expect_report(t, before, "object-size-mismatch", __LINE__ - 1);
}
#pragma GCC diagnostic pop

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wvla"
static void vla_bound(struct ktest *t)
{
	volatile int n = 0;
	unsigned long before = ubsan_last_report()->count;
	char vla[n]; /* UBSAN: variable-length-array: non-positive value 0 */

	expect_report(t, before, "variable-length-array", __LINE__ - 2);
	sink = (long)vla;
}
#pragma GCC diagnostic pop

static void invalid_bool(struct ktest *t)
{
	volatile char two = 2;
	bool b;
	unsigned long before;

	memcpy(&b, (const char *)&two, 1);
	before = ubsan_last_report()->count;
	sink = b; /* UBSAN: invalid-load: load of value 2 */
	expect_report(t, before, "invalid-load", __LINE__ - 1);
}

enum two_values { VALUE_A, VALUE_B };

/* GCC and Clang check enum loads only in C++: -fsanitize=enum adds nothing to C. */
static void invalid_enum(struct ktest *t)
{
	volatile int five = 5;
	enum two_values e;
	unsigned long before;

	memcpy(&e, (const int *)&five, sizeof(e));
	before = ubsan_last_report()->count;
	sink = e;
	if (ubsan_last_report()->count == before)
		ktest_skip(t, "GCC and Clang check enum loads in C++ only");
	else
		expect_report(t, before, "invalid-load", __LINE__ - 4);
}

static void invalid_builtin(struct ktest *t)
{
	volatile unsigned int zero = 0;
	unsigned long before = ubsan_last_report()->count;

	sink = __builtin_ctz(zero); /* UBSAN: invalid-builtin-use: passing zero to ctz() */
	expect_report(t, before, "invalid-builtin-use", __LINE__ - 1);
}

/* The kernel lives in the top 2 GiB: 4 GiB more wraps around to the bottom. */
static void pointer_overflow(struct ktest *t)
{
	static char byte;
	volatile unsigned long huge = 1UL << 32;
	unsigned long before = ubsan_last_report()->count;

	sink = (long)(&byte + huge); /* UBSAN: pointer-overflow: pointer operation */
	expect_report(t, before, "pointer-overflow", __LINE__ - 1);
}

static __noinline void shift_here(int exponent)
{
	volatile int one = 1;

	sink = one << exponent; /* UBSAN: shift-out-of-bounds: shift exponent 40 */
}

/* The second time at the same place prints nothing; another place does. */
static void each_place_reports_once(struct ktest *t)
{
	unsigned long before = ubsan_last_report()->count;

	shift_here(40);
	KTEST_EXPECT_EQ(t, ubsan_last_report()->count, before + 1);
	shift_here(41);
	KTEST_EXPECT_EQ(t, ubsan_last_report()->count, before + 1);
}

static u32 shift_while_reporting_line;

static __noinline void shift_while_reporting(void)
{
	volatile unsigned long one = 1;
	volatile int exponent = 66;

	shift_while_reporting_line = __LINE__ + 1;
	sink = one << exponent; /* UBSAN: shift-out-of-bounds: shift exponent 66 */
}

/*
 * Set and read by the case alone: the console runs inside its printk()
 * calls.  The compilers know that UBSan's handlers read no variable of
 * ours, so the arming is a volatile store that they cannot drop.
 */
static unsigned int hits_during_report;
static bool hit_armed;

/*
 * A console that commits undefined behaviour while it prints, as an
 * interrupt handler could in the middle of a report: the first line it
 * is given after being armed runs shift_while_reporting().
 */
static void hit_while_printing(struct console *con, const char *text, size_t len, int level)
{
	if (!READ_ONCE(hit_armed))
		return;
	WRITE_ONCE(hit_armed, false);
	hits_during_report++;
	shift_while_reporting();
}

/*
 * A place hit while another report is printed is not printed then (the
 * reports would mix), but it is not lost either: the next time it is
 * hit, it reports.
 */
static void hit_during_a_report_reports_later(struct ktest *t)
{
	struct console hook = { .name = "ubsan-test", .write = hit_while_printing };
	volatile int big = 0x7fffffff;
	unsigned long before = ubsan_last_report()->count;

	if (console_loglevel <= LOGLEVEL_ERR) {
		ktest_skip(t, "reports do not reach the consoles at this log level");
		return;
	}
	register_console(&hook); /* replays the log: not armed yet */
	hits_during_report = 0;
	WRITE_ONCE(hit_armed, true);
	sink = big + 2; /* UBSAN: signed-integer-overflow: 2147483647 + 2 */
	WRITE_ONCE(hit_armed, false);
	unregister_console(&hook);
	KTEST_EXPECT_EQ(t, hits_during_report, 1);
	expect_report(t, before, "signed-integer-overflow", __LINE__ - 4);
	shift_while_reporting();
	expect_report(t, before + 1, "shift-out-of-bounds", shift_while_reporting_line);
}

static const struct ktest_case ubsan_cases[] = {
	KTEST_CASE(shift_out_of_bounds),
	KTEST_CASE(signed_integer_overflow),
	KTEST_CASE(array_index_out_of_bounds),
	KTEST_CASE(misaligned_access),
	KTEST_CASE(null_pointer),
	KTEST_CASE(object_size),
	KTEST_CASE(vla_bound),
	KTEST_CASE(invalid_bool),
	KTEST_CASE(invalid_enum),
	KTEST_CASE(invalid_builtin),
	KTEST_CASE(pointer_overflow),
	KTEST_CASE(each_place_reports_once),
	KTEST_CASE(hit_during_a_report_reports_later),
	{},
};

KTEST_SUITE(ubsan, ubsan_cases);
