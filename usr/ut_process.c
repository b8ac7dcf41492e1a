// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's process cases: fork, wait4 and its options, zombies,
 * orphans, vfork, and kill, as xv6's usertests check its fork, exit and
 * wait.
 *
 * Where a case needs an order between parent and child it gets it from
 * vfork() (the parent resumes only once the child is in _exit() or has
 * exec'd) or from a wait, never from a sleep long enough "in practice":
 * the cases run on a loaded build machine too.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

void exit_status_reaches_wait4(struct utest *t)
{
	static const int codes[] = { 0, 1, 42, 127, 128, 255, 256 + 7 };
	size_t i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		pid_t pid = fork();
		char what[48];

		if (!pid)
			_exit(codes[i]);
		snprintf(what, sizeof(what), "_exit(%d)", codes[i]);
		/* Only the low 8 bits of the code reach the parent. */
		expect_exit(t, wait_status(pid), codes[i] & 0xff, what);
	}
}

/*
 * fork() by a bare "syscall" with a pattern in each register a C function
 * keeps (RBX, RBP, R12-R15), which the kernel's fast system call path
 * leaves out of the frame it saves: fork() copies the frame to the
 * child, so it must take the path that saves them.  Each side XORs what
 * it got back with the pattern; any bit left is a register lost.  Below
 * the red zone, which the compiler may be using.
 */
static long fork_with_patterns(unsigned long *lost)
{
	long pid;

	/* clang-format off */
	__asm__ __volatile__("sub $128, %%rsp\n"
			     "push %%rbx\n push %%rbp\n push %%r12\n"
			     "push %%r13\n push %%r14\n push %%r15\n"
			     "movabs $0x1111111111111101, %%rbx\n"
			     "movabs $0x2222222222222202, %%rbp\n"
			     "movabs $0x3333333333333303, %%r12\n"
			     "movabs $0x4444444444444404, %%r13\n"
			     "movabs $0x5555555555555505, %%r14\n"
			     "movabs $0x6666666666666606, %%r15\n"
			     "mov $57, %%eax\n syscall\n"
			     "movabs $0x1111111111111101, %%rcx\n"
			     "xor %%rcx, %%rbx\n mov %%rbx, %%rdx\n"
			     "movabs $0x2222222222222202, %%rcx\n"
			     "xor %%rcx, %%rbp\n or %%rbp, %%rdx\n"
			     "movabs $0x3333333333333303, %%rcx\n"
			     "xor %%rcx, %%r12\n or %%r12, %%rdx\n"
			     "movabs $0x4444444444444404, %%rcx\n"
			     "xor %%rcx, %%r13\n or %%r13, %%rdx\n"
			     "movabs $0x5555555555555505, %%rcx\n"
			     "xor %%rcx, %%r14\n or %%r14, %%rdx\n"
			     "movabs $0x6666666666666606, %%rcx\n"
			     "xor %%rcx, %%r15\n or %%r15, %%rdx\n"
			     "pop %%r15\n pop %%r14\n pop %%r13\n"
			     "pop %%r12\n pop %%rbp\n pop %%rbx\n"
			     "add $128, %%rsp\n"
			     : "=a"(pid), "=d"(*lost)
			     :
			     : "rcx", "r11", "memory", "cc");
	/* clang-format on */
	return pid;
}

void fork_keeps_callee_saved_registers(struct utest *t)
{
	unsigned long lost;
	long pid = fork_with_patterns(&lost);

	if (!pid)
		_exit(lost ? 1 : 0);
	UT_EXPECT(t, pid > 0, "fork() returned %ld", pid);
	UT_EXPECT(t, !lost, "the parent lost bits %#lx of RBX, RBP, R12-R15", lost);
	if (pid > 0)
		expect_exit(t, wait_status(pid), 0, "a child that got every register back");
}

void wait4_pid_any_and_wnohang(struct utest *t)
{
	int status = 0x5a5a;
	pid_t a, b, slow;
	long ret;

	/*
	 * A child still running (it sleeps until killed, however slow the
	 * machine): WNOHANG answers 0 and leaves the status alone.
	 */
	slow = fork();
	if (!slow) {
		sleep_ms(30000);
		_exit(3);
	}
	ret = raw_syscall6(SYS_wait4, -1, (long)&status, WNOHANG, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "wait4(-1, WNOHANG) with a sleeping child returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, slow, (long)&status, WNOHANG, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "wait4(child, WNOHANG) with it sleeping returned %ld", ret);
	UT_EXPECT(t, status == 0x5a5a, "status written: %#x", status);
	kill(slow, SIGKILL);
	expect_signal(t, wait_status(slow), SIGKILL, "the sleeping child, by its pid");

	/* Two children: the one named first, then the other through -1. */
	a = fork();
	if (!a)
		_exit(11);
	b = fork();
	if (!b)
		_exit(22);
	expect_exit(t, wait_status(b), 22, "wait4(b)");
	ret = raw_syscall6(SYS_wait4, -1, (long)&status, 0, 0, 0, 0);
	UT_EXPECT(t, ret == a, "wait4(-1) returned %ld, not the other child %d", ret, (int)a);
	expect_exit(t, status, 11, "wait4(-1)");

	/* No child at all: -ECHILD, with or without WNOHANG, for any pid. */
	ret = raw_syscall6(SYS_wait4, -1, (long)&status, WNOHANG, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4(-1, WNOHANG) without children returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, -1, (long)&status, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4(-1) without children returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, a, (long)&status, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4 of a child already reaped returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, getpid(), (long)&status, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4 of itself returned %ld", ret);
}

void zombie_keeps_its_status(struct utest *t)
{
	int status = 0, i;
	pid_t pid;
	long ret = 0;

	/*
	 * When vfork() returns, the child is in _exit(): its pid is still
	 * there (a zombie, or about to be one), and the status it ends
	 * with waits for the parent, however late it asks.
	 */
	pid = vfork();
	if (!pid)
		_exit(33);
	UT_EXPECT(t, kill(pid, 0) == 0, "kill(exiting child, 0): %s", strerror(errno));
	sleep_ms(20);
	for (i = 0; i < 2000 && !ret; i++) {
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, WNOHANG, 0, 0, 0);
		if (!ret)
			sleep_ms(1);
	}
	UT_EXPECT(t, ret == pid, "wait4(zombie, WNOHANG) returned %ld, not %d", ret, (int)pid);
	expect_exit(t, status, 33, "the zombie");
	ret = raw_syscall6(SYS_kill, pid, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "kill(reaped pid, 0) returned %ld", ret);
}

/*
 * The grandchild says through a file whether its parent's death changed
 * its getppid(): there is no pipe yet, and nobody waits for it.
 */
static void grandchild(const char *path, pid_t parent)
{
	char line[64];
	pid_t ppid = getppid();
	int i, fd, len;

	for (i = 0; i < 500 && ppid == parent; i++) {
		sleep_ms(10);
		ppid = getppid();
	}
	len = snprintf(line, sizeof(line), "%c ppid %d, dead parent %d\n",
		       ppid != parent ? 'y' : 'n', (int)ppid, (int)parent);
	fd = open(path, O_WRONLY);
	if (fd >= 0) {
		if (write(fd, line, len) != len)
			_exit(2);
		close(fd);
	}
	_exit(0);
}

void orphan_is_reparented(struct utest *t)
{
	char path[128], line[64] = "";
	pid_t child;
	int i, err;
	ssize_t n = 0;

	err = make_file("orphan", "", 0, path, sizeof(path));
	if (!UT_EXPECT(t, err == 0, "no scratch file: %d", err))
		return;
	child = fork();
	if (!child) {
		pid_t me = getpid(), g = fork();

		if (!g)
			grandchild(path, me);
		_exit(g > 0 ? 0 : 1);
	}
	expect_exit(t, wait_status(child), 0, "the grandchild's parent");
	for (i = 0; i < 500 && n <= 0; i++) {
		int fd = open(path, O_RDONLY);

		n = fd >= 0 ? read(fd, line, sizeof(line) - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (n <= 0)
			sleep_ms(10);
	}
	unlink(path);
	if (!UT_EXPECT(t, n > 0, "the orphan wrote nothing in 5 s (n == %zd)", n))
		return;
	line[n] = 0;
	if (line[n - 1] == '\n')
		line[n - 1] = 0;
	UT_EXPECT(t, line[0] == 'y', "getppid() of the orphan did not change: %s", line);
}

static volatile int vfork_mark;

void vfork_child_runs_first_in_parent_memory(struct utest *t)
{
	char *argv[] = { NULL, "exit", "4", NULL };
	pid_t pid;

	vfork_mark = 0;
	pid = vfork();
	if (!pid) {
		vfork_mark = 1; /* the parent's memory: it sees this */
		_exit(9);
	}
	UT_EXPECT(t, vfork_mark == 1, "after the child's _exit the mark is %d", vfork_mark);
	expect_exit(t, wait_status(pid), 9, "the vfork child");

	argv[0] = (char *)self_path;
	pid = vfork();
	if (!pid) {
		vfork_mark = 2;
		syscall(SYS_execve, self_path, argv, NULL);
		_exit(127);
	}
	UT_EXPECT(t, vfork_mark == 2, "after the child's execve the mark is %d", vfork_mark);
	expect_exit(t, wait_status(pid), 4, "the vfork child that exec'd usertest exit 4");
}

/* Kill @pid with @sig, and check that it dies of it within 2 s. */
static void kill_and_check(struct utest *t, pid_t pid, int sig, const char *what)
{
	int status = -1, i;
	long ret = 0;

	sleep_ms(10); /* most likely the child is where it should be by now */
	UT_EXPECT(t, kill(pid, sig) == 0, "kill(%d, %d): %s", (int)pid, sig, strerror(errno));
	for (i = 0; i < 200 && !ret; i++) {
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, WNOHANG, 0, 0, 0);
		if (!ret)
			sleep_ms(10);
	}
	if (!UT_EXPECT(t, ret == pid, "%s: still there 2 s after signal %d (wait4: %ld)", what, sig,
		       ret)) {
		kill(pid, SIGKILL);
		wait_status(pid);
		return;
	}
	expect_signal(t, status, sig, what);
}

void kill_ends_sleeping_child(struct utest *t)
{
	static const int sigs[] = { SIGKILL, SIGTERM };
	size_t i;

	for (i = 0; i < 2; i++) {
		pid_t pid = fork();

		if (!pid) {
			sleep_ms(30000);
			_exit(0);
		}
		kill_and_check(t, pid, sigs[i], "a child in nanosleep");
	}
}

void kill_ends_spinning_child(struct utest *t)
{
	static const int sigs[] = { SIGKILL, SIGTERM };
	size_t i;

	for (i = 0; i < 2; i++) {
		pid_t pid = fork();

		if (!pid)
			for (;;)
				__asm__ volatile("" ::: "memory");
		kill_and_check(t, pid, sigs[i], "a spinning child");
	}
}

void kill_bad_pid_and_signal_zero(struct utest *t)
{
	const long nopid = 0x7ffffff0; /* above any pid_max */
	pid_t pid;
	long ret;

	ret = raw_sys(SYS_kill, nopid, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "kill(%ld, 0) returned %ld", nopid, ret);
	ret = raw_sys(SYS_kill, nopid, SIGTERM, 0);
	UT_EXPECT(t, ret == -ESRCH, "kill(%ld, SIGTERM) returned %ld", nopid, ret);
	ret = raw_sys(SYS_kill, getpid(), 0, 0);
	UT_EXPECT(t, ret == 0, "kill(self, 0) returned %ld", ret);

	pid = fork();
	if (!pid) {
		sleep_ms(30000);
		_exit(0);
	}
	ret = raw_sys(SYS_kill, pid, 0, 0);
	UT_EXPECT(t, ret == 0, "kill(live child, 0) returned %ld", ret);
	ret = raw_sys(SYS_kill, pid, 65, 0);
	UT_EXPECT(t, ret == -EINVAL, "kill(child, 65) returned %ld", ret);
	ret = raw_sys(SYS_kill, pid, -1, 0);
	UT_EXPECT(t, ret == -EINVAL, "kill(child, -1) returned %ld", ret);
	/* Signal 0 and the refused signals did nothing: the child is still there. */
	ret = raw_syscall6(SYS_wait4, pid, 0, WNOHANG, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "wait4(child, WNOHANG) returned %ld", ret);
	kill(pid, SIGKILL);
	expect_signal(t, wait_status(pid), SIGKILL, "the child");
	ret = raw_sys(SYS_kill, pid, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "kill(reaped child, 0) returned %ld", ret);
}

#define AT_ONCE	       16
#define AT_ONCE_ROUNDS 4

/*
 * AT_ONCE children end together (the pipe they wait on closes), on as
 * many CPUs as there are, while their parent reaps them with
 * wait4(-1): each is reported exactly once, with its own status, and then
 * there is no child left (-ECHILD).  A wake-up of the parent lost against
 * an end hangs the wait (the boot's time limit fails it); a zombie
 * reported twice or not at all, or a status mixed up, fails a check.
 */
static void end_at_once(struct utest *t, void *arg)
{
	int round, i, n, bad = 0;

	(void)arg;
	for (round = 0; round < AT_ONCE_ROUNDS && !bad; round++) {
		bool seen[AT_ONCE] = { false };
		pid_t pids[AT_ONCE];
		int go[2];
		long ret;

		if (!UT_EXPECT(t, !pipe(go), "pipe: %d", errno))
			return;
		for (i = 0; i < AT_ONCE; i++) {
			pids[i] = fork();
			if (!pids[i]) {
				char c;

				close(go[1]);
				_exit(read(go[0], &c, 1) == 0 ? 10 + i : 1);
			}
		}
		close(go[0]);
		close(go[1]); /* every child's read() returns 0 now */
		for (n = 0; n < AT_ONCE && !bad; n++) {
			int status = 0;

			do
				ret = raw_syscall6(SYS_wait4, -1, (long)&status, 0, 0, 0, 0);
			while (ret == -EINTR);
			for (i = 0; i < AT_ONCE && pids[i] != ret; i++)
				;
			if (!UT_EXPECT(t, i < AT_ONCE && !seen[i], "round %d: wait4(-1) gave %ld",
				       round, ret)) {
				bad = 1;
				break;
			}
			seen[i] = true;
			bad |= !expect_exit(t, status, 10 + i,
					    "a child that ended with the others");
		}
		ret = raw_syscall6(SYS_wait4, -1, 0, WNOHANG, 0, 0, 0);
		UT_EXPECT(t, ret == -ECHILD, "round %d: after all were reaped, wait4(-1): %ld",
			  round, ret);
	}
}

void many_children_end_at_once_each_reaped(struct utest *t)
{
	expect_exit(t, run_in_child(t, end_at_once, NULL), 0, "the child");
}
