/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The colors of the screen consoles (colors.c): a VGA attribute for each
 * log level, as the color options chose.  (This header names no option:
 * the build system's dependency scan would rebuild every console when
 * one changes, not colors.c alone.)
 */
#ifndef _DRIVERS_VIDEO_COLORS_H
#define _DRIVERS_VIDEO_COLORS_H

#include <kernel/types.h>

#define VGA_MONO_ATTR 0x07 /* light grey on black */

/* Background in the high nibble, foreground in the low one. */
u8 console_attr(int level);

#endif
