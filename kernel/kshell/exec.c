// SPDX-License-Identifier: GPL-2.0
/*
 * exec: run a user program as a child of the shell, wait for it, and say
 * how it ended if not with status 0.  Ctrl-C while it runs ends it with
 * SIGINT, as a terminal's interrupt key would; the terminal echoes the
 * ^C, and the shell ends its line.  The program gets the
 * console as its standard input, output and error, and the environment
 * Linux gives init.
 */
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/process.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/tty.h>

#define POLL_MS 50

static const char *const exec_envp[] = { "HOME=/", "TERM=linux", "PATH=/bin:/sbin:/usr/bin", NULL };

static int exec_run(int argc, char **argv)
{
	struct tty_struct *tty = console_tty();
	unsigned long intr = tty ? tty_interrupts(tty) : 0;
	int pid, status = 0;
	bool interrupted = false;
	long ret;

	pid = spawn_process((const char *const *)argv + 1, exec_envp);
	if (pid < 0) {
		kshell_error(argv[0], "%s: cannot start a process: error %d", argv[1], pid);
		return pid;
	}
	while (!(ret = kernel_wait4(pid, &status, WNOHANG))) {
		if (tty && tty_interrupts(tty) != intr) {
			intr = tty_interrupts(tty);
			kill_pid(pid, SIGINT);
			interrupted = true;
		}
		if (tty)
			tty_wait_interrupt_timeout(tty, intr, POLL_MS);
		else
			msleep(POLL_MS);
	}
	if (ret < 0) {
		kshell_error(argv[0], "%s: wait4: error %ld", argv[1], ret);
		return ret;
	}
	if (interrupted)
		kshell_printf("\n"); /* after the ^C that the line discipline echoed */
	if (WIFSIGNALED(status))
		kshell_printf("%s[%d]: killed by signal %d\n", argv[1], pid, WTERMSIG(status));
	else if (WEXITSTATUS(status))
		kshell_printf("%s[%d]: exit status %d\n", argv[1], pid, WEXITSTATUS(status));
	return 0;
}
KSHELL_COMMAND(exec, .usage = "PROG [ARG...]", .min_args = 1, .max_args = 15, .run = exec_run,
	       .help = "run the program PROG, wait for it");
