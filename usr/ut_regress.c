// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's regression cases: what a Linux program sees that the first
 * version of the process and memory calls did otherwise (a review found
 * them).  Each passes on
 * Linux; each failed on Kestrel when it was written.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

/* Only the low 8 bits of exit()'s code are the status: exit(256) is exit(0) to wait4(). */
void exit_status_keeps_only_low_byte(struct utest *t)
{
	static const int codes[] = { 256, 256 + 7, -1, 0x12345678 };
	size_t i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		pid_t pid = fork();
		int status;

		if (!pid)
			syscall(SYS_exit_group, codes[i]);
		status = wait_status(pid);
		UT_EXPECT(t, status == (codes[i] & 0xff) << 8,
			  "exit_group(%#x) gave the raw wait status %#x, not %#x", codes[i], status,
			  (codes[i] & 0xff) << 8);
	}
}

/*
 * brk() memory is read and write whatever mprotect() did to the heap's
 * last page before: the heap grows with new pages, not with the flags of
 * the page below them.  In a child: the parent's malloc() keeps its brk.
 */
static void brk_after_mprotect(struct utest *t, void *arg)
{
	unsigned long base = ((unsigned long)syscall(SYS_brk, 0) + PG - 1) & ~(PG - 1);
	pid_t pid;

	(void)arg;
	if (!UT_EXPECT(t, (unsigned long)syscall(SYS_brk, base + 2 * PG) == base + 2 * PG,
		       "brk(%#lx) failed", base + 2 * PG))
		return;
	UT_EXPECT(t, !mprotect((void *)(base + PG), PG, PROT_READ), "mprotect failed: %d", errno);
	if (!UT_EXPECT(t, (unsigned long)syscall(SYS_brk, base + 4 * PG) == base + 4 * PG,
		       "brk(%#lx) failed", base + 4 * PG))
		return;
	pid = fork();
	if (!pid) {
		memset((void *)(base + 2 * PG), 'b', 2 * PG);
		_exit(0);
	}
	expect_exit(t, wait_status(pid), 0, "a write to the heap brk() just grew");
}

void brk_grows_writable_after_mprotect(struct utest *t)
{
	expect_exit(t, run_in_child(t, brk_after_mprotect, NULL), 0, "brk after mprotect");
}

static unsigned int grow_stack(unsigned int depth)
{
	volatile char buf[8192];

	buf[0] = (char)depth;
	buf[sizeof(buf) - 1] = (char)depth;
	return depth ? grow_stack(depth - 1) + (unsigned char)buf[0]
		     : (unsigned char)buf[sizeof(buf) - 1];
}

/*
 * An mmap() hint in the stack's guard gap is not taken (Linux's
 * get_unmapped_area() keeps stack_guard_gap below a VM_GROWSDOWN region):
 * a program that asks for memory near its stack can still grow its
 * stack.  512 KiB below the stack is well inside Linux's 1 MiB gap.
 */
void mmap_hint_stays_out_of_stack_gap(struct utest *t)
{
	pid_t pid = fork();

	if (!pid) {
		unsigned long sp = (unsigned long)__builtin_frame_address(0) & ~(PG - 1);
		void *hint = (void *)(sp - 512 * 1024);
		void *p =
			mmap(hint, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			_exit(2);
		grow_stack(32); /* 256 KiB more stack */
		_exit(0);
	}
	expect_exit(t, wait_status(pid), 0, "a stack growing 256 KiB after an mmap hint near it");
}

/*
 * init takes no signal it has no handler for (Linux's SIGNAL_UNKILLABLE):
 * kill(1, SIGTERM) or even SIGKILL from a program is ignored, where
 * ending init would stop the machine.  Runs only as init (init=/bin/usertest).
 */
void kill_init_is_ignored(struct utest *t)
{
	if (getpid() != 1) {
		ut_skip(t, "only as init (init=/bin/usertest)");
		return;
	}
	UT_EXPECT(t, !kill(1, SIGTERM), "kill(1, SIGTERM) failed: %d", errno);
	UT_EXPECT(t, !kill(1, SIGKILL), "kill(1, SIGKILL) failed: %d", errno);
	UT_EXPECT(t, getpid() == 1, "init is still there");
}

/*
 * A new program starts with an FS base of 0 (Linux's start_thread()
 * clears it): the caller's thread pointer means nothing in it.  The
 * program is made by hand, as no C library can look before it sets its
 * own: arch_prctl(ARCH_GET_FS) and exit 0 if the base was 0, else 1.
 */
void exec_clears_fs_base(struct utest *t)
{
	static const unsigned char code[] = {
		0xbf, 0x03, 0x10, 0x00, 0x00,		  /* mov edi, ARCH_GET_FS */
		0x48, 0x8d, 0x74, 0x24, 0xf8,		  /* lea rsi, [rsp - 8] */
		0xb8, 0x9e, 0x00, 0x00, 0x00, 0x0f, 0x05, /* arch_prctl */
		0x48, 0x8b, 0x7c, 0x24, 0xf8,		  /* mov rdi, [rsp - 8] */
		0x48, 0x85, 0xff,			  /* test rdi, rdi */
		0x40, 0x0f, 0x95, 0xc7,			  /* setne dil */
		0x40, 0x0f, 0xb6, 0xff,			  /* movzx edi, dil */
		0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05, /* exit_group */
	};
	const unsigned long base = 0x400000, entry = 64 + 56;
	unsigned char elf[64 + 56 + sizeof(code)] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };
	unsigned long size = sizeof(elf);
	char *argv[] = { NULL, NULL };
	char path[128];
	pid_t pid;
	int err;

	/* e_type ET_EXEC, e_machine x86_64, e_version, e_entry, e_phoff */
	elf[16] = 2, elf[18] = 62, elf[20] = 1;
	*(unsigned long *)(elf + 24) = base + entry;
	*(unsigned long *)(elf + 32) = 64;
	/* e_ehsize, e_phentsize, e_phnum */
	elf[52] = 64, elf[54] = 56, elf[56] = 1;
	/* PT_LOAD, PF_R | PF_X, offset 0, vaddr = paddr = base, filesz = memsz, align */
	elf[64] = 1, elf[68] = 5;
	*(unsigned long *)(elf + 64 + 16) = base;
	*(unsigned long *)(elf + 64 + 24) = base;
	*(unsigned long *)(elf + 64 + 32) = size;
	*(unsigned long *)(elf + 64 + 40) = size;
	*(unsigned long *)(elf + 64 + 48) = PG;
	memcpy(elf + entry, code, sizeof(code));
	err = make_file("fsbase", elf, sizeof(elf), path, sizeof(path));
	if (!UT_EXPECT(t, !err, "cannot make %s: %d", path, err))
		return;
	argv[0] = path;
	pid = fork();
	if (!pid) {
		syscall(SYS_execve, path, argv, NULL);
		_exit(127);
	}
	expect_exit(t, wait_status(pid), 0, "a program that checks its FS base is 0");
	unlink(path);
}

static long raw_arch_prctl(long code, unsigned long addr)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"(158L), "D"(code), "S"(addr)
			 : "rcx", "r11", "memory");
	return ret;
}

static unsigned long read_fs0(void)
{
	unsigned long v;

	__asm__ volatile("movq %%fs:0, %0" : "=r"(v));
	return v;
}

static void fs_selector_parent(struct utest *t, void *arg)
{
	unsigned long fsbase = 0;
	volatile unsigned long spin;
	unsigned short sel;
	pid_t pid;

	(void)arg;
	raw_arch_prctl(0x1003, (unsigned long)&fsbase);
	pid = fork();
	if (!pid) {
		struct timespec ts = { 0, 20 * 1000000L };
		int i;

		/* Musl's thread pointer points at itself: %fs:0 reads it back. */
		for (i = 0; i < 10; i++) {
			nanosleep(&ts, NULL);
			if (read_fs0() != fsbase)
				_exit(1);
		}
		_exit(0);
	}
	/*
	 * Load a data selector into FS (any program may): the base becomes the
	 * descriptor's, 0.  Spin (no system call: the clocks are the C library's), so that
	 * the child runs after us, then put
	 * our own base back before the C library needs it.
	 */
	__asm__ volatile("mov %%ss, %0; mov %0, %%fs" : "=r"(sel));
	for (spin = 0; spin < 5000000; spin++)
		;
	raw_arch_prctl(0x1002, fsbase);
	expect_exit(t, wait_status(pid), 0,
		    "a child whose FS base its parent's selector load changed");
}

/*
 * One process's FS selector load does not change another's FS base: a
 * switch loads the next task's base whatever the last one did to the
 * register.
 */
void fs_selector_load_stays_in_its_process(struct utest *t)
{
	expect_exit(t, run_in_child(t, fs_selector_parent, NULL), 0, "fs selector");
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static pid_t console_reader(void)
{
	pid_t pid = fork();

	if (!pid) {
		char c;

		read(0, &c, 1);
		_exit(0);
	}
	return pid;
}

/*
 * kill() ends a process waiting to read the console behind another
 * reader, not only the one that waits for the line.  Kestrel only: the
 * case needs a console nobody types on (Linux's standard input here is
 * whatever the build gave usertest).
 */
void kill_ends_second_console_reader(struct utest *t)
{
	pid_t first, second;
	int i, status = -1;

	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel, whose console has nothing typed");
		return;
	}
	first = console_reader();
	sleep_ms(50);
	second = console_reader();
	sleep_ms(50);
	kill(second, SIGKILL);
	for (i = 0; i < 20; i++) {
		if (raw_syscall6(SYS_wait4, second, (long)&status, WNOHANG, 0, 0, 0) == second)
			break;
		status = -1;
		sleep_ms(50);
	}
	UT_EXPECT(t, status == SIGKILL,
		  "the second reader, killed, is not dead 1 s later (status %#x)", status);
	kill(first, SIGKILL);
	expect_signal(t, wait_status(first), SIGKILL, "the first reader");
	if (status == -1)
		wait_status(second);
}

/*
 * O_CLOEXEC belongs to the descriptor, not to the open file: F_GETFD has
 * it, F_GETFL does not (Linux drops it from the file's flags at open).
 */
void cloexec_is_the_descriptors_not_the_files(struct utest *t)
{
	int fd = open(self_path, O_RDONLY | O_CLOEXEC), fl;

	if (!UT_EXPECT(t, fd >= 0, "open(%s) failed: %d", self_path, errno))
		return;
	fl = fcntl(fd, F_GETFL);
	UT_EXPECT(t, fl >= 0 && !(fl & O_CLOEXEC) && (fl & O_ACCMODE) == O_RDONLY,
		  "F_GETFL gave %#x", fl);
	UT_EXPECT(t, fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_GETFD gave %#x", fcntl(fd, F_GETFD));
	close(fd);
}

/*
 * In a child with no other child: its one child in a group of its own,
 * which wait4(0) (the caller's group) does not see and wait4(-group)
 * does.
 */
static void wait4_of_groups(struct utest *t, void *arg)
{
	pid_t pid = fork();
	long ret;

	(void)arg;
	if (!pid) {
		pause();
		_exit(0);
	}
	UT_EXPECT(t, !setpgid(pid, pid), "setpgid(child, child): %d", errno);
	kill(pid, SIGKILL);
	ret = raw_syscall6(SYS_wait4, 0, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4(0) with the child in another group returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, -0x7ffffff0, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4(-no group) returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, -pid, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == pid, "wait4(-child's group) returned %ld, not %d", ret, (int)pid);
}

/*
 * The ids at the edges of wait4() and setpgid(), as Linux's
 * kernel_wait4() and setpgid() take them: wait4(INT_MIN) is -ESRCH (no
 * group -INT_MIN exists, nor can be negated), __WNOTHREAD is a flag
 * wait4() knows (meaningless with one thread a process, but not
 * refused), and a negative pid to setpgid() is no process (-ESRCH), not
 * a bad argument, unless the group is bad too.  And wait4(0) and
 * wait4(-group) pick children by group.
 */
void wait4_and_setpgid_edge_ids(struct utest *t)
{
	pid_t pid = fork();
	long ret;

	if (!pid) {
		pause();
		_exit(0);
	}
	ret = raw_syscall6(SYS_wait4, -0x7fffffff - 1, 0, WNOHANG, 0, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "wait4(INT_MIN, WNOHANG) returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, -0x7fffffff - 1, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "wait4(INT_MIN) returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, pid, 0, WNOHANG | __WNOTHREAD, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "wait4(child, WNOHANG | __WNOTHREAD) returned %ld", ret);
	ret = raw_syscall6(SYS_wait4, pid, 0, WNOHANG | 0x40, 0, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "wait4 with the unknown flag 0x40 returned %ld", ret);
	ret = raw_syscall6(SYS_setpgid, -1, pid, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "setpgid(-1, child) returned %ld", ret);
	ret = raw_syscall6(SYS_setpgid, -1, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "setpgid(-1, 0) returned %ld", ret);
	ret = raw_syscall6(SYS_setpgid, pid, -1, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "setpgid(child, -1) returned %ld", ret);
	kill(pid, SIGKILL);
	expect_signal(t, wait_status(pid), SIGKILL, "the child");
	expect_exit(t, run_in_child(t, wait4_of_groups, NULL), 0, "a child's wait4() of groups");
}

/*
 * A zombie that init adopts (its parent exited without waiting for it)
 * is one more child's end for init to hear of: Linux's reparent_leader()
 * sends init SIGCHLD for it then, or frees it if init ignores SIGCHLD.
 * BusyBox's init reaps only when a signal wakes it.  Here the parent is
 * a clone child whose own end says SIGUSR1, so that the only SIGCHLD is
 * the zombie's.  Runs only as init (init=/bin/usertest).
 */
void adopted_zombie_sends_init_sigchld(struct utest *t)
{
	struct timespec zero = { 0, 0 };
	sigset_t set, old;
	siginfo_t si;
	pid_t a, b;
	int st, sig;

	if (getpid() != 1) {
		ut_skip(t, "only as init (init=/bin/usertest)");
		return;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	a = syscall(SYS_clone, SIGUSR1, 0, 0, 0, 0);
	if (!a) {
		b = fork();
		if (!b)
			_exit(5);
		/* Its SIGCHLD: b is a zombie now, and stays one. */
		sigemptyset(&set);
		sigaddset(&set, SIGCHLD);
		_exit(b > 0 && sigwaitinfo(&set, &si) == SIGCHLD ? 0 : 1);
	}
	UT_EXPECT(t, a > 0, "clone: %d", errno);
	UT_EXPECT(t, waitpid(a, &st, __WALL) == a && WIFEXITED(st) && !WEXITSTATUS(st),
		  "the zombie's parent: status %#x", st);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sig = sigtimedwait(&set, &si, &zero);
	UT_EXPECT(t, sig == SIGCHLD, "no SIGCHLD for the adopted zombie: %d (errno %d)", sig,
		  errno);
	if (sig == SIGCHLD) {
		UT_EXPECT(t, si.si_code == CLD_EXITED && si.si_status == 5,
			  "its siginfo: code %d, status %d", si.si_code, si.si_status);
		b = waitpid(si.si_pid, &st, WNOHANG);
		UT_EXPECT(t, b == si.si_pid && WIFEXITED(st) && WEXITSTATUS(st) == 5,
			  "the zombie %d reaped by init: %d, status %#x", (int)si.si_pid, (int)b,
			  st);
	}
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigtimedwait(&set, &si, &zero); /* a's own end */
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/*
 * A zombie keeps its process group until it is waited for, and a signal
 * sent to the group then succeeds, as one to the zombie itself does
 * (Linux's __kill_pgrp_info() counts it): a shell's kill of a job that
 * has just ended is no error.  tkill() and tgkill() to the zombie
 * succeed too.  Once reaped, the group is gone.
 */
void kill_group_of_zombies_succeeds(struct utest *t)
{
	sigset_t set, old;
	siginfo_t si;
	pid_t a;
	long ret;

	/* Its SIGCHLD, blocked and waited for, says it has ended. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	a = fork();
	if (!a) {
		setpgid(0, 0);
		_exit(0);
	}
	setpgid(a, a); /* whichever runs first: the group is there before the end */
	UT_EXPECT(t, sigwaitinfo(&set, &si) == SIGCHLD && si.si_pid == a, "no SIGCHLD from %d",
		  (int)a);
	sigprocmask(SIG_SETMASK, &old, NULL);
	ret = raw_sys(SYS_kill, -a, 0, 0);
	UT_EXPECT(t, ret == 0, "kill(-group of a zombie, 0) returned %ld", ret);
	ret = raw_sys(SYS_kill, -a, SIGTERM, 0);
	UT_EXPECT(t, ret == 0, "kill(-group of a zombie, SIGTERM) returned %ld", ret);
	ret = raw_sys(SYS_getpgid, a, 0, 0);
	UT_EXPECT(t, ret == a, "getpgid(zombie) returned %ld", ret);
	ret = raw_sys(SYS_tkill, a, SIGTERM, 0);
	UT_EXPECT(t, ret == 0, "tkill(zombie, SIGTERM) returned %ld", ret);
	ret = raw_sys(SYS_tgkill, a, a, 0);
	UT_EXPECT(t, ret == 0, "tgkill(zombie, zombie, 0) returned %ld", ret);
	ret = raw_sys(SYS_tgkill, a, a, 65);
	UT_EXPECT(t, ret == -EINVAL, "tgkill(zombie, zombie, 65) returned %ld", ret);
	expect_exit(t, wait_status(a), 0, "the zombie");
	ret = raw_sys(SYS_kill, -a, 0, 0);
	UT_EXPECT(t, ret == -ESRCH, "kill(-group of a reaped child, 0) returned %ld", ret);
}
