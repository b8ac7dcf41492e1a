// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's helpers (usertest.h): children that run part of a case, the
 * judging of their wait status, and scratch files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include "usertest.h"

const char *self_path = "/bin/usertest";

long raw_syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret = syscall(nr, a, b, c, d, e, f);

	return ret == -1 ? -errno : ret;
}

int wait_status(pid_t pid)
{
	int status;
	long ret;

	do
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, 0, 0, 0, 0);
	while (ret == -EINTR);
	return ret == pid ? status : (ret < 0 ? (int)ret : -ECHILD);
}

int run_in_child(struct utest *t, void (*fn)(struct utest *t, void *arg), void *arg)
{
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (!pid) {
		struct utest child = { .name = t->name };

		fn(&child, arg);
		_exit(child.failed ? 1 : 0);
	}
	return wait_status(pid);
}

bool expect_exit(struct utest *t, int status, int code, const char *what)
{
	return UT_EXPECT(t, status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == code,
			 "%s: wait status %#x, not an exit with %d", what, status, code);
}

bool expect_signal(struct utest *t, int status, int sig, const char *what)
{
	return UT_EXPECT(t, status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == sig,
			 "%s: wait status %#x, not a death by signal %d", what, status, sig);
}

void expect_fault(struct utest *t, void (*fn)(void), int sig, const char *what)
{
	pid_t pid = fork();

	if (!pid) {
		fn();
		_exit(0); /* survived: exit 0 says so */
	}
	UT_EXPECT(t, pid > 0, "fork() returned %d", (int)pid);
	if (pid > 0)
		expect_signal(t, wait_status(pid), sig, what);
}

int spawn_self(char **argv, char *const envp[])
{
	pid_t pid;

	argv[0] = (char *)self_path;
	pid = fork();
	if (pid < 0)
		return -errno;
	if (!pid) {
		syscall(SYS_execve, self_path, argv, envp);
		_exit(127);
	}
	return wait_status(pid);
}

int make_file(const char *name, const void *data, size_t len, char *path, size_t size)
{
	/* /tmp on Linux; Kestrel has no /tmp yet, but a writable root. */
	static const char *const dirs[] = { "/tmp", "/root", "" };
	size_t i, done = 0;
	int fd = -ENOENT;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, size, "%s/usertest-%d-%s", dirs[i], (int)getpid(), name);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
		if (fd >= 0)
			break;
		fd = -errno;
	}
	if (fd < 0)
		return fd;
	while (done < len) {
		ssize_t n = write(fd, (const char *)data + done, len - done);

		if (n <= 0) {
			close(fd);
			return n < 0 ? -errno : -EIO;
		}
		done += n;
	}
	return close(fd) ? -errno : 0;
}

bool on_kestrel(void)
{
	struct utsname u;

	return !uname(&u) && strstr(u.release, "kestrel");
}

long read_proc(const char *path, char *buf, size_t size)
{
	long fd = raw_sys(SYS_open, path, O_RDONLY, 0), n, len = 0;

	if (fd < 0)
		return fd;
	while ((n = raw_sys(SYS_read, fd, buf + len, size - 1 - len)) > 0)
		len += n;
	raw_sys(SYS_close, fd, 0, 0);
	if (n < 0)
		return n;
	buf[len] = '\0';
	return len;
}

long long clock_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
