// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of printk: level prefixes and console filtering; messages from
 * threads printing at once (on several CPUs, once tasks run there) each
 * reach the log whole and in each thread's order.  The log ring buffer
 * has its own suite, log_buf_test.c.
 */
#include <asm/irqflags.h>
#include <kernel/console.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/log_buf.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

/* The last record of the kernel log. */
static bool last_record(struct log_record *rec, char *text, size_t size)
{
	u64 seq = kernel_log.next_seq - 1;

	return kernel_log.next_seq && log_buf_read(&kernel_log, &seq, rec, text, size);
}

static void level_prefix_is_parsed(struct ktest *t)
{
	struct log_record debug, plain, cont;
	char debug_text[64], cont_text[64];
	bool read_debug, read_plain, read_cont;

	/* Muted, so that these records show in the log only. */
	ktest_mute_console();
	printk(KERN_DEBUG "printk_test: debug record\n");
	read_debug = last_record(&debug, debug_text, sizeof(debug_text));
	printk("printk_test: record without a level\n");
	read_plain = last_record(&plain, NULL, 0);
	pr_debug("printk_test: start of a line, ");
	pr_cont("and its end\n");
	read_cont = last_record(&cont, cont_text, sizeof(cont_text));
	ktest_unmute_console();

	KTEST_ASSERT_TRUE(t, read_debug && read_plain && read_cont);
	KTEST_EXPECT_EQ(t, debug.level, LOGLEVEL_DEBUG);
	KTEST_EXPECT_STREQ(t, debug_text, "printk_test: debug record\n");
	KTEST_EXPECT_EQ(t, plain.level, CONFIG_MESSAGE_LOGLEVEL_DEFAULT);
	KTEST_EXPECT_TRUE(t, cont.flags & LOG_CONT);
	KTEST_EXPECT_EQ(t, cont.level, LOGLEVEL_DEBUG);
	KTEST_EXPECT_STREQ(t, cont_text, "and its end\n");
}

static char captured[128];
static int captured_level;

static void capture_write(struct console *con, const char *text, size_t len, int level)
{
	len = min(len, sizeof(captured) - 1);
	memcpy(captured, text, len);
	captured[len] = '\0';
	captured_level = level;
}

static void console_loglevel_filters(struct ktest *t)
{
	struct console capture = { .name = "ktest", .write = capture_write };
	int saved = console_loglevel;

	register_console(&capture);
	console_loglevel = LOGLEVEL_INFO;
	pr_notice("printk_test: this notice is expected\n");
	KTEST_EXPECT_STREQ(t, captured, "printk_test: this notice is expected\n");
	KTEST_EXPECT_EQ(t, captured_level, LOGLEVEL_NOTICE);
	pr_info("printk_test: this info message must not reach the console\n");
	KTEST_EXPECT_STREQ(t, captured, "printk_test: this notice is expected\n");
	console_loglevel = saved;
	unregister_console(&capture);
}

/*
 * A console that prints while it writes, as a fault or a debug report
 * raised inside a console driver does: each message it is given starts
 * one more nested printk, until @nest_more runs out.  The recorder,
 * registered after it, keeps what reaches the next console.
 */
static int nest_more;
static char recorded[6][64];
static int nr_recorded;

static void nesting_write(struct console *con, const char *text, size_t len, int level)
{
	if (nest_more-- > 0)
		pr_info("printk_test: nested message %d, printed from a console\n", nest_more);
}

static void record_write(struct console *con, const char *text, size_t len, int level)
{
	if (nr_recorded < (int)ARRAY_SIZE(recorded))
		scnprintf(recorded[nr_recorded++], sizeof(recorded[0]), "%.*s", (int)len, text);
}

/* Print "outer" with @nesting printks nested in it; returns the messages recorded. */
static int print_nested(int nesting)
{
	struct console nesting_con = { .name = "nest", .write = nesting_write };
	struct console recorder = { .name = "record", .write = record_write };

	nest_more = 0; /* not while the log is replayed to it */
	register_console(&nesting_con);
	register_console(&recorder);
	nest_more = nesting;
	nr_recorded = 0;
	pr_info("printk_test: outer message\n");
	unregister_console(&recorder);
	unregister_console(&nesting_con);
	return nr_recorded;
}

/*
 * The message a console is being given must survive a printk nested in
 * the writing: the next console still gets it whole, after the nested one.
 */
static void nested_printk_keeps_the_outer_message(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, print_nested(1), 2);
	KTEST_EXPECT_STREQ(t, recorded[0],
			   "printk_test: nested message 0, printed from a console\n");
	KTEST_EXPECT_STREQ(t, recorded[1], "printk_test: outer message\n");
}

/* Three levels get through whole (as Linux's PRINTK_MAX_RECURSION); deeper is dropped. */
static void nesting_past_three_is_dropped(struct ktest *t)
{
	u64 since = kernel_log.next_seq;

	KTEST_ASSERT_EQ(t, print_nested(5), 3);
	KTEST_EXPECT_STREQ(t, recorded[0],
			   "printk_test: nested message 3, printed from a console\n");
	KTEST_EXPECT_STREQ(t, recorded[1],
			   "printk_test: nested message 4, printed from a console\n");
	KTEST_EXPECT_STREQ(t, recorded[2], "printk_test: outer message\n");
	KTEST_EXPECT_EQ(t, kernel_log.next_seq - since, 3);
	KTEST_EXPECT_FALSE(t, ktest_log_contains(since, "nested message 2"));
}

static int replayed, replayed_with_irqs_on;

static void irq_check_write(struct console *con, const char *text, size_t len, int level)
{
	replayed++;
	if (!irqs_disabled())
		replayed_with_irqs_on++;
}

/*
 * The log replayed to a new console is written as live output is, under
 * printk's lock with interrupts off: an interrupt handler's printk must
 * not reach the console in the middle of a replayed message (a console's
 * state half changed), nor be written live and then replayed again.
 */
static void replay_is_written_under_printk_lock(struct ktest *t)
{
	struct console con = { .name = "irqcheck", .write = irq_check_write };

	KTEST_ASSERT_TRUE(t, !irqs_disabled()); /* or the check below proves nothing */
	replayed = replayed_with_irqs_on = 0;
	register_console(&con);
	unregister_console(&con);
	KTEST_EXPECT_GT(t, replayed, 0);
	KTEST_EXPECT_EQ(t, replayed_with_irqs_on, 0);
}

#define STORM_THREADS 4
#define STORM_LINES   24
#define STORM_PAYLOAD "0123456789abcdefghij"

static int print_lines(void *arg)
{
	long id = (long)arg;
	int i;

	for (i = 0; i < STORM_LINES; i++) {
		printk(KERN_DEBUG "printk_storm: %ld %d %s\n", id, i, STORM_PAYLOAD);
		if (i % 4 == 0)
			yield();
	}
	return 0;
}

/* Read under printk's lock: another CPU's printk may be storing. */
static bool read_record(u64 *seq, struct log_record *rec, char *text, size_t size)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	bool ok = log_buf_read(&kernel_log, seq, rec, text, size);

	printk_cpu_sync_put_irqrestore(taken, flags);
	return ok;
}

/*
 * Each record that starts as a storm line must be one whole line, the
 * next of its thread: a message formatted into a buffer another CPU was
 * using, or stored while another was, breaks one of these.
 */
static void printk_from_threads_keeps_records_whole(struct ktest *t)
{
	struct task_struct *k[STORM_THREADS];
	int next[STORM_THREADS] = { 0 }, bad = 0, waited = 0;
	char text[96], want[96];
	struct log_record rec;
	u64 seq = ktest_mute_console(); /* the log alone: nothing on the console */
	long i, id;

	for (i = 0; i < STORM_THREADS; i++)
		k[i] = kthread_run(print_lines, (void *)i, "printer/%ld", i);
	for (i = 0; i < STORM_THREADS; i++) {
		if (!IS_ERR(k[i]) && !task_wait(k[i]->pid, NULL))
			waited++;
	}
	ktest_unmute_console();
	KTEST_ASSERT_EQ(t, waited, STORM_THREADS);
	while (read_record(&seq, &rec, text, sizeof(text))) {
		if (strncmp(text, "printk_storm: ", 14))
			continue;
		id = text[14] - '0';
		if (id < 0 || id >= STORM_THREADS) {
			bad++;
			continue;
		}
		snprintf(want, sizeof(want), "printk_storm: %ld %d %s\n", id, next[id]++,
			 STORM_PAYLOAD);
		if (strcmp(text, want) || rec.level != LOGLEVEL_DEBUG)
			bad++;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	for (i = 0; i < STORM_THREADS; i++)
		KTEST_EXPECT_EQ(t, next[i], STORM_LINES);
}

static const struct ktest_case printk_cases[] = {
	KTEST_CASE(level_prefix_is_parsed),
	KTEST_CASE(console_loglevel_filters),
	KTEST_CASE(nested_printk_keeps_the_outer_message),
	KTEST_CASE(nesting_past_three_is_dropped),
	KTEST_CASE(replay_is_written_under_printk_lock),
	KTEST_CASE(printk_from_threads_keeps_records_whole),
	{},
};
KTEST_SUITE(printk, printk_cases);
