// SPDX-License-Identifier: GPL-2.0
/*
 * The "qemu_exit" command line flag and the isa-debug-exit port.
 *
 * Tests end a boot by telling QEMU to exit with a status; see asm/qemu.h.
 */
#include <asm/io.h>
#include <asm/qemu.h>
#include <kernel/errno.h>
#include <kernel/params.h>

static bool exit_requested;

static int set_qemu_exit(const char *val)
{
	if (val)
		return -EINVAL;	/* a flag takes no value */
	exit_requested = true;
	return 0;
}
kernel_param("qemu_exit", set_qemu_exit);

bool qemu_exit_requested(void)
{
	return exit_requested;
}

void qemu_exit(u32 code)
{
	outl(QEMU_EXIT_PORT, code);
}
