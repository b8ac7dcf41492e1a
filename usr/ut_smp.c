// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's cases for several CPUs: processes placed on each CPU run
 * there (system calls, page faults, fork and signals on that CPU); CPU
 * hogs run at the same time, each on a CPU of its own; and a /proc reader
 * on one CPU races a process that changes its memory, files and working
 * directory under a 1 ms interval timer, and finally replaces its
 * program, on another.
 *
 * With one CPU they still run: the first on CPU 0, the last with the
 * reader and the changing process taking turns (preemption makes the same
 * races, rarer).  The hogs need two CPUs, and Kestrel: their verdict
 * compares CPU time with elapsed time, and a busy Linux host stops a
 * process's CPU time while its clock runs on, where a virtual machine's
 * guest time stops with its CPUs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "usertest.h"

/* The CPUs this process may use, a bit each (CPUs 0 to 63). */
static unsigned long cpus_allowed(void)
{
	unsigned long mask[16] = { 0 };

	return raw_sys(SYS_sched_getaffinity, 0, sizeof(mask), mask) > 0 ? mask[0] : 0;
}

static bool pin_to(int cpu)
{
	unsigned long mask[16] = { 0 };

	mask[0] = 1UL << cpu;
	return raw_sys(SYS_sched_setaffinity, 0, sizeof(mask), mask) == 0;
}

static int this_cpu(void)
{
	unsigned int cpu = ~0U;

	return raw_sys(SYS_getcpu, &cpu, 0, 0) ? -1 : (int)cpu;
}

static volatile sig_atomic_t usr1_seen;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen = this_cpu() + 1;
}

/* In a child pinned to CPU *@arg: what a process does, done there. */
static void work_on_cpu(struct utest *t, void *arg)
{
	int cpu = *(int *)arg, fds[2];
	char *mem, byte = 0;
	pid_t pid;
	size_t i;

	if (!UT_EXPECT(t, pin_to(cpu), "sched_setaffinity to CPU %d failed", cpu))
		return;
	UT_EXPECT(t, this_cpu() == cpu, "pinned to CPU %d, getcpu says %d", cpu, this_cpu());

	mem = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!UT_EXPECT(t, mem != MAP_FAILED, "mmap: %s", strerror(errno)))
		return;
	for (i = 0; i < 16; i++)
		mem[i * PG] = (char)(i + cpu);
	for (i = 0; i < 16; i++)
		UT_EXPECT(t, mem[i * PG] == (char)(i + cpu), "page %zu reads %d", i, mem[i * PG]);

	/* A child inherits the mask, and a copy of the pages (on write, here). */
	pid = fork();
	if (!pid) {
		mem[0] = 99;
		_exit(this_cpu() == cpu && mem[PG] == (char)(1 + cpu) ? 0 : 1);
	}
	UT_EXPECT(t, pid > 0, "fork: %s", strerror(errno));
	if (pid > 0)
		expect_exit(t, wait_status(pid), 0, "the child on the same CPU");
	UT_EXPECT(t, mem[0] == (char)cpu, "the child's write showed through: %d", mem[0]);
	munmap(mem, 16 * PG);

	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	UT_EXPECT(t, usr1_seen == cpu + 1, "SIGUSR1's handler ran on CPU %d", usr1_seen - 1);

	if (UT_EXPECT(t, !pipe(fds), "pipe: %s", strerror(errno))) {
		UT_EXPECT(t,
			  write(fds[1], "x", 1) == 1 && read(fds[0], &byte, 1) == 1 && byte == 'x',
			  "a byte through a pipe came back as %d", byte);
		close(fds[0]);
		close(fds[1]);
	}
	UT_EXPECT(t, this_cpu() == cpu, "still pinned to CPU %d, getcpu says %d", cpu, this_cpu());
}

void processes_run_on_each_cpu(struct utest *t)
{
	unsigned long mask = cpus_allowed();
	int cpu;

	if (!UT_EXPECT(t, mask != 0, "sched_getaffinity gave no CPU"))
		return;
	for (cpu = 0; cpu < 64; cpu++)
		if (mask & (1UL << cpu))
			expect_exit(t, run_in_child(t, work_on_cpu, &cpu), 0,
				    "a process pinned to a CPU");
}

#define HOG_NS	 500000000L /* each hog's CPU time */
#define MAX_HOGS 4

static long rusage_ns(const struct rusage *ru)
{
	return (ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000000000L +
	       (ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) * 1000L;
}

void cpu_hogs_run_at_the_same_time(struct utest *t)
{
	int n = __builtin_popcountl(cpus_allowed()), i, reaped = 0;
	long start, elapsed, cpu_ns;
	struct rusage before, after;
	pid_t pids[MAX_HOGS];

	if (n < 2) {
		ut_skip(t, "one CPU");
		return;
	}
	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: a busy host stops the hogs' CPU time, not its clock");
		return;
	}
	n = n > MAX_HOGS ? MAX_HOGS : n;
	getrusage(RUSAGE_CHILDREN, &before);
	start = clock_ns(CLOCK_MONOTONIC);
	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (!pids[i]) {
			while (clock_ns(CLOCK_PROCESS_CPUTIME_ID) < HOG_NS)
				;
			_exit(0);
		}
		if (!UT_EXPECT(t, pids[i] > 0, "fork: %s", strerror(errno)))
			break;
	}
	n = i;
	for (i = 0; i < n; i++)
		reaped += expect_exit(t, wait_status(pids[i]), 0, "a hog");
	elapsed = clock_ns(CLOCK_MONOTONIC) - start;
	getrusage(RUSAGE_CHILDREN, &after);
	cpu_ns = rusage_ns(&after) - rusage_ns(&before);
	UT_EXPECT(t, reaped == n && n > 1, "%d of %d hogs reaped", reaped, n);
	UT_EXPECT(t, cpu_ns >= (long)n * HOG_NS, "%d hogs used %ld ms of CPU time, not %ld each", n,
		  cpu_ns / 1000000, HOG_NS / 1000000);
	/*
	 * One after the other, the hogs take all of their CPU time; two at a
	 * time at most half of it, and n at a time 1/n of it.  The line is
	 * half way between one at a time and two.
	 */
	UT_EXPECT(t, elapsed * 4 < cpu_ns * 3,
		  "%d hogs with %ld ms of CPU time in all took %ld ms: one at a time", n,
		  cpu_ns / 1000000, elapsed / 1000000);
}

#define CHANGES	    1500
#define READ_ROUNDS 100000 /* far more than the changes take: a bound, not a measure */

#define CHANGE_PAGES 32

static void on_alarm(int sig)
{
	(void)sig;
}

/*
 * The changing process, on CPU @cpu: its regions (split, protected,
 * unmapped), its break, its descriptors and its directory, over and over;
 * then another program in its place, which exits 0.  An interval timer
 * of 1 ms signals it all along, from the boot CPU's tick, which takes
 * tasklist_lock in the interrupt: on the boot CPU, while the process
 * holds its mm's lock, that tick waits for any reader that holds
 * tasklist_lock, and a reader that waited for the mm's lock under it
 * would never let go.
 */
static __attribute__((noreturn)) void keep_changing(int cpu)
{
	struct itimerval every_ms = { { 0, 1000 }, { 0, 1000 } };
	char *argv[] = { NULL, "exit", "0", NULL };
	char *brk0 = (char *)raw_sys(SYS_brk, 0, 0, 0);
	int i, j, fd;

	pin_to(cpu);
	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &every_ms, NULL);
	for (i = 0; i < CHANGES; i++) {
		char *m = mmap(NULL, CHANGE_PAGES * PG, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m != MAP_FAILED) {
			for (j = 0; j < CHANGE_PAGES; j++)
				m[j * PG] = 1;
			mprotect(m + PG, PG, PROT_READ);
			munmap(m, CHANGE_PAGES * PG);
		}
		raw_sys(SYS_brk, brk0 + 2 * PG, 0, 0);
		raw_sys(SYS_brk, brk0, 0, 0);
		fd = open("/", O_RDONLY | O_DIRECTORY);
		dup2(fd, 9);
		close(fd);
		close(9);
		if (chdir(i & 1 ? "/" : "/proc"))
			_exit(2);
	}
	/* The timer outlives execve(): stopped, and its last signal ignored (and dropped). */
	setitimer(ITIMER_REAL, &(struct itimerval){ 0 }, NULL);
	signal(SIGALRM, SIG_IGN);
	argv[0] = (char *)self_path;
	syscall(SYS_execve, self_path, argv, NULL);
	_exit(127);
}

/* A read of another process's /proc file may find it gone, never anything worse. */
static bool gone(long err)
{
	return err == -ENOENT || err == -ESRCH;
}

/* On CPU @arg[1], read /proc/PID of the changing process @arg[0] until it is a zombie. */
static void read_while_changing(struct utest *t, void *arg)
{
	static const char *const files[] = { "stat", "status", "statm", "cmdline" };
	static const char *const links[] = { "exe", "cwd", "fd/9", "fd/0" };
	const int *a = arg;
	char path[64], buf[4096];
	int rounds, i, pid = -1;
	bool parsed;
	char state = 0;
	long n;

	pin_to(a[1]);
	for (rounds = 0; rounds < READ_ROUNDS && state != 'Z'; rounds++) {
		snprintf(path, sizeof(path), "/proc/%d/stat", a[0]);
		n = read_proc(path, buf, sizeof(buf));
		/* Its parent waits for it only after this: it is there, if as a zombie. */
		if (!UT_EXPECT(t, n > 0, "%s: %ld", path, n))
			return;
		parsed = sscanf(buf, "%d (%*[^)]) %c", &pid, &state) == 2 && pid == a[0];
		if (!UT_EXPECT(t, parsed, "%s reads '%.40s'", path, buf))
			return;
		for (i = 1; i < 4; i++) {
			snprintf(path, sizeof(path), "/proc/%d/%s", a[0], files[i]);
			n = read_proc(path, buf, sizeof(buf));
			UT_EXPECT(t, n >= 0 || gone(n), "%s: %ld", path, n);
		}
		for (i = 0; i < 4; i++) {
			snprintf(path, sizeof(path), "/proc/%d/%s", a[0], links[i]);
			n = raw_sys(SYS_readlink, path, buf, sizeof(buf) - 1);
			UT_EXPECT(t, (n > 0 && n < (long)sizeof(buf) - 1) || gone(n), "%s: %ld",
				  path, n);
		}
	}
	UT_EXPECT(t, state == 'Z', "the changing process still runs after %d rounds", rounds);
}

void proc_readers_race_a_changing_process(struct utest *t)
{
	unsigned long mask = cpus_allowed();
	int a[2], status;
	pid_t pid;

	if (!UT_EXPECT(t, mask != 0, "sched_getaffinity gave no CPU"))
		return;
	a[1] = 63 - __builtin_clzl(mask); /* the reader's CPU */
	pid = fork();
	if (!pid)
		keep_changing(__builtin_ctzl(mask)); /* the boot CPU, whose tick runs timers */
	if (!UT_EXPECT(t, pid > 0, "fork: %s", strerror(errno)))
		return;
	a[0] = pid;
	expect_exit(t, run_in_child(t, read_while_changing, a), 0, "the reader");
	status = wait_status(pid);
	expect_exit(t, status, 0, "the changing process, its new program");
}
