// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's process group and session cases: setsid, setpgid, getpgid,
 * getsid, and kill() of a whole group, with Linux's rules and error
 * numbers (kernel/pgrp.c).  A shell's job control stands on these: each
 * job in a group of its own, signalled as one.
 *
 * Each case runs in a child (run_in_child()): setsid() and setpgid()
 * change the caller's ids for good, and the suite's own process must keep
 * the ones it was started with, on Linux as on Kestrel.
 */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

static void expect_ret(struct utest *t, long got, long want, const char *what)
{
	UT_EXPECT(t, got == want, "%s returned %ld, not %ld", what, got, want);
}

/* A child that sleeps until a signal ends it; its pid. */
static pid_t sleeper(void)
{
	pid_t pid = fork();

	if (!pid) {
		struct timespec ts = { 1, 0 };

		for (;;)
			nanosleep(&ts, NULL);
	}
	return pid;
}

static void session_case(struct utest *t, void *arg)
{
	long pid = getpid();

	(void)arg;
	UT_EXPECT(t, raw_sys(SYS_getsid, 0, 0, 0) != pid, "a forked child leads its session");
	UT_EXPECT(t, raw_sys(SYS_setsid, 0, 0, 0) == pid, "setsid() did not give the pid");
	UT_EXPECT(t, raw_sys(SYS_getsid, 0, 0, 0) == pid, "getsid(0) is not the new session");
	UT_EXPECT(t, raw_sys(SYS_getpgid, 0, 0, 0) == pid, "getpgid(0) is not the new group");
	UT_EXPECT(t, raw_sys(SYS_getpgrp, 0, 0, 0) == pid, "getpgrp() is not the new group");
	/* Now a group leader: a second session would split its group. */
	UT_EXPECT(t, raw_sys(SYS_setsid, 0, 0, 0) == -EPERM, "a second setsid() was allowed");
	/* A session leader stays in its group. */
	UT_EXPECT(t, raw_sys(SYS_setpgid, 0, 0, 0) == -EPERM,
		  "a session leader moved to another group");
	UT_EXPECT(t, raw_sys(SYS_getsid, 0x7ffffff0, 0, 0) == -ESRCH, "getsid of no process");
	UT_EXPECT(t, raw_sys(SYS_getpgid, -1, 0, 0) == -ESRCH, "getpgid(-1)");
}

void setsid_leads_a_new_session_and_group(struct utest *t)
{
	expect_exit(t, run_in_child(t, session_case, NULL), 0, "the child's checks");
}

static void setpgid_case(struct utest *t, void *arg)
{
	char *argv[] = { (char *)self_path, "exit", "0", NULL };
	long me = getpid();
	pid_t c, e;

	(void)arg;
	expect_ret(t, raw_sys(SYS_setpgid, 0, -1, 0), -EINVAL, "setpgid(0, -1)");
	expect_ret(t, raw_sys(SYS_setpgid, 0x7ffffff0, 0, 0), -ESRCH, "setpgid of no process");
	/* Not a child of the caller: its parent's choice, not ours. */
	expect_ret(t, raw_sys(SYS_setpgid, getppid(), 0, 0), -ESRCH, "setpgid of the parent");
	c = sleeper();
	if (c < 0) {
		UT_EXPECT(t, 0, "fork failed");
		return;
	}
	expect_ret(t, raw_sys(SYS_setpgid, c, 0, 0), 0, "setpgid(child, 0)");
	UT_EXPECT(t, raw_sys(SYS_getpgid, c, 0, 0) == c, "the child is not in its own group");
	/* A group that no process of the session is in. */
	expect_ret(t, raw_sys(SYS_setpgid, c, 0x7ffffff0, 0), -EPERM, "setpgid into no group");
	UT_EXPECT(t, raw_sys(SYS_getpgid, c, 0, 0) == c, "a refused setpgid moved the child");
	/* Into the child's group and back: both exist in the session. */
	expect_ret(t, raw_sys(SYS_setpgid, 0, c, 0), 0, "joining the child's group");
	UT_EXPECT(t, raw_sys(SYS_getpgrp, 0, 0, 0) == c, "not in the child's group");
	expect_ret(t, raw_sys(SYS_setpgid, 0, 0, 0), 0, "back to a group of one's own");
	UT_EXPECT(t, raw_sys(SYS_getpgrp, 0, 0, 0) == me, "not back in one's own group");
	kill(c, SIGKILL);
	wait_status(c);
	/* A child that has called execve() is its own program's now. */
	e = vfork();
	if (!e) {
		execve(self_path, argv, NULL);
		_exit(127);
	}
	expect_ret(t, raw_sys(SYS_setpgid, e, 0, 0), -EACCES, "setpgid of a child after execve");
	expect_exit(t, wait_status(e), 0, "the exec'd child");
}

void setpgid_follows_linux_rules(struct utest *t)
{
	expect_exit(t, run_in_child(t, setpgid_case, NULL), 0, "the child's checks");
}

static void group_kill_case(struct utest *t, void *arg)
{
	pid_t a = sleeper(), b = sleeper();

	(void)arg;
	if (a < 0 || b < 0) {
		UT_EXPECT(t, 0, "fork failed");
		return;
	}
	UT_EXPECT(t, raw_sys(SYS_setpgid, a, a, 0) == 0, "a's own group");
	UT_EXPECT(t, raw_sys(SYS_setpgid, b, a, 0) == 0, "b into a's group");
	expect_ret(t, raw_sys(SYS_kill, -a, SIGTERM, 0), 0, "kill(-group)");
	expect_signal(t, wait_status(a), SIGTERM, "the group's leader");
	expect_signal(t, wait_status(b), SIGTERM, "the group's other member");
	/* The caller was not in the group, and lives: this line runs. */
	expect_ret(t, raw_sys(SYS_kill, -a, 0, 0), -ESRCH, "kill of a group with no one left");
}

void kill_reaches_a_process_group(struct utest *t)
{
	expect_exit(t, run_in_child(t, group_kill_case, NULL), 0, "the child's checks");
}
