// SPDX-License-Identifier: GPL-2.0
/*
 * The procfs suite (with CONFIG_KTEST_VFS): a task's directory comes
 * with the task and goes once it is collected, a file of it held open
 * reads -ESRCH then, and everything it took (dentries, inodes, buffers,
 * the open file) comes back, to the heap object and the frame, once the
 * file is closed and the flush has run; /proc lists every task; names
 * of pids are read as Linux reads them.
 */
#include <kernel/completion.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "../vfs_test.h"
#include "internal.h"

static int sleeper(void *arg)
{
	wait_for_completion(arg);
	return 7;
}

static void task_dir_comes_and_goes_with_its_task(struct ktest *t)
{
	struct vfs_snapshot before;
	char path[48], buf[256], want[48];
	struct completion go;
	struct path p;
	int round;

	for (round = 0; round < 2; round++) {
		struct task_struct *task;
		struct file *f;
		int pid, code = 0;
		loff_t pos = 0;
		ssize_t n;

		proc_flush_sync();
		vfs_snap(&before);
		init_completion(&go);
		task = kthread_run(sleeper, &go, "procsleeper");
		KTEST_ASSERT_TRUE(t, !IS_ERR(task));
		pid = task->pid;
		snprintf(path, sizeof(path), "/proc/%d/stat", pid);
		f = filp_open(path, O_RDONLY, 0);
		KTEST_EXPECT_TRUE(t, !IS_ERR(f));
		n = IS_ERR(f) ? PTR_ERR(f) : kernel_read(f, buf, sizeof(buf) - 1, &pos);
		KTEST_EXPECT_GT(t, n, 0);
		buf[n > 0 ? n : 0] = '\0';
		snprintf(want, sizeof(want), "%d (procsleeper) ", pid);
		KTEST_EXPECT_EQ(t, strncmp(buf, want, strlen(want)), 0);
		complete(&go);
		KTEST_EXPECT_EQ(t, task_wait(pid, &code), 0);
		KTEST_EXPECT_EQ(t, code, 7);
		pos = 0;
		if (!IS_ERR(f)) {
			KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), -ESRCH);
			filp_close(f);
		}
		/* The flush alone takes the task's entries out of the tree and frees them. */
		proc_flush_sync();
		if (round) /* the first round grew the heap's caches */
			vfs_expect_no_leak(t, &before,
					   "a task's /proc/PID/stat opened, read, closed");
		KTEST_EXPECT_EQ(t, kern_path(path, 0, &p), -ENOENT);
		snprintf(path, sizeof(path), "/proc/%d", pid);
		KTEST_EXPECT_EQ(t, kern_path(path, 0, &p), -ENOENT);
	}
}

struct listing {
	struct dir_context ctx;
	int tasks;
	bool self, init;
};

static bool count_entry(struct dir_context *ctx, const char *name, int len, loff_t off, u64 ino,
			unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);

	if (proc_name_to_int(name, len) > 0)
		l->tasks++;
	l->init |= len == 1 && name[0] == '1';
	l->self |= len == 4 && !memcmp(name, "self", 4);
	return true;
}

static void root_lists_every_task(struct ktest *t)
{
	struct listing l = { .ctx.actor = count_entry };
	struct file *dir = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);

	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	KTEST_EXPECT_EQ(t, iterate_dir(dir, &l.ctx), 0);
	filp_close(dir);
	KTEST_EXPECT_TRUE(t, l.self);
	KTEST_EXPECT_TRUE(t, l.init);
	KTEST_EXPECT_EQ(t, l.tasks, (int)nr_tasks() - 1); /* not the idle task */
}

static void pid_names_as_linux_reads_them(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, proc_name_to_int("0", 1), 0);
	KTEST_EXPECT_EQ(t, proc_name_to_int("42", 2), 42);
	KTEST_EXPECT_EQ(t, proc_name_to_int("2147483647", 10), 0x7fffffff);
	KTEST_EXPECT_EQ(t, proc_name_to_int("2147483648", 10), -1);
	KTEST_EXPECT_EQ(t, proc_name_to_int("042", 3), -1);
	KTEST_EXPECT_EQ(t, proc_name_to_int("4x", 2), -1);
	KTEST_EXPECT_EQ(t, proc_name_to_int("", 0), -1);
	KTEST_EXPECT_EQ(t, proc_name_to_int("12345678901", 11), -1);
}

static const struct ktest_case procfs_cases[] = {
	KTEST_CASE(task_dir_comes_and_goes_with_its_task),
	KTEST_CASE(root_lists_every_task),
	KTEST_CASE(pid_names_as_linux_reads_them),
	{},
};
KTEST_SUITE(procfs, procfs_cases);
