// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's /proc cases: what ps, top, free, uptime and pidof read.
 * /proc/self/stat parses as BusyBox's procps.c parses it and tells the
 * truth about the caller; a child's /proc/PID appears, shows it as a
 * zombie, and is gone once the child is waited for; an open file of a
 * process that is gone reads -ESRCH; /proc/self/exe names the program;
 * cmdline gives argv back byte for byte, empty arguments included;
 * MemFree falls by what a program touches, and sysinfo(2) agrees with
 * /proc/meminfo; getdents64 on /proc lists the live pids; writes are
 * refused with Linux's errors; times(2) and getrusage(2) count the CPU
 * time a process and its children waited for spent.
 *
 * Order between parent and child comes from vfork() (the parent resumes
 * once the child is in _exit()) or from wait4(), never from a sleep.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/wait.h>

#include "usertest.h"

/* The value of "Name:" in /proc/meminfo, in kB; -1 if it is not there. */
static long meminfo_kb(const char *name)
{
	char buf[4096], *p;
	size_t len = strlen(name);

	if (read_proc("/proc/meminfo", buf, sizeof(buf)) < 0)
		return -1;
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/* What BusyBox's procps_scan() takes from /proc/PID/stat. */
struct bb_stat {
	int fields;
	char comm[64];
	char state;
	unsigned ppid, pgid, sid;
	int tty;
	char tpgid[16];
	unsigned long utime, stime, start_time, vsz, rss;
	long nice;
	int words; /* all the fields, comm as one */
};

/* Parse as procps.c does: comm between the first '(' and the last ')', sscanf after it. */
static int parse_stat(const char *buf, struct bb_stat *s)
{
	const char *open = strchr(buf, '('), *close = strrchr(buf, ')'), *p;

	memset(s, 0, sizeof(*s));
	if (!open || !close || close < open || (size_t)(close - open - 1) >= sizeof(s->comm))
		return -1;
	memcpy(s->comm, open + 1, close - open - 1);
	s->fields =
		sscanf(close + 2,
		       "%c %u %u %u %d %15s %*s %*s %*s %*s %*s %lu %lu %*s %*s %*s %ld %*s %*s "
		       "%lu %lu %lu",
		       &s->state, &s->ppid, &s->pgid, &s->sid, &s->tty, s->tpgid, &s->utime,
		       &s->stime, &s->nice, &s->start_time, &s->vsz, &s->rss);
	s->words = 2;
	for (p = close + 1; *p && *p != '\n'; p++)
		if (*p == ' ' && p[1] && p[1] != ' ' && p[1] != '\n')
			s->words++;
	return 0;
}

static long read_pid_file(int pid, const char *file, char *buf, size_t size)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, file);
	return read_proc(path, buf, size);
}

void proc_self_stat_parses_as_busybox(struct utest *t)
{
	char buf[1024];
	struct bb_stat s;
	long len = read_proc("/proc/self/stat", buf, sizeof(buf));

	if (!UT_EXPECT(t, len > 0, "reading /proc/self/stat gave %ld", len))
		return;
	if (!UT_EXPECT(t, parse_stat(buf, &s) == 0, "no (comm) in \"%s\"", buf))
		return;
	UT_EXPECT(t, s.fields == 12, "sscanf took %d fields of \"%s\"", s.fields, buf);
	UT_EXPECT(t, s.words == 52, "%d fields, not Linux's 52, in \"%s\"", s.words, buf);
	UT_EXPECT(t, atoi(buf) == getpid(), "pid %d, not %d", atoi(buf), (int)getpid());
	UT_EXPECT(t, !strcmp(s.comm, "usertest"), "comm \"%s\"", s.comm);
	UT_EXPECT(t, s.state == 'R', "state '%c' while reading it", s.state);
	UT_EXPECT(t, (pid_t)s.ppid == getppid(), "ppid %u, getppid() %d", s.ppid, (int)getppid());
	UT_EXPECT(t, (pid_t)s.pgid == getpgrp(), "pgrp %u, getpgrp() %d", s.pgid, (int)getpgrp());
	UT_EXPECT(t, (pid_t)s.sid == getsid(0), "session %u, getsid() %d", s.sid, (int)getsid(0));
	UT_EXPECT(t, s.vsz > 0 && s.rss > 0, "vsize %lu, rss %lu", s.vsz, s.rss);
	len = read_proc("/proc/self/status", buf, sizeof(buf));
	UT_EXPECT(t, len > 0 && strstr(buf, "Name:\tusertest\n") && strstr(buf, "\nState:\tR"),
		  "/proc/self/status is \"%s\"", buf);
	len = read_proc("/proc/self/comm", buf, sizeof(buf));
	UT_EXPECT(t, len == 9 && !strcmp(buf, "usertest\n"), "comm is \"%s\"", buf);
}

/* A child that sleeps until killed. */
static pid_t sleeping_child(void)
{
	pid_t pid = fork();

	if (!pid) {
		struct timespec ts = { 1000, 0 };

		for (;;)
			nanosleep(&ts, NULL);
	}
	return pid;
}

static void kill_and_reap(struct utest *t, pid_t pid)
{
	kill(pid, SIGKILL);
	expect_signal(t, wait_status(pid), SIGKILL, "the sleeping child");
}

void proc_pid_of_child_appears_and_goes_when_reaped(struct utest *t)
{
	char buf[1024], path[64];
	struct bb_stat s;
	struct stat st;
	pid_t pid = vfork();

	if (!pid)
		_exit(3);
	/*
	 * vfork(): the child is in _exit(), or past it; a zombie until waited
	 * for.  Kestrel lets the parent go on once the child is a zombie;
	 * Linux once the child has let go of its memory, a moment before, so
	 * the state is asked again until it is not 'R' (a bounded number of
	 * times: no clock is involved).
	 */
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	UT_EXPECT(t, stat(path, &st) == 0 && S_ISDIR(st.st_mode), "stat(%s): %s", path,
		  strerror(errno));
	if (UT_EXPECT(t, read_pid_file(pid, "stat", buf, sizeof(buf)) > 0, "no %s/stat", path)) {
		int i;

		for (i = 0; !parse_stat(buf, &s) && s.state == 'R' && i < 100000; i++)
			read_pid_file(pid, "stat", buf, sizeof(buf));
		UT_EXPECT(t, atoi(buf) == pid && (pid_t)s.ppid == getpid(),
			  "pid %d, ppid %u in \"%s\"", atoi(buf), s.ppid, buf);
		UT_EXPECT(t, s.state == 'Z', "a dead, unwaited child is '%c', not 'Z'", s.state);
	}
	UT_EXPECT(t, read_pid_file(pid, "cmdline", buf, sizeof(buf)) == 0,
		  "a zombie's cmdline has %ld bytes",
		  read_pid_file(pid, "cmdline", buf, sizeof(buf)));
	expect_exit(t, wait_status(pid), 3, "the vfork() child");
	UT_EXPECT(t, stat(path, &st) == -1 && errno == ENOENT, "%s after wait4: %s", path,
		  strerror(errno));
	UT_EXPECT(t, read_pid_file(pid, "stat", buf, sizeof(buf)) == -ENOENT,
		  "%s/stat after wait4: %ld", path, read_pid_file(pid, "stat", buf, sizeof(buf)));

	pid = sleeping_child();
	if (!UT_EXPECT(t, pid > 0, "fork: %s", strerror(errno)))
		return;
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	UT_EXPECT(t,
		  read_pid_file(pid, "stat", buf, sizeof(buf)) > 0 && !parse_stat(buf, &s) &&
			  strchr("RS", s.state) && (pid_t)s.ppid == getpid(),
		  "a live child's stat is \"%s\"", buf);
	kill_and_reap(t, pid);
	UT_EXPECT(t, stat(path, &st) == -1 && errno == ENOENT, "%s after wait4: %s", path,
		  strerror(errno));
}

void proc_stat_held_open_reads_esrch_once_gone(struct utest *t)
{
	char buf[1024], path[64];
	pid_t pid = sleeping_child();
	long fd, n;

	if (!UT_EXPECT(t, pid > 0, "fork: %s", strerror(errno)))
		return;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = raw_sys(SYS_open, path, O_RDONLY, 0);
	UT_EXPECT(t, fd >= 0, "open(%s): %ld", path, fd);
	n = raw_sys(SYS_read, fd, buf, 10);
	UT_EXPECT(t, n == 10, "the first 10 bytes: %ld", n);
	kill_and_reap(t, pid);
	/* As Linux's seq_file: the rest of the picture taken at the first read. */
	n = raw_sys(SYS_read, fd, buf, sizeof(buf));
	UT_EXPECT(t, n > 0, "read on, after the process went: %ld", n);
	UT_EXPECT(t, raw_sys(SYS_lseek, fd, 0, SEEK_SET) == 0, "lseek to 0");
	n = raw_sys(SYS_read, fd, buf, sizeof(buf));
	UT_EXPECT(t, n == -ESRCH, "read from 0 after the process went: %ld", n);
	UT_EXPECT(t, raw_sys(SYS_close, fd, 0, 0) == 0, "close");
}

void proc_self_exe_names_the_program(struct utest *t)
{
	char target[4096], self[32];
	struct stat a, b;
	long n = raw_sys(SYS_readlink, "/proc/self/exe", target, sizeof(target) - 1);

	if (!UT_EXPECT(t, n > 0, "readlink(/proc/self/exe): %ld", n))
		return;
	target[n] = '\0';
	UT_EXPECT(t, target[0] == '/', "not an absolute path: \"%s\"", target);
	UT_EXPECT(t,
		  stat(target, &a) == 0 && stat(self_path, &b) == 0 && a.st_ino == b.st_ino &&
			  a.st_dev == b.st_dev,
		  "\"%s\" is not %s", target, self_path);
	UT_EXPECT(t, raw_sys(SYS_readlink, "/proc/self/exe", target, 3) == 3 && target[0] == '/',
		  "a 3-byte buffer gets 3 bytes");
	UT_EXPECT(t, raw_sys(SYS_readlink, "/proc/self/exe", target, 0) == -EINVAL,
		  "a 0-byte buffer is EINVAL");
	UT_EXPECT(t, raw_sys(SYS_readlink, "/proc/self/exe", 16, 64) == -EFAULT,
		  "a bad buffer is EFAULT");
	UT_EXPECT(t, raw_sys(SYS_readlink, "/proc/self/stat", target, 64) == -EINVAL,
		  "a file that is not a link is EINVAL");
	n = raw_sys(SYS_readlink, "/proc/self", target, sizeof(target) - 1);
	snprintf(self, sizeof(self), "%d", (int)getpid());
	UT_EXPECT(t, n == (long)strlen(self) && !memcmp(target, self, n),
		  "/proc/self -> \"%.*s\", not %s", (int)(n > 0 ? n : 0), target, self);
}

/* usertest proccmdline ...: exit 0 if /proc/self/cmdline is argv, NUL after each. */
int mode_proccmdline(int argc, char **argv)
{
	char buf[4096], want[4096];
	size_t len = 0;
	long got = read_proc("/proc/self/cmdline", buf, sizeof(buf));
	int i;

	for (i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;

		if (len + n > sizeof(want))
			return 2;
		memcpy(want + len, argv[i], n);
		len += n;
	}
	return got == (long)len && !memcmp(buf, want, len) ? 0 : 1;
}

void proc_cmdline_round_trips_argv(struct utest *t)
{
	char *argv[] = { NULL, "proccmdline", "", "two words", "", "last", NULL };

	expect_exit(t, spawn_self(argv, NULL), 0, "usertest proccmdline '' 'two words' '' last");
}

/* A "Name:   N kB" line of /proc/self/status, or -1. */
static long status_kb(const char *name)
{
	char buf[4096], *p;
	size_t len = strlen(name);

	if (read_proc("/proc/self/status", buf, sizeof(buf)) < 0)
		return -1;
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/*
 * Touch @len bytes of new memory and see the memory counted move by 3/4
 * of it: MemFree fall, or with @rss the caller's VmRSS grow.  True if it
 * did, with the two values in @before and @after.  Kestrel's counts are
 * exact at once; Linux folds each CPU's count into MemFree every second
 * (vm.stat_interval), so it is asked again, for up to 10 s.
 */
static bool memory_moves(size_t len, bool rss, long *before, long *after)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long want = len / 1024 * 3 / 4;
	size_t i;

	*before = rss ? status_kb("VmRSS") : meminfo_kb("MemFree");
	if (p == MAP_FAILED)
		return false;
	for (i = 0; i < len; i += PG)
		p[i] = 1;
	for (i = 0; i < 100; i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		*after = rss ? status_kb("VmRSS") : meminfo_kb("MemFree");
		if ((rss ? *after - *before : *before - *after) >= want)
			break;
		nanosleep(&ts, NULL);
	}
	munmap(p, len);
	return (rss ? *after - *before : *before - *after) >= want;
}

/*
 * On Kestrel, MemFree falls by what a program touches.  On a build
 * machine MemFree moves with every other program on it, so there the
 * case checks the program's own VmRSS instead, which nothing else moves.
 * 4 MiB: the time group boots debug_defconfig with little to spare.
 */
void meminfo_memfree_falls_when_memory_is_touched(struct utest *t)
{
	long before = meminfo_kb("MemFree"), after = 0;
	bool rss = !on_kestrel();

	UT_EXPECT(t, before > 0 && meminfo_kb("MemTotal") >= before, "MemFree %ld kB", before);
	UT_EXPECT(t, memory_moves(4UL << 20, rss, &before, &after),
		  "%s %ld kB, then %ld kB after 4 MiB touched", rss ? "VmRSS" : "MemFree", before,
		  after);
}

void sysinfo_agrees_with_meminfo(struct utest *t)
{
	struct sysinfo si;
	long total = meminfo_kb("MemTotal"), free_kb = 0, n = 0;
	char buf[256];
	int tries;

	/* Free memory within 8 MiB: a few tries, for a build machine where others allocate. */
	for (tries = 0; tries < 5; tries++) {
		memset(&si, 0, sizeof(si));
		if (!UT_EXPECT(t, raw_sys(SYS_sysinfo, &si, 0, 0) == 0, "sysinfo failed"))
			return;
		free_kb = meminfo_kb("MemFree");
		n = (long)((unsigned long long)si.freeram * si.mem_unit / 1024) - free_kb;
		if (n > -8192 && n < 8192)
			break;
	}
	UT_EXPECT(t, tries < 5, "freeram %lu x %u, MemFree %ld kB", si.freeram, si.mem_unit,
		  free_kb);
	UT_EXPECT(t, si.mem_unit >= 1, "mem_unit %u", si.mem_unit);
	UT_EXPECT(t,
		  (unsigned long long)si.totalram * si.mem_unit == (unsigned long long)total * 1024,
		  "totalram %lu x %u, MemTotal %ld kB", si.totalram, si.mem_unit, total);
	UT_EXPECT(t, si.procs >= 1, "procs %u", si.procs);
	n = read_proc("/proc/uptime", buf, sizeof(buf));
	UT_EXPECT(t, n > 0 && si.uptime >= (unsigned long)atol(buf),
		  "uptime %ld, /proc/uptime \"%s\"", si.uptime, buf);
	n = read_proc("/proc/loadavg", buf, sizeof(buf));
	UT_EXPECT(t, n > 0 && strchr(buf, '/'), "/proc/loadavg is \"%s\"", buf);
	UT_EXPECT(t, raw_sys(SYS_sysinfo, 0, 0, 0) == -EFAULT, "sysinfo(NULL)");
	UT_EXPECT(t, raw_sys(SYS_sysinfo, 0xffff888000000000UL, 0, 0) == -EFAULT,
		  "sysinfo(a kernel address)");
}

/* Whether @name is among /proc's entries, read through a small buffer (many calls). */
static bool proc_lists(struct utest *t, const char *name)
{
	char buf[128];
	long fd = raw_sys(SYS_open, "/proc", O_RDONLY | O_DIRECTORY, 0), n;
	bool found = false;

	if (!UT_EXPECT(t, fd >= 0, "open /proc: %ld", fd))
		return false;
	while ((n = raw_sys(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		long off = 0;

		while (off < n) {
			unsigned short reclen = *(unsigned short *)(buf + off + 16);

			if (!strcmp(buf + off + 19, name))
				found = true;
			off += reclen;
		}
	}
	UT_EXPECT(t, n == 0, "getdents64 ended with %ld", n);
	raw_sys(SYS_close, fd, 0, 0);
	return found;
}

void getdents_proc_lists_live_pids(struct utest *t)
{
	char me[16], child[16];
	pid_t pid = sleeping_child();

	if (!UT_EXPECT(t, pid > 0, "fork: %s", strerror(errno)))
		return;
	snprintf(me, sizeof(me), "%d", (int)getpid());
	snprintf(child, sizeof(child), "%d", (int)pid);
	UT_EXPECT(t, proc_lists(t, me), "/proc does not list the caller, %s", me);
	UT_EXPECT(t, proc_lists(t, child), "/proc does not list the child, %s", child);
	UT_EXPECT(t, proc_lists(t, "self") && proc_lists(t, "meminfo"), "no self or meminfo");
	kill_and_reap(t, pid);
	UT_EXPECT(t, !proc_lists(t, child), "/proc lists %s after it was waited for", child);
}

void proc_files_refuse_writes(struct utest *t)
{
	long fd = raw_sys(SYS_open, "/proc/meminfo", O_WRONLY, 0), n;

	UT_EXPECT(t, fd >= 0, "open /proc/meminfo for writing: %ld", fd);
	if (fd >= 0) {
		UT_EXPECT(t, raw_sys(SYS_write, fd, "x", 1) == -EIO, "a write to /proc/meminfo");
		raw_sys(SYS_close, fd, 0, 0);
	}
	fd = raw_sys(SYS_open, "/proc/self/stat", O_WRONLY, 0);
	UT_EXPECT(t, fd >= 0, "open /proc/self/stat for writing: %ld", fd);
	if (fd >= 0) {
		UT_EXPECT(t, raw_sys(SYS_write, fd, "x", 1) == -EINVAL,
			  "a write to /proc/self/stat");
		raw_sys(SYS_close, fd, 0, 0);
	}
	/* (A kernel without unlink yet says ENOSYS: nothing to check there.) */
	n = raw_sys(SYS_unlink, "/proc/meminfo", 0, 0);
	UT_EXPECT(t, n == -EPERM || n == -ENOSYS, "unlink /proc/meminfo: %ld", n);
	UT_EXPECT(t, raw_sys(SYS_open, "/proc/nosuchfile", O_RDONLY, 0) == -ENOENT,
		  "open /proc/nosuchfile");
	UT_EXPECT(t, raw_sys(SYS_open, "/proc/2147483647/stat", O_RDONLY, 0) == -ENOENT,
		  "open /proc/2147483647/stat");
}

/* Spin until times() says the caller used @ticks of CPU time; false if it never does. */
static bool spin_ticks(long ticks)
{
	struct tms tms;
	long i;

	for (i = 0; i < 10 * 1000 * 1000; i++) {
		times(&tms);
		if (tms.tms_utime + tms.tms_stime >= ticks)
			return true;
	}
	return false;
}

void times_and_getrusage_count_cpu_time(struct utest *t)
{
	struct rusage ru;
	struct tms tms;
	pid_t pid;
	long n;

	UT_EXPECT(t, spin_ticks(3), "times() never reached 3 ticks of CPU time");
	n = raw_sys(SYS_getrusage, RUSAGE_SELF, &ru, 0);
	UT_EXPECT(t,
		  n == 0 && ru.ru_utime.tv_usec + ru.ru_stime.tv_usec +
					    1000000 * (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) >=
				    30000,
		  "getrusage(RUSAGE_SELF): %ld, %ld.%06ld s", n, (long)ru.ru_utime.tv_sec,
		  (long)ru.ru_utime.tv_usec);
	pid = fork();
	if (!pid)
		_exit(spin_ticks(2) ? 0 : 1);
	expect_exit(t, wait_status(pid), 0, "a child that spins for 2 ticks");
	n = raw_sys(SYS_times, &tms, 0, 0);
	UT_EXPECT(t, n > 0 && tms.tms_cutime + tms.tms_cstime >= 2,
		  "times(): %ld, children's %ld + %ld ticks", n, (long)tms.tms_cutime,
		  (long)tms.tms_cstime);
	n = raw_sys(SYS_getrusage, RUSAGE_CHILDREN, &ru, 0);
	UT_EXPECT(t,
		  n == 0 && ru.ru_utime.tv_usec + ru.ru_stime.tv_usec +
					    1000000 * (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) >=
				    20000,
		  "getrusage(RUSAGE_CHILDREN): %ld", n);
	UT_EXPECT(t, raw_sys(SYS_times, 0, 0, 0) > 0, "times(NULL)");
	UT_EXPECT(t, raw_sys(SYS_times, 16, 0, 0) == -EFAULT, "times(16)");
	UT_EXPECT(t, raw_sys(SYS_getrusage, 5, &ru, 0) == -EINVAL, "getrusage(5)");
	UT_EXPECT(t, raw_sys(SYS_getrusage, RUSAGE_SELF, 16, 0) == -EFAULT, "getrusage at 16");
}

/*
 * Two processes reading one open /proc file (a descriptor shared by
 * fork()): one reads from 0 over and over, which prints the file afresh
 * and frees the picture before, the other reads further on from the
 * picture.  Each must always see the file's text: on a preemptible
 * kernel the picture was once freed under the other's read, which then
 * copied from (or freed again) a block the heap had taken back.
 */
void proc_file_shared_by_two_readers(struct utest *t)
{
	char buf[64];
	int fd = open("/proc/meminfo", O_RDONLY), i, bad = 0, status;
	pid_t pid;

	if (!UT_EXPECT(t, fd >= 0, "open /proc/meminfo: %d", errno))
		return;
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < 500; i++)
			if (pread(fd, buf, 9, 0) != 9 || memcmp(buf, "MemTotal:", 9))
				_exit(1);
		_exit(0);
	}
	for (i = 0; i < 500; i++)
		if (pread(fd, buf, 8, 1) != 8 || memcmp(buf, "emTotal:", 8))
			bad++;
	status = wait_status(pid);
	UT_EXPECT(t, !bad, "%d of 500 reads at 1 were not the file's text", bad);
	expect_exit(t, status, 0, "the child reading from 0");
	close(fd);
}

/*
 * /proc is procfs to statfs() (PROC_SUPER_MAGIC, which "stat -f" and df
 * name), and another device than the root's, so that "find -xdev" and
 * "du -x" stop at it.
 */
void proc_is_its_own_file_system(struct utest *t)
{
	long buf[15] = { 0 };
	struct stat root, proc;
	long r = raw_sys(SYS_statfs, "/proc", buf, 0);

	UT_EXPECT(t, r == 0 && buf[0] == 0x9fa0, "statfs(/proc): %ld, type %#lx", r, buf[0]);
	UT_EXPECT(t, !stat("/", &root) && !stat("/proc", &proc) && root.st_dev != proc.st_dev,
		  "/ and /proc are on one device");
}

/*
 * /proc makes no names: a new one there is -ENOENT (procfs's lookup
 * answers so before anything is made), one it has -EEXIST, and rmdir()
 * of a process's directory -EPERM (procfs has no rmdir), as Linux says.
 */
void proc_refuses_new_names_as_linux(struct utest *t)
{
	long r;

	r = raw_sys(SYS_mkdir, "/proc/ut-x", 0755, 0);
	UT_EXPECT(t, r == -ENOENT, "mkdir(/proc/ut-x) gave %ld", r);
	r = raw_sys(SYS_open, "/proc/ut-x", O_WRONLY | O_CREAT, 0644);
	UT_EXPECT(t, r == -ENOENT, "open(/proc/ut-x, O_CREAT) gave %ld", r);
	r = raw_sys(SYS_symlink, "a", "/proc/ut-x", 0);
	UT_EXPECT(t, r == -ENOENT, "symlink(a, /proc/ut-x) gave %ld", r);
	r = raw_sys(SYS_mkdir, "/proc/version", 0755, 0);
	UT_EXPECT(t, r == -EEXIST, "mkdir(/proc/version) gave %ld", r);
	r = raw_sys(SYS_rmdir, "/proc/1", 0, 0);
	UT_EXPECT(t, r == -EPERM, "rmdir(/proc/1) gave %ld", r);
}
