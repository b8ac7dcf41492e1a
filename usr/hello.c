// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the first program the kernel runs.  It writes one line to
 * standard output and exits with status 0, and nothing else: write(2)
 * rather than stdio, so that a kernel only has to give what musl's start-up
 * asks for (arch_prctl, set_tid_address), write and exit_group; printf
 * would also want ioctl(TIOCGWINSZ) and writev.
 */
#include <string.h>
#include <unistd.h>

int main(void)
{
	static const char msg[] = "Hello from user space!\n";

	return write(STDOUT_FILENO, msg, strlen(msg)) == (ssize_t)strlen(msg) ? 0 : 1;
}
