// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's review cases: what a Linux program sees that the first
 * version of the process and memory calls did otherwise.  Each passes on
 * Linux; each failed on Kestrel when it was written.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

/* Only the low 8 bits of exit()'s code are the status: exit(256) is exit(0), as wait4() shows it. */
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
			  "exit_group(%#x) gave the raw wait status %#x, not %#x", codes[i],
			  status, (codes[i] & 0xff) << 8);
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
		void *p = mmap(hint, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

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
		ut_skip(t, "not init");
		return;
	}
	UT_EXPECT(t, !kill(1, SIGTERM), "kill(1, SIGTERM) failed: %d", errno);
	UT_EXPECT(t, !kill(1, SIGKILL), "kill(1, SIGKILL) failed: %d", errno);
	UT_EXPECT(t, getpid() == 1, "init is still there");
}
