/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of procfs share: its inodes, the buffer its files are
 * printed into, and the tables of the entries of its directories.
 *
 * Every file of /proc is made when it is read: a show function prints
 * the whole of it into a struct proc_buf (at the read at position 0, and
 * again if a later read finds no buffer), and reads are served from that
 * buffer, as Linux's seq_file single_open() files are.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <kernel/compiler.h>
#include <kernel/fs.h>
#include <kernel/sched.h>

/* The largest file /proc prints: a process's cmdline is cut there, the rest are far less. */
#define PROC_BUF_MAX (64 * 1024)

struct proc_buf {
	char *buf;
	size_t size, len;
	bool overflow; /* the show wanted more room: it is called again with more */
};

__printf(2, 3) void proc_printf(struct proc_buf *m, const char *fmt, ...);
void proc_write(struct proc_buf *m, const void *data, size_t len);

/*
 * An entry of a directory of /proc.  A file has @show, which prints it
 * for the process @pid (0 outside /proc/PID) and returns 0 or -errno
 * (-ESRCH: the process is gone); a symbolic link has @link, which gives
 * its target into @m; a directory has its own operations.
 */
struct proc_inode;

struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct proc_buf *m, int pid);
	int (*link)(struct proc_buf *m, struct proc_inode *pi);
	const struct inode_operations *iop;
	const struct file_operations *fop;
};

struct proc_inode {
	struct inode vfs_inode;
	int pid; /* the process of /proc/PID and what is under it; 0 elsewhere */
	int fd;	 /* a /proc/PID/fd/N link's N */
	const struct proc_entry *entry;
	char *link; /* get_link()'s last answer, kept until the next or the inode's end */
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

/* inode.c */
extern struct super_block *proc_sb;
int proc_fill_super(void);
struct inode *proc_new_inode(const struct proc_entry *entry, int pid);
int proc_instantiate(struct dentry *dentry, const struct proc_entry *entry, int pid);
extern const struct inode_operations proc_link_inode_operations;
extern const struct file_operations proc_file_operations;      /* a process's files */
extern const struct file_operations proc_root_file_operations; /* /proc/meminfo & co */
/* List @entries (@n of them) from position 2 on, after "." and "..". */
int proc_readdir_entries(struct file *file, struct dir_context *ctx,
			 const struct proc_entry *entries, size_t n);
const struct proc_entry *proc_find_entry(const struct proc_entry *entries, size_t n,
					 const char *name, size_t len);
/* The path of @dentry, " (deleted)" after one that is gone, with vfs_tree_lock held. */
void proc_dentry_path(struct proc_buf *m, struct dentry *dentry);
/* A name of digits that is a number from 0 to INT_MAX, or -1. */
int proc_name_to_int(const char *name, size_t len);

/* root.c: wait until the tasks' directories whose task is gone have left the tree (tests) */
void proc_flush_sync(void);

/* base.c: /proc/PID */
extern const struct inode_operations proc_pid_dir_inode_operations;
extern const struct file_operations proc_pid_dir_operations;
extern const struct dentry_operations proc_pid_dentry_operations;
bool proc_pid_alive(int pid);

/* The shows of the files: array.c, and one file each for the rest */
int proc_pid_stat(struct proc_buf *m, int pid);
int proc_pid_status(struct proc_buf *m, int pid);
int proc_pid_statm(struct proc_buf *m, int pid);
int proc_pid_cmdline(struct proc_buf *m, int pid);
int proc_pid_comm(struct proc_buf *m, int pid);
int meminfo_show(struct proc_buf *m, int pid);
int uptime_show(struct proc_buf *m, int pid);
int loadavg_show(struct proc_buf *m, int pid);
int stat_show(struct proc_buf *m, int pid);
int cpuinfo_show(struct proc_buf *m, int pid);
int version_show(struct proc_buf *m, int pid);
int cmdline_show(struct proc_buf *m, int pid);
int mounts_show(struct proc_buf *m, int pid);
int filesystems_show(struct proc_buf *m, int pid);

/*
 * A process's mm->lock and file table's file_lock are taken inside
 * tasklist_lock, which a reader holds with interrupts off, by trylock
 * only (spin_trylock()): their holder, the process, runs with interrupts
 * on, and its CPU's tick may be spinning for tasklist_lock meanwhile (an
 * itimer's signal; a terminal's ^C comes from the serial interrupt).
 * Waiting here would wait for ever.  A reader that misses drops
 * tasklist_lock, lets the process go on (proc_retry()), and starts again.
 */
static inline void proc_retry(void)
{
	int i;

	for (i = 0; i < 64; i++)
		cpu_relax();
}

#endif
