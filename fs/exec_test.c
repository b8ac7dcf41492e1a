// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of processes and programs, with the programs of the initramfs.
 *
 * /bin/usertest is the user-space test program (usr/usertest.c): with
 * "nested" it prints its KTAP one level down, as a subtest of the case
 * that runs it here, and exits with the number of its failed cases.  The
 * kernel's side is checked here: the exit status, and that a program
 * that ran (many times) gave back every frame and heap block.
 */
#include <asm/irqflags.h>
#include <kernel/cpumask.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/page_alloc.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/time.h>

static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };

/* Run @argv to its end; its wait status, or a negative errno. */
static int run(const char *const argv[])
{
	int pid = spawn_process(argv, envp), status;
	long ret;

	if (pid < 0)
		return pid;
	ret = kernel_wait4(pid, &status, 0);
	return ret == pid ? status : (int)ret;
}

static void usertest_passes(struct ktest *t)
{
	static const char *const argv[] = { "/bin/usertest", "nested", NULL };
	int status = run(argv);

	KTEST_ASSERT_TRUE(t, status >= 0);
	KTEST_EXPECT_TRUE(t, WIFEXITED(status));
	KTEST_EXPECT_EQ(t, WEXITSTATUS(status), 0);
}

/* Once the first run has filled the caches that stay filled, each run gives everything back. */
static void programs_give_back_every_page_and_block(struct ktest *t)
{
	static const char *const argv[] = { "/bin/hello", NULL };
	unsigned long free, blocks;
	int i;

	KTEST_ASSERT_EQ(t, run(argv), 0);
	free = nr_free_pages();
	blocks = heap_in_use();
	for (i = 0; i < 20; i++)
		KTEST_ASSERT_EQ(t, run(argv), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

/*
 * Cycles of @mode ("usertest cycles N", "usertest pipes N"), made by a
 * program, leave the free frames and the heap's blocks in use exactly as
 * they were, after two first cycles have filled what stays filled: a leak
 * of one page or one block a cycle shows.
 */
static void cycles_leak_nothing(struct ktest *t, const char *mode, const char *n)
{
	const char *const warm[] = { "/bin/usertest", mode, "2", NULL };
	const char *const argv[] = { "/bin/usertest", mode, n, NULL };
	unsigned long free, blocks;

	KTEST_ASSERT_EQ(t, run(warm), 0);
	free = nr_free_pages();
	blocks = heap_in_use();
	KTEST_ASSERT_EQ(t, run(argv), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	KTEST_EXPECT_EQ(t, heap_in_use(), blocks);
}

/*
 * Fork/exec/exit/wait cycles.  A hundred, to keep every test boot short;
 * a thousand passed too when the case was written, and take ten times as
 * long.
 */
static void fork_exec_cycles_leak_nothing(struct ktest *t)
{
	cycles_leak_nothing(t, "cycles", "100");
}

/*
 * A thousand pipes made, used and closed give back every frame (the
 * pipe's page) and heap block (pipe, inode, dentry, files).
 */
static void pipe_cycles_leak_nothing(struct ktest *t)
{
	cycles_leak_nothing(t, "pipes", "1000");
}

/* What is not a program ends the child with 127 (exec's error), and nothing else. */
static void exec_refuses_what_is_not_a_program(struct ktest *t)
{
	static const char *const missing[] = { "/bin/no-such-program", NULL };
	static const char *const device[] = { "/dev/null", NULL };
	static const char *const dir[] = { "/bin", NULL };
	static const char *const empty[] = { NULL };

	KTEST_EXPECT_EQ(t, run(missing), W_EXITCODE(127, 0));
	KTEST_EXPECT_EQ(t, run(device), W_EXITCODE(127, 0));
	KTEST_EXPECT_EQ(t, run(dir), W_EXITCODE(127, 0));
	KTEST_EXPECT_EQ(t, spawn_process(empty, envp), -EINVAL);
	KTEST_EXPECT_EQ(t, spawn_process(NULL, envp), -EINVAL);
}

/* wait4() of a child there is not: -ECHILD at once, with or without WNOHANG. */
static void wait4_without_children(struct ktest *t)
{
	int status = 12345;

	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, 0), -ECHILD);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, WNOHANG), -ECHILD);
	KTEST_EXPECT_EQ(t, kernel_wait4(1, &status, 0), -ECHILD);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, 0x100), -EINVAL);
	KTEST_EXPECT_EQ(t, status, 12345);
}

static int spawn_and_leave(void *arg)
{
	static const char *const argv[] = { "/bin/hello", NULL };

	*(int *)arg = spawn_process(argv, envp);
	return 0;
}

static bool task_gone(int pid)
{
	unsigned long flags = local_irq_save();
	bool gone = !find_task_by_pid(pid);

	local_irq_restore(flags);
	return gone;
}

/*
 * A kernel thread that starts a program and ends without waiting for it
 * leaves it to nobody, as a process's children go: the program, once
 * ended, is freed, and never reaches its dead parent.
 */
static void kthread_parent_exit_leaves_no_zombie(struct ktest *t)
{
	struct task_struct *k;
	int pid = 0, i;

	k = kthread_run(spawn_and_leave, &pid, "spawner");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_ASSERT_EQ(t, task_wait(k->pid, NULL), 0);
	KTEST_ASSERT_TRUE(t, pid > 0);
	for (i = 0; i < 100 && !task_gone(pid); i++)
		msleep(10);
	KTEST_EXPECT_TRUE(t, task_gone(pid));
}

static const struct ktest_case exec_cases[] = {
	KTEST_CASE(usertest_passes),
	KTEST_CASE(programs_give_back_every_page_and_block),
	KTEST_CASE(fork_exec_cycles_leak_nothing),
	KTEST_CASE(pipe_cycles_leak_nothing),
	KTEST_CASE(exec_refuses_what_is_not_a_program),
	KTEST_CASE(wait4_without_children),
	KTEST_CASE(kthread_parent_exit_leaves_no_zombie),
	{},
};
KTEST_SUITE(exec, exec_cases);

/*
 * usertest again, its processes free to use every CPU: the exec suite's
 * run keeps them on the boot CPU, as the runner keeps its suites.  Its
 * own cases pin processes to each CPU, run CPU hogs side by side, and
 * read /proc of a process that changes on another CPU.
 */
static void usertest_passes_on_every_cpu(struct ktest *t)
{
	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU: the exec suite's usertest was this run");
		return;
	}
	usertest_passes(t);
}

static const struct ktest_case exec_smp_cases[] = {
	KTEST_CASE(usertest_passes_on_every_cpu),
	{},
};
KTEST_SUITE_SMP(exec_smp, exec_smp_cases);
