/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest: in-kernel unit tests with KTAP v1 output (lib/ktest.c).
 *
 * A suite is a table of cases declared next to the code it tests:
 *
 *	static void add_small(struct ktest *t)
 *	{
 *		KTEST_EXPECT_EQ(t, add(1, 2), 3);
 *	}
 *
 *	static const struct ktest_case add_cases[] = {
 *		KTEST_CASE(add_small),
 *		{}
 *	};
 *	KTEST_SUITE(add, add_cases);
 *
 * KTEST_SUITE puts a pointer to the suite in a linker section; the runner
 * walks that section at boot.  EXPECT checks record a failure and go on;
 * ASSERT checks record it and return from the case, so use them only in
 * the case function itself.  Documentation/dev-tools/testing.md has more.
 */
#ifndef _KERNEL_KTEST_H
#define _KERNEL_KTEST_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct ktest {
	const char *name; /* the running case */
	bool failed;
	bool skipped;
	bool quiet; /* don't print diagnostics (self-tests) */
	const char *skip_reason;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases; /* ends with an empty entry */
	/*
	 * Whether its tasks may run on every CPU.  A suite runs on the boot
	 * CPU unless it says so (KTEST_SUITE_SMP()): the
	 * tasks it makes inherit the runner's mask, and what it checks of
	 * one CPU's scheduling (orders, shares) holds however many CPUs
	 * the machine has.
	 */
	bool all_cpus;
};

/*
 * Keep the caller on the boot CPU, or give it back every CPU it had
 * (@one false): the runner's, around each suite.  Nothing on the host,
 * which has one thread.
 */
void ktest_keep_cpu(bool one);

/*
 * The host program (ARCH=host) collects suites in a section whose name is
 * a C identifier, so that the host linker provides its start and end.
 */
#if IS_ENABLED(CONFIG_HOST)
#define __ktest_section __section("ktest_suites")
#else
#define __ktest_section __section(".ktest_suites")
#endif

#define KTEST_CASE(fn)                 \
	{                              \
		.name = #fn, .run = fn \
	}

#define __KTEST_SUITE(sname, case_table, smp)                                             \
	static const struct ktest_suite __ktest_suite_##sname = {                         \
		.name = #sname,                                                           \
		.cases = case_table,                                                      \
		.all_cpus = smp,                                                          \
	};                                                                                \
	static const struct ktest_suite *const __ktest_ptr_##sname __used __ktest_section \
		__aligned(sizeof(void *)) = &__ktest_suite_##sname
#define KTEST_SUITE(sname, case_table)	   __KTEST_SUITE(sname, case_table, false)
/* A suite whose tasks run on every CPU: what it tests is several CPUs at once. */
#define KTEST_SUITE_SMP(sname, case_table) __KTEST_SUITE(sname, case_table, true)

/* Record a failure with a message, unless @ok.  Returns @ok. */
__printf(5, 6) bool ktest_check(struct ktest *t, bool ok, const char *file, int line,
				const char *fmt, ...);
/*
 * How often a case measures again when a busy host disturbed the measure
 * (<kernel/time.h>: tick_gap_ns), before it skips, saying so.
 */
#define KTEST_TRIES	3
/* What such a skip says, and the runner looks for (scripts/runner.py). */
#define KTEST_DISTURBED "a busy host stopped the CPU"

/* Mark the running case skipped; it ends as "ok N name # SKIP reason". */
void ktest_skip(struct ktest *t, const char *reason);
/* The same, with the reason formatted as printk() does. */
__printf(2, 3) void ktest_skipf(struct ktest *t, const char *fmt, ...);

/*
 * Run every suite whose name matches the glob @filter ("*" for all; a
 * "suite.case" pattern also picks cases, and a suite left with none is
 * not printed), printing KTAP.  Returns the number of failed cases.
 */
int ktest_run_all(const char *filter);
/*
 * Print "suite.case", one a line, for every case ktest_run_all(@filter)
 * would run, in its order (as KUnit's kunit.action=list does): the host
 * program's --list, which names the case a program that died was running.
 */
void ktest_list_all(const char *filter);
/*
 * The seed for a randomized case: "ktest.seed=N" from the command line
 * (KTEST_SEED=N on the host), else a new one from the time-stamp counter.
 * It is printed as a KTAP diagnostic of @t, so that a failure names the
 * seed that repeats it.  Never 0, so that it suits xorshift generators.
 */
u32 ktest_seed(struct ktest *t);

/*
 * Marsaglia's xorshift generators, for randomized cases and fuzzers:
 * the next number from *@x, which must not be 0, and becomes it.  Cheap
 * and repeatable from a seed, which is all a test needs.
 */
static inline u32 ktest_xorshift32(u32 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static inline u64 ktest_xorshift64(u64 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}
/* Fix the seed from text ("ktest.seed=" and the host's KTEST_SEED). */
int ktest_set_seed(const char *val);
/* Failed cases of the last run. */
int ktest_failures(void);

/*
 * A list of failed cases, "suite.case, suite.case", in a buffer of fixed
 * size: once a name does not fit, it and every later one are only
 * counted, and the text ends "and N more".
 */
struct ktest_failed {
	char text[192];
	size_t len; /* of the names listed */
	int more;   /* failed cases counted, not listed */
};

void ktest_failed_add(struct ktest_failed *f, const char *suite, const char *kcase);
/*
 * The failed cases of the last run, as a struct ktest_failed lists them:
 * "" if none failed.  finish_boot() names them in its last line.
 */
const char *ktest_failed_cases(void);
/* Run one case on a private context, printing nothing (for self-tests). */
void ktest_run_quiet(struct ktest *t, void (*run)(struct ktest *t));

/*
 * For cases that provoke error messages on purpose: hold back console
 * output (the log still records everything) until unmuted, and check that
 * a message containing @needle was logged since sequence number @since.
 * Kernel only (lib/ktest_log.c).
 */
u64 ktest_mute_console(void);
void ktest_unmute_console(void);
bool ktest_log_contains(u64 since, const char *needle);
/*
 * Whether the log still holds every record since @since: a small log
 * buffer (CONFIG_LOG_BUF_SHIFT) drops the oldest of a long report.
 */
bool ktest_log_kept(u64 since);

#define __KTEST_CMP(t, a, op, b, on_fail)                                                          \
	do {                                                                                       \
		long long __a = (long long)(a), __b = (long long)(b);                              \
		if (!ktest_check(t, __a op __b, __FILE__, __LINE__,                                \
				 "Expected %s %s %s, but %s == %lld, %s == %lld", #a, #op, #b, #a, \
				 __a, #b, __b))                                                    \
			on_fail;                                                                   \
	} while (0)

#define __KTEST_TRUE(t, cond, on_fail)                                                      \
	do {                                                                                \
		if (!ktest_check(t, !!(cond), __FILE__, __LINE__, "Expected %s to be true", \
				 #cond))                                                    \
			on_fail;                                                            \
	} while (0)

#define __KTEST_STREQ(t, a, b, on_fail)                                                            \
	do {                                                                                       \
		const char *__a = (a), *__b = (b);                                                 \
		if (!ktest_check(t, __a && __b && !__builtin_strcmp(__a, __b), __FILE__, __LINE__, \
				 "Expected %s == %s, but %s == \"%s\", %s == \"%s\"", #a, #b, #a,  \
				 __a ? __a : "(null)", #b, __b ? __b : "(null)"))                  \
			on_fail;                                                                   \
	} while (0)

#define __KTEST_MEMEQ(t, a, b, n, on_fail)                                               \
	do {                                                                             \
		if (!ktest_check(t, !__builtin_memcmp(a, b, n), __FILE__, __LINE__,      \
				 "Expected %zu bytes at %s == %s", (size_t)(n), #a, #b)) \
			on_fail;                                                         \
	} while (0)

#define KTEST_EXPECT_EQ(t, a, b)       __KTEST_CMP(t, a, ==, b, (void)0)
#define KTEST_EXPECT_NE(t, a, b)       __KTEST_CMP(t, a, !=, b, (void)0)
#define KTEST_EXPECT_LT(t, a, b)       __KTEST_CMP(t, a, <, b, (void)0)
#define KTEST_EXPECT_LE(t, a, b)       __KTEST_CMP(t, a, <=, b, (void)0)
#define KTEST_EXPECT_GT(t, a, b)       __KTEST_CMP(t, a, >, b, (void)0)
#define KTEST_EXPECT_GE(t, a, b)       __KTEST_CMP(t, a, >=, b, (void)0)
#define KTEST_EXPECT_TRUE(t, c)	       __KTEST_TRUE(t, c, (void)0)
#define KTEST_EXPECT_FALSE(t, c)       __KTEST_TRUE(t, !(c), (void)0)
#define KTEST_EXPECT_STREQ(t, a, b)    __KTEST_STREQ(t, a, b, (void)0)
#define KTEST_EXPECT_MEMEQ(t, a, b, n) __KTEST_MEMEQ(t, a, b, n, (void)0)
#define KTEST_EXPECT_NULL(t, p)	       __KTEST_TRUE(t, (p) == NULL, (void)0)
#define KTEST_EXPECT_NOT_NULL(t, p)    __KTEST_TRUE(t, (p) != NULL, (void)0)

#define KTEST_ASSERT_EQ(t, a, b)    __KTEST_CMP(t, a, ==, b, return )
#define KTEST_ASSERT_NE(t, a, b)    __KTEST_CMP(t, a, !=, b, return )
#define KTEST_ASSERT_TRUE(t, c)	    __KTEST_TRUE(t, c, return )
#define KTEST_ASSERT_NOT_NULL(t, p) __KTEST_TRUE(t, (p) != NULL, return )

#endif
