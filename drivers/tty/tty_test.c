// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the tty's queue: order, capacity, dropping when full, escape
 * sequences queued whole, throttling, Ctrl-C counted.  They run on a tty
 * of their own, so no key typed meanwhile on the console can interleave,
 * and the console's queue is left as it was.
 */
#include <asm/irqflags.h>
#include <kernel/ktest.h>
#include <kernel/tty.h>

static DEFINE_TTY(test_tty, "test");

static void drain(void)
{
	tty_flush(&test_tty);
}

static void queue_keeps_order(struct ktest *t)
{
	drain();
	KTEST_EXPECT_FALSE(t, tty_pending(&test_tty));
	tty_receive_char(&test_tty, 'o');
	tty_receive_char(&test_tty, 'k');
	KTEST_EXPECT_TRUE(t, tty_pending(&test_tty));
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), 'o');
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), 'k');
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), -1);
}

static void full_queue_drops_new(struct ktest *t)
{
	unsigned long dropped;
	int i;

	drain();
	dropped = test_tty.dropped;
	for (i = 0; i < TTY_BUF_SIZE + 3; i++)
		tty_receive_char(&test_tty, 'a' + i % 26);
	KTEST_EXPECT_EQ(t, test_tty.dropped - dropped, 3);
	for (i = 0; i < TTY_BUF_SIZE; i++)
		if (tty_getc(&test_tty) != 'a' + i % 26)
			break;
	KTEST_EXPECT_EQ(t, i, TTY_BUF_SIZE);
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), -1);
}

static void high_bytes_are_not_negative(struct ktest *t)
{
	drain();
	tty_receive_char(&test_tty, (char)0xe9);
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), 0xe9);
}

static void sequences_are_queued_whole(struct ktest *t)
{
	unsigned long dropped;
	int i;

	drain();
	for (i = 0; i < TTY_BUF_SIZE - 2; i++)
		tty_receive_char(&test_tty, 'x');
	dropped = test_tty.dropped;
	tty_receive(&test_tty, "\033[A", 3); /* one byte too many: none of it */
	KTEST_EXPECT_EQ(t, test_tty.dropped - dropped, 3);
	tty_receive(&test_tty, "ab", 2);
	for (i = 0; i < TTY_BUF_SIZE - 2; i++)
		tty_getc(&test_tty);
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), 'a');
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), 'b');
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), -1);
}

static int unthrottled;

static void count_unthrottle(void)
{
	unthrottled++;
}

/* A source told "no room" is restarted once, when half the queue is free. */
static void throttled_source_restarts_at_half(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	int i;

	drain();
	unthrottled = 0;
	KTEST_EXPECT_TRUE(t, tty_room_or_throttle(&test_tty, count_unthrottle));
	for (i = 0; i < TTY_BUF_SIZE; i++)
		tty_receive_char(&test_tty, 'y');
	KTEST_EXPECT_FALSE(t, tty_room_or_throttle(&test_tty, count_unthrottle));
	for (i = 0; i < TTY_BUF_SIZE / 2 - 1; i++)
		tty_getc(&test_tty);
	KTEST_EXPECT_EQ(t, unthrottled, 0);
	tty_getc(&test_tty);
	KTEST_EXPECT_EQ(t, unthrottled, 1);
	drain();
	KTEST_EXPECT_EQ(t, unthrottled, 1);
	KTEST_EXPECT_TRUE(t, tty_room_or_throttle(&test_tty, count_unthrottle));
	local_irq_restore(flags);
}

/* Counted on arrival, even when the queue is full; found while queued. */
static void ctrl_c_is_counted_when_it_arrives(struct ktest *t)
{
	unsigned long before = tty_interrupts(&test_tty);
	int i;

	drain();
	tty_receive(&test_tty, "a\003b", 3);
	KTEST_EXPECT_EQ(t, tty_interrupts(&test_tty) - before, 1);
	KTEST_EXPECT_TRUE(t, tty_interrupt_queued(&test_tty));
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), 'a');
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), TTY_INTR);
	KTEST_EXPECT_FALSE(t, tty_interrupt_queued(&test_tty));
	for (i = 0; i < TTY_BUF_SIZE; i++)
		tty_receive_char(&test_tty, 'z');
	tty_receive_char(&test_tty, TTY_INTR); /* dropped, but still an interrupt */
	KTEST_EXPECT_EQ(t, tty_interrupts(&test_tty) - before, 2);
	KTEST_EXPECT_FALSE(t, tty_interrupt_queued(&test_tty));
	tty_flush(&test_tty);
	KTEST_EXPECT_FALSE(t, tty_pending(&test_tty));
	KTEST_EXPECT_EQ(t, tty_getc(&test_tty), -1);
}

static const struct ktest_case tty_cases[] = {
	KTEST_CASE(queue_keeps_order),
	KTEST_CASE(full_queue_drops_new),
	KTEST_CASE(high_bytes_are_not_negative),
	KTEST_CASE(sequences_are_queued_whole),
	KTEST_CASE(throttled_source_restarts_at_half),
	KTEST_CASE(ctrl_c_is_counted_when_it_arrives),
	{},
};
KTEST_SUITE(tty, tty_cases);
