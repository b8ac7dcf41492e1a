// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's copyin/copyout cases: every system call that reads or
 * writes user memory refuses an address a program may not use with
 * -EFAULT, and nothing crashes.  The addresses: NULL, the kernel's direct
 * map and its image, the first non-canonical address, and a user address
 * that was mapped and is not any more.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

#define NR_BAD 5

/* The bad addresses; the last one, unmapped, is found at run time. */
static void bad_addresses(unsigned long bad[NR_BAD])
{
	void *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	bad[0] = 0;
	bad[1] = 0xffff888000000000UL;
	bad[2] = 0xffffffff80000000UL;
	bad[3] = 0x0000800000000000UL;
	bad[4] = (unsigned long)p;
	if (p != MAP_FAILED)
		munmap(p, PG);
}

#define EXPECT_EFAULT(t, call, addr)                                                         \
	do {                                                                                 \
		long __r = (call);                                                           \
		UT_EXPECT(t, __r == -EFAULT, "%s with %#lx returned %ld", #call, addr, __r); \
	} while (0)

void copyin_copyout_reject_bad_addresses(struct utest *t)
{
	unsigned long bad[NR_BAD];
	char st[256];
	int fd = open(self_path, O_RDONLY), i;

	if (!UT_EXPECT(t, fd >= 0, "open(%s): %s", self_path, strerror(errno)))
		return;
	bad_addresses(bad);
	for (i = 0; i < NR_BAD; i++) {
		unsigned long b = bad[i];

		EXPECT_EFAULT(t, raw_sys(SYS_read, fd, b, 16), b);
		EXPECT_EFAULT(t, raw_sys(SYS_pread64, fd, b, 16), b);
		EXPECT_EFAULT(t, raw_sys(SYS_write, STDOUT_FILENO, b, 16), b);
		EXPECT_EFAULT(t, raw_sys(SYS_stat, b, st, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_stat, "/", b, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_fstat, fd, b, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_open, b, O_RDONLY, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_getcwd, b, 256, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_uname, b, 0, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_chdir, b, 0, 0), b);
		EXPECT_EFAULT(t, raw_sys(SYS_nanosleep, b, 0, 0), b);
	}
	/* The file is still open and at its start: nothing was read. */
	UT_EXPECT(t, read(fd, st, 4) == 4 && !memcmp(st, "\177ELF", 4), "the file moved");
	close(fd);
}

void wait4_bad_status_efault_still_reaps(struct utest *t)
{
	unsigned long bad[NR_BAD];
	int i;

	bad_addresses(bad);
	for (i = 0; i < NR_BAD; i++) {
		pid_t pid = vfork(); /* cheaper than fork(): no copy */
		long ret;

		if (!pid)
			_exit(5);
		ret = raw_syscall6(SYS_wait4, pid, bad[i], 0, 0, 0, 0);
		/* NULL means "no status wanted" and is no fault. */
		if (!bad[i])
			UT_EXPECT(t, ret == pid, "wait4(pid, NULL) returned %ld", ret);
		else
			UT_EXPECT(t, ret == -EFAULT, "wait4 with %#lx returned %ld", bad[i], ret);
		/* Either way the child is gone, as Linux reaps it before it writes. */
		ret = raw_syscall6(SYS_wait4, pid, 0, WNOHANG, 0, 0, 0);
		UT_EXPECT(t, ret == -ECHILD, "wait4 again returned %ld", ret);
	}
}

static void every_pointer_bad(struct utest *t, void *arg)
{
	const unsigned long b = 0xffff888000000000UL, n = 0x0000800000000000UL;
	int fd = open(self_path, O_RDONLY), dir = open("/", O_RDONLY | O_DIRECTORY);

	(void)arg;
	UT_EXPECT(t, fd >= 0 && dir >= 0, "open failed");
	EXPECT_EFAULT(t, raw_syscall6(SYS_execve, b, n, b, 0, 0, 0), b);
	EXPECT_EFAULT(t, raw_syscall6(SYS_newfstatat, AT_FDCWD, b, n, 0, 0, 0), b);
	EXPECT_EFAULT(t, raw_syscall6(SYS_openat, AT_FDCWD, n, O_RDONLY, 0, 0, 0), n);
	EXPECT_EFAULT(t, raw_syscall6(SYS_nanosleep, b, n, 0, 0, 0, 0), b);
	EXPECT_EFAULT(t, raw_syscall6(SYS_readv, fd, b, 2, 0, 0, 0), b);
	EXPECT_EFAULT(t, raw_syscall6(SYS_writev, STDOUT_FILENO, n, 2, 0, 0, 0), n);
	EXPECT_EFAULT(t, raw_syscall6(SYS_getdents64, dir, b, 4096, 0, 0, 0), b);
	EXPECT_EFAULT(t, raw_syscall6(SYS_stat, b, n, 0, 0, 0, 0), b);
	EXPECT_EFAULT(t, raw_syscall6(SYS_getcwd, n, 4096, 0, 0, 0, 0), n);
	close(fd);
	close(dir);
}

void syscalls_with_every_pointer_bad(struct utest *t)
{
	/* In a child, which must come through them alive and exit 0. */
	expect_exit(t, run_in_child(t, every_pointer_bad, NULL), 0, "the child");
}
