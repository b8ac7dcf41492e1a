// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, the line discipline: what makes a byte queue a terminal, between
 * the tty's queue (tty.c, fed by the keyboard's and the serial port's
 * interrupts) and the programs that read and write it.
 *
 * Each typed byte is taken through the termios settings when it arrives,
 * not when a program gets round to reading it, as in Linux: that is when
 * ^C must send SIGINT, when echo must appear, and under the settings of
 * that moment (a shell that goes raw to edit a line must not see a ^C
 * that was typed while its command ran in cooked mode).  The interrupt
 * handlers only queue, so the bytes are taken from the queue by a work
 * item (rx_work, on kworker), in task context, where echo may write to
 * the consoles and a signal may be sent: Linux's flip buffer and
 * flush_to_ldisc().  The line discipline holds the queue only while a
 * program has the tty open; the rest of the time the kernel shell reads
 * the queue itself, with its own line editor, and n_tty takes no byte.
 *
 * In canonical mode (ICANON) bytes are gathered into lines, edited with
 * VERASE, VWERASE, VKILL, VLNEXT and VREPRINT, and a read returns one
 * line at most; VEOF ends a line without being part of it, so at the
 * start of a line it makes read() return 0.  In non-canonical mode a
 * read returns what there is, by VMIN and VTIME, as termios(3) says.
 * ISIG turns VINTR, VQUIT and VSUSP into SIGINT, SIGQUIT and SIGTSTP for
 * the foreground process group, and flushes the input unless NOFLSH.
 * Echo and output go through the same output processing (OPOST).
 *
 * Linux's read buffer, its bitmap of line ends (read_flags) and its
 * free-running heads are the model: read_tail <= canon_head <= read_head,
 * where canon_head ends the last complete line.  ldisc_lock guards them
 * against the work item, readers, writers and ioctls; a sleeping reader's
 * condition peeks at the heads with interrupts off, each a single store.
 *
 * The consoles (VGA and serial) always end a line with a carriage return
 * and a line feed, so ONLCR is what they do anyway: a '\n' goes out as
 * it is, and without ONLCR a program still gets a new line, not a bare
 * line feed.  IXON takes ^S and ^Q as Linux does, but output is never
 * held back: the consoles cannot be.
 */
#include <kernel/console.h>
#include <kernel/ctype.h>
#include <kernel/printk.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/tty.h>

#define RB_MASK	   (N_TTY_BUF_SIZE - 1)
#define EOF_MARK   0   /* what VEOF leaves at the end of its line, never read */
#define OUT_CHUNK  128 /* console_write() runs with interrupts off: keep each short */
#define DS_PER_SEC 10  /* VTIME counts tenths of a second */

#define L(tty, f) ((tty)->termios.c_lflag & (f))
#define I(tty, f) ((tty)->termios.c_iflag & (f))
#define O(tty, f) ((tty)->termios.c_oflag & (f))

/* Whether @c is the control character c_cc[@v]; a disabled one matches nothing. */
static bool is_cc(const struct tty_struct *tty, int v, u8 c)
{
	return tty->termios.c_cc[v] != _POSIX_VDISABLE && c == tty->termios.c_cc[v];
}

/*
 * VERASE, or ^H while VERASE is DEL: the PS/2 keyboard's Backspace sends
 * ^H where Linux's keymap sends DEL, and both must erase, as the serial
 * terminal's DEL does.
 */
static bool is_erase(const struct tty_struct *tty, u8 c)
{
	return is_cc(tty, VERASE, c) || (c == '\b' && tty->termios.c_cc[VERASE] == 0x7f);
}

static bool is_cntrl(u8 c)
{
	return c < ' ' || c == 0x7f;
}

static unsigned int read_cnt(const struct tty_struct *tty)
{
	return READ_ONCE(tty->read_head) - READ_ONCE(tty->read_tail);
}

static u8 read_at(const struct tty_struct *tty, unsigned int i)
{
	return tty->read_buf[i & RB_MASK];
}

static bool line_end_at(const struct tty_struct *tty, unsigned int i)
{
	i &= RB_MASK;
	return tty->read_flags[i / 8] & (1U << (i % 8));
}

static void set_line_end(struct tty_struct *tty, unsigned int i, bool on)
{
	i &= RB_MASK;
	if (on)
		tty->read_flags[i / 8] |= 1U << (i % 8);
	else
		tty->read_flags[i / 8] &= ~(1U << (i % 8));
}

static void reset_buffer(struct tty_struct *tty)
{
	tty->read_tail = tty->canon_head = tty->read_head;
	memset(tty->read_flags, 0, sizeof(tty->read_flags));
	tty->lnext = false;
}

/* Output */

static void put_raw(struct tty_struct *tty, const char *s, size_t len)
{
	if (tty->write)
		tty->write(tty, s, len);
	else
		console_write(s, len, LOGLEVEL_INFO);
}

/*
 * One byte through OPOST into @out: how many bytes go out (ONOCR may drop
 * a carriage return), with the column kept for erasing tabs in echo.
 */
static size_t opost(struct tty_struct *tty, u8 c, char *out)
{
	if (O(tty, OPOST)) {
		if (c == '\r' && O(tty, ONOCR) && !tty->column)
			return 0;
		if (c == '\r' && O(tty, OCRNL))
			c = '\n';
	}
	switch (c) {
	case '\n': /* the consoles return the carriage too, whatever ONLCR says */
	case '\r':
		tty->column = 0;
		break;
	case '\t':
		tty->column = (tty->column | 7) + 1;
		break;
	case '\b':
		if (tty->column)
			tty->column--;
		break;
	default:
		if (!is_cntrl(c))
			tty->column++;
	}
	*out = c;
	return 1;
}

/* Write @len bytes through OPOST.  ldisc_lock held. */
static void output(struct tty_struct *tty, const char *s, size_t len)
{
	char chunk[OUT_CHUNK];
	size_t n = 0;

	while (len--) {
		n += opost(tty, *s++, chunk + n);
		if (n == sizeof(chunk)) {
			put_raw(tty, chunk, n);
			n = 0;
		}
	}
	if (n)
		put_raw(tty, chunk, n);
}

static void echo_raw(struct tty_struct *tty, const char *s)
{
	output(tty, s, strlen(s));
}

/* A typed byte as the terminal shows it: a control character as ^X with ECHOCTL. */
static void echo_char(struct tty_struct *tty, u8 c)
{
	char text[2] = { '^', c ^ 0x40 };

	if (L(tty, ECHOCTL) && is_cntrl(c) && c != '\t')
		output(tty, text, 2);
	else
		output(tty, (char *)&c, 1);
}

/* Input */

static void put_char(struct tty_struct *tty, u8 c)
{
	tty->read_buf[tty->read_head & RB_MASK] = c;
	WRITE_ONCE(tty->read_head, tty->read_head + 1);
}

/* A line ends with @c (VEOF's EOF_MARK, newline, VEOL): readers may have it. */
static void end_line(struct tty_struct *tty, u8 c)
{
	put_char(tty, c);
	set_line_end(tty, tty->read_head - 1, true);
	WRITE_ONCE(tty->canon_head, tty->read_head);
}

/* The column at which the erased tab at @pos began: the line echoed again, in the mind. */
static unsigned int column_before(const struct tty_struct *tty, unsigned int pos)
{
	unsigned int col = tty->canon_column, i;

	for (i = tty->canon_head; i != pos; i++) {
		u8 c = read_at(tty, i);

		if (c == '\t')
			col = (col | 7) + 1;
		else if (!is_cntrl(c))
			col++;
		else if (L(tty, ECHOCTL))
			col += 2;
	}
	return col;
}

static void echo_erase(struct tty_struct *tty, u8 c)
{
	unsigned int n;

	if (c == '\t') {
		/* Only backspaces: what the tab jumped over was never drawn. */
		for (n = 8 - (column_before(tty, tty->read_head) & 7); n && tty->column; n--)
			echo_raw(tty, "\b");
		return;
	}
	if (is_cntrl(c) && L(tty, ECHOCTL))
		echo_raw(tty, "\b \b");
	if (!is_cntrl(c) || L(tty, ECHOCTL))
		echo_raw(tty, "\b \b");
}

/* VERASE, VWERASE or VKILL, @c, in canonical mode: Linux's eraser(). */
static void eraser(struct tty_struct *tty, u8 c)
{
	enum { ERASE, WERASE, KILL } kind;
	bool seen_alnums = false;

	if (tty->read_head == tty->canon_head)
		return; /* nothing typed on this line */
	kind = is_erase(tty, c) ? ERASE : is_cc(tty, VKILL, c) ? KILL : WERASE;
	if (kind == KILL) {
		if (!L(tty, ECHO)) {
			tty->read_head = tty->canon_head;
			return;
		}
		if (!L(tty, ECHOK) || !L(tty, ECHOKE) || !L(tty, ECHOE)) {
			tty->read_head = tty->canon_head;
			echo_char(tty, c);
			if (L(tty, ECHOK))
				echo_raw(tty, "\n");
			return;
		}
	}
	while (tty->read_head != tty->canon_head) {
		u8 prev = read_at(tty, tty->read_head - 1);

		if (kind == WERASE) { /* a word of letters, digits and '_', as BSD's ALTWERASE */
			if (isalnum(prev) || prev == '_')
				seen_alnums = true;
			else if (seen_alnums)
				break;
		}
		tty->read_head--;
		if (L(tty, ECHO)) {
			if (kind == ERASE && !L(tty, ECHOE))
				echo_char(tty, c);
			else
				echo_erase(tty, prev);
		}
		if (kind == ERASE)
			break;
	}
}

/* VREPRINT: the line so far, again, on a line of its own. */
static void reprint(struct tty_struct *tty, u8 c)
{
	unsigned int i;

	echo_char(tty, c);
	echo_raw(tty, "\n");
	tty->canon_column = tty->column;
	for (i = tty->canon_head; i != tty->read_head; i++)
		echo_char(tty, read_at(tty, i));
}

/* ISIG: signal the foreground group and, unless NOFLSH, drop the input before. */
static void isig(struct tty_struct *tty, int sig, u8 c)
{
	int pgrp = READ_ONCE(tty->pgrp);

	if (pgrp && tty->kill_pgrp)
		tty->kill_pgrp(pgrp, sig);
	else if (pgrp && IS_ENABLED(CONFIG_USER_MODE)) /* else no process, no group */
		kill_pgrp(pgrp, sig);
	if (!L(tty, NOFLSH))
		reset_buffer(tty);
	if (L(tty, ECHO))
		echo_char(tty, c);
}

/* A byte that is only data: echoed, and kept if there is room. */
static void receive_literal(struct tty_struct *tty, u8 c)
{
	/* A line must keep room for its end, or a full buffer could never be read. */
	if (L(tty, ICANON) && read_cnt(tty) >= N_TTY_BUF_SIZE - 1)
		return;
	if (L(tty, ECHO)) {
		if (c == '\n') {
			echo_raw(tty, "\n");
		} else {
			if (tty->canon_head == tty->read_head)
				tty->canon_column = tty->column;
			echo_char(tty, c);
		}
	}
	put_char(tty, c);
}

/* One typed byte, as n_tty_receive_char() and its kin in Linux.  ldisc_lock held. */
static void receive_char(struct tty_struct *tty, u8 c)
{
	int sig = 0;

	if (I(tty, ISTRIP))
		c &= 0x7f;
	if (tty->lnext) {
		tty->lnext = false;
		receive_literal(tty, c);
		return;
	}
	if (c == '\r') {
		if (I(tty, IGNCR))
			return;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (I(tty, IXON) && (is_cc(tty, VSTOP, c) || is_cc(tty, VSTART, c)))
		return;
	if (L(tty, ISIG)) {
		if (is_cc(tty, VINTR, c))
			sig = SIGINT;
		else if (is_cc(tty, VQUIT, c))
			sig = SIGQUIT;
		else if (is_cc(tty, VSUSP, c))
			sig = SIGTSTP;
		if (sig) {
			isig(tty, sig, c);
			return;
		}
	}
	if (L(tty, ICANON)) {
		if (is_erase(tty, c) || is_cc(tty, VKILL, c) ||
		    (is_cc(tty, VWERASE, c) && L(tty, IEXTEN))) {
			eraser(tty, c);
			return;
		}
		if (is_cc(tty, VLNEXT, c) && L(tty, IEXTEN)) {
			tty->lnext = true;
			if (L(tty, ECHO)) /* the next byte's echo draws over the caret */
				echo_raw(tty, "^\b");
			return;
		}
		if (is_cc(tty, VREPRINT, c) && L(tty, ECHO) && L(tty, IEXTEN)) {
			reprint(tty, c);
			return;
		}
		if (c == '\n') {
			if (L(tty, ECHO) || L(tty, ECHONL))
				echo_raw(tty, "\n");
			end_line(tty, c);
			return;
		}
		if (is_cc(tty, VEOF, c)) {
			end_line(tty, EOF_MARK);
			return;
		}
		if (is_cc(tty, VEOL, c) || (is_cc(tty, VEOL2, c) && L(tty, IEXTEN))) {
			if (L(tty, ECHO)) {
				if (tty->canon_head == tty->read_head)
					tty->canon_column = tty->column;
				echo_char(tty, c);
			}
			end_line(tty, c);
			return;
		}
	}
	receive_literal(tty, c);
}

void n_tty_rx_work(struct work_struct *work)
{
	struct tty_struct *tty = container_of(work, struct tty_struct, rx_work);
	bool got = false;
	int c;

	mutex_lock(&tty->ldisc_lock);
	/* A full buffer leaves the bytes in the queue, which throttles the UART. */
	while (tty->count && read_cnt(tty) < N_TTY_BUF_SIZE && (c = tty_getc(tty)) >= 0) {
		receive_char(tty, c);
		got = true;
	}
	mutex_unlock(&tty->ldisc_lock);
	if (got)
		wake_up(&tty->read_wait);
}

void n_tty_receive(struct tty_struct *tty, u8 c)
{
	mutex_lock(&tty->ldisc_lock);
	if (read_cnt(tty) < N_TTY_BUF_SIZE)
		receive_char(tty, c);
	mutex_unlock(&tty->ldisc_lock);
	wake_up(&tty->read_wait);
}

void n_tty_open(struct tty_struct *tty)
{
	mutex_lock(&tty->ldisc_lock);
	if (!tty->count++)
		reset_buffer(tty);
	mutex_unlock(&tty->ldisc_lock);
	schedule_work(&tty->rx_work); /* what was typed before the open */
}

void n_tty_close(struct tty_struct *tty)
{
	/*
	 * The last file takes what has arrived through the line discipline
	 * first (a ^C echoed), so that it is all on the screen before the
	 * closing program's parent says how it ended.
	 */
	if (READ_ONCE(tty->count) == 1)
		flush_work(&tty->rx_work);
	mutex_lock(&tty->ldisc_lock);
	if (!--tty->count)
		reset_buffer(tty);
	mutex_unlock(&tty->ldisc_lock);
}

/* Reads */

/*
 * Whether a read would find something: a whole line in canonical mode,
 * else @amt bytes.  With interrupts off or ldisc_lock held.
 */
static bool input_available(const struct tty_struct *tty, unsigned int amt)
{
	if (L(tty, ICANON))
		return READ_ONCE(tty->canon_head) != READ_ONCE(tty->read_tail);
	return read_cnt(tty) >= amt;
}

/* Up to one line into @buf: its length, 0 for a VEOF at its start.  ldisc_lock held. */
static size_t canon_copy(struct tty_struct *tty, char *buf, size_t count)
{
	size_t n = 0;

	while (tty->read_tail != tty->canon_head) {
		unsigned int i = tty->read_tail;
		bool end = line_end_at(tty, i);
		u8 c = read_at(tty, i);

		if (end && c == EOF_MARK) { /* taken, never read */
			set_line_end(tty, i, false);
			WRITE_ONCE(tty->read_tail, i + 1);
			break;
		}
		if (n == count)
			break; /* the rest of the line is for the next read, as Linux */
		buf[n++] = c;
		WRITE_ONCE(tty->read_tail, i + 1);
		if (end) {
			set_line_end(tty, i, false);
			break;
		}
	}
	return n;
}

static size_t raw_copy(struct tty_struct *tty, char *buf, size_t count)
{
	size_t n = min((size_t)read_cnt(tty), count), i;

	for (i = 0; i < n; i++)
		buf[i] = read_at(tty, tty->read_tail + i);
	WRITE_ONCE(tty->read_tail, tty->read_tail + n);
	return n;
}

/*
 * Sleep until a read would find a byte or a line, a signal comes, or
 * *@timeout jiffies pass (@forever: no limit): 0, or -ERESTARTSYS.
 */
static int wait_for_input(struct tty_struct *tty, long *timeout, bool forever)
{
	struct wait_queue_entry w = { .task = current };
	int ret = 0;

	might_sleep();
	add_wait_queue(&tty->read_wait, &w);
	for (;;) {
		/* Marked first, so that input after the look is not lost (<kernel/wait.h>). */
		current->interruptible = true;
		set_current_state(TASK_SLEEPING);
		if (input_available(tty, 1) || (!forever && *timeout <= 0))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (forever)
			schedule();
		else
			*timeout = __schedule_timeout(*timeout);
	}
	__set_current_state(TASK_RUNNING);
	current->interruptible = false;
	remove_wait_queue(&w);
	return ret;
}

ssize_t n_tty_read(struct tty_struct *tty, char *buf, size_t count, bool nonblock)
{
	size_t done = 0, minimum = 0;
	long timeout = 0, time = 0;
	bool forever = true, canon;
	ssize_t ret = 0;

	if (!count)
		return 0;
	mutex_lock(&tty->ldisc_lock);
	if (!L(tty, ICANON)) { /* termios(3)'s four cases of VMIN and VTIME, as Linux reads them */
		minimum = tty->termios.c_cc[VMIN];
		timeout = msecs_to_jiffies(tty->termios.c_cc[VTIME] * (1000 / DS_PER_SEC));
		if (minimum) {
			time = timeout; /* between bytes, once the first has come */
		} else {
			forever = false;
			minimum = 1;
		}
		minimum = min(minimum, count);
	}
	mutex_unlock(&tty->ldisc_lock);
	for (;;) {
		mutex_lock(&tty->ldisc_lock);
		canon = L(tty, ICANON);
		if (canon && input_available(tty, 1)) {
			done = canon_copy(tty, buf, count);
			mutex_unlock(&tty->ldisc_lock);
			break;
		}
		if (!canon && read_cnt(tty)) {
			done += raw_copy(tty, buf + done, count - done);
			if (time) {
				timeout = time;
				forever = false;
			}
		}
		mutex_unlock(&tty->ldisc_lock);
		if (!canon && done >= minimum)
			break;
		if (!forever && timeout <= 0)
			break;
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		ret = wait_for_input(tty, &timeout, forever);
		if (ret)
			break;
	}
	/* Room again: bytes the full buffer left in the queue may come in now. */
	if (tty_pending(tty))
		schedule_work(&tty->rx_work);
	return done ? (ssize_t)done : ret;
}

ssize_t n_tty_write(struct tty_struct *tty, const char *buf, size_t count)
{
	mutex_lock(&tty->ldisc_lock);
	output(tty, buf, count);
	mutex_unlock(&tty->ldisc_lock);
	return count;
}

__poll_t n_tty_poll(struct tty_struct *tty, struct file *file, poll_table *pt)
{
	const struct termios *t = &tty->termios;
	__poll_t mask = POLLOUT | POLLWRNORM; /* writes never wait */
	unsigned int amt = 1;

	poll_wait(file, &tty->read_wait, pt);
	/* What a read with VMIN and no VTIME would wait for, as Linux's poll. */
	if (!(t->c_lflag & ICANON) && !t->c_cc[VTIME] && t->c_cc[VMIN])
		amt = t->c_cc[VMIN];
	if (input_available(tty, amt))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

void n_tty_get_termios(struct tty_struct *tty, struct termios *t)
{
	mutex_lock(&tty->ldisc_lock);
	*t = tty->termios;
	mutex_unlock(&tty->ldisc_lock);
}

/*
 * New settings.  Leaving canonical mode makes the line typed so far
 * readable at once; entering it makes what is buffered one line, as
 * Linux's n_tty_set_termios() does.
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *t)
{
	mutex_lock(&tty->ldisc_lock);
	if ((tty->termios.c_lflag ^ t->c_lflag) & ICANON) {
		memset(tty->read_flags, 0, sizeof(tty->read_flags));
		tty->lnext = false;
		if (!(t->c_lflag & ICANON) || !read_cnt(tty)) {
			tty->canon_head = tty->read_tail;
		} else {
			set_line_end(tty, tty->read_head - 1, true);
			tty->canon_head = tty->read_head;
		}
	}
	tty->termios = *t;
	mutex_unlock(&tty->ldisc_lock);
	wake_up(&tty->read_wait);
}

void n_tty_flush_input(struct tty_struct *tty)
{
	mutex_lock(&tty->ldisc_lock);
	tty_flush(tty);
	reset_buffer(tty);
	mutex_unlock(&tty->ldisc_lock);
}

unsigned int n_tty_inq(struct tty_struct *tty)
{
	unsigned int n, i;

	mutex_lock(&tty->ldisc_lock);
	if (!L(tty, ICANON)) {
		n = read_cnt(tty);
	} else { /* the complete lines, less their VEOFs */
		n = tty->canon_head - tty->read_tail;
		for (i = tty->read_tail; i != tty->canon_head; i++)
			n -= line_end_at(tty, i) && read_at(tty, i) == EOF_MARK;
	}
	mutex_unlock(&tty->ldisc_lock);
	return n;
}
