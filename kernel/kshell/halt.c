// SPDX-License-Identifier: GPL-2.0
/*
 * halt: stop the machine.  Under test ("qemu_exit" on the command line)
 * QEMU exits with the success code, which is how a shell session a test
 * typed ends.
 */
#include <kernel/kshell.h>
#include <kernel/reboot.h>

static int halt_run(int argc, char **argv)
{
	kshell_printf("System halted.\n");
	kernel_halt();
}
KSHELL_COMMAND(halt, .run = halt_run, .help = "stop the machine (under test: QEMU exits)");
