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

/* usertest's modes as a child program (usertest.c's main calls them). */
int mode_argcheck(int argc, char **argv, char **envp);
int mode_bigargs(int argc, char **argv);
int mode_cycles(int argc, char **argv);
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

void signal_handler_gets_siginfo(struct utest *t);
void sigreturn_restores_every_register(struct utest *t);
void signal_interrupts_wait4_and_nanosleep(struct utest *t);
void signal_masks_block_and_unblock(struct utest *t);
void sigsegv_handler_gets_address_and_longjmps(struct utest *t);
void rt_sigaction_bad_arguments(struct utest *t);
void rt_sigreturn_corrupt_frame_segfaults(struct utest *t);
void stop_and_continue_seen_by_wait4(struct utest *t);
void sigchld_arrives_and_sig_ign_reaps(struct utest *t);
void kill_process_group(struct utest *t);
void execve_resets_handlers(struct utest *t);
void signal_reaches_a_spinning_process(struct utest *t);
void sigaltstack_runs_handler_there(struct utest *t);
void sigtimedwait_takes_a_signal(struct utest *t);
void signal_interrupts_console_read(struct utest *t);
void unwritable_frame_gives_sigsegv(struct utest *t);

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
void exec_clears_fs_base(struct utest *t);
void fs_selector_load_stays_in_its_process(struct utest *t);
void kill_ends_second_console_reader(struct utest *t);
void cloexec_is_the_descriptors_not_the_files(struct utest *t);

#endif
