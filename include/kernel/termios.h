/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A terminal's settings as programs see them: Linux's struct termios and
 * struct winsize for x86_64, their flag bits, the control characters'
 * places in c_cc, the terminal ioctls' numbers, and the values a terminal
 * starts with (Linux's tty_std_termios and INIT_C_CC).  All of it is ABI:
 * a program built for Linux (BusyBox's stty, ash's line editing) passes
 * these numbers unchanged, so each is Linux's (include/uapi/asm-generic/
 * termbits.h and ioctls.h), never one of our own.
 */
#ifndef _KERNEL_TERMIOS_H
#define _KERNEL_TERMIOS_H

#include <kernel/types.h>

#define NCCS 19

/* What TCGETS and TCSETS move: 36 bytes, no speeds (those are termios2's). */
struct termios {
	u32 c_iflag; /* input modes */
	u32 c_oflag; /* output modes */
	u32 c_cflag; /* control modes */
	u32 c_lflag; /* local modes */
	u8 c_line;   /* the line discipline: 0, N_TTY */
	u8 c_cc[NCCS];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_cc */
#define VINTR	 0
#define VQUIT	 1
#define VERASE	 2
#define VKILL	 3
#define VEOF	 4
#define VTIME	 5
#define VMIN	 6
#define VSWTC	 7
#define VSTART	 8
#define VSTOP	 9
#define VSUSP	 10
#define VEOL	 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE	 14
#define VLNEXT	 15
#define VEOL2	 16

/* A c_cc entry of this value is no character (POSIX's _POSIX_VDISABLE). */
#define _POSIX_VDISABLE 0

/* c_iflag */
#define IGNBRK	0000001
#define BRKINT	0000002
#define IGNPAR	0000004
#define PARMRK	0000010
#define INPCK	0000020
#define ISTRIP	0000040
#define INLCR	0000100
#define IGNCR	0000200
#define ICRNL	0000400
#define IUCLC	0001000
#define IXON	0002000
#define IXANY	0004000
#define IXOFF	0010000
#define IMAXBEL 0020000
#define IUTF8	0040000

/* c_oflag */
#define OPOST  0000001
#define OLCUC  0000002
#define ONLCR  0000004
#define OCRNL  0000010
#define ONOCR  0000020
#define ONLRET 0000040

/* c_cflag */
#define CBAUD  0010017
#define B38400 0000017
#define CSIZE  0000060
#define CS8    0000060
#define CSTOPB 0000100
#define CREAD  0000200
#define PARENB 0000400
#define HUPCL  0002000
#define CLOCAL 0004000

/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define TOSTOP	0000400
#define ECHOCTL 0001000
#define ECHOPRT 0002000
#define ECHOKE	0004000
#define FLUSHO	0010000
#define PENDIN	0040000
#define IEXTEN	0100000

/* The terminal ioctls (the 'T' space, numbered as in Linux's asm-generic/ioctls.h). */
#define TCGETS	   0x5401
#define TCSETS	   0x5402
#define TCSETSW	   0x5403
#define TCSETSF	   0x5404
#define TCSBRK	   0x5409
#define TCXONC	   0x540A
#define TCFLSH	   0x540B
#define TIOCSCTTY  0x540E
#define TIOCGPGRP  0x540F
#define TIOCSPGRP  0x5410
#define TIOCOUTQ   0x5411
#define TIOCSTI	   0x5412
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B
#define TIOCNOTTY  0x5422
#define TIOCGETD   0x5424
#define TCSBRKP	   0x5425
#define TIOCGSID   0x5429

/* TCFLSH's and TCXONC's arguments */
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2
#define TCOOFF	  0
#define TCOON	  1
#define TCIOFF	  2
#define TCION	  3

#define N_TTY 0

#define CTRL(c) ((c)&0x1f)

/* Linux's tty_std_termios: a cooked terminal at 38400 baud, 8 bits. */
#define TTY_STD_TERMIOS                                                                      \
	{                                                                                    \
		.c_iflag = ICRNL | IXON, .c_oflag = OPOST | ONLCR,                           \
		.c_cflag = B38400 | CS8 | CREAD | HUPCL,                                     \
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN, \
		.c_line = N_TTY,                                                             \
		.c_cc = {                                                                    \
			[VINTR] = CTRL('C'),                                                 \
			[VQUIT] = CTRL('\\'),                                                \
			[VERASE] = 0x7f,                                                     \
			[VKILL] = CTRL('U'),                                                 \
			[VEOF] = CTRL('D'),                                                  \
			[VTIME] = 0,                                                         \
			[VMIN] = 1,                                                          \
			[VSTART] = CTRL('Q'),                                                \
			[VSTOP] = CTRL('S'),                                                 \
			[VSUSP] = CTRL('Z'),                                                 \
			[VREPRINT] = CTRL('R'),                                              \
			[VDISCARD] = CTRL('O'),                                              \
			[VWERASE] = CTRL('W'),                                               \
			[VLNEXT] = CTRL('V'),                                                \
		},                                                                           \
	}

#endif
