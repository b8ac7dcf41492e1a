/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed input (drivers/input/input.c): one queue of bytes between the
 * consoles' receive interrupts (the PS/2 keyboard, the serial port) and
 * the task that reads them, init's echo loop or the kernel shell.
 *
 * What is queued is what a terminal would send: characters, control
 * characters, and VT100 escape sequences for keys without a character
 * (the arrows send "\e[A" ... "\e[D", as on a serial terminal).  The
 * interrupt handlers only queue and wake the reader, so console output
 * never happens in interrupt context.
 */
#ifndef _KERNEL_INPUT_H
#define _KERNEL_INPUT_H

#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/types.h>

#define INPUT_QUEUE_SIZE 256
#define INPUT_INTR	 0x03 /* Ctrl-C, the terminal's interrupt character */

#ifdef CONFIG_INPUT
/* From interrupt context: queue @c; dropped (and counted) when full. */
void input_put_char(char c);
/*
 * Queue @len bytes together, or none of them (counted as dropped): a
 * key's escape sequence is never split by a byte from the other console.
 */
void input_put_chars(const char *s, size_t len);
/*
 * For a source that can hold its bytes back (a UART's FIFO): true if the
 * queue has room for one more.  If not, @unthrottle is called once the
 * reader has emptied half the queue; the source stops reading until
 * then, and nothing is lost.  Interrupts off.
 */
bool input_room_or_throttle(void (*unthrottle)(void));
/* The oldest queued byte, or -1 when the queue is empty. */
int input_get_char(void);
bool input_pending(void);
/* Write every queued character to the consoles, as a terminal echoes. */
void input_echo(void);
/* Sleep until a byte is queued. */
void input_wait_pending(void);
/* The same for at most @ms milliseconds: whether a byte is queued. */
bool input_wait_pending_timeout(unsigned int ms);
/* How many Ctrl-Cs (INPUT_INTR) have arrived since boot, queued or not. */
unsigned long input_interrupts(void);
/* Whether a Ctrl-C waits in the queue (typed ahead of the reader). */
bool input_interrupt_queued(void);
/*
 * Sleep up to @ms milliseconds, or until a Ctrl-C arrives after the
 * count @since (from input_interrupts()): whether one did.  Bytes queued
 * meanwhile stay queued.
 */
bool input_wait_interrupt_timeout(unsigned long since, unsigned int ms);
/* Drop everything queued, as a terminal flushes its input at Ctrl-C. */
void input_flush(void);
extern unsigned long input_dropped;
#else
static inline bool input_pending(void)
{
	return false;
}

static inline int input_get_char(void)
{
	return -1;
}

static inline void input_echo(void)
{
}

/* No input device: nothing ever arrives. */
static inline void input_wait_pending(void)
{
	sleep_forever();
}

static inline bool input_wait_pending_timeout(unsigned int ms)
{
	msleep(ms);
	return false;
}

static inline unsigned long input_interrupts(void)
{
	return 0;
}

static inline bool input_interrupt_queued(void)
{
	return false;
}

static inline bool input_wait_interrupt_timeout(unsigned long since, unsigned int ms)
{
	msleep(ms);
	return false;
}

static inline void input_flush(void)
{
}
#endif

#ifdef CONFIG_KEYBOARD
/*
 * Make the keyboard controller deliver @scancode (set 1) through the
 * keyboard interrupt as if it had been typed; -ENODEV without one.
 */
int input_inject_scancode(u8 scancode);
#else
static inline int input_inject_scancode(u8 scancode)
{
	return -ENODEV;
}
#endif

#endif
