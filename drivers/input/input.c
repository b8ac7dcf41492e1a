// SPDX-License-Identifier: GPL-2.0
/*
 * The input queue and its echo.
 *
 * One producer (the keyboard interrupt) and one consumer (init's console
 * loop, which sleeps on input_wait until there is something to echo).
 * input_lock, taken with interrupts off, guards the queue: the producer
 * is an interrupt handler.  A full
 * queue drops new characters rather than old ones, as a terminal does
 * when typing outruns its reader.
 */
#include <kernel/console.h>
#include <kernel/input.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/wait.h>

static char queue[INPUT_QUEUE_SIZE];
static unsigned int head, tail;		/* free-running; index modulo the size */
unsigned long input_dropped;
static DECLARE_WAIT_QUEUE_HEAD(input_wait);
static DEFINE_SPINLOCK(input_lock);

void input_put_char(char c)
{
	unsigned long flags;
	bool full;

	spin_lock_irqsave(&input_lock, flags);
	full = head - tail == INPUT_QUEUE_SIZE;
	if (full)
		input_dropped++;
	else
		queue[head++ % INPUT_QUEUE_SIZE] = c;
	spin_unlock_irqrestore(&input_lock, flags);
	if (!full)
		wake_up(&input_wait);
}

int input_get_char(void)
{
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&input_lock, flags);
	if (head != tail)
		c = (unsigned char)queue[tail++ % INPUT_QUEUE_SIZE];
	spin_unlock_irqrestore(&input_lock, flags);
	return c;
}

/* A glance without the lock: the answer may be stale as soon as it is read. */
bool input_pending(void)
{
	return READ_ONCE(head) != READ_ONCE(tail);
}

/* Control characters other than newline and tab show as ^X. */
static void echo_char(int c)
{
	char text[3];
	size_t len = 1;

	text[0] = c;
	if (c == '\b') {
		console_write("\b \b", 3, LOGLEVEL_INFO);
		return;
	}
	if (c < ' ' && c != '\n' && c != '\t') {
		text[0] = '^';
		text[1] = c + '@';
		len = 2;
	}
	console_write(text, len, LOGLEVEL_INFO);
}

void input_echo(void)
{
	int c;

	while ((c = input_get_char()) >= 0)
		echo_char(c);
}

void input_wait_pending(void)
{
	wait_event(input_wait, input_pending());
}
