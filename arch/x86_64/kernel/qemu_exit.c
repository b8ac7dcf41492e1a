// SPDX-License-Identifier: GPL-2.0
/*
 * machine_exit() and machine_halt() (<kernel/reboot.h>) under QEMU: the
 * "qemu_exit" command line flag and QEMU's isa-debug-exit device.
 *
 * The device (-device isa-debug-exit,iobase=0xf4,iosize=0x04) ends QEMU
 * when a value V is written to its port, with exit status (V << 1) | 1.
 * The test runner reads that status: 0x10 -> 33 means success, 0x11 -> 35
 * failure.  A triple fault ends QEMU (-no-reboot) with status 0, which the
 * runner treats as failure too.
 *
 * The kernel only uses the device when "qemu_exit" is on the command line,
 * so a kernel booted elsewhere never pokes an unknown port.  Plain
 * "qemu_exit" ends the boot with init's verdict; "qemu_exit=halt" lets a
 * successful boot go on (to the shell, which a test drives) until
 * machine_halt().  A failure or a panic ends it either way.
 */
#include <asm/io.h>
#include <kernel/errno.h>
#include <kernel/params.h>
#include <kernel/reboot.h>
#include <kernel/string.h>

#define QEMU_EXIT_PORT	  0xf4
#define QEMU_EXIT_SUCCESS 0x10
#define QEMU_EXIT_FAILURE 0x11

static enum { EXIT_NEVER, EXIT_AFTER_INIT, EXIT_AT_HALT } exit_mode;

static int set_qemu_exit(const char *val)
{
	if (!val)
		exit_mode = EXIT_AFTER_INIT;
	else if (!strcmp(val, "halt"))
		exit_mode = EXIT_AT_HALT;
	else
		return -EINVAL;
	return 0;
}
kernel_param("qemu_exit", set_qemu_exit);

void machine_exit(bool success)
{
	if (exit_mode == EXIT_NEVER || (success && exit_mode == EXIT_AT_HALT))
		return;
	outl(QEMU_EXIT_PORT, success ? QEMU_EXIT_SUCCESS : QEMU_EXIT_FAILURE);
}

__noreturn void machine_halt(void)
{
	if (exit_mode != EXIT_NEVER)
		outl(QEMU_EXIT_PORT, QEMU_EXIT_SUCCESS);
	halt_forever();
}
