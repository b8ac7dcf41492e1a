// SPDX-License-Identifier: GPL-2.0
/*
 * Scancode set 1 to characters, US layout.
 *
 * The i8042 controller translates the keyboard's native set 2 into set 1,
 * where a key press sends its make code and the release sends the make
 * code with bit 7 set.  Keys added after the original PC keyboard send
 * 0xE0 first; Pause sends a six-byte sequence starting with 0xE1 and no
 * release.  Print Screen and some keypad keys wrap themselves in "fake"
 * shift presses (0xE0 0x2A ...), which must not change the shift state.
 */
#include <kernel/compiler.h>
#include "atkbd.h"

#define SC_RELEASE   0x80
#define SC_EXTENDED  0xe0
#define SC_PAUSE     0xe1
#define PAUSE_LENGTH 6

/* Laid out by hand: the scan codes the decoder names. */
/* clang-format off */
enum {
	SC_ENTER = 0x1c, SC_CTRL = 0x1d, SC_LSHIFT = 0x2a, SC_RSHIFT = 0x36, SC_ALT = 0x38,
	SC_CAPS_LOCK = 0x3a, SC_NUM_LOCK = 0x45, SC_KP_7 = 0x47, SC_KP_DOT = 0x53,
	SC_KP_SLASH = 0x35,	/* after 0xE0 */
};
/* clang-format on */

/* Unshifted and shifted characters of the main block, by make code, a group per row. */
/* clang-format off */
static const char keymap[][2] = {
	[0x01] = { 0x1b, 0x1b },
	[0x02] = { '1', '!' }, [0x03] = { '2', '@' }, [0x04] = { '3', '#' },
	[0x05] = { '4', '$' }, [0x06] = { '5', '%' }, [0x07] = { '6', '^' },
	[0x08] = { '7', '&' }, [0x09] = { '8', '*' }, [0x0a] = { '9', '(' },
	[0x0b] = { '0', ')' }, [0x0c] = { '-', '_' }, [0x0d] = { '=', '+' },
	[0x0e] = { '\b', '\b' }, [0x0f] = { '\t', '\t' },
	[0x10] = { 'q', 'Q' }, [0x11] = { 'w', 'W' }, [0x12] = { 'e', 'E' },
	[0x13] = { 'r', 'R' }, [0x14] = { 't', 'T' }, [0x15] = { 'y', 'Y' },
	[0x16] = { 'u', 'U' }, [0x17] = { 'i', 'I' }, [0x18] = { 'o', 'O' },
	[0x19] = { 'p', 'P' }, [0x1a] = { '[', '{' }, [0x1b] = { ']', '}' },
	[0x1c] = { '\n', '\n' },
	[0x1e] = { 'a', 'A' }, [0x1f] = { 's', 'S' }, [0x20] = { 'd', 'D' },
	[0x21] = { 'f', 'F' }, [0x22] = { 'g', 'G' }, [0x23] = { 'h', 'H' },
	[0x24] = { 'j', 'J' }, [0x25] = { 'k', 'K' }, [0x26] = { 'l', 'L' },
	[0x27] = { ';', ':' }, [0x28] = { '\'', '"' }, [0x29] = { '`', '~' },
	[0x2b] = { '\\', '|' },
	[0x2c] = { 'z', 'Z' }, [0x2d] = { 'x', 'X' }, [0x2e] = { 'c', 'C' },
	[0x2f] = { 'v', 'V' }, [0x30] = { 'b', 'B' }, [0x31] = { 'n', 'N' },
	[0x32] = { 'm', 'M' }, [0x33] = { ',', '<' }, [0x34] = { '.', '>' },
	[0x35] = { '/', '?' },
	[0x37] = { '*', '*' }, [0x39] = { ' ', ' ' },
};
/* clang-format on */

/* Keypad 7 ... keypad '.', typing only with Num Lock on, except - and +. */
static const char keypad[SC_KP_DOT - SC_KP_7 + 1] = "789-456+1230.";

/*
 * The keys these codes share with the keypad: after 0xE0 (the grey keys),
 * or on the keypad with Num Lock off.  Laid out by hand, in pairs.
 */
/* clang-format off */
static const short navigation[SC_KP_DOT - SC_KP_7 + 1] = {
	[0x47 - SC_KP_7] = ATKBD_KEY_HOME,  [0x48 - SC_KP_7] = ATKBD_KEY_UP,
	[0x49 - SC_KP_7] = ATKBD_KEY_PAGE_UP,
	[0x4b - SC_KP_7] = ATKBD_KEY_LEFT,  [0x4d - SC_KP_7] = ATKBD_KEY_RIGHT,
	[0x4f - SC_KP_7] = ATKBD_KEY_END,   [0x50 - SC_KP_7] = ATKBD_KEY_DOWN,
	[0x51 - SC_KP_7] = ATKBD_KEY_PAGE_DOWN,
	[0x53 - SC_KP_7] = ATKBD_KEY_DELETE,
};
/* clang-format on */

static const char *const key_sequences[] = {
	[ATKBD_KEY_UP - ATKBD_KEY_UP] = "\033[A",
	[ATKBD_KEY_DOWN - ATKBD_KEY_UP] = "\033[B",
	[ATKBD_KEY_RIGHT - ATKBD_KEY_UP] = "\033[C",
	[ATKBD_KEY_LEFT - ATKBD_KEY_UP] = "\033[D",
	[ATKBD_KEY_HOME - ATKBD_KEY_UP] = "\033[H",
	[ATKBD_KEY_END - ATKBD_KEY_UP] = "\033[F",
	[ATKBD_KEY_DELETE - ATKBD_KEY_UP] = "\033[3~",
	[ATKBD_KEY_PAGE_UP - ATKBD_KEY_UP] = "\033[5~",
	[ATKBD_KEY_PAGE_DOWN - ATKBD_KEY_UP] = "\033[6~",
	[ATKBD_KEY_SCROLL_BACK - ATKBD_KEY_UP] = "",
	[ATKBD_KEY_SCROLL_FORWARD - ATKBD_KEY_UP] = "",
	[ATKBD_KEY_CTRL_ALT_DEL - ATKBD_KEY_UP] = "",
};

const char *atkbd_key_sequence(enum atkbd_key key)
{
	unsigned int i = key - ATKBD_KEY_UP;

	return i < ARRAY_SIZE(key_sequences) ? key_sequences[i] : "";
}

/*
 * A navigation key, or ATKBD_NO_CHAR for codes outside the keypad's or
 * none; with Shift, PgUp and PgDn page the console instead.
 */
static int navigation_key(const struct atkbd *kbd, u8 code)
{
	int key;

	if (code < SC_KP_7 || code > SC_KP_DOT || !navigation[code - SC_KP_7])
		return ATKBD_NO_CHAR;
	key = navigation[code - SC_KP_7];
	if (kbd->lshift || kbd->rshift) {
		if (key == ATKBD_KEY_PAGE_UP)
			return ATKBD_KEY_SCROLL_BACK;
		if (key == ATKBD_KEY_PAGE_DOWN)
			return ATKBD_KEY_SCROLL_FORWARD;
	}
	return key;
}

void atkbd_reset(struct atkbd *kbd)
{
	*kbd = (struct atkbd){ 0 };
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Ctrl+A is 0x01 ... Ctrl+_ is 0x1f, as on a terminal; Ctrl+a is Ctrl+A. */
static bool has_control_char(int c)
{
	return (c >= '@' && c <= '_') || (c >= 'a' && c <= 'z');
}

/* Track a modifier or lock key; true if @code was one. */
static bool update_modifiers(struct atkbd *kbd, u8 code, bool extended, bool down)
{
	switch (code) {
	case SC_LSHIFT:
		kbd->lshift = down;
		return true;
	case SC_RSHIFT:
		kbd->rshift = down;
		return true;
	case SC_CTRL:
		*(extended ? &kbd->rctrl : &kbd->lctrl) = down;
		return true;
	case SC_ALT:
		*(extended ? &kbd->ralt : &kbd->lalt) = down;
		return true;
	case SC_CAPS_LOCK:
		if (down && !kbd->caps_down)
			kbd->caps_lock = !kbd->caps_lock;
		kbd->caps_down = down;
		return true;
	case SC_NUM_LOCK:
		if (down && !kbd->num_down)
			kbd->num_lock = !kbd->num_lock;
		kbd->num_down = down;
		return true;
	}
	return false;
}

/* The character of a pressed non-modifier key, before Ctrl. */
static int key_char(const struct atkbd *kbd, u8 code, bool extended)
{
	bool shift = kbd->lshift || kbd->rshift;
	char c;

	if (extended) {
		/* Of the other extended keys only keypad Enter and keypad / type. */
		if (code == SC_ENTER)
			return '\n';
		return code == SC_KP_SLASH ? '/' : navigation_key(kbd, code);
	}
	if (code >= SC_KP_7 && code <= SC_KP_DOT) {
		c = keypad[code - SC_KP_7];
		if (kbd->num_lock || c == '-' || c == '+')
			return c;
		return navigation_key(kbd, code);
	}
	if (code >= ARRAY_SIZE(keymap) || !keymap[code][0])
		return ATKBD_NO_CHAR;
	c = keymap[code][0];
	if (is_letter(c) && kbd->caps_lock)
		shift = !shift;
	return keymap[code][shift];
}

int atkbd_decode(struct atkbd *kbd, u8 scancode)
{
	bool extended = kbd->extended, down = !(scancode & SC_RELEASE);
	u8 code = scancode & ~SC_RELEASE;
	int c;

	if (kbd->pause_left) {
		kbd->pause_left--;
		return ATKBD_NO_CHAR;
	}
	if (scancode == SC_EXTENDED) {
		kbd->extended = true;
		return ATKBD_NO_CHAR;
	}
	if (scancode == SC_PAUSE) {
		kbd->pause_left = PAUSE_LENGTH - 1;
		return ATKBD_NO_CHAR;
	}
	kbd->extended = false;
	/* Fake shifts around Print Screen and friends: not a real Shift key. */
	if (extended && (code == SC_LSHIFT || code == SC_RSHIFT))
		return ATKBD_NO_CHAR;
	if (update_modifiers(kbd, code, extended, down) || !down)
		return ATKBD_NO_CHAR;

	/*
	 * Both Delete keys, the grey one and keypad '.' whatever Num Lock
	 * says, as in Linux's default keymap ("control alt keycode 83 = Boot").
	 */
	if (code == SC_KP_DOT && (kbd->lctrl || kbd->rctrl) && (kbd->lalt || kbd->ralt))
		return ATKBD_KEY_CTRL_ALT_DEL;
	c = key_char(kbd, code, extended);
	if ((kbd->lctrl || kbd->rctrl) && has_control_char(c))
		c &= 0x1f;
	return c;
}
