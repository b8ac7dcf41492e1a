// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the line discipline (n_tty.c), on a tty of the tests' own
 * whose output and signals are caught instead of reaching the consoles
 * and processes: what a reader gets and what the terminal echoes for
 * canonical editing (erase, ^H, kill, word erase, literal next, tabs),
 * ^D, a full line buffer, ISIG to the foreground group, VMIN and VTIME,
 * poll(), switching modes, output processing, and the queue left to the
 * kernel shell while nobody has the tty open.
 */
#include <kernel/ktest.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/tty.h>

static DEFINE_TTY(nt, "n_tty test");

static char out[256];
static size_t out_len;
static int sent_sig, sent_pgrp, nr_sent;

static void spy_write(struct tty_struct *tty, const char *s, size_t len)
{
	while (len-- && out_len < sizeof(out) - 1)
		out[out_len++] = *s++;
	out[out_len] = 0;
}

static int spy_kill(int pgrp, int sig)
{
	sent_pgrp = pgrp;
	sent_sig = sig;
	nr_sent++;
	return 0;
}

/* Open the tty with Linux's default settings, nothing buffered, nothing caught. */
static void open_tty(void)
{
	struct termios std = TTY_STD_TERMIOS;

	nt.write = spy_write;
	nt.kill_pgrp = spy_kill;
	nt.pgrp = 0;
	n_tty_open(&nt);
	n_tty_set_termios(&nt, &std);
	n_tty_flush_input(&nt);
	nt.column = 0;
	out_len = 0;
	out[0] = 0;
	nr_sent = sent_sig = sent_pgrp = 0;
}

static void close_tty(void)
{
	n_tty_close(&nt);
}

/* Type @s, as the devices' interrupts would, and let the line discipline take it. */
static void type(const char *s)
{
	tty_receive(&nt, s, strlen(s));
	flush_work(&nt.rx_work);
}

/* A read that must not block: the bytes, NUL-terminated, and the count in *@n. */
static const char *read_now(ssize_t *n)
{
	static char buf[N_TTY_BUF_SIZE + 1];

	*n = n_tty_read(&nt, buf, N_TTY_BUF_SIZE, true);
	buf[*n > 0 ? *n : 0] = 0;
	return buf;
}

static void set_lflag(u32 clear, u32 set, u8 vmin, u8 vtime)
{
	struct termios t;

	n_tty_get_termios(&nt, &t);
	t.c_lflag = (t.c_lflag & ~clear) | set;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	n_tty_set_termios(&nt, &t);
}

static void canonical_line_waits_for_its_end(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("ab");
	read_now(&n);
	KTEST_EXPECT_EQ(t, n, -EAGAIN);
	KTEST_EXPECT_EQ(t, n_tty_inq(&nt), 0);
	type("\r"); /* the serial terminal's Enter: ICRNL makes it a newline */
	KTEST_EXPECT_EQ(t, n_tty_inq(&nt), 3);
	KTEST_EXPECT_STREQ(t, read_now(&n), "ab\n");
	KTEST_EXPECT_STREQ(t, out, "ab\n");
	close_tty();
}

static void a_short_read_leaves_the_rest_of_the_line(struct ktest *t)
{
	char buf[4] = { 0 };
	ssize_t n;

	open_tty();
	type("hello\nx\n");
	KTEST_EXPECT_EQ(t, n_tty_read(&nt, buf, 3, true), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "hel", 3);
	KTEST_EXPECT_STREQ(t, read_now(&n), "lo\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "x\n");
	close_tty();
}

static void erase_del_and_ctrl_h(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("abx\x7f"
	     "y\b"
	     "c\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "abc\n");
	KTEST_EXPECT_STREQ(t, out, "abx\b \by\b \bc\n");
	close_tty();
}

/* A control character was echoed as two columns (^A): both are erased. */
static void erase_of_control_and_tab(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("\x01\x7f"
	     "a\t\x7f"
	     "\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "a\n");
	/* 'a' at column 0, the tab to column 8: seven backspaces take it back. */
	KTEST_EXPECT_STREQ(t, out, "^A\b \b\b \ba\t\b\b\b\b\b\b\b\n");
	close_tty();
}

static void kill_erases_the_line(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("abc\x15"
	     "d\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "d\n");
	KTEST_EXPECT_STREQ(t, out, "abc\b \b\b \b\b \bd\n");
	close_tty();
}

static void werase_takes_one_word(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("foo bar  \x17"
	     "\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "foo \n");
	type("a/b_c\x17"
	     "\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "a/\n");
	close_tty();
}

static void eof_ends_a_line_or_the_input(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("ab\x04");
	KTEST_EXPECT_STREQ(t, read_now(&n), "ab");
	KTEST_EXPECT_EQ(t, n, 2);
	type("\x04");
	read_now(&n);
	KTEST_EXPECT_EQ(t, n, 0); /* the end of input */
	read_now(&n);
	KTEST_EXPECT_EQ(t, n, -EAGAIN);	  /* and it was read only once */
	KTEST_EXPECT_STREQ(t, out, "ab"); /* ^D is not echoed */
	close_tty();
}

static void lnext_makes_the_next_byte_literal(struct ktest *t)
{
	ssize_t n;

	open_tty();
	nt.pgrp = 42;
	type("\x16\x03\n");
	KTEST_EXPECT_STREQ(t, read_now(&n), "\x03\n");
	KTEST_EXPECT_EQ(t, nr_sent, 0);
	KTEST_EXPECT_STREQ(t, out, "^\b^C\n");
	close_tty();
}

static void isig_signals_the_foreground_group(struct ktest *t)
{
	static const struct {
		const char *key;
		int sig;
	} keys[] = { { "\x03", SIGINT }, { "\x1c", SIGQUIT }, { "\x1a", SIGTSTP } };
	ssize_t n;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		open_tty();
		nt.pgrp = 77;
		type("half");
		type(keys[i].key);
		KTEST_EXPECT_EQ(t, nr_sent, 1);
		KTEST_EXPECT_EQ(t, sent_sig, keys[i].sig);
		KTEST_EXPECT_EQ(t, sent_pgrp, 77);
		type("x\n");
		KTEST_EXPECT_STREQ(t, read_now(&n), "x\n"); /* "half" was flushed */
		close_tty();
	}
	KTEST_EXPECT_STREQ(t, out, "half^Zx\n");
}

static void isig_without_group_or_flush(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("a\x03");
	KTEST_EXPECT_EQ(t, nr_sent, 0); /* no foreground group: nobody to tell */
	set_lflag(0, NOFLSH, 1, 0);
	nt.pgrp = 5;
	type("b\x03"
	     "c\n");
	KTEST_EXPECT_EQ(t, nr_sent, 1);
	KTEST_EXPECT_STREQ(t, read_now(&n), "bc\n");
	set_lflag(ISIG, 0, 1, 0);
	type("\x03\n");
	KTEST_EXPECT_EQ(t, nr_sent, 1);
	KTEST_EXPECT_STREQ(t, read_now(&n), "\x03\n");
	close_tty();
}

static void raw_mode_waits_for_vmin(struct ktest *t)
{
	char buf[8];
	ssize_t n;

	open_tty();
	set_lflag(ICANON | ECHO, 0, 3, 0);
	type("ab");
	KTEST_EXPECT_FALSE(t, n_tty_poll(&nt, NULL, NULL) & POLLIN);
	type("c");
	KTEST_EXPECT_TRUE(t, n_tty_poll(&nt, NULL, NULL) & POLLIN);
	n = n_tty_read(&nt, buf, sizeof(buf), false);
	KTEST_EXPECT_EQ(t, n, 3);
	KTEST_EXPECT_MEMEQ(t, buf, "abc", 3);
	type("\x7f\r"); /* no editing; ICRNL still applies */
	KTEST_EXPECT_STREQ(t, read_now(&n), "\x7f\n");
	KTEST_EXPECT_STREQ(t, out, ""); /* no echo */
	close_tty();
}

static struct wait_queue_head *polled;

static void record_queue(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	polled = wq;
}

/* A poller is queued where input wakes it; POLLIN waits for a whole line, POLLOUT never. */
static void poll_waits_on_the_read_queue(struct ktest *t)
{
	poll_table pt = { .qproc = record_queue };
	ssize_t n;

	open_tty();
	polled = NULL;
	KTEST_EXPECT_EQ(t, n_tty_poll(&nt, NULL, &pt), POLLOUT | POLLWRNORM);
	KTEST_EXPECT_TRUE(t, polled == &nt.read_wait);
	type("ab");
	KTEST_EXPECT_FALSE(t, n_tty_poll(&nt, NULL, NULL) & POLLIN);
	type("\n");
	KTEST_EXPECT_EQ(t, n_tty_poll(&nt, NULL, NULL), POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
	read_now(&n);
	KTEST_EXPECT_FALSE(t, n_tty_poll(&nt, NULL, NULL) & POLLIN);
	close_tty();
}

static void raw_mode_vmin_zero_returns_at_once(struct ktest *t)
{
	char buf[4];

	open_tty();
	set_lflag(ICANON, 0, 0, 0);
	KTEST_EXPECT_EQ(t, n_tty_read(&nt, buf, sizeof(buf), false), 0);
	set_lflag(0, 0, 0, 1); /* VTIME 1: a tenth of a second, then nothing */
	KTEST_EXPECT_EQ(t, n_tty_read(&nt, buf, sizeof(buf), false), 0);
	type("z");
	KTEST_EXPECT_EQ(t, n_tty_read(&nt, buf, sizeof(buf), false), 1);
	KTEST_EXPECT_STREQ(t, out, "z"); /* ECHO is still on */
	close_tty();
}

static void switching_modes_keeps_typed_bytes(struct ktest *t)
{
	ssize_t n;

	open_tty();
	type("ab");
	set_lflag(ICANON, 0, 1, 0); /* the unfinished line is readable at once */
	KTEST_EXPECT_STREQ(t, read_now(&n), "ab");
	type("xy");
	set_lflag(0, ICANON, 1, 0); /* and what raw mode buffered is a line */
	KTEST_EXPECT_STREQ(t, read_now(&n), "xy");
	close_tty();
}

static void termios_round_trip(struct ktest *t)
{
	struct termios std = TTY_STD_TERMIOS, set, got;

	KTEST_EXPECT_EQ(t, sizeof(struct termios), 36);
	KTEST_EXPECT_EQ(t, std.c_iflag, 0x500);
	KTEST_EXPECT_EQ(t, std.c_oflag, 0x5);
	KTEST_EXPECT_EQ(t, std.c_cflag, 0x4bf);
	KTEST_EXPECT_EQ(t, std.c_lflag, 0x8a3b);
	KTEST_EXPECT_MEMEQ(t, std.c_cc,
			   "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0", 17);
	open_tty();
	set = std;
	set.c_iflag = IGNCR;
	set.c_lflag = ECHO | TOSTOP;
	set.c_cc[VMIN] = 9;
	set.c_cc[VEOL2] = 'q';
	n_tty_set_termios(&nt, &set);
	n_tty_get_termios(&nt, &got);
	KTEST_EXPECT_MEMEQ(t, &got, &set, sizeof(got));
	close_tty();
}

static void full_line_keeps_room_for_its_end(struct ktest *t)
{
	char chunk[129];
	ssize_t n;
	int i;

	open_tty();
	set_lflag(ECHO, 0, 1, 0);
	memset(chunk, 'a', 128);
	chunk[128] = 0;
	for (i = 0; i < N_TTY_BUF_SIZE / 128 + 1; i++)
		type(chunk);
	type("\n");
	read_now(&n);
	KTEST_EXPECT_EQ(t, n, N_TTY_BUF_SIZE);
	close_tty();
}

static void output_processing(struct ktest *t)
{
	struct termios set = TTY_STD_TERMIOS;

	open_tty();
	n_tty_write(&nt, "a\tb\n", 4);
	KTEST_EXPECT_STREQ(t, out, "a\tb\n");
	set.c_oflag |= OCRNL;
	n_tty_set_termios(&nt, &set);
	n_tty_write(&nt, "x\ry", 3);
	KTEST_EXPECT_STREQ(t, out, "a\tb\nx\ny");
	set.c_oflag = OPOST | ONOCR;
	n_tty_set_termios(&nt, &set);
	n_tty_write(&nt, "\n\rz\r", 4); /* a CR in column 0 is dropped */
	KTEST_EXPECT_STREQ(t, out, "a\tb\nx\ny\nz\r");
	close_tty();
}

/* Unopened, the tty's queue is the kernel shell's: the line discipline takes nothing. */
static void closed_tty_leaves_the_queue(struct ktest *t)
{
	open_tty();
	close_tty();
	tty_flush(&nt);
	type("q");
	KTEST_EXPECT_EQ(t, tty_getc(&nt), 'q');
	KTEST_EXPECT_STREQ(t, out, "");
	type("late\n");
	n_tty_open(&nt); /* and takes what was typed before the open */
	flush_work(&nt.rx_work);
	KTEST_EXPECT_EQ(t, tty_getc(&nt), -1);
	KTEST_EXPECT_EQ(t, n_tty_inq(&nt), 5);
	KTEST_EXPECT_STREQ(t, out, "late\n");
	close_tty();
}

static const struct ktest_case n_tty_cases[] = {
	KTEST_CASE(canonical_line_waits_for_its_end),
	KTEST_CASE(a_short_read_leaves_the_rest_of_the_line),
	KTEST_CASE(erase_del_and_ctrl_h),
	KTEST_CASE(erase_of_control_and_tab),
	KTEST_CASE(kill_erases_the_line),
	KTEST_CASE(werase_takes_one_word),
	KTEST_CASE(eof_ends_a_line_or_the_input),
	KTEST_CASE(lnext_makes_the_next_byte_literal),
	KTEST_CASE(isig_signals_the_foreground_group),
	KTEST_CASE(isig_without_group_or_flush),
	KTEST_CASE(raw_mode_waits_for_vmin),
	KTEST_CASE(poll_waits_on_the_read_queue),
	KTEST_CASE(raw_mode_vmin_zero_returns_at_once),
	KTEST_CASE(switching_modes_keeps_typed_bytes),
	KTEST_CASE(termios_round_trip),
	KTEST_CASE(full_line_keeps_room_for_its_end),
	KTEST_CASE(output_processing),
	KTEST_CASE(closed_tty_leaves_the_queue),
	{},
};
KTEST_SUITE(n_tty, n_tty_cases);
