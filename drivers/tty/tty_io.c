// SPDX-License-Identifier: GPL-2.0
/*
 * The terminal's files: /dev/tty (5,0), the caller's controlling
 * terminal; /dev/console (5,1), the console's tty; and /dev/tty0 (4,0),
 * Linux's current virtual console, which here is the same tty.  Each
 * reads, writes and polls through the line discipline (n_tty.c) and
 * answers the terminal ioctls with Linux's numbers and semantics.
 *
 * Writes go to every console (VGA and serial), as the kernel's messages
 * do, after the output processing of c_oflag.  Neither /dev/console nor
 * /dev/tty0 becomes a controlling terminal when opened, and /dev/tty
 * without one is -ENXIO, as in Linux (tty_jobctrl.c has the rules).  A
 * reader in a background group of its terminal is stopped with SIGTTIN,
 * a writer with TOSTOP set with SIGTTOU, and so is one that changes the
 * settings or the foreground group (TCSETS, TCFLSH, TIOCSPGRP...), as
 * Linux's tty_check_change() does: a shell that ignores SIGTTOU may.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include <kernel/uaccess.h>
#include "tty_internal.h"

#define TTYAUX_MAJOR 5 /* /dev/tty, /dev/console */
#define TTY_MAJOR    4 /* /dev/tty0 */

#define TTY_WRITE_CHUNK 2048 /* Linux's: a write looks for signals between two */

static int tty_open(struct inode *inode, struct file *file)
{
	unsigned int major = MAJOR(inode->i_rdev), minor = MINOR(inode->i_rdev);
	struct tty_struct *tty;

	if (major == TTYAUX_MAJOR && minor == 0) {
		tty = get_current_tty();
		if (!tty)
			return -ENXIO;
	} else if ((major == TTYAUX_MAJOR && minor == 1) || (major == TTY_MAJOR && minor == 0)) {
		tty = console_tty();
	} else {
		return -ENXIO;
	}
	file->private_data = tty;
	n_tty_open(tty);
	return 0;
}

static int tty_release(struct inode *inode, struct file *file)
{
	n_tty_close(file->private_data);
	return 0;
}

static ssize_t tty_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	int err = tty_check_job(tty, SIGTTIN);

	if (err)
		return err;
	return n_tty_read(tty, buf, count, file->f_flags & O_NONBLOCK);
}

/*
 * In chunks, as Linux's iterate_tty_write(): a signal between two ends
 * the write with the count written so far (^C reaches a cat of a big
 * file at once), and the CPU is offered between them, which under
 * PREEMPT_NONE is what lets the line discipline's work take that ^C.
 */
static ssize_t tty_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	size_t done = 0;
	int err;

	if (READ_ONCE(tty->termios.c_lflag) & TOSTOP) {
		err = tty_check_job(tty, SIGTTOU);
		if (err)
			return err;
	}
	while (done < count) {
		done += n_tty_write(tty, buf + done, min(count - done, (size_t)TTY_WRITE_CHUNK));
		if (done < count && signal_pending(current))
			break;
		cond_resched();
	}
	return done;
}

static __poll_t tty_poll(struct file *file, poll_table *pt)
{
	return n_tty_poll(file->private_data, file, pt);
}

static long set_termios(struct tty_struct *tty, unsigned int cmd, void __user *arg)
{
	struct termios t;
	int err = tty_check_change(tty);

	if (err)
		return err;
	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	/* Output is written before write() returns: there is never any to drain (TCSETSW). */
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	n_tty_set_termios(tty, &t);
	return 0;
}

static long set_winsize(struct tty_struct *tty, void __user *arg)
{
	struct winsize ws;
	bool changed;
	int pgrp;

	if (copy_from_user(&ws, arg, sizeof(ws)))
		return -EFAULT;
	mutex_lock(&tty->ldisc_lock);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws));
	tty->winsize = ws;
	mutex_unlock(&tty->ldisc_lock);
	pgrp = READ_ONCE(tty->pgrp);
	if (changed && pgrp)
		kill_pgrp(pgrp, SIGWINCH);
	return 0;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	struct winsize ws;
	struct termios t;
	int err;
	u8 c;

	switch (cmd) {
	case TCGETS:
		n_tty_get_termios(tty, &t);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		mutex_lock(&tty->ldisc_lock);
		ws = tty->winsize;
		mutex_unlock(&tty->ldisc_lock);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, p);
	case FIONREAD:
		return put_user((int)n_tty_inq(tty), (int __user *)p) ? -EFAULT : 0;
	case TIOCOUTQ: /* nothing waits to be sent: writes are synchronous */
		return put_user(0, (int __user *)p) ? -EFAULT : 0;
	case TIOCGETD:
		return put_user(N_TTY, (int __user *)p) ? -EFAULT : 0;
	case TCFLSH:
		err = tty_check_change(tty);
		if (err)
			return err;
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			n_tty_flush_input(tty);
		return 0;
	case TCXONC: /* the consoles' output cannot be held, nor the input stopped */
		err = tty_check_change(tty);
		if (err)
			return err;
		return arg > TCION ? -EINVAL : 0;
	case TCSBRK: /* drain, then a break the consoles have no line for */
	case TCSBRKP:
		return tty_check_change(tty);
	case TIOCSTI:
		if (get_user(c, (u8 __user *)p))
			return -EFAULT;
		n_tty_receive(tty, c);
		return 0;
	case TIOCSCTTY:
		return tiocsctty(tty, arg);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		return tiocgpgrp(tty, p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		return tiocgsid(tty, p);
	}
	return -ENOTTY;
}

static const struct file_operations tty_fops = {
	.llseek = noop_llseek,
	.open = tty_open,
	.release = tty_release,
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

static int tty_io_init(void)
{
	int err = register_chrdev(TTYAUX_MAJOR, "/dev/tty", &tty_fops);

	if (err >= 0)
		err = register_chrdev(TTY_MAJOR, "tty", &tty_fops);
	if (err < 0) {
		pr_err("tty: cannot register the terminal's devices: error %d\n", err);
		return err;
	}
	return 0;
}
device_initcall(tty_io_init);
