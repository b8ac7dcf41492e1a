/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tty layer (drivers/tty/tty.c): what stands between the devices a
 * person types on and the program that reads what was typed.
 *
 * Input devices feed a tty from their interrupt handlers: the PS/2
 * keyboard (drivers/input/) and the serial port (drivers/tty/) both feed
 * the console's tty.  Readers only ever see the tty: the kernel shell, or
 * init's echo without one, and later /dev/console.  What is queued is what
 * a terminal would send: characters, control characters, and VT100 escape
 * sequences for keys without a character (the arrows send "\e[A" ...
 * "\e[D", as on a serial terminal).  The handlers only queue and wake the
 * reader, so console output never happens in interrupt context.
 *
 * The devices feed one tty, the console's (console_tty()); any other is
 * one DEFINE_TTY(), as the tests and the scheduler benchmark each have,
 * and what a second console or a serial line of its own will need.
 */
#ifndef _KERNEL_TTY_H
#define _KERNEL_TTY_H

#include <kernel/mutex.h>
#include <kernel/poll.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/termios.h>
#include <kernel/time.h>
#include <kernel/types.h>
#include <kernel/wait.h>
#include <kernel/workqueue.h>

#define TTY_BUF_SIZE   256
#define TTY_INTR       0x03 /* Ctrl-C, the terminal's interrupt character */
#define N_TTY_BUF_SIZE 4096 /* the line discipline's, as Linux's; a power of two */

struct tty_struct {
	const char *name;
	spinlock_t lock; /* the queue, the count of Ctrl-Cs, the throttled source */
	char buf[TTY_BUF_SIZE];
	unsigned int head, tail;     /* free-running; index modulo the size */
	void (*unthrottle)(void);    /* a stopped source, restarted at half empty */
	unsigned long interrupts;    /* Ctrl-Cs received, queued or not */
	unsigned long dropped;	     /* bytes that found the queue full */
	struct wait_queue_head wait; /* the reader, until a byte or a Ctrl-C comes */

	/*
	 * The line discipline (drivers/tty/n_tty.c), which takes the queue's
	 * bytes while a program has the tty open (count > 0); the kernel
	 * shell reads the queue itself otherwise.  ldisc_lock guards all of
	 * it but what says otherwise; a waiter's condition peeks at the heads
	 * with interrupts off, which is safe as each is one aligned store.
	 */
	struct mutex ldisc_lock;
	unsigned int count;	    /* open files of it */
	struct work_struct rx_work; /* the queue into the line discipline, in task context */
	struct termios termios;
	struct winsize winsize;
	char read_buf[N_TTY_BUF_SIZE];
	u8 read_flags[N_TTY_BUF_SIZE / 8]; /* canonical mode: where each line ends */
	/* free-running; read_tail <= canon_head <= read_head */
	unsigned int read_head, read_tail, canon_head;
	unsigned int column, canon_column; /* of the output, and where the line began */
	bool lnext;			   /* the next byte is literal (VLNEXT) */
	struct wait_queue_head read_wait;  /* readers and pollers of the line discipline */
	/* Where output and echo go; NULL: every console (a test's spy otherwise). */
	void (*write)(struct tty_struct *tty, const char *s, size_t len);
	/* How ISIG signals the foreground group; NULL: kill_pgrp() (a test's spy otherwise). */
	int (*kill_pgrp)(int pgrp, int sig);

	/*
	 * The controlling terminal's (drivers/tty/tty_jobctrl.c): the session
	 * it belongs to and its foreground process group, 0 for none.  They
	 * change with interrupts off, as the task list's pgrp and session do.
	 */
	int session, pgrp;
};

#define TTY_INIT(var, tname)                                                                      \
	{                                                                                         \
		.name = tname, .lock = __SPIN_LOCK_UNLOCKED(var.lock),                            \
		.wait = WAIT_QUEUE_HEAD_INIT(var.wait),                                           \
		.ldisc_lock = __MUTEX_INITIALIZER(var.ldisc_lock, tname),                         \
		.rx_work = { .entry = LIST_HEAD_INIT(var.rx_work.entry), .func = n_tty_rx_work }, \
		.termios = TTY_STD_TERMIOS, .winsize = { .ws_row = 25, .ws_col = 80 },            \
		.read_wait = WAIT_QUEUE_HEAD_INIT(var.read_wait)                                  \
	}
#define DEFINE_TTY(var, tname) struct tty_struct var = TTY_INIT(var, tname)

/* The line discipline's work: what TTY_INIT() points rx_work at. */
void n_tty_rx_work(struct work_struct *work);

#ifdef CONFIG_TTY
extern struct tty_struct tty_console;

static inline struct tty_struct *console_tty(void)
{
	return &tty_console;
}

/* Devices, from interrupt context. */

/*
 * Queue @len bytes together, or none of them (counted as dropped): a
 * key's escape sequence is never split by a byte from another device.
 */
void tty_receive(struct tty_struct *tty, const char *s, size_t len);

static inline void tty_receive_char(struct tty_struct *tty, char c)
{
	tty_receive(tty, &c, 1);
}

/*
 * For a device that can hold its bytes back (a UART's FIFO): true if the
 * queue has room for one more.  If not, @unthrottle is called once the
 * reader has emptied half the queue; the device stops reading until
 * then, and nothing is lost.  Interrupts off.
 */
bool tty_room_or_throttle(struct tty_struct *tty, void (*unthrottle)(void));

/* Readers, from task context. */

/* The oldest queued byte, or -1 when the queue is empty. */
int tty_getc(struct tty_struct *tty);
bool tty_pending(struct tty_struct *tty);
/* Sleep until a byte is queued. */
void tty_wait_pending(struct tty_struct *tty);
/* The same for at most @ms milliseconds: whether a byte is queued. */
bool tty_wait_pending_timeout(struct tty_struct *tty, unsigned int ms);
/* How many Ctrl-Cs (TTY_INTR) have arrived since boot, queued or not. */
unsigned long tty_interrupts(struct tty_struct *tty);
/* Whether a Ctrl-C waits in the queue (typed ahead of the reader). */
bool tty_interrupt_queued(struct tty_struct *tty);
/*
 * Sleep up to @ms milliseconds, or until a Ctrl-C arrives after the
 * count @since (from tty_interrupts()): whether one did.  Bytes queued
 * meanwhile stay queued.
 */
bool tty_wait_interrupt_timeout(struct tty_struct *tty, unsigned long since, unsigned int ms);
/* Drop everything queued, as a terminal flushes its input at Ctrl-C. */
void tty_flush(struct tty_struct *tty);
/* Read every queued byte and write it back, as a terminal echoes. */
void tty_echo(struct tty_struct *tty);
/*
 * The console tty's window size (TIOCGWINSZ) is the screen's: a screen
 * console of another size than the VGA's 80x25 says so when it starts,
 * at boot, before any task runs.
 */
void tty_set_screen_size(unsigned short cols, unsigned short rows);

/*
 * The line discipline (n_tty.c), for the files of a tty (tty_io.c) and
 * the tests; task context.  While a tty is open (n_tty_open() more often
 * than n_tty_close()) its queue's bytes go through the line discipline,
 * else they wait in the queue for the kernel shell.
 */
void n_tty_open(struct tty_struct *tty);
void n_tty_close(struct tty_struct *tty);
/* Linux's read(): bytes, 0 at the end of input, -EAGAIN, -ERESTARTSYS. */
ssize_t n_tty_read(struct tty_struct *tty, char *buf, size_t count, bool nonblock);
ssize_t n_tty_write(struct tty_struct *tty, const char *buf, size_t count);
__poll_t n_tty_poll(struct tty_struct *tty, struct file *file, poll_table *pt);
void n_tty_get_termios(struct tty_struct *tty, struct termios *t);
void n_tty_set_termios(struct tty_struct *tty, const struct termios *t);
/* Drop the input not yet read, the queue's included (TCFLSH, TCSETSF). */
void n_tty_flush_input(struct tty_struct *tty);
/* The bytes a read could return now (FIONREAD). */
unsigned int n_tty_inq(struct tty_struct *tty);
/* Take @c as if typed, past the queue (TIOCSTI). */
void n_tty_receive(struct tty_struct *tty, u8 c);
#else
/* No device to type on: nothing ever arrives. */
static inline struct tty_struct *console_tty(void)
{
	return NULL;
}

static inline bool tty_pending(struct tty_struct *tty)
{
	return false;
}

static inline int tty_getc(struct tty_struct *tty)
{
	return -1;
}

static inline void tty_echo(struct tty_struct *tty)
{
}

static inline void tty_set_screen_size(unsigned short cols, unsigned short rows)
{
}

static inline void tty_wait_pending(struct tty_struct *tty)
{
	sleep_forever();
}

static inline bool tty_wait_pending_timeout(struct tty_struct *tty, unsigned int ms)
{
	msleep(ms);
	return false;
}

static inline unsigned long tty_interrupts(struct tty_struct *tty)
{
	return 0;
}

static inline bool tty_interrupt_queued(struct tty_struct *tty)
{
	return false;
}

static inline bool tty_wait_interrupt_timeout(struct tty_struct *tty, unsigned long since,
					      unsigned int ms)
{
	msleep(ms);
	return false;
}

static inline void tty_flush(struct tty_struct *tty)
{
}
#endif

/*
 * The calling session leader's session gives its controlling terminal up
 * (drivers/tty/tty_jobctrl.c): the terminal's foreground group gets SIGHUP
 * and SIGCONT.  @on_exit: the leader is exiting (kernel/exit.c).
 */
#if IS_ENABLED(CONFIG_TTY) && IS_ENABLED(CONFIG_USER_MODE)
void disassociate_ctty(int on_exit);
#else
static inline void disassociate_ctty(int on_exit)
{
}
#endif

#endif
