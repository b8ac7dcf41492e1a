/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The colors of the screen consoles (colors.c): a VGA attribute for each
 * log level, as CONFIG_VGA_COLORS and the color options chose.
 */
#ifndef _DRIVERS_VIDEO_COLORS_H
#define _DRIVERS_VIDEO_COLORS_H

#include <kernel/types.h>

#define VGA_MONO_ATTR 0x07 /* light grey on black */

/* Background in the high nibble, foreground in the low one. */
u8 console_attr(int level);

#endif
