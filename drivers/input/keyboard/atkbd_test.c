// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the scancode decoder: byte sequences as the i8042 delivers
 * them (scancode set 1) and the text they must type.  Runs in the kernel
 * and, under ASan/UBSan, on the host (ARCH=host).
 */
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "atkbd.h"

struct scancode_case {
	const char *what;
	const u8 *codes;
	size_t len;
	const char *text;
};

#define SEQ(what, text, ...)                                                                 \
	{                                                                                    \
		what, (const u8[]){ __VA_ARGS__ }, sizeof((const u8[]){ __VA_ARGS__ }), text \
	}

static const struct scancode_case scancode_cases[] = {
	SEQ("letters", "hi", 0x23, 0xa3, 0x17, 0x97),
	SEQ("left shift", "Hi", 0x2a, 0x23, 0xa3, 0xaa, 0x17, 0x97),
	SEQ("right shift", "!", 0x36, 0x02, 0x82, 0xb6),
	SEQ("shift released", "Aa", 0x2a, 0x1e, 0x9e, 0xaa, 0x1e, 0x9e),
	SEQ("one shift of two released", "AA", 0x2a, 0x36, 0x1e, 0xaa, 0x1e, 0xb6),
	SEQ("word with shift", "Kestrel", 0x2a, 0x25, 0xa5, 0xaa, 0x12, 0x92, 0x1f, 0x9f, 0x14,
	    0x94, 0x13, 0x93, 0x12, 0x92, 0x26, 0xa6),
	SEQ("shifted punctuation", "_+{}:\"~|<>?", 0x2a, 0x0c, 0x0d, 0x1a, 0x1b, 0x27, 0x28, 0x29,
	    0x2b, 0x33, 0x34, 0x35, 0xaa),
	SEQ("caps lock: letters only", "A1", 0x3a, 0xba, 0x1e, 0x9e, 0x02, 0x82),
	SEQ("caps lock and shift", "a!", 0x3a, 0xba, 0x2a, 0x1e, 0x02, 0xaa),
	SEQ("caps lock toggles back", "a", 0x3a, 0xba, 0x3a, 0xba, 0x1e),
	SEQ("held caps lock toggles once", "A", 0x3a, 0x3a, 0x3a, 0xba, 0x1e),
	SEQ("ctrl+c", "\003", 0x1d, 0x2e, 0xae, 0x9d),
	SEQ("right ctrl (0xE0)", "\003c", 0xe0, 0x1d, 0x2e, 0xe0, 0x9d, 0x2e),
	SEQ("right alt types plain", "a", 0xe0, 0x38, 0x1e, 0xe0, 0xb8),
	SEQ("enter, backspace, tab, escape", "\n\b\t\033", 0x1c, 0x0e, 0x0f, 0x01),
	SEQ("keypad enter and slash (0xE0)", "\n/", 0xe0, 0x1c, 0xe0, 0x9c, 0xe0, 0x35),
	SEQ("arrows send escape sequences", "\033[A\033[D\033[B\033[C", 0xe0, 0x48, 0xe0, 0xc8,
	    0xe0, 0x4b, 0xe0, 0xcb, 0xe0, 0x50, 0xe0, 0xd0, 0xe0, 0x4d, 0xe0, 0xcd),
	SEQ("home, end, delete", "\033[H\033[F\033[3~", 0xe0, 0x47, 0xe0, 0x4f, 0xe0, 0x53),
	SEQ("grey arrows ignore num lock", "\033[A", 0x45, 0xc5, 0xe0, 0x48),
	SEQ("page up, page down", "\033[5~\033[6~", 0xe0, 0x49, 0xe0, 0xc9, 0xe0, 0x51),
	SEQ("other grey keys type nothing", "", 0xe0, 0x52, 0xe0, 0x5b),
	SEQ("0xE0 covers one byte", "\033[Aa", 0xe0, 0x48, 0x1e),
	SEQ("fake shift press is no shift", "a", 0xe0, 0x2a, 0xe0, 0x37, 0x1e),
	SEQ("fake shift release keeps real shift", "A", 0x2a, 0xe0, 0x49, 0xe0, 0xc9, 0xe0, 0xaa,
	    0x1e),
	SEQ("pause sequence skipped", "a", 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x1e),
	SEQ("pause leaves num lock alone", "\033[H", 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x47),
	SEQ("keypad without num lock", "\033[H-+\033[D", 0x47, 0x4a, 0x4e, 0x52, 0x4b),
	SEQ("keypad with num lock", "7-0.", 0x45, 0xc5, 0x47, 0x4a, 0x52, 0x53),
	SEQ("unknown codes ignored", "a", 0x00, 0x59, 0x7f, 0xff, 0xd9, 0x1e),
	SEQ("releases type nothing", "", 0x9e, 0xa3, 0x81),
};

static size_t decode(const struct scancode_case *c, char *out, size_t size)
{
	struct atkbd kbd;
	size_t i, n = 0;

	atkbd_reset(&kbd);
	for (i = 0; i < c->len; i++) {
		int ch = atkbd_decode(&kbd, c->codes[i]);
		char byte[2] = { ch, 0 };
		const char *seq = byte;

		if (ch == ATKBD_NO_CHAR)
			continue;
		if (ch > 0xff)
			seq = atkbd_key_sequence(ch);
		for (; *seq && n + 1 < size; seq++)
			out[n++] = *seq;
	}
	out[n] = '\0';
	return n;
}

/* @s with control characters as \xNN, for failure messages. */
static const char *printable(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	for (; *s && n + 5 < size; s++)
		n += scnprintf(buf + n, size - n, (u8)*s < ' ' ? "\\x%02x" : "%c", (u8)*s);
	buf[n] = '\0';
	return buf;
}

static void scancode_table(struct ktest *t)
{
	char out[32], got[128], want[128];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(scancode_cases); i++) {
		const struct scancode_case *c = &scancode_cases[i];

		decode(c, out, sizeof(out));
		printable(out, got, sizeof(got));
		printable(c->text, want, sizeof(want));
		ktest_check(t, !strcmp(out, c->text), __FILE__, __LINE__,
			    "%s: typed \"%s\", expected \"%s\"", c->what, got, want);
	}
}

/* Shift-PgUp and Shift-PgDn are the console's, as keys of their own. */
static void shift_page_keys_scroll(struct ktest *t)
{
	static const u8 grey[] = { 0x2a, 0xe0, 0x49, 0xe0, 0x51, 0xaa, 0xe0, 0x49 };
	static const int want[] = { ATKBD_KEY_SCROLL_BACK, ATKBD_KEY_SCROLL_FORWARD,
				    ATKBD_KEY_PAGE_UP };
	struct atkbd kbd;
	size_t i, n = 0;

	atkbd_reset(&kbd);
	for (i = 0; i < ARRAY_SIZE(grey); i++) {
		int key = atkbd_decode(&kbd, grey[i]);

		if (key == ATKBD_NO_CHAR)
			continue;
		KTEST_ASSERT_TRUE(t, n < ARRAY_SIZE(want));
		KTEST_EXPECT_EQ(t, key, want[n]);
		n++;
	}
	KTEST_EXPECT_EQ(t, n, ARRAY_SIZE(want));
	/* keypad 9 with Num Lock off, and Shift: the same */
	atkbd_reset(&kbd);
	atkbd_decode(&kbd, 0x36);
	KTEST_EXPECT_EQ(t, atkbd_decode(&kbd, 0x49), ATKBD_KEY_SCROLL_BACK);
	KTEST_EXPECT_STREQ(t, atkbd_key_sequence(ATKBD_KEY_SCROLL_BACK), "");
}

/*
 * Ctrl-Alt-Del is a key of its own with either Ctrl, either Alt and
 * either Delete; any two of the three alone are not.
 */
static void ctrl_alt_del_is_a_key(struct ktest *t)
{
	static const struct {
		const char *what;
		u8 codes[7];
		int want;
	} cases[] = {
		{ "left ctrl, left alt, grey delete", { 0x1d, 0x38, 0xe0, 0x53 }, 1 },
		{ "right ctrl, right alt, grey delete", { 0xe0, 0x1d, 0xe0, 0x38, 0xe0, 0x53 }, 1 },
		{ "left ctrl, left alt, keypad '.'", { 0x1d, 0x38, 0x53 }, 1 },
		{ "keypad '.' with num lock", { 0x45, 0xc5, 0x1d, 0x38, 0x53 }, 1 },
		{ "ctrl and delete only", { 0x1d, 0xe0, 0x53 }, 0 },
		{ "alt and delete only", { 0x38, 0xe0, 0x53 }, 0 },
		{ "alt released first", { 0x1d, 0x38, 0xb8, 0xe0, 0x53 }, 0 },
		{ "ctrl, alt and backspace", { 0x1d, 0x38, 0x0e }, 0 },
	};
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct atkbd kbd;
		int key = ATKBD_NO_CHAR;

		atkbd_reset(&kbd);
		for (j = 0; j < ARRAY_SIZE(cases[i].codes) && cases[i].codes[j]; j++)
			key = atkbd_decode(&kbd, cases[i].codes[j]);
		ktest_check(t, (key == ATKBD_KEY_CTRL_ALT_DEL) == cases[i].want, __FILE__, __LINE__,
			    "%s: decoded %#x", cases[i].what, key);
	}
	KTEST_EXPECT_STREQ(t, atkbd_key_sequence(ATKBD_KEY_CTRL_ALT_DEL), "");
}

static void modifiers_follow_keys(struct ktest *t)
{
	struct atkbd kbd;

	atkbd_reset(&kbd);
	atkbd_decode(&kbd, 0x2a);
	KTEST_EXPECT_TRUE(t, kbd.lshift);
	atkbd_decode(&kbd, 0xe0);
	atkbd_decode(&kbd, 0x1d);
	KTEST_EXPECT_TRUE(t, kbd.rctrl);
	KTEST_EXPECT_FALSE(t, kbd.lctrl);
	atkbd_decode(&kbd, 0xaa);
	KTEST_EXPECT_FALSE(t, kbd.lshift);
	atkbd_decode(&kbd, 0x3a);
	KTEST_EXPECT_TRUE(t, kbd.caps_lock);
	atkbd_reset(&kbd);
	KTEST_EXPECT_FALSE(t, kbd.caps_lock || kbd.rctrl);
}

static const struct ktest_case atkbd_cases[] = {
	KTEST_CASE(scancode_table),
	KTEST_CASE(shift_page_keys_scroll),
	KTEST_CASE(ctrl_alt_del_is_a_key),
	KTEST_CASE(modifiers_follow_keys),
	{},
};
KTEST_SUITE(atkbd, atkbd_cases);
