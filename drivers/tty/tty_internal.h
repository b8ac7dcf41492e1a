/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the terminal's files (tty_io.c) use of the controlling terminal
 * and job control (tty_jobctrl.c): the ioctls that are about sessions and
 * groups, with Linux's semantics and error numbers.
 */
#ifndef _DRIVERS_TTY_INTERNAL_H
#define _DRIVERS_TTY_INTERNAL_H

#include <kernel/compiler.h>
#include <kernel/signal.h>
#include <kernel/tty.h>

/* The caller's controlling terminal, or NULL. */
struct tty_struct *get_current_tty(void);
int tiocsctty(struct tty_struct *tty, unsigned long arg);
int tiocnotty(struct tty_struct *tty);
int tiocgpgrp(struct tty_struct *tty, int __user *p);
int tiocspgrp(struct tty_struct *tty, int __user *p);
int tiocgsid(struct tty_struct *tty, int __user *p);
/*
 * Before a read (@sig SIGTTIN) or a write with TOSTOP (SIGTTOU) of @tty:
 * 0 if the caller may go on; -ERESTARTSYS once its background group has
 * been sent @sig; -EIO if the group is orphaned (nobody could continue it)
 * or, for a read, ignores SIGTTIN.
 */
int tty_check_job(struct tty_struct *tty, int sig);
/*
 * Before a change of @tty's settings or foreground (TCSETS, TCFLSH,
 * TIOCSPGRP...): a background group is stopped with SIGTTOU unless it
 * ignores or blocks it (Linux's tty_check_change()).
 */
static inline int tty_check_change(struct tty_struct *tty)
{
	return tty_check_job(tty, SIGTTOU);
}

#endif
