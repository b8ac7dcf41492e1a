// SPDX-License-Identifier: GPL-2.0
/*
 * The user-mode benchmark boot mode: "bench=user" on the command line
 * makes init measure processes in place of the test suites.
 *
 * The figures are a program's to take (usr/ubench.c: the null system
 * call, fork, execve, page faults, a switch between processes), so init
 * runs /bin/ubench from the initramfs and waits for it.  The one figure
 * a program cannot take is its comparison: a one-way switch between two
 * kernel threads that yield to each other, measured here the way ubench
 * measures two processes, with interrupts on.  Under QEMU with -icount
 * shift=0 rdtsc counts instructions, in the kernel and in ring 3 alike
 * (scripts/bench-user boots it so, once per fork design, with and
 * without page table isolation).
 */
#include <asm/cpu.h>
#include <kernel/boot_mode.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>

#define YIELDS 2000

static u64 pingpong_cycles;

/* Both threads yield YIELDS times; the first one times its loop. */
static int pingpong(void *timed)
{
	unsigned int i;
	u64 start;

	yield(); /* both are running before anything is counted */
	start = rdtsc();
	for (i = 0; i < YIELDS; i++)
		yield();
	if (timed)
		pingpong_cycles = rdtsc() - start;
	return 0;
}

/* Hundredths of an instruction per one-way switch, or 0 if a thread failed. */
static unsigned long kthread_switch(void)
{
	struct task_struct *a = kthread_create(pingpong, (void *)1L, "ping");
	struct task_struct *b = kthread_create(pingpong, NULL, "pong");

	if (IS_ERR(a) || IS_ERR(b))
		return 0;
	wake_up_process(a);
	wake_up_process(b);
	if (task_wait(a->pid, NULL) || task_wait(b->pid, NULL))
		return 0;
	/* Each of the timed thread's yields is two switches: away and back. */
	return pingpong_cycles * 100 / (2 * YIELDS);
}

static void user_bench(void)
{
	static const char *const argv[] = { "/bin/ubench", NULL };
	static const char *const envp[] = { "HOME=/", NULL };
	unsigned long h = kthread_switch();
	int pid, status = 0;
	long ret;

	pr_info("user_bench: one-way switch, two kernel threads yielding: %lu.%02lu "
		"instructions\n",
		h / 100, h % 100);
	pid = spawn_process(argv, envp);
	ret = pid < 0 ? pid : kernel_wait4(pid, &status, 0);
	if (ret < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		pr_err("user_bench: /bin/ubench failed (%ld, wait status %#x)\n", ret, status);
		return;
	}
	pr_info("user_bench: done\n");
}
BOOT_MODE("bench", user, "system calls, fork, execve, page faults and switches of processes",
	  user_bench, .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("user_bench: one-way switch, two kernel threads yielding: ",
				     "ubench: null system call (getpid): ", "ubench: done",
				     "user_bench: done"));
