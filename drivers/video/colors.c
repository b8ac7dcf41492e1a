// SPDX-License-Identifier: GPL-2.0
/*
 * The colors of the screen consoles.  Both the VGA and the framebuffer
 * console draw VGA attributes (a background and a foreground of the 16
 * VGA colors), so that the color options mean the same on both, and so
 * that a screen test reads the same attributes off either screen.  With
 * CONFIG_VGA_COLORS each log level gets its own foreground color;
 * otherwise everything is light grey on black.  This is the one file the
 * options are compiled into: toggling them rebuilds it and no console.
 */
#include <kernel/printk.h>

#include "colors.h"

u8 console_attr(int level)
{
	u8 fg;

	if (!IS_ENABLED(CONFIG_VGA_COLORS))
		return VGA_MONO_ATTR;
	if (level <= LOGLEVEL_CRIT)
		fg = CONFIG_VGA_COLOR_EMERG;
	else if (level == LOGLEVEL_ERR)
		fg = CONFIG_VGA_COLOR_ERR;
	else if (level == LOGLEVEL_WARNING)
		fg = CONFIG_VGA_COLOR_WARN;
	else if (level == LOGLEVEL_NOTICE)
		fg = CONFIG_VGA_COLOR_NOTICE;
	else if (level == LOGLEVEL_DEBUG)
		fg = CONFIG_VGA_COLOR_DEBUG;
	else
		fg = CONFIG_VGA_FG_COLOR;
	return CONFIG_VGA_BG_COLOR << 4 | fg;
}
