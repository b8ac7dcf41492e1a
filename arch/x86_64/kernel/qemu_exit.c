// SPDX-License-Identifier: GPL-2.0
/*
 * machine_exit() (<kernel/reboot.h>) under QEMU: the "qemu_exit" command
 * line flag and QEMU's isa-debug-exit device.
 *
 * The device (-device isa-debug-exit,iobase=0xf4,iosize=0x04) ends QEMU
 * when a value V is written to its port, with exit status (V << 1) | 1.
 * The test runner reads that status: 0x10 -> 33 means success, 0x11 -> 35
 * failure.  A triple fault ends QEMU (-no-reboot) with status 0, which the
 * runner treats as failure too.
 *
 * The kernel only uses the device when "qemu_exit" is on the command line,
 * so a kernel booted elsewhere never pokes an unknown port.
 */
#include <asm/io.h>
#include <kernel/errno.h>
#include <kernel/params.h>
#include <kernel/reboot.h>

#define QEMU_EXIT_PORT		0xf4
#define QEMU_EXIT_SUCCESS	0x10
#define QEMU_EXIT_FAILURE	0x11

static bool exit_requested;

static int set_qemu_exit(const char *val)
{
	if (val)
		return -EINVAL;	/* a flag takes no value */
	exit_requested = true;
	return 0;
}
kernel_param("qemu_exit", set_qemu_exit);

void machine_exit(bool success)
{
	if (exit_requested)
		outl(QEMU_EXIT_PORT, success ? QEMU_EXIT_SUCCESS : QEMU_EXIT_FAILURE);
}
