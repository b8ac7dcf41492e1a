// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's terminal cases: the terminal ioctls' error codes, the
 * TCGETS/TCSETS round trip, the window size, the controlling terminal
 * (/dev/tty, TIOCSCTTY, TIOCNOTTY, a session leader's exit) and the
 * rules of tcsetpgrp(), an orphaned background group's -EIO, and bytes
 * typed with TIOCSTI: a line read back, and ^C killing the foreground
 * group.
 *
 * On Kestrel the terminal is /dev/console; on Linux, where the console
 * is root's, a new pseudo-terminal, so that the cases pass on both.  A
 * case that takes a controlling terminal does it in a child that has
 * started a session of its own, so that usertest's own session is left
 * as it was.  Bytes typed with TIOCSTI are not echoed (ECHO is turned off
 * first, and the settings restored after): an echo on the console would
 * land in the middle of the KTAP output.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

#define SKIP_CODE 77 /* a child's exit status: what it needs is not here */

/* Linux's struct termios as TCGETS moves it (asm-generic/termbits.h), not libc's. */
struct kernel_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
};

static long tty_ioctl(int fd, unsigned long cmd, const void *arg)
{
	return raw_sys(SYS_ioctl, fd, cmd, arg);
}

static int master_fd = -1; /* the pseudo-terminal's other end, on Linux */

/*
 * A terminal, not as the controlling one: the console on Kestrel, else a
 * pseudo-terminal, never the build machine's console, even for root.  A
 * descriptor, or -errno.
 */
static int open_terminal(void)
{
	int fd;

	if (on_kestrel()) {
		fd = open("/dev/console", O_RDWR | O_NOCTTY);
		return fd >= 0 ? fd : -errno;
	}
	if (master_fd < 0) {
		master_fd = posix_openpt(O_RDWR | O_NOCTTY);
		if (master_fd < 0 || grantpt(master_fd) || unlockpt(master_fd))
			return -errno;
	}
	fd = open(ptsname(master_fd), O_RDWR | O_NOCTTY);
	return fd >= 0 ? fd : -errno;
}

void tty_ioctls_error_codes(struct utest *t)
{
	struct kernel_termios tio;
	int fd = open("/dev/null", O_RDWR), tty = open_terminal();
	long ret;

	UT_EXPECT(t, fd >= 0, "open(/dev/null): %d", -errno);
	ret = tty_ioctl(fd, TCGETS, &tio);
	UT_EXPECT(t, ret == -ENOTTY, "TCGETS on /dev/null returned %ld", ret);
	ret = tty_ioctl(fd, TIOCGWINSZ, &tio);
	UT_EXPECT(t, ret == -ENOTTY, "TIOCGWINSZ on /dev/null returned %ld", ret);
	close(fd);
	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	ret = tty_ioctl(tty, 0x54ff, &tio);
	UT_EXPECT(t, ret == -ENOTTY, "an unknown terminal ioctl returned %ld", ret);
	ret = tty_ioctl(tty, TCGETS, (void *)1);
	UT_EXPECT(t, ret == -EFAULT, "TCGETS to address 1 returned %ld", ret);
	ret = tty_ioctl(tty, TCSETS, (void *)0xffff800000000000UL);
	UT_EXPECT(t, ret == -EFAULT, "TCSETS from a kernel address returned %ld", ret);
	ret = tty_ioctl(tty, TIOCGWINSZ, NULL);
	UT_EXPECT(t, ret == -EFAULT, "TIOCGWINSZ to NULL returned %ld", ret);
	ret = tty_ioctl(tty, FIONREAD, NULL);
	UT_EXPECT(t, ret == -EFAULT, "FIONREAD to NULL returned %ld", ret);
	ret = tty_ioctl(tty, TCFLSH, (void *)3);
	UT_EXPECT(t, ret == -EINVAL, "TCFLSH 3 returned %ld", ret);
	ret = tty_ioctl(tty, TCXONC, (void *)4);
	UT_EXPECT(t, ret == -EINVAL, "TCXONC 4 returned %ld", ret);
	/* Not our controlling terminal, unless usertest runs from a shell on the console. */
	fd = open("/dev/tty", O_RDWR);
	if (fd < 0 || !on_kestrel()) {
		ret = tty_ioctl(tty, TIOCGPGRP, &(int){ 0 });
		UT_EXPECT(t, ret == -ENOTTY, "TIOCGPGRP, not our terminal, returned %ld", ret);
		ret = tty_ioctl(tty, TIOCGSID, &(int){ 0 });
		UT_EXPECT(t, ret == -ENOTTY, "TIOCGSID, not our terminal, returned %ld", ret);
	}
	if (fd >= 0)
		close(fd);
	close(tty);
}

void tty_tcgets_tcsets_round_trip(struct utest *t)
{
	struct kernel_termios saved, set, got;
	int tty = open_terminal();
	long ret;

	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	ret = tty_ioctl(tty, TCGETS, &saved);
	UT_EXPECT(t, ret == 0, "TCGETS returned %ld", ret);
	set = saved;
	set.c_lflag ^= ECHO | ICANON | TOSTOP;
	set.c_iflag ^= ICRNL;
	set.c_cc[VMIN] = 7;
	set.c_cc[VTIME] = 3;
	set.c_cc[VEOL] = 'x';
	ret = tty_ioctl(tty, TCSETSW, &set);
	UT_EXPECT(t, ret == 0, "TCSETSW returned %ld", ret);
	memset(&got, 0x55, sizeof(got));
	tty_ioctl(tty, TCGETS, &got);
	UT_EXPECT(t, !memcmp(&got, &set, sizeof(got)), "TCGETS did not return what TCSETSW set");
	ret = tty_ioctl(tty, TCSETSF, &saved);
	UT_EXPECT(t, ret == 0, "TCSETSF returned %ld", ret);
	tty_ioctl(tty, TCGETS, &got);
	UT_EXPECT(t, !memcmp(&got, &saved, sizeof(got)), "the settings were not restored");
	UT_EXPECT(t, isatty(tty), "isatty() is false for the terminal");
	close(tty);
}

/*
 * Kestrel's console size as its log says: the framebuffer console's grid
 * ("fbcon: ...: 128x48 text in 8x16 glyphs") when it drew, else the VGA's
 * 80x25; false when the log no longer holds the start of the boot.
 */
static bool logged_screen_size(unsigned int *cols, unsigned int *rows)
{
	static char log[1 << 20];
	long n = raw_syscall6(SYS_syslog, 3 /* SYSLOG_ACTION_READ_ALL */, (long)log,
			      sizeof(log) - 1, 0, 0, 0);
	const char *fbcon;

	if (n <= 0)
		return false;
	log[n] = '\0';
	fbcon = strstr(log, "fbcon: ");
	if (fbcon && sscanf(fbcon, "fbcon: %*ux%*u, %*u bpp at %*x: %ux%u text", cols, rows) == 2)
		return true;
	*cols = 80;
	*rows = 25;
	return strstr(log, "Kestrel ") != NULL;
}

void tty_winsize(struct utest *t)
{
	struct winsize ws, set = { .ws_row = 50, .ws_col = 132 }, got;
	int tty = open_terminal();
	unsigned int cols, rows;
	long ret;

	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	ret = tty_ioctl(tty, TIOCGWINSZ, &ws);
	UT_EXPECT(t, ret == 0, "TIOCGWINSZ returned %ld", ret);
	if (on_kestrel() && logged_screen_size(&cols, &rows))
		UT_EXPECT(t, ws.ws_row == rows && ws.ws_col == cols,
			  "the console is %ux%u, not the screen's %ux%u", ws.ws_col, ws.ws_row,
			  cols, rows);
	ret = tty_ioctl(tty, TIOCSWINSZ, &set);
	UT_EXPECT(t, ret == 0, "TIOCSWINSZ returned %ld", ret);
	tty_ioctl(tty, TIOCGWINSZ, &got);
	UT_EXPECT(t, got.ws_row == 50 && got.ws_col == 132, "TIOCGWINSZ gave %ux%u after 132x50",
		  got.ws_col, got.ws_row);
	tty_ioctl(tty, TIOCSWINSZ, &ws);
	close(tty);
}

/* In a child, in a session of its own: no controlling terminal, so /dev/tty is -ENXIO. */
static void no_ctty(struct utest *t, void *arg)
{
	int tty;
	long ret;

	(void)arg; /* run_in_child()'s, unused */
	UT_EXPECT(t, setsid() == getpid(), "setsid: %d", -errno);
	ret = raw_sys(SYS_open, "/dev/tty", O_RDWR, 0);
	UT_EXPECT(t, ret == -ENXIO, "open(/dev/tty) without a terminal returned %ld", ret);
	tty = open_terminal();
	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	ret = tty_ioctl(tty, TIOCSPGRP, &(int){ getpid() });
	UT_EXPECT(t, ret == -ENOTTY, "TIOCSPGRP, not our terminal, returned %ld", ret);
	ret = tty_ioctl(tty, TIOCNOTTY, NULL);
	UT_EXPECT(t, ret == -ENOTTY, "TIOCNOTTY, not our terminal, returned %ld", ret);
}

void tty_dev_tty_without_ctty_enxio(struct utest *t)
{
	expect_exit(t, run_in_child(t, no_ctty, NULL), 0, "the child without a terminal");
}

/*
 * In a child: start a session, take @tty as its controlling terminal.
 * False (the child should exit with SKIP_CODE) if another session has it,
 * as the console has when usertest runs from a shell.
 */
static bool take_ctty(struct utest *t, int tty)
{
	long ret;

	UT_EXPECT(t, setsid() == getpid(), "setsid: %d", -errno);
	ret = tty_ioctl(tty, TIOCSCTTY, 0);
	if (ret == -EPERM && on_kestrel())
		return false;
	return UT_EXPECT(t, ret == 0, "TIOCSCTTY returned %ld", ret);
}

static void pgrp_rules(struct utest *t, void *arg)
{
	int tty = open_terminal(), pgrp = -1, fd, sid = -1;
	pid_t me = getpid(), helper[2];
	int i;
	long ret;

	(void)arg; /* run_in_child()'s, unused */
	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty) || !take_ctty(t, tty))
		_exit(t->failed ? 1 : SKIP_CODE);
	/* As a shell does: from the background, tcsetpgrp() would send it SIGTTOU. */
	signal(SIGTTOU, SIG_IGN);
	/* The case ends in the SIGHUP of TIOCNOTTY: not ignored, as nohup leaves it. */
	signal(SIGHUP, SIG_DFL);
	ret = tty_ioctl(tty, TIOCSCTTY, 0);
	UT_EXPECT(t, ret == 0, "TIOCSCTTY of our own terminal again returned %ld", ret);
	ret = tty_ioctl(tty, TIOCGPGRP, &pgrp);
	UT_EXPECT(t, ret == 0 && pgrp == me, "TIOCGPGRP returned %ld, group %d, not %d", ret, pgrp,
		  (int)me);
	ret = tty_ioctl(tty, TIOCGSID, &sid);
	UT_EXPECT(t, ret == 0 && sid == me, "TIOCGSID returned %ld, session %d", ret, sid);
	fd = open("/dev/tty", O_RDWR);
	UT_EXPECT(t, fd >= 0, "open(/dev/tty) with a terminal: %d", -errno);
	UT_EXPECT(t, tcgetpgrp(fd) == me, "tcgetpgrp(/dev/tty) is %d", (int)tcgetpgrp(fd));
	close(fd);

	ret = tty_ioctl(tty, TIOCSPGRP, &(int){ -1 });
	UT_EXPECT(t, ret == -EINVAL, "TIOCSPGRP -1 returned %ld", ret);
	ret = tty_ioctl(tty, TIOCSPGRP, &(int){ 0x3ffffff0 });
	UT_EXPECT(t, ret == -ESRCH, "TIOCSPGRP of no group returned %ld", ret);
	ret = tty_ioctl(tty, TIOCSPGRP, (void *)8);
	UT_EXPECT(t, ret == -EFAULT, "TIOCSPGRP from address 8 returned %ld", ret);

	/*
	 * Two helpers, alive until killed: one in a group of its own in our
	 * session (set by us, so at once), one in a session of its own (set
	 * by itself, so we wait to see it).
	 */
	for (i = 0; i < 2; i++) {
		helper[i] = fork();
		if (!helper[i]) {
			if (i)
				setsid();
			for (;;)
				sched_yield();
		}
	}
	setpgid(helper[0], helper[0]);
	while (getsid(helper[1]) != helper[1])
		sched_yield();
	ret = tty_ioctl(tty, TIOCSPGRP, &helper[1]);
	UT_EXPECT(t, ret == -EPERM, "TIOCSPGRP of another session's group returned %ld", ret);
	ret = tcsetpgrp(tty, helper[0]) ? -errno : 0;
	UT_EXPECT(t, ret == 0, "tcsetpgrp to our session's group %d: %ld", (int)helper[0], ret);
	UT_EXPECT(t, tcgetpgrp(tty) == helper[0], "tcgetpgrp is %d, not %d", (int)tcgetpgrp(tty),
		  (int)helper[0]);
	ret = tcsetpgrp(tty, me) ? -errno : 0;
	UT_EXPECT(t, ret == 0, "tcsetpgrp back to our group: %ld", ret);
	for (i = 0; i < 2; i++) {
		kill(helper[i], SIGKILL);
		waitpid(helper[i], NULL, 0);
	}

	/* Giving the terminal up hangs up its foreground group: ourselves. */
	tty_ioctl(tty, TIOCNOTTY, NULL);
	UT_EXPECT(t, false, "TIOCNOTTY did not send SIGHUP to the foreground group");
}

void tty_tcsetpgrp_rules(struct utest *t)
{
	int status = run_in_child(t, pgrp_rules, NULL);

	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == SKIP_CODE)
		ut_skip(t, "another session has the console");
	else
		expect_signal(t, status, SIGHUP, "the session leader after TIOCNOTTY");
}

/*
 * A session leader puts a helper's group in the foreground: its own group
 * is then in the background, and orphaned (its parent, usertest, is in
 * another session), so nothing could continue it if SIGTTIN stopped it:
 * a read is -EIO, and so is a write with TOSTOP, as in Linux.
 */
/*
 * In a run_in_child() child: the terminal as this new session's
 * controlling one, with TOSTOP set while the session is still in the
 * foreground, which a background group may not change.  Skips (exits)
 * when another session has the console.
 */
static int terminal_with_tostop(struct utest *t)
{
	int tty = open_terminal();
	struct kernel_termios tio;

	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty) || !take_ctty(t, tty))
		_exit(t->failed ? 1 : SKIP_CODE);
	tty_ioctl(tty, TCGETS, &tio);
	tio.c_lflag |= TOSTOP;
	tty_ioctl(tty, TCSETS, &tio);
	return tty;
}

static void orphaned_background(struct utest *t, void *arg)
{
	int tty = terminal_with_tostop(t);
	pid_t helper;
	char c;
	long ret;

	(void)arg; /* run_in_child()'s, unused */
	helper = fork();
	if (!helper) {
		for (;;)
			sched_yield();
	}
	setpgid(helper, helper);
	ret = tty_ioctl(tty, TIOCSPGRP, &helper);
	UT_EXPECT(t, ret == 0, "TIOCSPGRP to the helper's group returned %ld", ret);
	ret = raw_sys(SYS_read, tty, &c, 1);
	UT_EXPECT(t, ret == -EIO, "a read from an orphaned background group returned %ld", ret);
	ret = raw_sys(SYS_write, tty, "x", 1);
	UT_EXPECT(t, ret == -EIO, "a write with TOSTOP from there returned %ld", ret);
	kill(helper, SIGKILL);
	waitpid(helper, NULL, 0);
}

/*
 * Run @fn in a child that leads a session of its own on the terminal,
 * whose settings are put back after it whatever it did (the terminal is
 * not ours: no one minds); the child must exit 0, or skip.
 */
static void run_session_on_terminal(struct utest *t, void (*fn)(struct utest *t, void *arg),
				    const char *what)
{
	int tty = open_terminal(), status;
	struct kernel_termios saved;

	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	tty_ioctl(tty, TCGETS, &saved);
	status = run_in_child(t, fn, NULL);
	tty_ioctl(tty, TCSETS, &saved);
	close(tty);
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == SKIP_CODE)
		ut_skip(t, "another session has the console");
	else
		expect_exit(t, status, 0, what);
}

void tty_orphaned_background_gets_eio(struct utest *t)
{
	run_session_on_terminal(t, orphaned_background, "the session leader in the background");
}

/* Block (@how SIG_BLOCK) or unblock @sig. */
static void mask_signal(int how, int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

/*
 * In a background group that is not orphaned (its parent, the session
 * leader, is in the foreground group of the same session): a read while
 * SIGTTIN is ignored or blocked is -EIO, as no stop can come; a write
 * with TOSTOP while SIGTTOU is ignored or blocked goes through, and so
 * does a change of the settings (Linux's __tty_check_change()).
 */
static void background_ignoring(struct utest *t, void *arg)
{
	int tty = *(int *)arg;
	struct kernel_termios tio;
	char line[80], c;
	long ret;

	/* First: our diagnostics go to the console on Kestrel, which is this terminal. */
	signal(SIGTTOU, SIG_IGN);
	setpgid(0, 0);
	snprintf(line, sizeof(line), "%s# a background write with TOSTOP\n", ktap_indent());
	ret = raw_sys(SYS_write, tty, line, strlen(line));
	UT_EXPECT(t, ret == (long)strlen(line), "a write ignoring SIGTTOU returned %ld", ret);
	ret = tty_ioctl(tty, TCGETS, &tio);
	ret = ret ?: tty_ioctl(tty, TCSETS, &tio);
	UT_EXPECT(t, ret == 0, "TCSETS ignoring SIGTTOU returned %ld", ret);

	signal(SIGTTIN, SIG_IGN);
	ret = raw_sys(SYS_read, tty, &c, 1);
	UT_EXPECT(t, ret == -EIO, "a background read ignoring SIGTTIN returned %ld", ret);
	signal(SIGTTIN, SIG_DFL);
	mask_signal(SIG_BLOCK, SIGTTIN);
	ret = raw_sys(SYS_read, tty, &c, 1);
	UT_EXPECT(t, ret == -EIO, "a background read blocking SIGTTIN returned %ld", ret);

	mask_signal(SIG_BLOCK, SIGTTOU);
	signal(SIGTTOU, SIG_DFL);
	ret = raw_sys(SYS_write, tty, line, strlen(line));
	UT_EXPECT(t, ret == (long)strlen(line), "a write blocking SIGTTOU returned %ld", ret);
	ret = tty_ioctl(tty, TCSETS, &tio);
	UT_EXPECT(t, ret == 0, "TCSETS blocking SIGTTOU returned %ld", ret);
}

/* In the background with SIGTTOU's default: a change of the terminal stops it. */
static void background_changes(struct utest *t, void *arg)
{
	int tty = ((int *)arg)[0], what = ((int *)arg)[1];
	struct kernel_termios tio;

	(void)t; /* the parent judges how this ended */
	setpgid(0, 0);
	tty_ioctl(tty, TCGETS, &tio);
	if (what == 0)
		tty_ioctl(tty, TCSETS, &tio);
	else if (what == 1)
		tty_ioctl(tty, TIOCSPGRP, &(int){ getpid() });
	else
		tty_ioctl(tty, TCFLSH, (void *)TCIFLUSH);
	_exit(3); /* not stopped */
}

static void background_job(struct utest *t, void *arg)
{
	static const char *const change[] = { "TCSETS", "TIOCSPGRP", "TCFLSH" };
	int tty = terminal_with_tostop(t), args[2], status, i, fg = -1;
	pid_t pid;

	(void)arg; /* run_in_child()'s, unused */
	expect_exit(t, run_in_child(t, background_ignoring, &tty), 0,
		    "the background job that ignores or blocks the signals");
	args[0] = tty;
	for (i = 0; i < 3; i++) {
		args[1] = i;
		pid = fork();
		if (!pid) {
			struct utest child = { .name = t->name };

			background_changes(&child, args);
		}
		status = -1;
		waitpid(pid, &status, WUNTRACED);
		UT_EXPECT(t, WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTOU,
			  "%s from the background: wait status %#x, not a stop by SIGTTOU",
			  change[i], status);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	tty_ioctl(tty, TIOCGPGRP, &fg);
	UT_EXPECT(t, fg == getpid(), "the foreground group is %d, not ours", fg);
}

void tty_background_job_sigttin_sigttou(struct utest *t)
{
	run_session_on_terminal(t, background_job, "the session leader of the background job");
}

static void note_signal(int sig)
{
	(void)sig; /* only to interrupt */
}

#define LONG_WRITE (1 << 20)

/*
 * A long write to a terminal stops for a signal, with the count written
 * so far, as Linux's tty_write() looks between chunks: ^C must reach a
 * cat of a big file at once.  Carriage returns, so that what reaches the
 * console is an empty line.
 */
static void long_write(struct utest *t, void *arg)
{
	struct sigaction sa = { .sa_handler = note_signal };
	int tty = open_terminal(), *report = arg;
	char *buf;
	long ret;

	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	buf = mmap(NULL, LONG_WRITE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!UT_EXPECT(t, buf != MAP_FAILED, "mmap failed: %d", errno))
		return;
	memset(buf, '\r', LONG_WRITE);
	sigaction(SIGUSR1, &sa, NULL);
	write(report[1], "r", 1); /* ready */
	ret = raw_sys(SYS_write, tty, buf, LONG_WRITE);
	write(tty, "\n", 1);
	UT_EXPECT(t, ret > 0 && ret < LONG_WRITE,
		  "a write of %d bytes interrupted by a signal returned %ld", LONG_WRITE, ret);
}

void tty_long_write_stops_for_a_signal(struct utest *t)
{
	int report[2], status;
	pid_t pid;
	char c;

	if (!UT_EXPECT(t, !pipe(report), "pipe failed: %d", errno))
		return;
	pid = fork();
	if (!pid) {
		struct utest child = { .name = t->name };

		long_write(&child, report);
		_exit(child.failed ? 1 : 0);
	}
	read(report[0], &c, 1);
	/* Again until it ends: one sent before its write began would only run the handler. */
	do {
		usleep(10000);
		kill(pid, SIGUSR1);
	} while (raw_syscall6(SYS_wait4, pid, (long)&status, WNOHANG, 0, 0, 0) != pid);
	expect_exit(t, status, 0, "the writer");
	close(report[0]);
	close(report[1]);
}

static void leader_takes_tty(struct utest *t, void *arg)
{
	int tty = open_terminal();

	(void)arg; /* run_in_child()'s, unused */
	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty) || !take_ctty(t, tty))
		_exit(t->failed ? 1 : SKIP_CODE);
}

/* A session leader's exit frees its terminal for the next session (no SIGHUP: no group). */
void tty_session_leader_exit_frees_it(struct utest *t)
{
	int i, status;

	for (i = 0; i < 2; i++) {
		status = run_in_child(t, leader_takes_tty, NULL);
		if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == SKIP_CODE) {
			ut_skip(t, "another session has the console");
			return;
		}
		expect_exit(t, status, 0, i ? "the second session leader" : "the first");
	}
}

/* Type @s with TIOCSTI: 0, or -errno (Linux may refuse it: dev.tty.legacy_tiocsti). */
static long type(int tty, const char *s)
{
	long ret = 0;

	while (*s && !ret)
		ret = tty_ioctl(tty, TIOCSTI, s++);
	return ret;
}

static void typed_line(struct utest *t, void *arg)
{
	int tty = open_terminal(), n = -1, fds[2];
	char buf[16] = { 0 };
	long ret;

	(void)arg; /* run_in_child()'s, unused */
	/*
	 * A shell starts a background job ("make test &") with SIGINT
	 * ignored, and usertest's children inherit that: ^C must find the
	 * default action here whoever started the suite.
	 */
	signal(SIGINT, SIG_DFL);
	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty) || !take_ctty(t, tty))
		_exit(t->failed ? 1 : SKIP_CODE);
	if (type(tty, "ab\x7f"
		      "c\n"))
		_exit(SKIP_CODE);
	ret = tty_ioctl(tty, FIONREAD, &n);
	UT_EXPECT(t, ret == 0 && n == 3, "FIONREAD returned %ld, %d bytes", ret, n);
	ret = read(tty, buf, sizeof(buf));
	UT_EXPECT(t, ret == 3 && !memcmp(buf, "ac\n", 3), "read %ld bytes, '%.*s'", ret,
		  (int)(ret > 0 ? ret : 0), buf);
	/* A read into a bad buffer is -EFAULT and leaves the terminal working. */
	type(tty, "q\n");
	ret = raw_sys(SYS_read, tty, (void *)0x10, sizeof(buf));
	UT_EXPECT(t, ret == -EFAULT, "a read to address 0x10 returned %ld", ret);
	type(tty, "ok\n");
	ret = raw_sys(SYS_read, tty, buf, sizeof(buf));
	UT_EXPECT(t, ret == 3 && !memcmp(buf, "ok\n", 3), "then a read returned %ld, '%.*s'", ret,
		  (int)(ret > 0 ? ret : 0), buf);
	/*
	 * sendfile() from the terminal to a full pipe that may not wait:
	 * -EAGAIN, and the terminal still reads (Linux leaves the line there,
	 * Kestrel's sendfile has taken it: either way a line).
	 */
	if (!pipe2(fds, O_NONBLOCK)) {
		static char fill[4096];

		while (write(fds[1], fill, sizeof(fill)) > 0)
			;
		type(tty, "s\n");
		ret = raw_syscall6(SYS_sendfile, fds[1], tty, 0, 2, 0, 0);
		UT_EXPECT(t, ret == -EAGAIN, "sendfile to a full pipe returned %ld", ret);
		type(tty, "ok\n");
		ret = raw_sys(SYS_read, tty, buf, sizeof(buf));
		UT_EXPECT(t, ret == 2 || ret == 3, "then a read returned %ld", ret);
		tty_ioctl(tty, TCFLSH, (void *)TCIFLUSH);
		close(fds[0]);
		close(fds[1]);
	}
	type(tty, "\x04");
	ret = read(tty, buf, sizeof(buf));
	UT_EXPECT(t, ret == 0, "read after ^D at the start of a line returned %ld", ret);
	if (t->failed)
		_exit(1); /* else the death by SIGINT below would hide the failures above */
	/* ^C: SIGINT for the foreground group, which is this child's. */
	type(tty, "x\x03");
	UT_EXPECT(t, false, "^C did not end the foreground group");
}

void tty_typed_line_and_interrupt(struct utest *t)
{
	struct kernel_termios saved, quiet;
	int tty = open_terminal(), status;

	if (!UT_EXPECT(t, tty >= 0, "no terminal to open: %d", tty))
		return;
	tty_ioctl(tty, TCGETS, &saved);
	quiet = saved;
	quiet.c_lflag = (quiet.c_lflag & ~ECHO) | ISIG | ICANON;
	tty_ioctl(tty, TCSETSF, &quiet);
	status = run_in_child(t, typed_line, NULL);
	tty_ioctl(tty, TCSETSF, &saved);
	close(tty);
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == SKIP_CODE)
		ut_skip(t, "no TIOCSTI, or another session has the console");
	else
		expect_signal(t, status, SIGINT, "the foreground group after ^C");
}
