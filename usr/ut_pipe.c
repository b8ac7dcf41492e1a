// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's pipe cases: pipes and FIFOs (end of file, SIGPIPE, the 64
 * KiB capacity, O_NONBLOCK, PIPE_BUF atomicity, FIONREAD, FIFOs' open
 * rules), and poll() and select() on them, with and without a timeout,
 * with Linux's errors for hostile arguments.  They run on Linux too.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

#define BAD_PTR	 ((void *)0x10)
#define PIPE_CAP 65536
#define RECORDS	 64 /* each writer's PIPE_BUF-byte records in the atomicity case */

void pipe_reads_back_and_ends_at_eof(struct utest *t)
{
	char buf[16];
	struct stat st;
	int fds[2];

	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	UT_EXPECT(t, write(fds[1], "abc", 3) == 3, "write to a pipe");
	UT_EXPECT(t, read(fds[0], buf, sizeof(buf)) == 3 && !memcmp(buf, "abc", 3),
		  "read from a pipe");
	UT_EXPECT(t, !fstat(fds[0], &st) && S_ISFIFO(st.st_mode), "a pipe is not a FIFO to fstat");
	UT_EXPECT(t, raw_sys(SYS_lseek, fds[0], 0, SEEK_SET) == -ESPIPE, "lseek on a pipe");
	UT_EXPECT(t, raw_syscall6(SYS_pread64, fds[0], (long)buf, 1, 0, 0, 0) == -ESPIPE,
		  "pread on a pipe");
	UT_EXPECT(t, raw_sys(SYS_write, fds[0], "x", 1) == -EBADF, "write to the read end");
	UT_EXPECT(t, raw_sys(SYS_read, fds[1], buf, 1) == -EBADF, "read from the write end");
	{
		/* A pipe has no splice_read in Linux: sendfile() from one is -EINVAL. */
		int null = open("/dev/null", O_WRONLY);
		long ret;

		write(fds[1], "sf", 2);
		ret = raw_syscall6(SYS_sendfile, null, fds[0], 0, 2, 0, 0);
		UT_EXPECT(t, ret == -EINVAL, "sendfile from a pipe returned %ld", ret);
		UT_EXPECT(t, read(fds[0], buf, sizeof(buf)) == 2 && !memcmp(buf, "sf", 2),
			  "the bytes sendfile() left in the pipe");
		close(null);
	}
	{
		/* A read takes what is there and does not wait for the rest of its count. */
		static char big[3 * 4096];

		UT_EXPECT(t,
			  write(fds[1], big, 4096) == 4096 &&
				  read(fds[0], big, sizeof(big)) == 4096,
			  "a read of 3 pages from a pipe holding 1");
		UT_EXPECT(t,
			  write(fds[1], big, 5000) == 5000 &&
				  read(fds[0], big, sizeof(big)) == 5000,
			  "a read of 3 pages from a pipe holding 5000 bytes");
	}
	write(fds[1], "z", 1);
	close(fds[1]);
	UT_EXPECT(t, read(fds[0], buf, sizeof(buf)) == 1, "the last byte before EOF");
	UT_EXPECT(t, read(fds[0], buf, sizeof(buf)) == 0, "no end of file after the last writer");
	close(fds[0]);
	UT_EXPECT(t, raw_sys(SYS_pipe2, fds, 0x40000 /* O_DIRECT|more */ | 0x1, 0) == -EINVAL,
		  "pipe2 with bad flags");
	UT_EXPECT(t, raw_sys(SYS_pipe2, BAD_PTR, 0, 0) == -EFAULT, "pipe2(bad pointer)");
	UT_EXPECT(t, raw_sys(SYS_pipe, (void *)0xffff800000000000UL, 0, 0) == -EFAULT,
		  "pipe(kernel pointer)");
	UT_EXPECT(t, !pipe2(fds, O_CLOEXEC | O_NONBLOCK), "pipe2(O_CLOEXEC|O_NONBLOCK)");
	UT_EXPECT(t, fcntl(fds[0], F_GETFD) == FD_CLOEXEC && (fcntl(fds[1], F_GETFL) & O_NONBLOCK),
		  "pipe2's flags did not stay");
	close(fds[0]);
	close(fds[1]);
}

/*
 * A read into a buffer it cannot write takes nothing from the pipe: the
 * bytes are there for the next read, as Linux's pipe_read() leaves what
 * it could not copy out, and the pipe's ends work as before.
 */
void pipe_read_into_bad_buffer_keeps_bytes(struct utest *t)
{
	char buf[8] = { 0 }, *ro;
	int fds[2];
	long ret;

	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	ro = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!UT_EXPECT(t, ro != MAP_FAILED, "mmap failed: %d", errno))
		return;
	write(fds[1], "abc", 3);
	ret = raw_sys(SYS_read, fds[0], BAD_PTR, 3);
	UT_EXPECT(t, ret == -EFAULT, "a read to address %p returned %ld", BAD_PTR, ret);
	ret = raw_sys(SYS_read, fds[0], ro, 3);
	UT_EXPECT(t, ret == -EFAULT, "a read into read-only memory returned %ld", ret);
	ret = raw_sys(SYS_read, fds[0], (void *)0xffff800000000000UL, 3);
	UT_EXPECT(t, ret == -EFAULT, "a read to a kernel address returned %ld", ret);
	ret = read(fds[0], buf, sizeof(buf));
	UT_EXPECT(t, ret == 3 && !memcmp(buf, "abc", 3), "then a read got %ld bytes, '%.3s'", ret,
		  buf);
	ret = raw_sys(SYS_write, fds[1], "d", 1);
	UT_EXPECT(t, ret == 1, "then a write returned %ld", ret);
	ret = raw_sys(SYS_write, fds[0], "d", 1);
	UT_EXPECT(t, ret == -EBADF, "a write to the read end returned %ld", ret);
	munmap(ro, PG);
	close(fds[0]);
	close(fds[1]);
}

static void write_to_closed_pipe(struct utest *t, void *arg)
{
	int *fds = arg;

	(void)t;
	close(fds[0]);
	write(fds[1], "x", 1); /* SIGPIPE ends us here */
	_exit(0);
}

void pipe_without_reader_sigpipe(struct utest *t)
{
	int fds[2], status;

	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	close(fds[0]);
	status = run_in_child(t, write_to_closed_pipe, fds);
	expect_signal(t, status, SIGPIPE, "a write with no reader");
	close(fds[1]);
}

void pipe_capacity_nonblock_and_fionread(struct utest *t)
{
	static char block[4096];
	int fds[2], n = 0;
	long ret, total = 0;

	if (!UT_EXPECT(t, !pipe2(fds, O_NONBLOCK), "pipe2 failed: %d", errno))
		return;
	UT_EXPECT(t, raw_sys(SYS_read, fds[0], block, 1) == -EAGAIN, "O_NONBLOCK read of nothing");
	while ((ret = raw_sys(SYS_write, fds[1], block, sizeof(block))) > 0)
		total += ret;
	UT_EXPECT(t, ret == -EAGAIN, "a write to a full pipe gave %ld", ret);
	UT_EXPECT(t, total == PIPE_CAP, "the pipe held %ld bytes", total);
	UT_EXPECT(t, !ioctl(fds[0], FIONREAD, &n) && n == PIPE_CAP, "FIONREAD gave %d", n);
	UT_EXPECT(t, read(fds[0], block, 100) == 100, "read 100 of a full pipe");
	/* 100 bytes of room: a PIPE_BUF write must not go in part. */
	UT_EXPECT(t, raw_sys(SYS_write, fds[1], block, sizeof(block)) == -EAGAIN,
		  "a PIPE_BUF write went in part");
	UT_EXPECT(t, read(fds[0], block, sizeof(block) - 100) == sizeof(block) - 100,
		  "read the rest of a page's worth");
	UT_EXPECT(t, raw_sys(SYS_write, fds[1], block, 50) == 50, "a small write with room");
	UT_EXPECT(t, raw_sys(SYS_ioctl, fds[0], FIONREAD, BAD_PTR) == -EFAULT, "FIONREAD(bad)");
	close(fds[0]);
	close(fds[1]);
}

/* Two children write RECORDS records of PIPE_BUF bytes each, of their own letter. */
void pipe_buf_writes_are_atomic(struct utest *t)
{
	static char rec[4096], got[4096];
	int fds[2], c, i, status, counts[2] = { 0, 0 };
	pid_t pid[2];

	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	for (c = 0; c < 2; c++) {
		pid[c] = fork();
		if (pid[c] == 0) {
			close(fds[0]);
			memset(rec, 'a' + c, sizeof(rec));
			for (i = 0; i < RECORDS; i++)
				if (write(fds[1], rec, sizeof(rec)) != sizeof(rec))
					_exit(1);
			_exit(0);
		}
	}
	close(fds[1]);
	for (;;) {
		size_t have = 0;
		ssize_t n;

		while (have < sizeof(got) && (n = read(fds[0], got + have, sizeof(got) - have)) > 0)
			have += n;
		if (!have)
			break;
		if (!UT_EXPECT(t, have == sizeof(got), "a record cut short: %zu", have))
			break;
		for (i = 1; i < (int)sizeof(got) && got[i] == got[0]; i++)
			;
		if (!UT_EXPECT(t, i == sizeof(got) && (got[0] == 'a' || got[0] == 'b'),
			       "two writes interleaved within PIPE_BUF"))
			break;
		counts[got[0] - 'a']++;
	}
	close(fds[0]);
	for (c = 0; c < 2; c++) {
		status = wait_status(pid[c]);
		expect_exit(t, status, 0, "a writer");
	}
	UT_EXPECT(t, counts[0] == RECORDS && counts[1] == RECORDS, "records: %d and %d", counts[0],
		  counts[1]);
}

/* poll() of more entries than RLIMIT_NOFILE is -EINVAL, the limit as it is now. */
static void poll_past_rlimit(struct utest *t, void *arg)
{
	struct rlimit rl = { 16, 16 };
	struct pollfd p[17];
	int i;

	(void)arg; /* run_in_child()'s, unused */
	for (i = 0; i < 17; i++)
		p[i] = (struct pollfd){ .fd = -1 };
	UT_EXPECT(t, !setrlimit(RLIMIT_NOFILE, &rl), "setrlimit failed: %d", errno);
	UT_EXPECT(t, raw_sys(SYS_poll, p, 16, 0) == 0, "poll of 16 entries with a limit of 16");
	UT_EXPECT(t, raw_sys(SYS_poll, p, 17, 0) == -EINVAL,
		  "poll of 17 entries with a limit of 16");
}

void poll_pipe_with_and_without_timeout(struct utest *t)
{
	struct pollfd p[3];
	int fds[2], status;
	pid_t pid;

	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	p[2] = (struct pollfd){ .fd = -1, .events = POLLIN };
	UT_EXPECT(t, poll(p, 1, 0) == 0 && p[0].revents == 0, "an empty pipe is readable");
	UT_EXPECT(t, poll(p, 1, 30) == 0, "poll with a 30 ms timeout did not time out");
	UT_EXPECT(t, poll(p, 3, -1) == 1 && p[1].revents == POLLOUT && p[2].revents == 0,
		  "the write end is not writable");
	write(fds[1], "x", 1);
	UT_EXPECT(t, poll(p, 2, -1) == 2 && p[0].revents == POLLIN, "a pipe with data: %#x",
		  p[0].revents);
	/* A wake-up from another process ends a wait with no timeout. */
	read(fds[0], &status, 1);
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		write(fds[1], "y", 1);
		_exit(0);
	}
	UT_EXPECT(t, poll(p, 1, -1) == 1 && p[0].revents == POLLIN, "no wake-up by a writer");
	expect_exit(t, wait_status(pid), 0, "the writer");
	close(fds[1]);
	UT_EXPECT(t, poll(p, 1, 0) == 1 && (p[0].revents & POLLHUP), "no POLLHUP: %#x",
		  p[0].revents);
	p[1].fd = 999;
	UT_EXPECT(t, poll(p + 1, 1, 0) == 1 && p[1].revents == POLLNVAL, "no POLLNVAL: %#x",
		  p[1].revents);
	UT_EXPECT(t, raw_sys(SYS_poll, BAD_PTR, 1, 0) == -EFAULT, "poll(bad pointer)");
	UT_EXPECT(t, raw_sys(SYS_poll, p, (1 << 20) + 1, 0) == -EINVAL,
		  "poll of more descriptors than RLIMIT_NOFILE");
	UT_EXPECT(t, raw_sys(SYS_poll, NULL, 0, 10) == 0, "poll of nothing, 10 ms");
	expect_exit(t, run_in_child(t, poll_past_rlimit, NULL), 0, "the child with 16 files");
	{
		struct timespec ts = { 0, 1000000 };

		UT_EXPECT(t, raw_syscall6(SYS_ppoll, (long)p, 1, (long)&ts, 0, 0, 0) == 1, "ppoll");
		ts.tv_nsec = 1000000000;
		UT_EXPECT(t, raw_syscall6(SYS_ppoll, (long)p, 1, (long)&ts, 0, 0, 0) == -EINVAL,
			  "ppoll with 10^9 ns");
		ts.tv_nsec = 0;
		UT_EXPECT(t,
			  raw_syscall6(SYS_ppoll, (long)p, 1, (long)&ts, (long)&ts, 3, 0) ==
				  -EINVAL,
			  "ppoll with a sigset of 3 bytes");
	}
	close(fds[0]);
}

#define RESTART_TIMEOUT_MS 2000
#define STOPPED_MS	   2500

static long monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether process @pid sleeps (state S in /proc/PID/stat). */
static bool sleeps(pid_t pid)
{
	char path[64], buf[256], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' && p[2] == 'S';
}

/*
 * A poll() that a stop and a continue interrupt goes on with the time it
 * had left, as Linux's does through a restart block, not with its whole
 * timeout again: stopped for longer than its timeout, it returns as soon
 * as it is continued.  The child's exit status: 0 if its poll() returned
 * 0 before its timeout had passed twice.
 */
void poll_restarts_with_the_time_left(struct utest *t)
{
	int report[2], i;
	long took = -1;
	pid_t pid;

	if (!UT_EXPECT(t, !pipe(report), "pipe failed: %d", errno))
		return;
	pid = fork();
	if (!pid) {
		long start = monotonic_ms(), ret = raw_sys(SYS_poll, NULL, 0, RESTART_TIMEOUT_MS);

		took = monotonic_ms() - start;
		write(report[1], &took, sizeof(took));
		_exit(ret == 0 ? 0 : 1);
	}
	for (i = 0; i < 5000 && !sleeps(pid); i++) /* bounded: a poll that ends at once exits */
		usleep(1000);
	kill(pid, SIGSTOP);
	waitpid(pid, NULL, WUNTRACED);
	usleep(STOPPED_MS * 1000);
	kill(pid, SIGCONT);
	expect_exit(t, wait_status(pid), 0, "the child's poll");
	read(report[0], &took, sizeof(took));
	/*
	 * The upper bound only where time follows the machine's own work
	 * (Kestrel under -icount): on a busy build machine the wall clock
	 * may run on between the parent's SIGCONT and the child's return.
	 */
	UT_EXPECT(t,
		  took >= STOPPED_MS && (!on_kestrel() || took < STOPPED_MS + RESTART_TIMEOUT_MS),
		  "a poll of %d ms stopped for %d ms took %ld ms", RESTART_TIMEOUT_MS, STOPPED_MS,
		  took);
	close(report[0]);
	close(report[1]);
}

void select_pipe_and_errors(struct utest *t)
{
	struct timeval tv = { 0, 0 };
	fd_set r, w;
	int fds[2];

	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fds[0], &r);
	FD_SET(fds[1], &w);
	UT_EXPECT(t,
		  select(fds[1] + 1, &r, &w, NULL, &tv) == 1 && !FD_ISSET(fds[0], &r) &&
			  FD_ISSET(fds[1], &w),
		  "select of an empty pipe");
	write(fds[1], "x", 1);
	FD_SET(fds[0], &r);
	tv.tv_usec = 20000;
	UT_EXPECT(t, select(fds[0] + 1, &r, NULL, NULL, &tv) == 1 && FD_ISSET(fds[0], &r),
		  "select of a pipe with data");
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	read(fds[0], &tv, 1);
	tv.tv_sec = 0;
	tv.tv_usec = 10000;
	UT_EXPECT(t, select(fds[0] + 1, &r, NULL, NULL, &tv) == 0 && !FD_ISSET(fds[0], &r),
		  "select did not time out");
	FD_SET(60, &r);
	UT_EXPECT(t, raw_syscall6(SYS_select, 61, (long)&r, 0, 0, (long)&tv, 0) == -EBADF,
		  "select of a closed descriptor");
	UT_EXPECT(t, raw_syscall6(SYS_select, -1, 0, 0, 0, (long)&tv, 0) == -EINVAL, "select(-1)");
	tv.tv_usec = -1;
	UT_EXPECT(t, raw_syscall6(SYS_select, 1, 0, 0, 0, (long)&tv, 0) == -EINVAL,
		  "select with -1 microseconds");
	tv.tv_usec = 1000001; /* Linux carries whole seconds over */
	tv.tv_sec = 0;
	FD_ZERO(&w);
	FD_SET(fds[1], &w);
	UT_EXPECT(t, raw_syscall6(SYS_select, fds[1] + 1, 0, (long)&w, 0, (long)&tv, 0) == 1,
		  "select with 1000001 microseconds");
	UT_EXPECT(t, raw_syscall6(SYS_select, 1, (long)BAD_PTR, 0, 0, 0, 0) == -EFAULT,
		  "select(bad set)");
	close(fds[0]);
	close(fds[1]);
}

static volatile sig_atomic_t usr1_runs;
static volatile unsigned long usr1_mask; /* the mask the handler ran with */

static void usr1_handler(int sig)
{
	sigset_t cur;
	unsigned long m = 0;
	int i;

	(void)sig;
	sigprocmask(SIG_SETMASK, NULL, &cur);
	for (i = 1; i <= 64; i++)
		if (sigismember(&cur, i) == 1)
			m |= 1UL << (i - 1);
	usr1_mask = m;
	usr1_runs++;
}

#define BIT(sig) (1UL << ((sig)-1))

/* The caller's blocked mask as the kernel's 64 bits. */
static unsigned long blocked_now(void)
{
	unsigned long m = 0;

	raw_syscall6(SYS_rt_sigprocmask, SIG_SETMASK, 0, (long)&m, 8, 0, 0);
	return m;
}

/*
 * ppoll() and pselect6() wait with the mask they are given in place of
 * the caller's, and give the caller's back on return, as sigsuspend()
 * does: a pending signal the caller blocks but the mask lets through
 * ends the wait at once with -EINTR, its handler runs with the call's
 * mask (plus its own signal), and the caller's mask is back after it.
 */
static void sigmask_call(struct utest *t, void *arg)
{
	bool pselect = arg != NULL;
	struct timespec ts = { 5, 0 };
	unsigned long mask = BIT(SIGUSR2), old = BIT(SIGUSR1),
		      pack[2] = { (unsigned long)&mask, 8 };
	const char *name = pselect ? "pselect6" : "ppoll";
	struct sigaction sa = { .sa_handler = usr1_handler };
	int fds[2];
	long ret;

	signal(SIGUSR2, SIG_IGN);
	sigaction(SIGUSR1, &sa, NULL);
	raw_syscall6(SYS_rt_sigprocmask, SIG_SETMASK, (long)&old, 0, 8, 0, 0);
	raise(SIGUSR1); /* pending, blocked */
	if (pselect)
		ret = raw_syscall6(SYS_pselect6, 0, 0, 0, 0, (long)&ts, (long)pack);
	else
		ret = raw_syscall6(SYS_ppoll, 0, 0, (long)&ts, (long)&mask, 8, 0);
	UT_EXPECT(t, ret == -EINTR, "%s with SIGUSR1 pending and let through returned %ld", name,
		  ret);
	UT_EXPECT(t, usr1_runs == 1, "SIGUSR1's handler ran %d times", (int)usr1_runs);
	UT_EXPECT(t, usr1_mask == (BIT(SIGUSR1) | BIT(SIGUSR2)),
		  "the handler ran with mask %#lx, not %#lx", usr1_mask,
		  BIT(SIGUSR1) | BIT(SIGUSR2));
	UT_EXPECT(t, blocked_now() == old, "after %s the mask is %#lx, not %#lx", name,
		  blocked_now(), old);

	/* A call that ends without a signal gives the mask back too. */
	if (!UT_EXPECT(t, !pipe(fds), "pipe failed: %d", errno))
		return;
	ts.tv_sec = 0;
	if (pselect) {
		fd_set w;

		FD_ZERO(&w);
		FD_SET(fds[1], &w);
		ret = raw_syscall6(SYS_pselect6, fds[1] + 1, 0, (long)&w, 0, (long)&ts, (long)pack);
	} else {
		struct pollfd p = { .fd = fds[1], .events = POLLOUT };

		ret = raw_syscall6(SYS_ppoll, (long)&p, 1, (long)&ts, (long)&mask, 8, 0);
	}
	UT_EXPECT(t, ret == 1, "%s of a pipe's write end returned %ld", name, ret);
	UT_EXPECT(t, blocked_now() == old, "after %s the mask is %#lx, not %#lx", name,
		  blocked_now(), old);
	/* A bad mask changes nothing. */
	ret = raw_syscall6(SYS_ppoll, 0, 0, (long)&ts, (long)BAD_PTR, 8, 0);
	UT_EXPECT(t, ret == -EFAULT, "ppoll with a bad mask returned %ld", ret);
	UT_EXPECT(t, blocked_now() == old, "after a bad mask the mask is %#lx", blocked_now());
	close(fds[0]);
	close(fds[1]);
}

void ppoll_and_pselect6_apply_their_sigmask(struct utest *t)
{
	expect_exit(t, run_in_child(t, sigmask_call, NULL), 0, "the ppoll child");
	expect_exit(t, run_in_child(t, sigmask_call, t), 0, "the pselect6 child");
}

void fifo_opens_by_linux_rules(struct utest *t)
{
	char path[128], buf[8];
	int r, w, status;
	pid_t pid;

	snprintf(path, sizeof(path), "/tmp/ut-%d-fifo", (int)getpid());
	if (mkfifo(path, 0600)) {
		snprintf(path, sizeof(path), "/ut-%d-fifo", (int)getpid());
		if (!UT_EXPECT(t, !mkfifo(path, 0600), "mkfifo failed: %d", errno))
			return;
	}
	UT_EXPECT(t, raw_sys(SYS_open, path, O_WRONLY | O_NONBLOCK, 0) == -ENXIO,
		  "a lone O_NONBLOCK writer");
	r = open(path, O_RDONLY | O_NONBLOCK);
	UT_EXPECT(t, r >= 0, "an O_NONBLOCK reader: %d", errno);
	{
		struct pollfd p = { .fd = r, .events = POLLIN };

		UT_EXPECT(t, poll(&p, 1, 0) == 0, "a reader that saw no writer is hung up on: %#x",
			  p.revents);
	}
	w = open(path, O_WRONLY | O_NONBLOCK);
	UT_EXPECT(t, w >= 0, "a writer with a reader: %d", errno);
	UT_EXPECT(t,
		  write(w, "fifo", 4) == 4 && read(r, buf, sizeof(buf)) == 4 &&
			  !memcmp(buf, "fifo", 4),
		  "bytes through a FIFO");
	close(w);
	{
		struct pollfd p = { .fd = r, .events = POLLIN };

		UT_EXPECT(t, poll(&p, 1, 0) == 1 && p.revents == POLLHUP,
			  "no POLLHUP after the writer left: %#x", p.revents);
	}
	close(r);
	/* A blocking reader waits for a writer, which a child opens. */
	pid = fork();
	if (pid == 0) {
		int fd = open(path, O_WRONLY);

		_exit(fd >= 0 && write(fd, "late", 4) == 4 ? 0 : 1);
	}
	r = open(path, O_RDONLY);
	UT_EXPECT(t, r >= 0 && read(r, buf, sizeof(buf)) == 4 && !memcmp(buf, "late", 4),
		  "a blocking reader and a writer");
	status = wait_status(pid);
	expect_exit(t, status, 0, "the FIFO's writer");
	close(r);
	unlink(path);
}

/*
 * usertest pipes N: N times, make a pipe, pass a byte through it and
 * close both ends; exit 0 if every one worked.  The kernel's exec suite
 * runs it to see that pipes give back every frame and heap block.
 */
int mode_pipes(int argc, char **argv)
{
	long i, n = argc == 3 ? atol(argv[2]) : 0;
	int fds[2];
	char c;

	if (n <= 0)
		return 2;
	for (i = 0; i < n; i++) {
		if (pipe2(fds, i % 2 ? O_CLOEXEC : 0))
			return 1;
		if (write(fds[1], "p", 1) != 1 || read(fds[0], &c, 1) != 1 || c != 'p')
			return 1;
		if (close(fds[0]) || close(fds[1]))
			return 1;
	}
	return 0;
}
