/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What usertest's files share: the helpers that run a piece of a case in
 * a child process and judge how the child ended, the modes in which
 * usertest is its own child program (usertest exit N, ...), and the
 * cases of each file, which usertest.c puts in its table.
 *
 * A case that can crash or replace its process (a fault, an execve that
 * should fail) does it in a child: the suite goes on whatever the kernel
 * does, and the parent judges the child's wait status.
 */
#ifndef _USR_USERTEST_H
#define _USR_USERTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "ktap.h"

#define PG 4096UL

/* usertest's own path (argv[0]): the program the exec cases run. */
extern const char *self_path;

/* A system call's raw result: the value, or -errno as the kernel gives it. */
long raw_syscall6(long nr, long a, long b, long c, long d, long e, long f);
#define raw_sys(nr, a, b, c) raw_syscall6(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)

/* Wait for child @pid and give its wait status, or -errno. */
int wait_status(pid_t pid);

/*
 * Run @fn in a child process with its own struct utest: the child exits
 * 0 if @fn found nothing wrong, 1 otherwise, and its diagnostics are
 * printed by the child.  The child's wait status, or -errno.
 */
int run_in_child(struct utest *t, void (*fn)(struct utest *t, void *arg), void *arg);

/* Check that @status is an exit with @code, or a death by signal @sig. */
bool expect_exit(struct utest *t, int status, int code, const char *what);
bool expect_signal(struct utest *t, int status, int sig, const char *what);

/* Run a child that calls @fn, which should die of signal @sig, and check so. */
void expect_fault(struct utest *t, void (*fn)(void), int sig, const char *what);

/*
 * Fork and execve usertest with @argv (argv[0] is set to self_path), and
 * @envp; the child's wait status (exit 127 if the exec failed).
 */
int spawn_self(char **argv, char *const envp[]);

/*
 * Create (or truncate) the file @name in a writable directory (/tmp, or
 * the root's home or the root on Kestrel), mode 0755, holding @len bytes
 * of @data; its path in @path.  0, or -errno.
 */
int make_file(const char *name, const void *data, size_t len, char *path, size_t size);

/* Whether the kernel says it is Kestrel (uname's release). */
bool on_kestrel(void);

/* @clock's time (clock_gettime()) in nanoseconds. */
long long clock_ns(clockid_t clock);

/* The whole of a /proc file into @buf (NUL-terminated): its length, or -errno. */
long read_proc(const char *path, char *buf, size_t size);

/* usertest's modes as a child program (usertest.c's main calls them). */
int mode_argcheck(int argc, char **argv, char **envp);
int mode_bigargs(int argc, char **argv);
int mode_cycles(int argc, char **argv);
int mode_proccmdline(int argc, char **argv);
int mode_fdcheck(int argc, char **argv);
int mode_pipes(int argc, char **argv);
int mode_sigstate(void);

/* The cases, by file. */
void exit_status_reaches_wait4(struct utest *t);
void fork_keeps_callee_saved_registers(struct utest *t);
void wait4_pid_any_and_wnohang(struct utest *t);
void zombie_keeps_its_status(struct utest *t);
void orphan_is_reparented(struct utest *t);
void vfork_child_runs_first_in_parent_memory(struct utest *t);
void kill_ends_sleeping_child(struct utest *t);
void kill_ends_spinning_child(struct utest *t);
void kill_bad_pid_and_signal_zero(struct utest *t);
void many_children_end_at_once_each_reaped(struct utest *t);

void setsid_leads_a_new_session_and_group(struct utest *t);
void setpgid_follows_linux_rules(struct utest *t);
void kill_reaches_a_process_group(struct utest *t);
void signal_handler_gets_siginfo(struct utest *t);
void sigreturn_restores_every_register(struct utest *t);
void signal_interrupts_wait4_and_nanosleep(struct utest *t);
void signal_masks_block_and_unblock(struct utest *t);
void sigsegv_handler_gets_address_and_longjmps(struct utest *t);
void rt_sigaction_bad_arguments(struct utest *t);
void rt_sigreturn_corrupt_frame_segfaults(struct utest *t);
void rt_sigreturn_forged_frames(struct utest *t);
void stop_and_continue_seen_by_wait4(struct utest *t);
void sigchld_arrives_and_sig_ign_reaps(struct utest *t);
void kill_process_group(struct utest *t);
void orphaned_stopped_group_gets_sighup(struct utest *t);
void sigkill_ends_a_vfork_parent(struct utest *t);
void execve_resets_handlers(struct utest *t);
void signal_reaches_a_spinning_process(struct utest *t);
void sigaltstack_runs_handler_there(struct utest *t);
void sigtimedwait_takes_a_signal(struct utest *t);
void signal_interrupts_console_read(struct utest *t);
void unwritable_frame_gives_sigsegv(struct utest *t);
void stop_continue_rounds_each_reported_once(struct utest *t);
void signals_from_many_children_each_taken(struct utest *t);

void exec_exit_code_reaches_parent(struct utest *t);
void exec_argv_envp_intact(struct utest *t);
void exec_bad_name_or_pointers(struct utest *t);
void exec_thousands_of_args_and_a_long_one(struct utest *t);
void exec_too_big_e2big_caller_continues(struct utest *t);
void exec_corrupt_files_enoexec(struct utest *t);

void cow_global_heap_and_stack(struct utest *t);
void brk_grows_and_shrinks(struct utest *t);
void mmap_anonymous_hint_and_fixed(struct utest *t);
void munmap_middle_keeps_both_sides(struct utest *t);
void mprotect_readonly_write_dies(struct utest *t);
void mmap_wx_and_bad_arguments(struct utest *t);

void copyin_copyout_reject_bad_addresses(struct utest *t);
void wait4_bad_status_efault_still_reaps(struct utest *t);
void syscalls_with_every_pointer_bad(struct utest *t);

void tty_ioctls_error_codes(struct utest *t);
void tty_tcgets_tcsets_round_trip(struct utest *t);
void tty_winsize(struct utest *t);
void tty_dev_tty_without_ctty_enxio(struct utest *t);
void tty_tcsetpgrp_rules(struct utest *t);
void tty_session_leader_exit_frees_it(struct utest *t);
void tty_orphaned_background_gets_eio(struct utest *t);
void tty_background_job_sigttin_sigttou(struct utest *t);
void tty_typed_line_and_interrupt(struct utest *t);
void tty_long_write_stops_for_a_signal(struct utest *t);

void fault_null_read(struct utest *t);
void fault_kernel_write(struct utest *t);
void fault_kernel_read(struct utest *t);
void fault_noncanonical_read(struct utest *t);
void fault_exec_stack(struct utest *t);
void fault_exec_heap(struct utest *t);
void fault_write_text(struct utest *t);
void fault_divide_error(struct utest *t);
void fault_invalid_opcode(struct utest *t);
void fault_privileged_instructions(struct utest *t);
void fault_stack_overflow(struct utest *t);

void exit_status_keeps_only_low_byte(struct utest *t);
void brk_grows_writable_after_mprotect(struct utest *t);
void mmap_hint_stays_out_of_stack_gap(struct utest *t);
void kill_init_is_ignored(struct utest *t);
void wait4_and_setpgid_edge_ids(struct utest *t);
void adopted_zombie_sends_init_sigchld(struct utest *t);
void kill_group_of_zombies_succeeds(struct utest *t);
void exec_clears_fs_base(struct utest *t);
void fs_selector_load_stays_in_its_process(struct utest *t);
void kill_ends_second_console_reader(struct utest *t);
void cloexec_is_the_descriptors_not_the_files(struct utest *t);

void clocks_are_monotonic(struct utest *t);
void realtime_is_the_date(struct utest *t);
void gettimeofday_agrees_with_clock_gettime(struct utest *t);
void clock_getres_and_bad_clocks(struct utest *t);
void time_calls_refuse_bad_arguments(struct utest *t);
void nanosleep_sleeps_at_least_the_time_asked(struct utest *t);
void clock_nanosleep_abstime(struct utest *t);
void settimeofday_moves_only_the_date(struct utest *t);

void getrandom_fills_and_differs(struct utest *t);
void getrandom_refuses_bad_flags_and_pointers(struct utest *t);
void getrandom_caps_a_huge_length(struct utest *t);
void dev_urandom_and_random_read(struct utest *t);
void rlimits_round_trip_and_refuse(struct utest *t);
void rlimit_nofile_inherited_and_enforced(struct utest *t);
void prctl_name_deathsig_dumpable(struct utest *t);
void sethostname_shows_in_uname(struct utest *t);
void sched_affinity_and_policy(struct utest *t);
void nice_round_trip(struct utest *t);
void times_and_getrusage_count_cpu(struct utest *t);
void alarm_delivers_sigalrm(struct utest *t);
void itimer_real_round_trip(struct utest *t);
void itimer_interval_fires(struct utest *t);
void robust_list_round_trip(struct utest *t);
void ids_are_root(struct utest *t);
void rseq_is_enosys(struct utest *t);

void syslog_read_all_gives_lines_with_levels(struct utest *t);
void syslog_refuses_bad_arguments(struct utest *t);
void syslog_read_consumes_and_waits(struct utest *t);
void syslog_read_gives_a_long_record_in_parts(struct utest *t);
void syslog_read_fault_takes_nothing(struct utest *t);
void syslog_console_off_and_on(struct utest *t);
void calls_left_out_are_enosys_unlogged(struct utest *t);
void reboot_refuses_bad_magic(struct utest *t);
void proc_self_stat_parses_as_busybox(struct utest *t);
void proc_pid_of_child_appears_and_goes_when_reaped(struct utest *t);
void proc_stat_held_open_reads_esrch_once_gone(struct utest *t);
void proc_self_exe_names_the_program(struct utest *t);
void proc_cmdline_round_trips_argv(struct utest *t);
void meminfo_memfree_falls_when_memory_is_touched(struct utest *t);
void sysinfo_agrees_with_meminfo(struct utest *t);
void getdents_proc_lists_live_pids(struct utest *t);
void proc_files_refuse_writes(struct utest *t);
void times_and_getrusage_count_cpu_time(struct utest *t);
void proc_file_shared_by_two_readers(struct utest *t);
void proc_is_its_own_file_system(struct utest *t);
void proc_refuses_new_names_as_linux(struct utest *t);
void files_written_read_back_and_truncated(struct utest *t);
void mkdir_unlink_rmdir_errors(struct utest *t);
void rename_over_files_itself_and_directories(struct utest *t);
void links_symlinks_and_readlink(struct utest *t);
void access_chmod_chown_times_umask(struct utest *t);
void fsync_statfs_and_mknod(struct utest *t);
void fcntl_dup_and_close_range(struct utest *t);
void sendfile_copies_and_checks(struct utest *t);
void close_on_exec_closes_at_execve(struct utest *t);
void o_path_is_a_place_not_an_open_file(struct utest *t);
void getdents_and_getdents64_agree(struct utest *t);
void rename_and_link_across_file_systems_exdev(struct utest *t);
void o_creat_through_a_dangling_symlink(struct utest *t);
void readv_writev_check_every_vector_first(struct utest *t);
void copy_file_range_same_file_cut_at_eof(struct utest *t);
void offsets_that_overflow_are_einval(struct utest *t);
void sendfile_refuses_huge_counts_and_offsets(struct utest *t);
void utimensat_omit_fstatat_cwd_prlimit_esrch(struct utest *t);
void links_nested_forty_deep(struct utest *t);

void pipe_reads_back_and_ends_at_eof(struct utest *t);
void pipe_read_into_bad_buffer_keeps_bytes(struct utest *t);
void pipe_without_reader_sigpipe(struct utest *t);
void pipe_capacity_nonblock_and_fionread(struct utest *t);
void pipe_buf_writes_are_atomic(struct utest *t);
void poll_pipe_with_and_without_timeout(struct utest *t);
void poll_restarts_with_the_time_left(struct utest *t);
void select_pipe_and_errors(struct utest *t);
void ppoll_and_pselect6_apply_their_sigmask(struct utest *t);
void fifo_opens_by_linux_rules(struct utest *t);

void processes_run_on_each_cpu(struct utest *t);
void cpu_hogs_run_at_the_same_time(struct utest *t);
void proc_readers_race_a_changing_process(struct utest *t);

#endif
