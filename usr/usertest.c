// SPDX-License-Identifier: GPL-2.0
/*
 * usertest: the user-space test suite, in the spirit of xv6's usertests,
 * printing KTAP as the kernel's suites do (ktap.h).  It is a static Linux
 * program, so it runs on the build machine as well as on Kestrel: every
 * case passes on Linux (the host test group checks so), and what Linux
 * answers is what Kestrel must answer.
 *
 * The cases are a table, to which each new part of user mode adds its
 * rows (fork, exec, wait, copy-on-write, brk, mmap...).  These first ones
 * need only what the first user-mode kernel gives: write on standard
 * output, getpid, exit, and a system call entry that refuses unknown
 * numbers and bad pointers.  Standard output must be something that reads
 * the bytes it is given (a terminal, the console, a pipe or a file):
 * /dev/null would take a bad pointer without looking at it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "usertest.h"

/* A system call's raw result: the value, or -errno as the kernel gives it. */
static long raw_syscall(long nr, long a, long b, long c)
{
	long ret = syscall(nr, a, b, c);

	return ret == -1 ? -errno : ret;
}

static void write_to_stdout(struct utest *t)
{
	char line[80];
	long ret;

	snprintf(line, sizeof(line), "%s# write_to_stdout: a line written by write(2)\n",
		 ktap_indent());
	ret = raw_syscall(SYS_write, STDOUT_FILENO, (long)line, strlen(line));

	UT_EXPECT(t, ret == (long)strlen(line), "ret == %ld", ret);
	ret = raw_syscall(SYS_write, STDOUT_FILENO, (long)line, 0);
	UT_EXPECT(t, ret == 0, "a write of 0 bytes returned %ld", ret);
}

static void getpid_is_stable(struct utest *t)
{
	pid_t pid = getpid();
	long raw = raw_syscall(SYS_getpid, 0, 0, 0);

	UT_EXPECT(t, pid > 0, "pid == %d", (int)pid);
	UT_EXPECT(t, raw == pid, "getpid() == %d, the system call %ld", (int)pid, raw);
	UT_EXPECT(t, getpid() == pid, "a second getpid() == %d, the first %d", (int)getpid(),
		  (int)pid);
	/* Linux reads the number as 32 bits: the high ones are ignored. */
	raw = raw_syscall(SYS_getpid | 1L << 32, 0, 0, 0);
	UT_EXPECT(t, raw == pid, "system call %#lx returned %ld, not the pid",
		  SYS_getpid | 1L << 32, raw);
}

/*
 * Numbers no Linux x86_64 system call has: past the table, and negative.
 * (Not above 2^32: Linux reads the number as an int, so such a number is
 * another system call's.)
 */
static const long unknown_numbers[] = { 1000, 4095, 0x3fffffff, -1 };

static void unknown_syscall_enosys(struct utest *t)
{
	size_t i;

	for (i = 0; i < sizeof(unknown_numbers) / sizeof(unknown_numbers[0]); i++) {
		long ret = raw_syscall(unknown_numbers[i], 0, 0, 0);

		UT_EXPECT(t, ret == -ENOSYS, "system call %ld returned %ld", unknown_numbers[i],
			  ret);
	}
}

/*
 * Buffers no user program may read: nothing is mapped at NULL or in the
 * first page; user space ends below TASK_SIZE_MAX (0x00007ffffffff000);
 * then the non-canonical hole and the kernel's half (its direct map and
 * its image).  Each must give -EFAULT and write nothing, never an oops.
 */
static const unsigned long bad_buffers[] = {
	0,
	1,
	0x00007ffffffff000UL,
	0x0000800000000000UL,
	0xffff888000000000UL,
	0xffffffff80000000UL,
};

static void write_bad_pointer_efault(struct utest *t)
{
	size_t i;

	for (i = 0; i < sizeof(bad_buffers) / sizeof(bad_buffers[0]); i++) {
		long ret = raw_syscall(SYS_write, STDOUT_FILENO, (long)bad_buffers[i], 16);

		UT_EXPECT(t, ret == -EFAULT, "write(1, %#lx, 16) returned %ld", bad_buffers[i],
			  ret);
	}
}

static const struct utest_case usertest_cases[] = {
	UT_CASE(write_to_stdout),
	UT_CASE(getpid_is_stable),
	UT_CASE(unknown_syscall_enosys),
	UT_CASE(write_bad_pointer_efault),
	/* ut_process.c */
	UT_CASE(exit_status_reaches_wait4),
	UT_CASE(fork_keeps_callee_saved_registers),
	UT_CASE(wait4_pid_any_and_wnohang),
	UT_CASE(zombie_keeps_its_status),
	UT_CASE(orphan_is_reparented),
	UT_CASE(vfork_child_runs_first_in_parent_memory),
	UT_CASE(kill_ends_sleeping_child),
	UT_CASE(kill_ends_spinning_child),
	UT_CASE(kill_bad_pid_and_signal_zero),
	/* ut_exec.c */
	UT_CASE(exec_exit_code_reaches_parent),
	UT_CASE(exec_argv_envp_intact),
	UT_CASE(exec_bad_name_or_pointers),
	UT_CASE(exec_thousands_of_args_and_a_long_one),
	UT_CASE(exec_too_big_e2big_caller_continues),
	UT_CASE(exec_corrupt_files_enoexec),
	/* ut_memory.c */
	UT_CASE(cow_global_heap_and_stack),
	UT_CASE(brk_grows_and_shrinks),
	UT_CASE(mmap_anonymous_hint_and_fixed),
	UT_CASE(munmap_middle_keeps_both_sides),
	UT_CASE(mprotect_readonly_write_dies),
	UT_CASE(mmap_wx_and_bad_arguments),
	/* ut_uaccess.c */
	UT_CASE(copyin_copyout_reject_bad_addresses),
	UT_CASE(wait4_bad_status_efault_still_reaps),
	UT_CASE(syscalls_with_every_pointer_bad),
	/* ut_faults.c */
	UT_CASE(fault_null_read),
	UT_CASE(fault_kernel_write),
	UT_CASE(fault_kernel_read),
	UT_CASE(fault_noncanonical_read),
	UT_CASE(fault_exec_stack),
	UT_CASE(fault_exec_heap),
	UT_CASE(fault_write_text),
	UT_CASE(fault_divide_error),
	UT_CASE(fault_invalid_opcode),
	UT_CASE(fault_privileged_instructions),
	UT_CASE(fault_stack_overflow),
	/* ut_regress.c */
	UT_CASE(exit_status_keeps_only_low_byte),
	UT_CASE(brk_grows_writable_after_mprotect),
	UT_CASE(mmap_hint_stays_out_of_stack_gap),
	UT_CASE(kill_init_is_ignored),
	UT_CASE(exec_clears_fs_base),
	UT_CASE(fs_selector_load_stays_in_its_process),
	UT_CASE(kill_ends_second_console_reader),
	UT_CASE(cloexec_is_the_descriptors_not_the_files),
	/* ut_signal.c */
	UT_CASE(signal_handler_gets_siginfo),
	UT_CASE(sigreturn_restores_every_register),
	UT_CASE(signal_interrupts_wait4_and_nanosleep),
	UT_CASE(signal_masks_block_and_unblock),
	UT_CASE(sigsegv_handler_gets_address_and_longjmps),
	UT_CASE(rt_sigaction_bad_arguments),
	UT_CASE(rt_sigreturn_corrupt_frame_segfaults),
	UT_CASE(stop_and_continue_seen_by_wait4),
	UT_CASE(sigchld_arrives_and_sig_ign_reaps),
	UT_CASE(kill_process_group),
	UT_CASE(execve_resets_handlers),
	UT_CASE(signal_reaches_a_spinning_process),
	UT_CASE(sigaltstack_runs_handler_there),
	UT_CASE(sigtimedwait_takes_a_signal),
	UT_CASE(signal_interrupts_console_read),
	UT_CASE(unwritable_frame_gives_sigsegv),
	{},
};

/*
 * usertest is also the program its exec cases run, in a mode named by
 * its first argument; anything else is ktap_run()'s (nested, fail=CASE).
 *
 *	usertest exit N		exit with N at once
 *	usertest argcheck ...	exit 0 if argv and envp are exec_argv_envp_intact's
 *	usertest bigargs K L S a0 ... a(K-1)
 *				exit 0 if S is L 'x's and K numbered arguments follow
 *	usertest sigstate	exit 0 if execve() reset the signals as
 *				execve_resets_handlers set them
 */
int main(int argc, char **argv, char **envp)
{
	if (argv[0] && strchr(argv[0], '/'))
		self_path = argv[0];
	if (argc == 3 && !strcmp(argv[1], "exit"))
		return atoi(argv[2]);
	if (argc >= 2 && !strcmp(argv[1], "argcheck"))
		return mode_argcheck(argc, argv, envp);
	if (argc >= 2 && !strcmp(argv[1], "bigargs"))
		return mode_bigargs(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "cycles"))
		return mode_cycles(argc, argv);
	if (argc == 2 && !strcmp(argv[1], "sigstate"))
		return mode_sigstate();
	return ktap_run("usertest", usertest_cases, argc, argv);
}
