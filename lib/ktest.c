// SPDX-License-Identifier: GPL-2.0
/*
 * The ktest runner: walks the suites the linker collected and prints KTAP
 * version 1 (Documentation/dev-tools/ktap.rst in Linux), one subtest per
 * suite:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: string
 *	    1..2
 *	    ok 1 memcpy_copies
 *	    # memset_fills: EXPECTATION FAILED at lib/string_test.c:30
 *	    # Expected buf[3] == 0x5a, but buf[3] == 0, 0x5a == 90
 *	    not ok 2 memset_fills
 *	# string: pass:1 fail:1 skip:0 total:2
 *	not ok 1 string
 *	...
 *
 * Output bypasses the console log level: a test run that printed nothing
 * would look like a run that had no tests.
 */
#include <asm/cpu.h>
#include <kernel/errno.h>
#include <kernel/glob.h>
#include <kernel/kstrtox.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#if IS_ENABLED(CONFIG_HOST)
extern const struct ktest_suite *const __start_ktest_suites[], *const __stop_ktest_suites[];
#define suites_start __start_ktest_suites
#define suites_end   __stop_ktest_suites
#else
extern const struct ktest_suite *const __ktest_suites_start[], *const __ktest_suites_end[];
#define suites_start __ktest_suites_start
#define suites_end   __ktest_suites_end
#endif

#define FILTER_MAX  256
#define PATTERN_MAX 128

struct ktest_totals {
	int pass, fail, skip;
};

static char filter_buf[FILTER_MAX] = "*";
static char fail_buf[FILTER_MAX]; /* "ktest.fail=": cases reported failed */
static u32 fixed_seed;
static int last_failures;
static struct ktest_failed last_failed;
static bool panic_after_run;

static __printf(1, 2) void ktap(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk_emit(LOGLEVEL_INFO, LOG_FORCE, fmt, args);
	va_end(args);
}

bool ktest_check(struct ktest *t, bool ok, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	if (ok)
		return true;
	t->failed = true;
	if (t->quiet)
		return false;
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	ktap("    # %s: EXPECTATION FAILED at %s:%d\n", t->name, file, line);
	ktap("    # %s\n", msg);
	return false;
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = true;
	t->skip_reason = reason;
}

void ktest_skipf(struct ktest *t, const char *fmt, ...)
{
	static char reason[160]; /* one case runs at a time; its line is printed before the next */
	va_list args;

	va_start(args, fmt);
	vscnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);
	ktest_skip(t, reason);
}

u32 ktest_seed(struct ktest *t)
{
	u64 tsc = rdtsc();
	u32 seed = fixed_seed ? fixed_seed : (u32)(tsc ^ (tsc >> 32)) | 1;

	if (!t->quiet)
		ktap("    # %s: random seed %#x (repeat with ktest.seed=%#x)\n", t->name, seed,
		     seed);
	return seed;
}

int ktest_set_seed(const char *val)
{
	unsigned int seed;

	if (!val || kstrtouint(val, 0, &seed) || !seed)
		return -EINVAL;
	fixed_seed = seed;
	return 0;
}
kernel_param("ktest.seed", ktest_set_seed);

void ktest_run_quiet(struct ktest *t, void (*run)(struct ktest *t))
{
	memset(t, 0, sizeof(*t));
	t->name = "(self-test)";
	t->quiet = true;
	run(t);
}

/* Length of the filter entry at @p, up to a comma or the end. */
static size_t entry_len(const char *p)
{
	const char *comma = strchr(p, ',');

	return comma ? (size_t)(comma - p) : strlen(p);
}

/*
 * Does any entry of the comma-separated @filter select this case?  An
 * entry is "suite-glob" or "suite-glob.case-glob".
 */
static bool matches(const char *filter, const char *suite, const char *kcase)
{
	const char *p = filter;

	while (*p) {
		char pattern[PATTERN_MAX], *dot;
		size_t len = entry_len(p);

		scnprintf(pattern, sizeof(pattern), "%.*s", (int)len, p);
		p += len + (p[len] == ',');
		dot = strchr(pattern, '.');
		if (dot)
			*dot = '\0';
		if (!glob_match(pattern, suite))
			continue;
		if (!dot || glob_match(dot + 1, kcase))
			return true;
	}
	return false;
}

static bool filter_selects(const char *suite, const char *kcase)
{
	return matches(filter_buf, suite, kcase);
}

/* Room for " and N more" at the end of a list of failed cases. */
#define FAILED_MORE_ROOM sizeof(" and 2147483647 more")

void ktest_failed_add(struct ktest_failed *f, const char *suite, const char *kcase)
{
	size_t need = (f->len ? 2 : 0) + strlen(suite) + 1 + strlen(kcase);

	if (!f->more && f->len + need < sizeof(f->text) - FAILED_MORE_ROOM) {
		f->len += scnprintf(f->text + f->len, sizeof(f->text) - f->len, "%s%s.%s",
				    f->len ? ", " : "", suite, kcase);
		return;
	}
	/* The names that fit stay; the rest are counted after them. */
	f->more++;
	scnprintf(f->text + f->len, sizeof(f->text) - f->len, "%s%d more", f->len ? " and " : "",
		  f->more);
}

const char *ktest_failed_cases(void)
{
	return last_failed.text;
}

/*
 * The cases of @suite the filter selects.  A suite with none is left out
 * of the run altogether, as KUnit leaves it out: its "1..0" would be a
 * subtest that ran nothing, which KTAP parsers report as an error.
 */
static size_t count_cases(const struct ktest_suite *suite)
{
	const struct ktest_case *c;
	size_t n = 0;

	for (c = suite->cases; c->name; c++)
		n += filter_selects(suite->name, c->name);
	return n;
}

/*
 * Each case starts at a preemption point, as each of KUnit's runs in a
 * thread of its own: under PREEMPT_NONE a run of cases that never sleep
 * would otherwise keep the CPU from every task for its whole length,
 * which the soft-lockup detector rightly reports.
 */
static void run_case(const struct ktest_suite *suite, const struct ktest_case *c, int index,
		     struct ktest_totals *totals)
{
	struct ktest t = { .name = c->name };

	cond_resched();
	c->run(&t);
	if (*fail_buf && matches(fail_buf, suite->name, c->name)) {
		ktap("    # %s: failed on purpose (ktest.fail=%s)\n", c->name, fail_buf);
		t.failed = true;
	}
	if (t.failed) {
		totals->fail++;
		ktest_failed_add(&last_failed, suite->name, c->name);
		ktap("    not ok %d %s\n", index, c->name);
	} else if (t.skipped) {
		totals->skip++;
		ktap("    ok %d %s # SKIP %s\n", index, c->name, t.skip_reason);
	} else {
		totals->pass++;
		ktap("    ok %d %s\n", index, c->name);
	}
}

/* Run the selected cases of @suite as KTAP subtest number @index. */
static void run_suite(const struct ktest_suite *suite, int index, struct ktest_totals *all)
{
	struct ktest_totals totals = { 0 };
	const struct ktest_case *c;
	int n = 0;

	ktap("    KTAP version 1\n");
	ktap("    # Subtest: %s\n", suite->name);
	ktap("    1..%zu\n", count_cases(suite));
	ktest_keep_cpu(!suite->all_cpus);
	for (c = suite->cases; c->name; c++)
		if (filter_selects(suite->name, c->name))
			run_case(suite, c, ++n, &totals);
	ktest_keep_cpu(false);

	ktap("# %s: pass:%d fail:%d skip:%d total:%d\n", suite->name, totals.pass, totals.fail,
	     totals.skip, n);
	ktap("%s %d %s\n", totals.fail ? "not ok" : "ok", index, suite->name);
	all->pass += totals.pass;
	all->fail += totals.fail;
	all->skip += totals.skip;
}

static void use_filter(const char *filter)
{
	if (filter)
		strscpy(filter_buf, filter, sizeof(filter_buf));
}

void ktest_list_all(const char *filter)
{
	const struct ktest_suite *const *s;
	const struct ktest_case *c;

	use_filter(filter);
	for (s = suites_start; s < suites_end; s++)
		for (c = (*s)->cases; c->name; c++)
			if (filter_selects((*s)->name, c->name))
				ktap("%s.%s\n", (*s)->name, c->name);
}

int ktest_run_all(const char *filter)
{
	const struct ktest_suite *const *s;
	struct ktest_totals totals = { 0 };
	int nsuites = 0, index = 0;

	use_filter(filter);
	memset(&last_failed, 0, sizeof(last_failed));
	for (s = suites_start; s < suites_end; s++)
		nsuites += count_cases(*s) > 0;

	ktap("KTAP version 1\n");
	ktap("1..%d\n", nsuites);
	if (!nsuites)
		ktap("# no test case matches ktest.filter=%s\n", filter_buf);
	for (s = suites_start; s < suites_end; s++)
		if (count_cases(*s))
			run_suite(*s, ++index, &totals);
	ktap("# Totals: pass:%d fail:%d skip:%d total:%d\n", totals.pass, totals.fail, totals.skip,
	     totals.pass + totals.fail + totals.skip);

	last_failures = totals.fail;
	if (panic_after_run)
		panic("ktest.panic on the command line");
	return totals.fail;
}

int ktest_failures(void)
{
	return last_failures;
}

/* A parameter's non-empty value into @buf, or -EINVAL if it has none or does not fit. */
static int set_string(char *buf, size_t size, const char *val)
{
	if (!val || !*val || strlen(val) >= size)
		return -EINVAL;
	strscpy(buf, val, size);
	return 0;
}

static int set_filter(const char *val)
{
	return set_string(filter_buf, sizeof(filter_buf), val);
}
kernel_param("ktest.filter", set_filter);

/*
 * ktest.fail=FILTER: the cases it selects (as ktest.filter= does) run and
 * are then reported failed, so that the runner can check what reads a
 * failed verdict: the KTAP, the exit status, the banner naming the cases.
 */
static int set_fail(const char *val)
{
	return set_string(fail_buf, sizeof(fail_buf), val);
}
kernel_param("ktest.fail", set_fail);

/* ktest.panic: end the run in panic(), so that the runner can check it. */
static int set_panic(const char *val)
{
	panic_after_run = true;
	return val ? -EINVAL : 0;
}
kernel_param("ktest.panic", set_panic);
