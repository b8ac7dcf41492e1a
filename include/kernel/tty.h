/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tty layer (drivers/tty/tty.c): what stands between the devices a
 * person types on and the program that reads what was typed.
 *
 * Input devices feed a tty from their interrupt handlers: the PS/2
 * keyboard (drivers/input/) and the serial port (drivers/tty/) both feed
 * the console's tty.  Readers only ever see the tty: the kernel shell, or
 * init's echo without one, and later /dev/console.  What is queued is what
 * a terminal would send: characters, control characters, and VT100 escape
 * sequences for keys without a character (the arrows send "\e[A" ...
 * "\e[D", as on a serial terminal).  The handlers only queue and wake the
 * reader, so console output never happens in interrupt context.
 *
 * The devices feed one tty, the console's (console_tty()); any other is
 * one DEFINE_TTY(), as the tests and the scheduler benchmark each have,
 * and what a second console or a serial line of its own will need.
 */
#ifndef _KERNEL_TTY_H
#define _KERNEL_TTY_H

#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/types.h>
#include <kernel/wait.h>

#define TTY_BUF_SIZE 256
#define TTY_INTR     0x03 /* Ctrl-C, the terminal's interrupt character */

struct tty_struct {
	const char *name;
	spinlock_t lock; /* the queue, the count of Ctrl-Cs, the throttled source */
	char buf[TTY_BUF_SIZE];
	unsigned int head, tail;     /* free-running; index modulo the size */
	void (*unthrottle)(void);    /* a stopped source, restarted at half empty */
	unsigned long interrupts;    /* Ctrl-Cs received, queued or not */
	unsigned long dropped;	     /* bytes that found the queue full */
	struct wait_queue_head wait; /* the reader, until a byte or a Ctrl-C comes */
};

#define TTY_INIT(var, tname)                                           \
	{                                                              \
		.name = tname, .lock = __SPIN_LOCK_UNLOCKED(var.lock), \
		.wait = WAIT_QUEUE_HEAD_INIT(var.wait)                 \
	}
#define DEFINE_TTY(var, tname) struct tty_struct var = TTY_INIT(var, tname)

#ifdef CONFIG_TTY
extern struct tty_struct tty_console;

static inline struct tty_struct *console_tty(void)
{
	return &tty_console;
}

/* Devices, from interrupt context. */

/*
 * Queue @len bytes together, or none of them (counted as dropped): a
 * key's escape sequence is never split by a byte from another device.
 */
void tty_receive(struct tty_struct *tty, const char *s, size_t len);

static inline void tty_receive_char(struct tty_struct *tty, char c)
{
	tty_receive(tty, &c, 1);
}

/*
 * For a device that can hold its bytes back (a UART's FIFO): true if the
 * queue has room for one more.  If not, @unthrottle is called once the
 * reader has emptied half the queue; the device stops reading until
 * then, and nothing is lost.  Interrupts off.
 */
bool tty_room_or_throttle(struct tty_struct *tty, void (*unthrottle)(void));

/* Readers, from task context. */

/* The oldest queued byte, or -1 when the queue is empty. */
int tty_getc(struct tty_struct *tty);
bool tty_pending(struct tty_struct *tty);
/* Sleep until a byte is queued. */
void tty_wait_pending(struct tty_struct *tty);
/* The same for at most @ms milliseconds: whether a byte is queued. */
bool tty_wait_pending_timeout(struct tty_struct *tty, unsigned int ms);
/* How many Ctrl-Cs (TTY_INTR) have arrived since boot, queued or not. */
unsigned long tty_interrupts(struct tty_struct *tty);
/* Whether a Ctrl-C waits in the queue (typed ahead of the reader). */
bool tty_interrupt_queued(struct tty_struct *tty);
/*
 * Sleep up to @ms milliseconds, or until a Ctrl-C arrives after the
 * count @since (from tty_interrupts()): whether one did.  Bytes queued
 * meanwhile stay queued.
 */
bool tty_wait_interrupt_timeout(struct tty_struct *tty, unsigned long since, unsigned int ms);
/* Drop everything queued, as a terminal flushes its input at Ctrl-C. */
void tty_flush(struct tty_struct *tty);
/* Read every queued byte and write it back, as a terminal echoes. */
void tty_echo(struct tty_struct *tty);
#else
/* No device to type on: nothing ever arrives. */
static inline struct tty_struct *console_tty(void)
{
	return NULL;
}

static inline bool tty_pending(struct tty_struct *tty)
{
	return false;
}

static inline int tty_getc(struct tty_struct *tty)
{
	return -1;
}

static inline void tty_echo(struct tty_struct *tty)
{
}

static inline void tty_wait_pending(struct tty_struct *tty)
{
	sleep_forever();
}

static inline bool tty_wait_pending_timeout(struct tty_struct *tty, unsigned int ms)
{
	msleep(ms);
	return false;
}

static inline unsigned long tty_interrupts(struct tty_struct *tty)
{
	return 0;
}

static inline bool tty_interrupt_queued(struct tty_struct *tty)
{
	return false;
}

static inline bool tty_wait_interrupt_timeout(struct tty_struct *tty, unsigned long since,
					      unsigned int ms)
{
	msleep(ms);
	return false;
}

static inline void tty_flush(struct tty_struct *tty)
{
}
#endif

#endif
