// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/console and /dev/tty (character major 5): the terminal that user
 * programs read and write.
 *
 * Writes go to every console (VGA, serial), as the kernel's own messages
 * do.  Reads are in canonical mode, a line at a time, as a terminal's line
 * discipline gives them: typed bytes come from the console's tty queue
 * (the keyboard and the serial port both feed it), are echoed, and are
 * edited before the program sees them: Backspace and Delete erase a
 * character, Ctrl-U the line, Ctrl-D at the start of a line is the end of
 * input, Ctrl-C throws the line away.  Escape sequences of keys that have
 * no character (the arrows) are dropped.  Raw mode (TCSETS), job control
 * and Ctrl-C sending SIGINT come with the next issue; until then a program
 * is ended with the kernel shell's Ctrl-C, which kills what it ran.
 *
 * One reader at a time edits the line (console_read_lock); a line longer
 * than a read asked for is handed out over several reads, as Linux does.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/tty.h>
#include <kernel/uaccess.h>

#define TTYAUX_MAJOR 5
#define LINE_MAX     256
#define WRITE_CHUNK  128 /* console_write() runs with interrupts off: keep each short */
#define POLL_MS	     100 /* how often a waiting reader looks for a signal */

/* ioctl requests, with Linux's values */
#define TCGETS	   0x5401
#define TCSETS	   0x5402
#define TCSETSW	   0x5403
#define TCSETSF	   0x5404
#define TIOCGWINSZ 0x5413

#define CTRL(c) ((c)&0x1f)

/* Linux's struct termios for TCGETS (asm-generic/termbits.h) */
struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

static DEFINE_MUTEX(console_read_lock);
static char line[LINE_MAX];
static size_t line_len, line_off; /* the line ready, and what was read of it */

static void echo(const char *text, size_t len)
{
	console_write(text, len, LOGLEVEL_INFO);
}

/* The next typed byte; -ERESTARTSYS if a signal comes first. */
static int next_byte(struct tty_struct *tty)
{
	int c;

	while ((c = tty_getc(tty)) < 0) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		tty_wait_pending_timeout(tty, POLL_MS);
	}
	return c;
}

/* Edit a line into line[]: its length, 0 at end of input, or -ERESTARTSYS. */
static ssize_t read_line(struct tty_struct *tty)
{
	size_t len = 0;
	bool escape = false;
	int c;

	for (;;) {
		c = next_byte(tty);
		if (c < 0)
			return c;
		if (escape) { /* ESC [ ... final byte: a key without a character */
			escape = c == '[' || (c >= '0' && c <= '9') || c == ';';
			continue;
		}
		switch (c) {
		case '\r':
		case '\n':
			echo("\n", 1);
			line[len++] = '\n';
			return len;
		case 0x7f:
		case '\b':
			if (len) {
				len--;
				echo("\b \b", 3);
			}
			break;
		case CTRL('U'):
			for (; len; len--)
				echo("\b \b", 3);
			break;
		case CTRL('D'):
			if (!len)
				return 0;
			return len; /* what was typed, without a newline */
		case CTRL('C'):
			echo("^C\n", 3);
			len = 0;
			break;
		case 0x1b:
			escape = true;
			break;
		default:
			if ((c < ' ' && c != '\t') || len >= LINE_MAX - 1)
				break;
			line[len++] = c;
			echo((char *)&line[len - 1], 1);
		}
	}
}

/*
 * The reader's lock, which a signal ends the wait for (-ERESTARTSYS): a
 * reader behind another that waits for a line may wait as long as it.
 */
static int lock_reader(void)
{
	while (!mutex_trylock(&console_read_lock)) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		msleep(POLL_MS / 10);
	}
	return 0;
}

static ssize_t console_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = console_tty();
	ssize_t n;

	if (!tty)
		return 0; /* nothing to type on: the end of input */
	if (!count)
		return 0;
	if (lock_reader())
		return -ERESTARTSYS;
	if (line_off == line_len) {
		n = read_line(tty);
		if (n <= 0) {
			mutex_unlock(&console_read_lock);
			return n;
		}
		line_len = n;
		line_off = 0;
	}
	n = min(count, line_len - line_off);
	memcpy(buf, line + line_off, n);
	line_off += n;
	mutex_unlock(&console_read_lock);
	return n;
}

static ssize_t console_file_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	size_t done;

	for (done = 0; done < count; done += min(count - done, (size_t)WRITE_CHUNK))
		echo(buf + done, min(count - done, (size_t)WRITE_CHUNK));
	return count;
}

static long console_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	static const struct winsize ws = { .ws_row = 25, .ws_col = 80 };
	struct termios t = {
		.c_iflag = 0x100,  /* ICRNL */
		.c_oflag = 0x5,	   /* OPOST | ONLCR */
		.c_cflag = 0xbf,   /* B38400 | CS8 | CREAD */
		.c_lflag = 0x8a3b, /* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
		.c_cc = { CTRL('C'), 0x1c, 0x7f, CTRL('U'), CTRL('D'), 0, 1 },
	};

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void __user *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user((void __user *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return -EINVAL; /* only canonical mode, until raw mode comes */
	}
	return -ENOTTY;
}

static const struct file_operations console_fops = {
	.llseek = noop_llseek,
	.read = console_read,
	.write = console_file_write,
	.unlocked_ioctl = console_ioctl,
};

static int tty_io_init(void)
{
	int err = register_chrdev(TTYAUX_MAJOR, "console", &console_fops);

	if (err < 0) {
		pr_err("tty: cannot register /dev/console: error %d\n", err);
		return err;
	}
	return 0;
}
device_initcall(tty_io_init);
