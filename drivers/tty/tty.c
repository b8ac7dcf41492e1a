// SPDX-License-Identifier: GPL-2.0
/*
 * The tty: a queue of typed bytes between the devices' receive interrupts
 * and the one task that reads them, and the echo a terminal gives.
 *
 * Producers are interrupt handlers, the keyboard's and the serial port's;
 * the consumer is one task (init's echo loop or the kernel shell), which
 * sleeps on the tty's wait queue until there is something to read, or,
 * while a program has the tty open, the line discipline (n_tty.c), whose
 * work item takes the bytes as they come.  The tty's lock, taken with
 * interrupts off, guards the queue, so bytes from both devices interleave
 * whole: none is lost or counted twice.
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
#include <kernel/printk.h>
#include <kernel/tty.h>

DEFINE_TTY(tty_console, "console");

static unsigned int queued(const struct tty_struct *tty)
{
	return tty->head - tty->tail;
}

void tty_receive(struct tty_struct *tty, const char *s, size_t len)
{
	unsigned long flags;
	bool fits;
	size_t i;

	spin_lock_irqsave(&tty->lock, flags);
	fits = queued(tty) + len <= TTY_BUF_SIZE;
	for (i = 0; i < len; i++) /* a Ctrl-C interrupts even when the queue is full */
		tty->interrupts += s[i] == TTY_INTR;
	if (fits) {
		for (i = 0; i < len; i++)
			tty->buf[tty->head++ % TTY_BUF_SIZE] = s[i];
	} else {
		tty->dropped += len;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (len) {
		wake_up(&tty->wait);
		if (READ_ONCE(tty->count)) /* open: the line discipline takes them (n_tty.c) */
			schedule_work(&tty->rx_work);
	}
}

bool tty_room_or_throttle(struct tty_struct *tty, void (*fn)(void))
{
	bool room;

	spin_lock(&tty->lock);
	room = queued(tty) < TTY_BUF_SIZE;
	if (!room)
		tty->unthrottle = fn;
	spin_unlock(&tty->lock);
	return room;
}

int tty_getc(struct tty_struct *tty)
{
	void (*restart)(void) = NULL;
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&tty->lock, flags);
	if (queued(tty))
		c = (unsigned char)tty->buf[tty->tail++ % TTY_BUF_SIZE];
	if (tty->unthrottle && queued(tty) <= TTY_BUF_SIZE / 2) {
		restart = tty->unthrottle;
		tty->unthrottle = NULL;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (restart)
		restart();
	return c;
}

/* A glance without the lock: the answer may be stale as soon as it is read. */
bool tty_pending(struct tty_struct *tty)
{
	return READ_ONCE(tty->head) != READ_ONCE(tty->tail);
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

void tty_echo(struct tty_struct *tty)
{
	int c;

	while ((c = tty_getc(tty)) >= 0)
		echo_char(c);
}

void tty_wait_pending(struct tty_struct *tty)
{
	wait_event(tty->wait, tty_pending(tty));
}

bool tty_wait_pending_timeout(struct tty_struct *tty, unsigned int ms)
{
	return wait_event_timeout(tty->wait, tty_pending(tty), msecs_to_jiffies(ms)) > 0;
}

unsigned long tty_interrupts(struct tty_struct *tty)
{
	return READ_ONCE(tty->interrupts);
}

bool tty_interrupt_queued(struct tty_struct *tty)
{
	unsigned long flags;
	unsigned int i;
	bool found = false;

	spin_lock_irqsave(&tty->lock, flags);
	for (i = tty->tail; i != tty->head && !found; i++)
		found = tty->buf[i % TTY_BUF_SIZE] == TTY_INTR;
	spin_unlock_irqrestore(&tty->lock, flags);
	return found;
}

bool tty_wait_interrupt_timeout(struct tty_struct *tty, unsigned long since, unsigned int ms)
{
	return wait_event_timeout(tty->wait, tty_interrupts(tty) != since, msecs_to_jiffies(ms)) >
	       0;
}

/* No lock: at boot nothing else runs, and nobody has opened the tty yet. */
void tty_set_screen_size(unsigned short cols, unsigned short rows)
{
	tty_console.winsize.ws_col = cols;
	tty_console.winsize.ws_row = rows;
}

void tty_flush(struct tty_struct *tty)
{
	while (tty_getc(tty) >= 0)
		;
}
