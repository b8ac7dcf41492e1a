// SPDX-License-Identifier: GPL-2.0
/*
 * /proc itself: its directory, which holds the system's files and a
 * directory per task, each made when it is looked up and listed from the
 * task list when /proc is read; and how it comes to be at /proc.
 *
 * There are no mounts: at boot, procfs's root directory is given the name
 * "proc" in the root directory (in place of an empty directory of that
 * name the initramfs may have made).  A name looked up here joins the
 * dentry tree, as Linux's dcache keeps it; a task's directory leaves it
 * when the task is released (proc_flush_pid(), from a workqueue), and
 * before that a walk that finds it for a task that is gone drops it
 * (d_revalidate).  A task's directory held open meanwhile stays, out of
 * the tree, and its files read -ESRCH.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/proc_fs.h>
#include <kernel/sprintf.h>
#include <kernel/workqueue.h>
#include "../internal.h"
#include "internal.h"

static int proc_self_link(struct proc_buf *m, struct proc_inode *pi)
{
	proc_printf(m, "%d", current->pid);
	return 0;
}

static const struct proc_entry root_entries[] = {
	{ "self", S_IFLNK | 0777, .link = proc_self_link },
	{ "meminfo", S_IFREG | 0444, .show = meminfo_show },
	{ "uptime", S_IFREG | 0444, .show = uptime_show },
	{ "loadavg", S_IFREG | 0444, .show = loadavg_show },
	{ "stat", S_IFREG | 0444, .show = stat_show },
	{ "version", S_IFREG | 0444, .show = version_show },
	{ "cpuinfo", S_IFREG | 0444, .show = cpuinfo_show },
	{ "mounts", S_IFREG | 0444, .show = mounts_show },
	{ "filesystems", S_IFREG | 0444, .show = filesystems_show },
	{ "cmdline", S_IFREG | 0444, .show = cmdline_show },
};

#define NR_ROOT_ENTRIES ARRAY_SIZE(root_entries)
/* Listing positions: ".", "..", the entries, then a task's at PID_POS + its pid. */
#define PID_POS		(NR_ROOT_ENTRIES + 2)

static const struct proc_entry pid_dir_entry = {
	.name = "",
	.mode = S_IFDIR | 0555,
	.iop = &proc_pid_dir_inode_operations,
	.fop = &proc_pid_dir_operations,
};

static struct dentry *proc_root; /* set once at boot, under vfs_tree_lock */

static int proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct proc_entry *e =
		proc_find_entry(root_entries, NR_ROOT_ENTRIES, dentry->d_name, dentry->d_namelen);
	int pid;

	if (e)
		return proc_instantiate(dentry, e, 0);
	pid = proc_name_to_int(dentry->d_name, dentry->d_namelen);
	if (pid <= 0 || !proc_pid_alive(pid))
		return -ENOENT;
	return proc_instantiate(dentry, &pid_dir_entry, pid);
}

/* The lowest pid of a task, not the idle task, at or above @from; 0 if none. */
static int next_pid_from(int from)
{
	struct task_struct *p;
	unsigned long flags;
	int pid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (p = next_task(NULL); p; p = next_task(p)) /* in pid order */
		if (p->pid >= from && p->pid > 0) {
			pid = p->pid;
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	char name[12];
	int pid;

	if (ctx->pos < (loff_t)PID_POS) {
		proc_readdir_entries(file, ctx, root_entries, NR_ROOT_ENTRIES);
		if (ctx->pos < (loff_t)PID_POS)
			return 0; /* the caller's buffer is full */
	}
	while (ctx->pos - PID_POS <= 0x7fffffff && (pid = next_pid_from(ctx->pos - PID_POS)) > 0) {
		int len = snprintf(name, sizeof(name), "%d", pid);

		if (!ctx->actor(ctx, name, len, PID_POS + pid + 1, 0x40000000UL + pid, DT_DIR))
			return 0;
		ctx->pos = PID_POS + pid + 1;
	}
	return 0;
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_root_readdir,
};

static const struct proc_entry root_dir_entry = {
	.name = "proc",
	.mode = S_IFDIR | 0555,
	.iop = &proc_root_inode_operations,
	.fop = &proc_root_operations,
};

/* The tasks' directories whose task is gone leave the tree. */
static void proc_flush(struct work_struct *work)
{
	struct dentry *d, *next;

	mutex_lock(&vfs_tree_lock);
	if (proc_root)
		list_for_each_entry_safe(d, next, &proc_root->d_subdirs, d_child)
		{
			int pid = d->d_inode ? PROC_I(d->d_inode)->pid : 0;

			if (pid && !proc_pid_alive(pid))
				d_invalidate(d); /* d and what is under it: next is a sibling */
		}
	mutex_unlock(&vfs_tree_lock);
}

static struct work_struct proc_flush_work = { .entry = LIST_HEAD_INIT(proc_flush_work.entry),
					      .func = proc_flush };

void proc_flush_pid(int pid)
{
	schedule_work(&proc_flush_work); /* one pass takes every task gone since the last */
}

void proc_flush_sync(void)
{
	schedule_work(&proc_flush_work);
	flush_work(&proc_flush_work);
}

/*
 * Give procfs's root the name /proc: in the place of an empty directory
 * there (the initramfs's), or as a new name.  Anything else at /proc is
 * left alone, and /proc is not there.
 */
static int proc_attach(struct inode *root_inode)
{
	struct dentry *root = vfs_root_dentry, *old = d_lookup(root, "proc", 4), *dentry;

	if (old && !(S_ISDIR(old->d_inode->i_mode) && list_empty(&old->d_subdirs)))
		return -EEXIST;
	dentry = d_alloc(root, "proc", 4);
	if (!dentry)
		return -ENOMEM;
	if (old)
		d_delete(old); /* one directory for another: the link count stays */
	else
		root->d_inode->i_nlink++;
	d_instantiate(dentry, root_inode);
	d_attach(dentry);
	__dput(dentry); /* the tree's reference stays */
	proc_root = dentry;
	return 0;
}

static int proc_root_init(void)
{
	struct inode *inode;
	int err = proc_fill_super();

	if (err)
		goto fail;
	mutex_lock(&vfs_tree_lock);
	inode = proc_new_inode(&root_dir_entry, 0);
	err = inode ? proc_attach(inode) : -ENOMEM;
	if (err && inode)
		__iput(inode);
	mutex_unlock(&vfs_tree_lock);
	if (!err)
		return 0;
fail:
	pr_warn("proc: cannot attach /proc (error %d)\n", err);
	return err;
}
device_initcall(proc_root_init);
