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
	UT_CASE(many_children_end_at_once_each_reaped),
	/* ut_pgrp.c */
	UT_CASE(setsid_leads_a_new_session_and_group),
	UT_CASE(setpgid_follows_linux_rules),
	UT_CASE(kill_reaches_a_process_group),
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
	/* ut_tty.c */
	UT_CASE(tty_ioctls_error_codes),
	UT_CASE(tty_tcgets_tcsets_round_trip),
	UT_CASE(tty_winsize),
	UT_CASE(tty_dev_tty_without_ctty_enxio),
	UT_CASE(tty_tcsetpgrp_rules),
	UT_CASE(tty_session_leader_exit_frees_it),
	UT_CASE(tty_orphaned_background_gets_eio),
	UT_CASE(tty_background_job_sigttin_sigttou),
	UT_CASE(tty_typed_line_and_interrupt),
	UT_CASE(tty_long_write_stops_for_a_signal),
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
	UT_CASE(wait4_and_setpgid_edge_ids),
	UT_CASE(adopted_zombie_sends_init_sigchld),
	UT_CASE(kill_group_of_zombies_succeeds),
	/* ut_time.c */
	UT_CASE(clocks_are_monotonic),
	UT_CASE(realtime_is_the_date),
	UT_CASE(gettimeofday_agrees_with_clock_gettime),
	UT_CASE(clock_getres_and_bad_clocks),
	UT_CASE(time_calls_refuse_bad_arguments),
	UT_CASE(nanosleep_sleeps_at_least_the_time_asked),
	UT_CASE(clock_nanosleep_abstime),
	UT_CASE(settimeofday_moves_only_the_date),
	/* ut_misc.c */
	UT_CASE(getrandom_fills_and_differs),
	UT_CASE(getrandom_refuses_bad_flags_and_pointers),
	UT_CASE(getrandom_caps_a_huge_length),
	UT_CASE(dev_urandom_and_random_read),
	UT_CASE(rlimits_round_trip_and_refuse),
	UT_CASE(rlimit_nofile_inherited_and_enforced),
	UT_CASE(prctl_name_deathsig_dumpable),
	UT_CASE(sethostname_shows_in_uname),
	UT_CASE(sched_affinity_and_policy),
	UT_CASE(nice_round_trip),
	UT_CASE(times_and_getrusage_count_cpu),
	UT_CASE(alarm_delivers_sigalrm),
	UT_CASE(itimer_real_round_trip),
	UT_CASE(itimer_interval_fires),
	UT_CASE(robust_list_round_trip),
	UT_CASE(ids_are_root),
	UT_CASE(rseq_is_enosys),
	UT_CASE(reboot_refuses_bad_magic),
	/* ut_syslog.c */
	UT_CASE(syslog_read_all_gives_lines_with_levels),
	UT_CASE(syslog_refuses_bad_arguments),
	UT_CASE(syslog_read_consumes_and_waits),
	UT_CASE(syslog_read_gives_a_long_record_in_parts),
	UT_CASE(syslog_read_fault_takes_nothing),
	UT_CASE(syslog_console_off_and_on),
	UT_CASE(calls_left_out_are_enosys_unlogged),
	/* ut_proc.c */
	UT_CASE(proc_self_stat_parses_as_busybox),
	UT_CASE(proc_pid_of_child_appears_and_goes_when_reaped),
	UT_CASE(proc_stat_held_open_reads_esrch_once_gone),
	UT_CASE(proc_self_exe_names_the_program),
	UT_CASE(proc_cmdline_round_trips_argv),
	UT_CASE(meminfo_memfree_falls_when_memory_is_touched),
	UT_CASE(sysinfo_agrees_with_meminfo),
	UT_CASE(getdents_proc_lists_live_pids),
	UT_CASE(proc_files_refuse_writes),
	UT_CASE(times_and_getrusage_count_cpu_time),
	UT_CASE(proc_file_shared_by_two_readers),
	UT_CASE(proc_is_its_own_file_system),
	UT_CASE(proc_refuses_new_names_as_linux),
	/* ut_files.c */
	UT_CASE(files_written_read_back_and_truncated),
	UT_CASE(mkdir_unlink_rmdir_errors),
	UT_CASE(rename_over_files_itself_and_directories),
	UT_CASE(links_symlinks_and_readlink),
	UT_CASE(access_chmod_chown_times_umask),
	UT_CASE(fsync_statfs_and_mknod),
	UT_CASE(fcntl_dup_and_close_range),
	UT_CASE(sendfile_copies_and_checks),
	UT_CASE(close_on_exec_closes_at_execve),
	UT_CASE(o_path_is_a_place_not_an_open_file),
	UT_CASE(getdents_and_getdents64_agree),
	UT_CASE(rename_and_link_across_file_systems_exdev),
	UT_CASE(o_creat_through_a_dangling_symlink),
	UT_CASE(readv_writev_check_every_vector_first),
	UT_CASE(copy_file_range_same_file_cut_at_eof),
	UT_CASE(offsets_that_overflow_are_einval),
	UT_CASE(sendfile_refuses_huge_counts_and_offsets),
	UT_CASE(utimensat_omit_fstatat_cwd_prlimit_esrch),
	UT_CASE(links_nested_forty_deep),
	/* ut_pipe.c */
	UT_CASE(pipe_reads_back_and_ends_at_eof),
	UT_CASE(pipe_read_into_bad_buffer_keeps_bytes),
	UT_CASE(pipe_without_reader_sigpipe),
	UT_CASE(pipe_capacity_nonblock_and_fionread),
	UT_CASE(pipe_buf_writes_are_atomic),
	UT_CASE(poll_pipe_with_and_without_timeout),
	UT_CASE(poll_restarts_with_the_time_left),
	UT_CASE(select_pipe_and_errors),
	UT_CASE(ppoll_and_pselect6_apply_their_sigmask),
	UT_CASE(fifo_opens_by_linux_rules),
	/* ut_signal.c */
	UT_CASE(signal_handler_gets_siginfo),
	UT_CASE(sigreturn_restores_every_register),
	UT_CASE(signal_interrupts_wait4_and_nanosleep),
	UT_CASE(signal_masks_block_and_unblock),
	UT_CASE(sigsegv_handler_gets_address_and_longjmps),
	UT_CASE(rt_sigaction_bad_arguments),
	UT_CASE(rt_sigreturn_corrupt_frame_segfaults),
	UT_CASE(rt_sigreturn_forged_frames),
	UT_CASE(stop_and_continue_seen_by_wait4),
	UT_CASE(sigchld_arrives_and_sig_ign_reaps),
	UT_CASE(kill_process_group),
	UT_CASE(orphaned_stopped_group_gets_sighup),
	UT_CASE(execve_resets_handlers),
	UT_CASE(signal_reaches_a_spinning_process),
	UT_CASE(sigaltstack_runs_handler_there),
	UT_CASE(sigtimedwait_takes_a_signal),
	UT_CASE(signal_interrupts_console_read),
	UT_CASE(unwritable_frame_gives_sigsegv),
	UT_CASE(sigkill_ends_a_vfork_parent),
	UT_CASE(stop_continue_rounds_each_reported_once),
	UT_CASE(signals_from_many_children_each_taken),
	/* ut_smp.c */
	UT_CASE(processes_run_on_each_cpu),
	UT_CASE(cpu_hogs_run_at_the_same_time),
	UT_CASE(proc_readers_race_a_changing_process),
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
 *	usertest proccmdline ...	exit 0 if /proc/self/cmdline is argv
 *	usertest cycles N	N fork/exec/wait cycles
 *	usertest fdcheck A B	exit 0 if descriptor A is open and B is not
 *	usertest pipes N	N pipes made, used and closed
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
	if (argc >= 2 && !strcmp(argv[1], "proccmdline"))
		return mode_proccmdline(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "fdcheck"))
		return mode_fdcheck(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "pipes"))
		return mode_pipes(argc, argv);
	if (argc == 2 && !strcmp(argv[1], "sigstate"))
		return mode_sigstate();
	return ktap_run("usertest", usertest_cases, argc, argv);
}
