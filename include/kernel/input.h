/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Keyboard input (drivers/input/input.c): a small queue of typed
 * characters between the keyboard interrupt and the rest of the kernel.
 *
 * The interrupt handler only queues and wakes the reader; init's console
 * loop echoes what was typed, so console output never happens in
 * interrupt context.
 */
#ifndef _KERNEL_INPUT_H
#define _KERNEL_INPUT_H

#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/types.h>

#define INPUT_QUEUE_SIZE	64

#ifdef CONFIG_KEYBOARD
/* From interrupt context: queue @c; dropped (and counted) when full. */
void input_put_char(char c);
/* The oldest queued character, or -1 when the queue is empty. */
int input_get_char(void);
bool input_pending(void);
/* Write every queued character to the consoles, as a terminal echoes. */
void input_echo(void);
/* Sleep until a character is queued. */
void input_wait_pending(void);
/*
 * Make the keyboard controller deliver @scancode (set 1) through the
 * keyboard interrupt as if it had been typed; -ENODEV without one.
 */
int input_inject_scancode(u8 scancode);
extern unsigned long input_dropped;
#else
static inline bool input_pending(void)
{
	return false;
}

static inline void input_echo(void)
{
}

/* No keyboard: nothing ever arrives. */
static inline void input_wait_pending(void)
{
	sleep_forever();
}

static inline int input_inject_scancode(u8 scancode)
{
	return -ENODEV;
}
#endif

#endif
