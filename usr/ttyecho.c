// SPDX-License-Identifier: GPL-2.0
/*
 * ttyecho: read lines from standard input and write each back, until the
 * end of input, then exit 0.  The shell group types at it to test the
 * console's line discipline from a program's side (echo, editing, Ctrl-D,
 * Ctrl-C ending it), through musl's stdio: read(), writev() and the
 * ioctl() with which stdio asks whether its output is a terminal.
 */
#include <stdio.h>

int main(void)
{
	char line[256];

	while (fgets(line, sizeof(line), stdin))
		printf("ttyecho: %s", line);
	printf("ttyecho: end of input\n");
	return 0;
}
