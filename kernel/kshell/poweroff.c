// SPDX-License-Identifier: GPL-2.0
/*
 * poweroff: turn the machine off (ACPI S5), which also ends QEMU.  A
 * machine that cannot be turned off halts instead, as halt does.
 */
#include <kernel/kshell.h>
#include <kernel/reboot.h>

static int poweroff_run(int argc, char **argv)
{
	kshell_printf("Power down.\n");
	kernel_power_off();
}
KSHELL_COMMAND(poweroff, .run = poweroff_run, .help = "turn the machine off (QEMU exits)");
