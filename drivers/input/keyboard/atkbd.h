/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AT keyboard scancode decoder (drivers/input/keyboard/atkbd.c): scancode
 * set 1 bytes in, characters of the US layout out.
 *
 * The decoder is pure state and tables, with no port access, so the same
 * code runs in the keyboard interrupt and in the host tests.
 */
#ifndef _DRIVERS_INPUT_ATKBD_H
#define _DRIVERS_INPUT_ATKBD_H

#include <kernel/types.h>

#define ATKBD_NO_CHAR	(-1)

struct atkbd {
	bool lshift, rshift;
	bool lctrl, rctrl;
	bool lalt, ralt;
	bool caps_lock, num_lock;
	bool caps_down, num_down;	/* held: typematic repeats must not toggle */
	bool extended;			/* an 0xE0 prefix came */
	u8 pause_left;			/* bytes of the 0xE1 Pause sequence still to skip */
};

/* All keys up, all locks off. */
void atkbd_reset(struct atkbd *kbd);

/*
 * Feed one byte from the keyboard.  Returns the character the key press
 * types (ASCII; control characters for Enter, Tab, Backspace, Escape and
 * Ctrl+letter), or ATKBD_NO_CHAR for releases, modifiers, keys without a
 * character and bytes the decoder does not know.
 */
int atkbd_decode(struct atkbd *kbd, u8 scancode);

#endif
