// SPDX-License-Identifier: GPL-2.0
/*
 * The user-mode benchmark boot mode: "bench=user" on the command line
 * makes init measure processes in place of the test suites.
 *
 * The figures are a program's to take (usr/ubench.c: the null system
 * call, fork, execve, page faults, a switch between processes), so init
 * runs /bin/ubench from the initramfs and waits for it.  The one figure
 * a program cannot take is its comparison: a one-way switch between two
 * kernel threads that yield to each other (bench_switch()), measured
 * the way ubench measures two processes, with interrupts on.  Under QEMU with -icount
 * shift=0 rdtsc counts instructions, in the kernel and in ring 3 alike
 * (scripts/bench-user boots it so, once per fork design, with and
 * without page table isolation).
 */
#include <kernel/bench_switch.h>
#include <kernel/boot_mode.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>

#define YIELDS 2000

static void user_bench(void)
{
	static const char *const argv[] = { "/bin/ubench", NULL };
	static const char *const envp[] = { "HOME=/", NULL };
	unsigned long h = bench_switch(YIELDS, false);
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
