// SPDX-License-Identifier: GPL-2.0
/*
 * ubench: what user mode costs, seen from a program.  The kernel's
 * "bench=user" boot mode (kernel/user_bench.c) runs it under QEMU with
 * -icount shift=0, where rdtsc counts guest instructions exactly, so
 * every figure is instructions, the median of ROUNDS rounds:
 *
 *   - the null system call: getpid() by a bare "syscall", a round trip
 *     through the entry, the dispatch and the exit;
 *   - fork()+_exit()+wait4() with 64 KiB and with 64 MiB more of the
 *     parent's memory mapped and written: what the fork design
 *     (FORK_COW, FORK_COPY, FORK_SHARE_TABLES) makes of the parent's size;
 *   - fork()+execve()+_exit()+wait4() of this program with "--exit":
 *     less the fork figure, what execve() and a static program's start
 *     cost;
 *   - a page fault on anonymous memory (a zeroed page made on the first
 *     write), and one on a page a fork shares (copy-on-write), each the
 *     first write's cost less a second write's;
 *   - a one-way switch between two processes that sched_yield() to each
 *     other (the kernel prints the same for two kernel threads);
 *   - with Debian's BusyBox in the initramfs (CONFIG_BUSYBOX): "sh -c
 *     true", a fork and execve of a 2 MB static glibc program, and a
 *     pipeline, "dd if=/dev/zero bs=4k count=2560 | wc -c", per KiB
 *     that crosses the pipe.
 *
 * Loops run with interrupts on, as programs do: a tick now and then is
 * in some rounds, which the median leaves out.  On any other machine the
 * counts are cycles, not instructions, and the program still runs.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define ROUNDS	     7
#define NULL_CALLS   1000
#define FAULT_PAGES  256
#define YIELDS	     2000
#define PAGE	     4096UL
#define SMALL_PARENT (64UL << 10)
#define LARGE_PARENT (64UL << 20)
#define BUSYBOX	     "/bin/busybox"
/* 10 MiB through a pipe: 2560 blocks of 4 KiB, counted at the other end. */
#define PIPE_KIB     10240
#define PIPELINE     "dd if=/dev/zero bs=4k count=2560 2>/dev/null | wc -c"

static char *self;

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t median(uint64_t *v)
{
	qsort(v, ROUNDS, sizeof(*v), cmp_u64);
	return v[ROUNDS / 2];
}

static void fail(const char *what)
{
	printf("ubench: %s failed\n", what);
	exit(1);
}

/* Hundredths of an instruction per getpid() round trip. */
static uint64_t null_syscall(void)
{
	uint64_t v[ROUNDS], start, loop;
	long ret;
	int r, i;

	for (r = 0; r < ROUNDS; r++) {
		start = rdtsc();
		for (i = 0; i < NULL_CALLS; i++)
			__asm__ __volatile__("" : : : "memory");
		loop = rdtsc() - start;
		start = rdtsc();
		for (i = 0; i < NULL_CALLS; i++)
			__asm__ __volatile__("syscall"
					     : "=a"(ret)
					     : "0"(39L) /* __NR_getpid */
					     : "rcx", "r11", "memory");
		v[r] = (rdtsc() - start - loop) * 100 / NULL_CALLS;
	}
	return median(v);
}

/* Map @size bytes and write each page, so that the process owns them. */
static char *populate(size_t size)
{
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t off;

	if (p == MAP_FAILED)
		fail("mmap");
	for (off = 0; off < size; off += PAGE)
		p[off] = 1;
	return p;
}

static void reap(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		fail("fork or wait4");
}

/* fork()+_exit()+wait4() with @size bytes more of the parent's own memory. */
static uint64_t fork_exit_wait(size_t size)
{
	uint64_t v[ROUNDS], start;
	char *p = size ? populate(size) : NULL;
	pid_t pid;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		start = rdtsc();
		pid = fork();
		if (pid == 0)
			_exit(0);
		reap(pid);
		v[r] = rdtsc() - start;
	}
	if (size)
		munmap(p, size);
	return median(v);
}

/* fork()+execve(self --exit)+_exit()+wait4(). */
static uint64_t fork_exec_wait(void)
{
	char *argv[] = { self, "--exit", NULL }, *envp[] = { NULL };
	uint64_t v[ROUNDS], start;
	pid_t pid;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		start = rdtsc();
		pid = fork();
		if (pid == 0) {
			execve(self, argv, envp);
			_exit(127);
		}
		reap(pid);
		v[r] = rdtsc() - start;
	}
	return median(v);
}

/*
 * fork()+execve(@path @argv)+wait4() of a program that nobody here
 * built: the median, or 0 if it is not there (CONFIG_BUSYBOX off) or
 * fails.  Its output goes to /dev/null: the figure is the kernel's and
 * the program's work, not the console's.
 */
static uint64_t spawn_wait(const char *path, char *const argv[])
{
	char *envp[] = { "PATH=/bin:/sbin:/usr/bin:/usr/sbin", NULL };
	uint64_t v[ROUNDS], start;
	int r, status;
	pid_t pid;

	if (access(path, X_OK))
		return 0;
	for (r = 0; r < ROUNDS; r++) {
		start = rdtsc();
		pid = fork();
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);

			if (fd < 0 || dup2(fd, 1) < 0)
				_exit(126);
			execve(path, argv, envp);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status)
			return 0;
		v[r] = rdtsc() - start;
	}
	return median(v);
}

/* Per page, what a first pass cost beyond a second; 0 if nothing. */
static uint64_t extra_per_page(uint64_t first, uint64_t second)
{
	return first > second ? (first - second) / FAULT_PAGES : 0;
}

/* Write one byte of each of @n pages from @p: the cycles it took. */
static uint64_t touch(char *p, int n)
{
	uint64_t start = rdtsc();
	int i;

	for (i = 0; i < n; i++)
		((volatile char *)p)[i * PAGE] = 2;
	return rdtsc() - start;
}

/* The first write to each page of fresh anonymous memory, less a second. */
static uint64_t anon_fault(void)
{
	uint64_t v[ROUNDS], first;
	char *p;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		p = mmap(NULL, FAULT_PAGES * PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			fail("mmap");
		first = touch(p, FAULT_PAGES);
		v[r] = extra_per_page(first, touch(p, FAULT_PAGES));
		munmap(p, FAULT_PAGES * PAGE);
	}
	return median(v);
}

/*
 * The parent's first write to each page it shares with a child that
 * sleeps, less a second write.  With FORK_COPY nothing is shared, and
 * the figure is 0.
 */
static uint64_t cow_fault(void)
{
	uint64_t v[ROUNDS], first;
	char *p;
	pid_t pid;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		p = populate(FAULT_PAGES * PAGE);
		pid = fork();
		if (pid == 0) {
			for (;;)
				sleep(10);
		}
		if (pid < 0)
			fail("fork");
		first = touch(p, FAULT_PAGES);
		v[r] = extra_per_page(first, touch(p, FAULT_PAGES));
		kill(pid, SIGKILL);
		reap(pid);
		munmap(p, FAULT_PAGES * PAGE);
	}
	return median(v);
}

/* Hundredths of an instruction per one-way switch between two processes. */
static uint64_t process_switch(void)
{
	uint64_t v[ROUNDS], start;
	pid_t pid = fork();
	int r, i;

	if (pid == 0) {
		for (;;)
			sched_yield();
	}
	if (pid < 0)
		fail("fork");
	sched_yield(); /* the child has run: both are in the loop */
	for (r = 0; r < ROUNDS; r++) {
		start = rdtsc();
		for (i = 0; i < YIELDS; i++)
			sched_yield();
		/* Each of our yields is two switches: away and back. */
		v[r] = (rdtsc() - start) * 100 / (2 * YIELDS);
	}
	kill(pid, SIGKILL);
	reap(pid);
	return median(v);
}

static void report(const char *what, uint64_t hundredths)
{
	printf("ubench: %s: %llu.%02llu instructions\n", what,
	       (unsigned long long)(hundredths / 100), (unsigned long long)(hundredths % 100));
}

int main(int argc, char *argv[])
{
	char *busybox_true[] = { "sh", "-c", "true", NULL };
	char *busybox_pipe[] = { "sh", "-c", PIPELINE, NULL };
	uint64_t bare, exec, t;

	if (argc > 1 && !strcmp(argv[1], "--exit"))
		return 0;
	self = argv[0];
	setvbuf(stdout, NULL, _IONBF, 0);
	report("null system call (getpid)", null_syscall());
	report("fork+exit+wait, 64 KiB parent", fork_exit_wait(SMALL_PARENT) * 100);
	report("fork+exit+wait, 64 MiB parent", fork_exit_wait(LARGE_PARENT) * 100);
	/* The fork that execve() is set against has nothing more mapped either. */
	bare = fork_exit_wait(0);
	exec = fork_exec_wait();
	report("fork+execve+exit+wait", exec * 100);
	report("execve and the program's start, less fork+exit+wait",
	       exec > bare ? (exec - bare) * 100 : 0);
	report("anonymous page fault", anon_fault() * 100);
	report("copy-on-write page fault", cow_fault() * 100);
	report("one-way switch, two processes yielding", process_switch());
	if ((t = spawn_wait(BUSYBOX, busybox_true)))
		report("BusyBox sh -c true (fork+execve+exit+wait)", t * 100);
	else
		printf("ubench: BusyBox sh -c true: not measured (no %s, or it failed)\n", BUSYBOX);
	if ((t = spawn_wait(BUSYBOX, busybox_pipe)))
		report("BusyBox dd | wc, per KiB through the pipe", t * 100 / PIPE_KIB);
	else
		printf("ubench: BusyBox dd | wc: not measured (no %s, or it failed)\n", BUSYBOX);
	printf("ubench: done\n");
	return 0;
}
