// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID: a task's directory, its files (array.c prints stat, status
 * and statm), its links (exe, cwd) and its open files (fd/).
 *
 * Everything of a task is read under tasklist_lock, which keeps it from
 * being freed, and its mm, files and working directory from being
 * dropped meanwhile: execve(), chdir() and exit_process() change those
 * pointers under the lock, and free what they pointed to after.  What is
 * behind them its owner may change at the same time on another CPU, so
 * the mm is read under its lock (<kernel/mm_types.h>) and the file table
 * under its own (<kernel/fdtable.h>), both taken by trylock (internal.h).
 * A link's target dentry is then printed under vfs_tree_lock (held by the
 * walk or readlink that asks), which keeps it from being freed, since its
 * last dput() needs that lock too.  A task's entries are dentries with
 * d_revalidate: once the task is gone (waited for), a walk drops them and
 * finds nothing.
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/mmap.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "../internal.h"
#include "internal.h"

bool proc_pid_alive(int pid)
{
	unsigned long flags;
	bool alive;

	spin_lock_irqsave(&tasklist_lock, flags);
	alive = find_task_by_pid(pid) != NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

int proc_pid_comm(struct proc_buf *m, int pid)
{
	char comm[TASK_COMM_LEN];

	if (task_comm_by_pid(pid, comm))
		return -ESRCH;
	proc_printf(m, "%s\n", comm);
	return 0;
}

/*
 * The argument strings as execve() left them, NUL after each: empty for
 * a kernel thread or a zombie, which have no memory.  Only pages that are
 * there are read (they all are: exec wrote them).
 */
int proc_pid_cmdline(struct proc_buf *m, int pid)
{
	struct task_struct *p;
	struct mm_struct *mm;
	unsigned long flags;
	int err;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_task_by_pid(pid);
		mm = p && IS_ENABLED(CONFIG_USER_MODE) ? p->mm : NULL;
		if (!mm || spin_trylock(&mm->lock))
			break;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		proc_retry(); /* internal.h */
	}
	err = p ? 0 : -ESRCH;
	if (mm && mm->arg_end > mm->arg_start) {
		size_t len = mm->arg_end - mm->arg_start, room = m->size - m->len;

		if (len > room && m->size < PROC_BUF_MAX)
			m->overflow = true; /* again, with more room */
		else
			m->len +=
				mm_read_present(mm, mm->arg_start, m->buf + m->len, min(len, room));
	}
	if (mm)
		spin_unlock(&mm->lock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/*
 * What a task's link names, taken under tasklist_lock: a dentry (which the
 * caller's hold of vfs_tree_lock keeps), or, for an open file that has
 * none (a pipe), its inode's type and number, copied, since nothing keeps
 * the file once the lock is dropped.
 */
struct link_target {
	struct dentry *dentry;
	umode_t mode;
	unsigned long ino;
};

/*
 * Under tasklist_lock, which keeps @files: false if its lock was taken
 * (internal.h: the caller starts again).
 */
static bool fd_target(struct files_struct *files, int fd, struct link_target *t)
{
	struct file *file;

	if (!files || fd >= NR_OPEN)
		return true;
	if (!spin_trylock(&files->file_lock))
		return false;
	file = files->fd[fd];
	t->dentry = file ? file->f_dentry : NULL;
	if (file && !t->dentry && file->f_inode) {
		t->mode = file->f_inode->i_mode;
		t->ino = file->f_inode->i_ino;
	}
	spin_unlock(&files->file_lock);
	return true;
}

static int task_link(int pid, int fd, bool exe, struct link_target *t)
{
	struct task_struct *p;
	unsigned long flags;

	for (;;) {
		memset(t, 0, sizeof(*t));
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_task_by_pid(pid);
		if (!p || fd < 0 || fd_target(p->files, fd, t))
			break;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		proc_retry(); /* internal.h */
	}
	if (p && fd < 0 && exe)
		t->dentry = p->mm ? p->mm->exe_dentry : NULL;
	else if (p && fd < 0)
		t->dentry = p->pwd;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t->dentry || t->mode ? 0 : -ENOENT;
}

/* A path if the dentry is in the namespace; a pipe's and others' name as Linux gives it. */
static int print_link(struct proc_buf *m, int pid, int fd, bool exe)
{
	struct link_target t;
	struct dentry *top;
	int err = task_link(pid, fd, exe, &t);

	if (err)
		return err;
	for (top = t.dentry; top && top->d_parent != top; top = top->d_parent)
		;
	if (top && top == vfs_root_dentry) {
		proc_dentry_path(m, t.dentry);
		return 0;
	}
	if (t.dentry && t.dentry->d_inode) {
		t.mode = t.dentry->d_inode->i_mode;
		t.ino = t.dentry->d_inode->i_ino;
	}
	proc_printf(m, S_ISFIFO(t.mode) ? "pipe:[%lu]" : "anon_inode:[%lu]", t.ino);
	return 0;
}

static int proc_exe_link(struct proc_buf *m, struct proc_inode *pi)
{
	return print_link(m, pi->pid, -1, true);
}

static int proc_cwd_link(struct proc_buf *m, struct proc_inode *pi)
{
	return print_link(m, pi->pid, -1, false);
}

static int proc_fd_link(struct proc_buf *m, struct proc_inode *pi)
{
	return print_link(m, pi->pid, pi->fd, false);
}

static const struct proc_entry fd_link_entry = {
	.name = "",
	.mode = S_IFLNK | 0700,
	.link = proc_fd_link,
};

/* Whether task @pid has @fd open. */
static bool task_has_fd(int pid, int fd)
{
	struct task_struct *p;
	unsigned long flags;
	bool open;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	/* Only whether the slot is full: the file in it is not touched. */
	open = p && p->files && fd < NR_OPEN && READ_ONCE(p->files->fd[fd]);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return open;
}

static int proc_fd_lookup(struct inode *dir, struct dentry *dentry)
{
	int pid = PROC_I(dir)->pid, fd = proc_name_to_int(dentry->d_name, dentry->d_namelen);
	int err;

	if (fd < 0 || !task_has_fd(pid, fd))
		return -ENOENT;
	err = proc_instantiate(dentry, &fd_link_entry, pid);
	if (!err)
		PROC_I(dentry->d_inode)->fd = fd;
	return err;
}

/* Positions: ".", "..", then descriptor N at N + 2. */
static int proc_fd_readdir(struct file *file, struct dir_context *ctx)
{
	int pid = PROC_I(file_inode(file))->pid, fd;
	char name[12];

	if (ctx->pos < 2) {
		proc_readdir_entries(file, ctx, NULL, 0);
		if (ctx->pos < 2)
			return 0;
	}
	for (fd = ctx->pos - 2; fd < NR_OPEN; fd++) {
		int len;

		if (!task_has_fd(pid, fd))
			continue;
		len = snprintf(name, sizeof(name), "%d", fd);
		if (!ctx->actor(ctx, name, len, fd + 3, 0x20000000UL + fd, DT_LNK))
			return 0;
		ctx->pos = fd + 3;
	}
	if (ctx->pos < NR_OPEN + 2)
		ctx->pos = NR_OPEN + 2;
	return 0;
}

static const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_fd_lookup,
};

static const struct file_operations proc_fd_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_fd_readdir,
};

static const struct proc_entry pid_entries[] = {
	{ "stat", S_IFREG | 0444, .show = proc_pid_stat },
	{ "status", S_IFREG | 0444, .show = proc_pid_status },
	{ "statm", S_IFREG | 0444, .show = proc_pid_statm },
	{ "cmdline", S_IFREG | 0444, .show = proc_pid_cmdline },
	{ "comm", S_IFREG | 0444, .show = proc_pid_comm },
	{ "exe", S_IFLNK | 0777, .link = proc_exe_link },
	{ "cwd", S_IFLNK | 0777, .link = proc_cwd_link },
	{ "fd", S_IFDIR | 0500, .iop = &proc_fd_inode_operations, .fop = &proc_fd_operations },
};

static int proc_pid_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct proc_entry *e = proc_find_entry(pid_entries, ARRAY_SIZE(pid_entries),
						     dentry->d_name, dentry->d_namelen);

	if (!e || !proc_pid_alive(PROC_I(dir)->pid))
		return -ENOENT; /* a working directory may be a task's that is gone */
	return proc_instantiate(dentry, e, PROC_I(dir)->pid);
}

static int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	if (!proc_pid_alive(PROC_I(file_inode(file))->pid))
		return -ENOENT;
	return proc_readdir_entries(file, ctx, pid_entries, ARRAY_SIZE(pid_entries));
}

const struct inode_operations proc_pid_dir_inode_operations = {
	.lookup = proc_pid_lookup,
};

const struct file_operations proc_pid_dir_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_pid_readdir,
};

/* A task's entry is good while the task exists; an fd's while that descriptor is open. */
static bool proc_pid_revalidate(struct dentry *dentry)
{
	struct proc_inode *pi = PROC_I(dentry->d_inode);

	if (pi->entry == &fd_link_entry)
		return task_has_fd(pi->pid, pi->fd);
	return proc_pid_alive(pi->pid);
}

const struct dentry_operations proc_pid_dentry_operations = {
	.d_revalidate = proc_pid_revalidate,
};
