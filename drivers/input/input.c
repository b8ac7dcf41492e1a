// SPDX-License-Identifier: GPL-2.0
/*
 * The input queue and its echo.
 *
 * One producer (the keyboard interrupt) and one consumer (init's console
 * loop, which sleeps on input_wait until there is something to echo):
 * the consumer blocks interrupts for the few instructions it takes a
 * character, and the producer runs with interrupts off anyway.  A full
 * queue drops new characters rather than old ones, as a terminal does
 * when typing outruns its reader.
 */
#include <asm/irqflags.h>
#include <kernel/console.h>
#include <kernel/input.h>
#include <kernel/printk.h>
#include <kernel/wait.h>

static char queue[INPUT_QUEUE_SIZE];
static unsigned int head, tail;		/* free-running; index modulo the size */
unsigned long input_dropped;
static DECLARE_WAIT_QUEUE_HEAD(input_wait);

void input_put_char(char c)
{
	if (head - tail == INPUT_QUEUE_SIZE) {
		input_dropped++;
		return;
	}
	queue[head++ % INPUT_QUEUE_SIZE] = c;
	wake_up(&input_wait);
}

int input_get_char(void)
{
	unsigned long flags = local_irq_save();
	int c = -1;

	if (head != tail)
		c = (unsigned char)queue[tail++ % INPUT_QUEUE_SIZE];
	local_irq_restore(flags);
	return c;
}

bool input_pending(void)
{
	return head != tail;
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
