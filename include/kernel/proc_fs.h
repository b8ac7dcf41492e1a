/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs (fs/proc/, Documentation/fs/proc.md): the process and system
 * information file system at /proc, whose files are made when read.
 *
 * What the rest of the kernel tells it: that a task is gone, so that the
 * names /proc made for it leave the dentry tree.
 */
#ifndef _KERNEL_PROC_FS_H
#define _KERNEL_PROC_FS_H

#include <kernel/kconfig.h>

#if IS_ENABLED(CONFIG_PROC_FS)
/*
 * Task @pid was released: drop /proc/@pid and what is under it from the
 * tree (later, from a workqueue: the caller has interrupts off, the tree
 * has a mutex).  A walk meanwhile finds it stale (d_revalidate) anyway.
 */
void proc_flush_pid(int pid);
#else
static inline void proc_flush_pid(int pid)
{
}
#endif

#endif
