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

#define ATKBD_NO_CHAR (-1)

/* Keys without a character, returned above any byte value. */
enum atkbd_key {
	ATKBD_KEY_UP = 0x100,
	ATKBD_KEY_DOWN,
	ATKBD_KEY_RIGHT,
	ATKBD_KEY_LEFT,
	ATKBD_KEY_HOME,
	ATKBD_KEY_END,
	ATKBD_KEY_DELETE,
	ATKBD_KEY_PAGE_UP,
	ATKBD_KEY_PAGE_DOWN,
	/* Shift-PgUp and Shift-PgDn: the console's scrollback, not the reader's. */
	ATKBD_KEY_SCROLL_BACK,
	ATKBD_KEY_SCROLL_FORWARD,
	/* Ctrl-Alt-Del, with either Delete key: the kernel's (ctrl_alt_del()). */
	ATKBD_KEY_CTRL_ALT_DEL,
};

struct atkbd {
	bool lshift, rshift;
	bool lctrl, rctrl;
	bool lalt, ralt;
	bool caps_lock, num_lock;
	bool caps_down, num_down; /* held: typematic repeats must not toggle */
	bool extended;		  /* an 0xE0 prefix came */
	u8 pause_left;		  /* bytes of the 0xE1 Pause sequence still to skip */
};

/* All keys up, all locks off. */
void atkbd_reset(struct atkbd *kbd);

/*
 * Feed one byte from the keyboard.  Returns the character the key press
 * types (ASCII; control characters for Enter, Tab, Backspace, Escape and
 * Ctrl+letter), an atkbd_key for the arrows, Home, End, Delete, PgUp and
 * PgDn (and the keypad's with Num Lock off; with Shift, PgUp and PgDn are
 * the scrollback keys), ATKBD_KEY_CTRL_ALT_DEL, or ATKBD_NO_CHAR for releases,
 * modifiers, other keys without a character and bytes the decoder does
 * not know.
 */
int atkbd_decode(struct atkbd *kbd, u8 scancode);

/*
 * The escape sequence a VT100 terminal sends for @key ("\e[A" for up);
 * "" for the scrollback keys and Ctrl-Alt-Del, which the kernel takes.
 */
const char *atkbd_key_sequence(enum atkbd_key key);

#endif
