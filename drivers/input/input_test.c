// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the input queue: order, capacity, dropping when full, escape
 * sequences queued whole, and throttling.  Interrupts stay off
 * throughout, so no real key press can interleave.
 */
#include <asm/irqflags.h>
#include <kernel/input.h>
#include <kernel/ktest.h>

static void drain(void)
{
	while (input_get_char() >= 0)
		;
}

static void queue_keeps_order(struct ktest *t)
{
	unsigned long flags = local_irq_save();

	drain();
	KTEST_EXPECT_FALSE(t, input_pending());
	input_put_char('o');
	input_put_char('k');
	KTEST_EXPECT_TRUE(t, input_pending());
	KTEST_EXPECT_EQ(t, input_get_char(), 'o');
	KTEST_EXPECT_EQ(t, input_get_char(), 'k');
	KTEST_EXPECT_EQ(t, input_get_char(), -1);
	local_irq_restore(flags);
}

static void full_queue_drops_new(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	unsigned long dropped;
	int i;

	drain();
	dropped = input_dropped;
	for (i = 0; i < INPUT_QUEUE_SIZE + 3; i++)
		input_put_char('a' + i % 26);
	KTEST_EXPECT_EQ(t, input_dropped - dropped, 3);
	for (i = 0; i < INPUT_QUEUE_SIZE; i++)
		if (input_get_char() != 'a' + i % 26)
			break;
	KTEST_EXPECT_EQ(t, i, INPUT_QUEUE_SIZE);
	KTEST_EXPECT_EQ(t, input_get_char(), -1);
	local_irq_restore(flags);
}

static void high_bytes_are_not_negative(struct ktest *t)
{
	unsigned long flags = local_irq_save();

	drain();
	input_put_char((char)0xe9);
	KTEST_EXPECT_EQ(t, input_get_char(), 0xe9);
	local_irq_restore(flags);
}

static void sequences_are_queued_whole(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	unsigned long dropped;
	int i;

	drain();
	for (i = 0; i < INPUT_QUEUE_SIZE - 2; i++)
		input_put_char('x');
	dropped = input_dropped;
	input_put_chars("\033[A", 3); /* one byte too many: none of it */
	KTEST_EXPECT_EQ(t, input_dropped - dropped, 3);
	input_put_chars("ab", 2);
	for (i = 0; i < INPUT_QUEUE_SIZE - 2; i++)
		input_get_char();
	KTEST_EXPECT_EQ(t, input_get_char(), 'a');
	KTEST_EXPECT_EQ(t, input_get_char(), 'b');
	KTEST_EXPECT_EQ(t, input_get_char(), -1);
	local_irq_restore(flags);
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
	KTEST_EXPECT_TRUE(t, input_room_or_throttle(count_unthrottle));
	for (i = 0; i < INPUT_QUEUE_SIZE; i++)
		input_put_char('y');
	KTEST_EXPECT_FALSE(t, input_room_or_throttle(count_unthrottle));
	for (i = 0; i < INPUT_QUEUE_SIZE / 2 - 1; i++)
		input_get_char();
	KTEST_EXPECT_EQ(t, unthrottled, 0);
	input_get_char();
	KTEST_EXPECT_EQ(t, unthrottled, 1);
	drain();
	KTEST_EXPECT_EQ(t, unthrottled, 1);
	KTEST_EXPECT_TRUE(t, input_room_or_throttle(count_unthrottle));
	local_irq_restore(flags);
}

static const struct ktest_case input_cases[] = {
	KTEST_CASE(queue_keeps_order),
	KTEST_CASE(full_queue_drops_new),
	KTEST_CASE(high_bytes_are_not_negative),
	KTEST_CASE(sequences_are_queued_whole),
	KTEST_CASE(throttled_source_restarts_at_half),
	{},
};
KTEST_SUITE(input_queue, input_cases);
