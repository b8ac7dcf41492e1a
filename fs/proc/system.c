// SPDX-License-Identifier: GPL-2.0
/*
 * The system's identity files: /proc/version (the kernel's banner),
 * /proc/cmdline (what the boot loader passed), /proc/filesystems and
 * /proc/mounts (the ramfs at / and procfs at /proc: there are no other
 * file systems, and no mount table, so these are the whole truth).
 */
#include <kernel/bootinfo.h>
#include <kernel/setup.h>
#include "internal.h"

int version_show(struct proc_buf *m, int pid)
{
	proc_printf(m, "%s\n", kernel_banner);
	return 0;
}

int cmdline_show(struct proc_buf *m, int pid)
{
	proc_printf(m, "%s\n", boot_info.cmdline ? boot_info.cmdline : "");
	return 0;
}

int filesystems_show(struct proc_buf *m, int pid)
{
	proc_printf(m, "nodev\ttmpfs\nnodev\tproc\n");
	return 0;
}

int mounts_show(struct proc_buf *m, int pid)
{
	proc_printf(m,
		    "rootfs / tmpfs rw 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n");
	return 0;
}
