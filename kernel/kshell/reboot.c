// SPDX-License-Identifier: GPL-2.0
/*
 * reboot: reset the machine (QEMU run with -no-reboot exits instead).
 */
#include <kernel/kshell.h>
#include <kernel/reboot.h>

static int reboot_run(int argc, char **argv)
{
	kshell_printf("Restarting system.\n");
	kernel_restart();
}
KSHELL_COMMAND(reboot, .run = reboot_run, .help = "reset (make run's QEMU: -no-reboot, exits)");
