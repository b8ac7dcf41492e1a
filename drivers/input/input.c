// SPDX-License-Identifier: GPL-2.0
/*
 * The input queue and its echo.
 *
 * Producers are interrupt handlers, the keyboard's and the serial port's;
 * the consumer is one task (init's echo loop or the kernel shell), which
 * sleeps on input_wait until there is something to read.  input_lock,
 * taken with interrupts off, guards the queue, so bytes from both
 * consoles interleave whole: none is lost or counted twice.
 *
 * A full queue drops the keyboard's new bytes rather than old ones, as a
 * terminal does when typing outruns its reader: the i8042 holds one byte.
 * A UART can hold more (its FIFO, and behind it the line's flow control),
 * so a serial port asks to be throttled instead, and the reader restarts
 * it once half the queue is free, as Linux's tty layer throttles a port.
 *
 * Ctrl-C is an interrupt as well as a byte, as a terminal's INTR
 * character is: it is counted when it arrives, so that a command that
 * waits for something else (sleep) can stop at once, without reading
 * the bytes typed ahead of it.
 */
#include <kernel/console.h>
#include <kernel/input.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>
#include <kernel/wait.h>

static char queue[INPUT_QUEUE_SIZE];
static unsigned int head, tail;	 /* free-running; index modulo the size */
static void (*unthrottle)(void); /* a stopped source, restarted at half empty */
static unsigned long interrupts; /* Ctrl-Cs queued, under input_lock */
unsigned long input_dropped;
static DECLARE_WAIT_QUEUE_HEAD(input_wait);
static DEFINE_SPINLOCK(input_lock);

static unsigned int queued(void)
{
	return head - tail;
}

void input_put_chars(const char *s, size_t len)
{
	unsigned long flags;
	bool fits;
	size_t i;

	spin_lock_irqsave(&input_lock, flags);
	fits = queued() + len <= INPUT_QUEUE_SIZE;
	for (i = 0; i < len; i++) /* a Ctrl-C interrupts even when the queue is full */
		interrupts += s[i] == INPUT_INTR;
	if (fits) {
		for (i = 0; i < len; i++)
			queue[head++ % INPUT_QUEUE_SIZE] = s[i];
	} else {
		input_dropped += len;
	}
	spin_unlock_irqrestore(&input_lock, flags);
	if (len)
		wake_up(&input_wait);
}

void input_put_char(char c)
{
	input_put_chars(&c, 1);
}

bool input_room_or_throttle(void (*fn)(void))
{
	bool room;

	spin_lock(&input_lock);
	room = queued() < INPUT_QUEUE_SIZE;
	if (!room)
		unthrottle = fn;
	spin_unlock(&input_lock);
	return room;
}

int input_get_char(void)
{
	void (*restart)(void) = NULL;
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&input_lock, flags);
	if (queued())
		c = (unsigned char)queue[tail++ % INPUT_QUEUE_SIZE];
	if (unthrottle && queued() <= INPUT_QUEUE_SIZE / 2) {
		restart = unthrottle;
		unthrottle = NULL;
	}
	spin_unlock_irqrestore(&input_lock, flags);
	if (restart)
		restart();
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
	if (c == '\b' || c == 0x7f) {
		console_write("\b \b", 3, LOGLEVEL_INFO);
		return;
	}
	if (c == '\r')
		text[0] = '\n';
	else if (c < ' ' && c != '\n' && c != '\t') {
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

bool input_wait_pending_timeout(unsigned int ms)
{
	return wait_event_timeout(input_wait, input_pending(), msecs_to_jiffies(ms)) > 0;
}

unsigned long input_interrupts(void)
{
	return READ_ONCE(interrupts);
}

bool input_interrupt_queued(void)
{
	unsigned long flags;
	unsigned int i;
	bool found = false;

	spin_lock_irqsave(&input_lock, flags);
	for (i = tail; i != head && !found; i++)
		found = queue[i % INPUT_QUEUE_SIZE] == INPUT_INTR;
	spin_unlock_irqrestore(&input_lock, flags);
	return found;
}

bool input_wait_interrupt_timeout(unsigned long since, unsigned int ms)
{
	return wait_event_timeout(input_wait, input_interrupts() != since, msecs_to_jiffies(ms)) >
	       0;
}

void input_flush(void)
{
	while (input_get_char() >= 0)
		;
}
