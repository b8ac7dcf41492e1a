// SPDX-License-Identifier: GPL-2.0
/*
 * The ECMA-48 (VT100, "ANSI") control sequences the text grid obeys,
 * so that a program that redraws a screen (the shell's top) writes the
 * same bytes to the screen consoles and to a terminal on the serial port:
 *
 *	ESC [ row ; col H	cursor to row, col (from 1; none: the top left),
 *				also as f
 *	ESC [ n J		erase from the cursor to the end of the screen
 *				(n 0 or none), or the whole screen (n 2)
 *	ESC [ n K		erase from the cursor to the end of the line
 *				(n 0 or none), or the whole line (n 2)
 *
 * Any other sequence is read to its final byte and dropped, never drawn:
 * a colour (SGR, m) or a sequence only a real terminal knows leaves no
 * junk on the screen.  A sequence that a control character or a byte
 * over 0x7e interrupts is dropped, and that byte acts as usual.
 */
#include "text_grid.h"

#define ESC	  0x1b
#define PARAM_MAX 9999 /* more than any screen has rows or columns */

enum { ESC_NONE, ESC_SEEN, ESC_CSI };

/* Parameter @i, 0 if it was not given (which means the default). */
static unsigned int param(const struct text_grid *vt, unsigned int i)
{
	return i < vt->esc_nparams && i < GRID_ESC_MAX_PARAMS ? vt->esc_params[i] : 0;
}

/* One parameter more; past GRID_ESC_MAX_PARAMS the sequence is only read to its end. */
static void next_param(struct text_grid *vt)
{
	if (vt->esc_nparams < GRID_ESC_MAX_PARAMS)
		vt->esc_params[vt->esc_nparams] = 0;
	if (vt->esc_nparams <= GRID_ESC_MAX_PARAMS)
		vt->esc_nparams++;
}

static void move_cursor(struct text_grid *vt)
{
	unsigned int row = param(vt, 0), col = param(vt, 1);

	vt->row = row ? (row <= vt->rows ? row - 1 : vt->rows - 1) : 0;
	vt->col = col ? (col <= vt->cols ? col - 1 : vt->cols - 1) : 0;
}

static void erase(struct text_grid *vt, char final)
{
	unsigned int here = vt->row * vt->cols + vt->col;
	unsigned int line = vt->row * vt->cols;

	if (final == 'J')
		text_grid_erase(vt, param(vt, 0) == 2 ? 0 : here, vt->rows * vt->cols);
	else
		text_grid_erase(vt, param(vt, 0) == 2 ? line : here, line + vt->cols);
}

static void act(struct text_grid *vt, char final)
{
	switch (final) {
	case 'H':
	case 'f':
		move_cursor(vt);
		break;
	case 'J':
	case 'K':
		if (param(vt, 0) == 0 || param(vt, 0) == 2)
			erase(vt, final);
		break;
	}
}

/* A byte inside "ESC [": a parameter, a separator, or the final byte. */
static void csi_byte(struct text_grid *vt, u8 c)
{
	if (c >= '0' && c <= '9') {
		unsigned int i = vt->esc_nparams - 1, v;

		if (!vt->esc_nparams) {
			next_param(vt);
			i = 0;
		}
		if (i < GRID_ESC_MAX_PARAMS) {
			v = vt->esc_params[i] * 10 + (c - '0');
			vt->esc_params[i] = v > PARAM_MAX ? PARAM_MAX : v;
		}
		return;
	}
	if (c == ';') {
		if (!vt->esc_nparams)
			next_param(vt); /* ";5H": the first one was left out */
		next_param(vt);
		return;
	}
	if (c >= 0x20 && c <= 0x3f)
		return; /* other parameter and intermediate bytes: read on */
	vt->esc_state = ESC_NONE;
	if (c >= 0x40 && c <= 0x7e && vt->esc_nparams <= GRID_ESC_MAX_PARAMS)
		act(vt, c);
}

bool text_grid_escape(struct text_grid *vt, char ch)
{
	u8 c = ch;

	if (c == ESC) {
		vt->esc_state = ESC_SEEN;
		return true;
	}
	if (vt->esc_state == ESC_NONE)
		return false;
	if (c < 0x20 || c > 0x7e) { /* a byte no sequence holds cuts it short, and acts */
		vt->esc_state = ESC_NONE;
		return false;
	}
	if (vt->esc_state == ESC_SEEN) {
		vt->esc_state = c == '[' ? ESC_CSI : ESC_NONE;
		vt->esc_nparams = 0;
		return true;
	}
	csi_byte(vt, c);
	return true;
}
