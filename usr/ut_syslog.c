// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's cases for syslog(2), the kernel log as BusyBox's dmesg and
 * klogd read it, and for the calls the kernel leaves out on purpose
 * (kernel/sys_ni.c), which it answers without a log line.
 *
 * On Linux, reading the log needs a privilege the build machine may not
 * give (a container's seccomp, dmesg_restrict): those cases skip there.
 * Whatever changes the machine's console, or reads the log destructively,
 * runs only on Kestrel.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>

#include "usertest.h"

enum {
	ACTION_READ = 2,
	ACTION_READ_ALL = 3,
	ACTION_CONSOLE_OFF = 6,
	ACTION_CONSOLE_ON = 7,
	ACTION_CONSOLE_LEVEL = 8,
	ACTION_SIZE_UNREAD = 9,
	ACTION_SIZE_BUFFER = 10,
};

/* Unmapped addresses whose faults name them in the log, one per case. */
#define FAULT_ADDR_ALL	0x5eed0UL
#define FAULT_ADDR_READ 0x5eed8UL
#define FAULT_ADDR_PART 0x5eee0UL
#define FAULT_ADDR_BAD	0x5eee8UL

static long sys_syslog(int type, void *buf, long len)
{
	return raw_syscall6(SYS_syslog, type, (long)buf, len, 0, 0, 0);
}

/*
 * A child that writes to @addr and dies of it, which the kernel logs
 * ("usertest[PID]: segfault at ADDR ..."), every time; its log line in
 * @line.
 */
static void log_a_fault(struct utest *t, unsigned long addr, char *line, size_t size)
{
	pid_t pid = fork();

	if (pid == 0) {
		*(volatile char *)addr = 1;
		_exit(0);
	}
	expect_signal(t, wait_status(pid), SIGSEGV, "a child writing to an unmapped address");
	snprintf(line, size, "[%d]: segfault at %lx ", (int)pid, addr);
}

/* Whether the log may be read here; skips @t if not. */
static bool may_read_log(struct utest *t)
{
	long ret = sys_syslog(ACTION_SIZE_BUFFER, NULL, 0);

	if (ret == -EPERM && !on_kestrel()) {
		ut_skip(t, "only where the kernel log may be read (-EPERM here)");
		return false;
	}
	UT_EXPECT(t, ret > 0, "syslog(SIZE_BUFFER) returned %ld", ret);
	return ret > 0;
}

/* Every line of @text (@n bytes) starts with "<level>" and ends with a newline. */
static bool lines_have_levels(const char *text, long n)
{
	long i;

	for (i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);

		if (!nl || n - i < 3 || text[i] != '<' || text[i + 1] < '0' || text[i + 1] > '7' ||
		    text[i + 2] != '>')
			return false;
		i = nl - text + 1;
	}
	return true;
}

/* The whole log, NUL-terminated, in a buffer to free(); its length in *@len. */
static char *read_all(struct utest *t, long *len)
{
	long size = sys_syslog(ACTION_SIZE_BUFFER, NULL, 0);
	char *buf = size > 0 ? malloc(size + 1) : NULL;

	*len = buf ? sys_syslog(ACTION_READ_ALL, buf, size) : -ENOMEM;
	UT_EXPECT(t, *len > 0 && *len <= size, "syslog(READ_ALL, %ld) returned %ld", size, *len);
	if (*len < 0) {
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

void syslog_read_all_gives_lines_with_levels(struct utest *t)
{
	char small[64], line[80];
	long len, n;
	char *log;

	if (!may_read_log(t))
		return;
	log = read_all(t, &len);
	if (!log)
		return;
	UT_EXPECT(t, lines_have_levels(log, len), "a line without <level> or newline in %.80s",
		  log);
	free(log);
	/* A short buffer: the newest whole records that fit, or none. */
	n = sys_syslog(ACTION_READ_ALL, small, sizeof(small));
	UT_EXPECT(t, n >= 0 && n <= (long)sizeof(small), "READ_ALL into 64 bytes returned %ld", n);
	if (n > 0)
		UT_EXPECT(t, lines_have_levels(small, n), "64 bytes: %.*s", (int)n, small);
	if (!on_kestrel())
		return;
	/* The newest record is the one just logged. */
	log_a_fault(t, FAULT_ADDR_ALL, line, sizeof(line));
	log = read_all(t, &len);
	if (log)
		UT_EXPECT(t, strstr(log, line) != NULL, "no \"%s\" in the log's end: %s", line,
			  log + (len > 300 ? len - 300 : 0));
	free(log);
}

void syslog_refuses_bad_arguments(struct utest *t)
{
	static const struct {
		int type;
		long buf, len, want;
	} cases[] = {
		{ -1, 0, 0, -EINVAL },
		{ 11, 0, 0, -EINVAL },
		{ ACTION_READ_ALL, 0, 16, -EINVAL },
		{ ACTION_READ_ALL, 1, -1, -EINVAL },
		{ ACTION_READ_ALL, 1, 0, 0 },
		{ ACTION_READ_ALL, 8, 4096, -EFAULT },
		{ ACTION_READ_ALL, (long)0xffff888000000000UL, 4096, -EFAULT },
		{ ACTION_READ, 0, 16, -EINVAL },
		{ ACTION_READ, 1, -5, -EINVAL },
		{ ACTION_CONSOLE_LEVEL, 0, 0, -EINVAL },
		{ ACTION_CONSOLE_LEVEL, 0, 9, -EINVAL },
	};
	size_t i;

	if (!may_read_log(t))
		return;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long ret = sys_syslog(cases[i].type, (void *)cases[i].buf, cases[i].len);

		UT_EXPECT(t, ret == cases[i].want, "syslog(%d, %#lx, %ld) returned %ld, not %ld",
			  cases[i].type, cases[i].buf, cases[i].len, ret, cases[i].want);
	}
}

/* READ until nothing is unread; whether that came. */
static bool drain_unread(struct utest *t, char *buf, size_t size)
{
	long unread = -1, n = 0;
	int i;

	for (i = 0; i < 1000 && (unread = sys_syslog(ACTION_SIZE_UNREAD, NULL, 0)) > 0; i++)
		n = sys_syslog(ACTION_READ, buf, size);
	UT_EXPECT(t, unread == 0 && n >= 0, "after %d reads, %ld unread (the last read %ld)", i,
		  unread, n);
	return unread == 0;
}

/*
 * The start of a case that reads the log away, which runs only on
 * Kestrel (on Linux it would take the host's log from its reader):
 * nothing left unread, then one new record, the line of a child's fault
 * at @addr (into @line).  The bytes unread then, or -1 when the case was
 * skipped or the log would not drain (a READ could then wait forever).
 */
static long one_new_record(struct utest *t, char *buf, size_t size, unsigned long addr, char *line,
			   size_t line_size)
{
	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: it reads the kernel log destructively");
		return -1;
	}
	if (!drain_unread(t, buf, size))
		return -1;
	log_a_fault(t, addr, line, line_size);
	return sys_syslog(ACTION_SIZE_UNREAD, NULL, 0);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/*
 * READ takes what is unread, once; with nothing unread it sleeps until a
 * signal ends it (-EINTR without SA_RESTART).  Kestrel only: on Linux it
 * would take the host's log from its reader.
 */
void syslog_read_consumes_and_waits(struct utest *t)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval tick = { .it_value = { .tv_usec = 20000 } }, off = { 0 };
	static char buf[4096];
	long n, unread;
	char line[80];
	int i;

	unread = one_new_record(t, buf, sizeof(buf), FAULT_ADDR_READ, line, sizeof(line));
	if (unread < 0)
		return;
	n = sys_syslog(ACTION_READ, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	UT_EXPECT(t, n > 0 && n == unread && strstr(buf, line), "%ld unread, READ gave %ld: %s",
		  unread, n, buf);
	UT_EXPECT(t, sys_syslog(ACTION_SIZE_UNREAD, NULL, 0) == 0, "still unread after READ");
	sigaction(SIGALRM, &sa, NULL);
	for (i = 0; i < 10; i++) {
		setitimer(ITIMER_REAL, &tick, NULL);
		n = sys_syslog(ACTION_READ, buf, sizeof(buf));
		setitimer(ITIMER_REAL, &off, NULL);
		if (n == -EINTR)
			break; /* else something was logged meanwhile: again */
	}
	UT_EXPECT(t, n == -EINTR, "READ with nothing unread returned %ld, not -EINTR", n);
	signal(SIGALRM, SIG_DFL);
}

/*
 * READ into a buffer shorter than the first unread record gives what fits
 * and keeps the rest for the next READ, as Linux's syslog_partial does;
 * SIZE_UNREAD counts only the rest.  klogd, whose buffer is shorter than
 * printk's longest record, would otherwise lose the end of a long line.
 */
void syslog_read_gives_a_long_record_in_parts(struct utest *t)
{
	static char buf[4096];
	long unread, left, n1, n2 = 0;
	char line[80];

	unread = one_new_record(t, buf, sizeof(buf), FAULT_ADDR_PART, line, sizeof(line));
	if (unread < 0)
		return;
	n1 = sys_syslog(ACTION_READ, buf, 4);
	left = sys_syslog(ACTION_SIZE_UNREAD, NULL, 0);
	UT_EXPECT(t, n1 == 4 && buf[0] == '<', "READ of 4 bytes returned %ld: %.4s", n1, buf);
	UT_EXPECT(t, left == unread - 4, "%ld unread before READ of 4, %ld after", unread, left);
	if (n1 != 4 || left <= 0)
		return; /* READ would wait for a record that is not coming */
	n2 = sys_syslog(ACTION_READ, buf + n1, sizeof(buf) - n1 - 1);
	buf[n1 + (n2 > 0 ? n2 : 0)] = '\0';
	UT_EXPECT(t, n2 == left && lines_have_levels(buf, n1 + n2) && strstr(buf, line),
		  "READ of the rest returned %ld of %ld: %s", n2, left, buf);
}

/*
 * READ into a buffer it cannot write fails with -EFAULT and takes nothing
 * as read: the next READ gives it all (and is not kept waiting by the
 * failed one).
 */
void syslog_read_fault_takes_nothing(struct utest *t)
{
	static char buf[4096];
	long unread, n, after;
	char line[80];

	unread = one_new_record(t, buf, sizeof(buf), FAULT_ADDR_BAD, line, sizeof(line));
	if (unread < 0)
		return;
	n = sys_syslog(ACTION_READ, (void *)8, sizeof(buf));
	UT_EXPECT(t, n == -EFAULT, "READ into address 8 returned %ld", n);
	n = sys_syslog(ACTION_READ, (void *)0xffff888000000000UL, sizeof(buf));
	UT_EXPECT(t, n == -EFAULT, "READ into a kernel address returned %ld", n);
	after = sys_syslog(ACTION_SIZE_UNREAD, NULL, 0);
	UT_EXPECT(t, unread > 0 && after == unread, "%ld unread before the faults, %ld after",
		  unread, after);
	if (after <= 0)
		return;
	n = sys_syslog(ACTION_READ, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	UT_EXPECT(t, n == unread && strstr(buf, line), "READ after the faults gave %ld of %ld: %s",
		  n, unread, buf);
}

void syslog_console_off_and_on(struct utest *t)
{
	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: it changes the machine's console");
		return;
	}
	UT_EXPECT(t, sys_syslog(ACTION_CONSOLE_OFF, NULL, 0) == 0, "CONSOLE_OFF failed");
	UT_EXPECT(t, sys_syslog(ACTION_CONSOLE_OFF, NULL, 0) == 0, "CONSOLE_OFF twice failed");
	UT_EXPECT(t, sys_syslog(ACTION_CONSOLE_ON, NULL, 0) == 0, "CONSOLE_ON failed");
	UT_EXPECT(t, sys_syslog(ACTION_CONSOLE_ON, NULL, 0) == 0, "CONSOLE_ON twice failed");
}

/* socket() is -ENOSYS, as Linux without CONFIG_NET, and not logged as unknown. */
void calls_left_out_are_enosys_unlogged(struct utest *t)
{
	long ret, len;
	char *log;

	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: the build machine has a network stack");
		return;
	}
	ret = raw_syscall6(SYS_socket, AF_UNIX, SOCK_STREAM, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ENOSYS, "socket() returned %ld", ret);
	log = read_all(t, &len);
	if (log)
		UT_EXPECT(t, !strstr(log, "unknown system call 41,"),
			  "socket() was logged as an unknown call");
	free(log);
}
