// SPDX-License-Identifier: GPL-2.0
/*
 * reboot(2), as Linux's: the magic numbers first (-EINVAL without them,
 * so that a stray call cannot stop the machine), then the command, said
 * in the log in Linux's words before it is done:
 *
 *	LINUX_REBOOT_CMD_POWER_OFF	"reboot: Power down", kernel_power_off()
 *	LINUX_REBOOT_CMD_RESTART(2)	"reboot: Restarting system", kernel_restart()
 *	LINUX_REBOOT_CMD_HALT		"reboot: System halted", kernel_halt()
 *	LINUX_REBOOT_CMD_CAD_ON/_OFF	what Ctrl-Alt-Del does: restart at once
 *					(the default), or SIGINT to init
 *					(kernel/ctrl_alt_del.c)
 *
 * Suspend and kexec are not in Kestrel: -EINVAL, as in a Linux built
 * without them.  Nothing is synced first: there is no disk.  The other
 * CPUs are stopped after the message and before the machine is
 * (kernel/halt.c), as Linux's machine_shutdown() does, so that a halt
 * halts them all.
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/syscalls.h>

#define LINUX_REBOOT_MAGIC1  0xfee1dead
#define LINUX_REBOOT_MAGIC2  672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216

#define LINUX_REBOOT_CMD_RESTART   0x01234567
#define LINUX_REBOOT_CMD_HALT	   0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON	   0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF   0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2  0xA1B2C3D4

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	char buffer[256];

	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("Restarting system\n");
		kernel_restart();
	case LINUX_REBOOT_CMD_RESTART2:
		if (strncpy_from_user(buffer, arg, sizeof(buffer) - 1) < 0)
			return -EFAULT;
		buffer[sizeof(buffer) - 1] = '\0';
		pr_emerg("Restarting system with command '%s'\n", buffer);
		kernel_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("System halted\n");
		kernel_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("Power down\n");
		kernel_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
		set_ctrl_alt_del(true);
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		set_ctrl_alt_del(false);
		return 0;
	}
	return -EINVAL;
}
