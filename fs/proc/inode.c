// SPDX-License-Identifier: GPL-2.0
/*
 * procfs's inodes and the file operations every file of it shares.
 *
 * An inode of /proc is made by a lookup (root.c, base.c) for an entry of
 * a table (struct proc_entry) and, under /proc/PID, a pid.  A file is
 * printed whole into a buffer at the read at position 0 (and at any read
 * that finds no buffer), and reads at other positions are served from
 * it, so that a program reading in pieces sees one consistent picture.
 * A process's file is printed only while the process exists: one held
 * open after the process was waited for reads -ESRCH from position 0 (a
 * read further on gets the rest of the picture taken before, as Linux's
 * seq_file gives it).
 *
 * Writes: no file takes any.  A process's file has no write (-EINVAL,
 * from kernel_write()); the system's files (/proc/meminfo...) say -EIO,
 * as Linux's proc entries without a write do.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "../internal.h"
#include "internal.h"

struct super_block *proc_sb;

/* A file is only read: nothing is done to its inode (no setattr: -EPERM). */
static const struct inode_operations proc_file_inode_operations = {};

void proc_printf(struct proc_buf *m, const char *fmt, ...)
{
	va_list args;
	int n;

	if (m->overflow)
		return;
	va_start(args, fmt);
	n = vsnprintf(m->buf + m->len, m->size - m->len, fmt, args);
	va_end(args);
	if (n < 0 || (size_t)n >= m->size - m->len)
		m->overflow = true;
	else
		m->len += n;
}

void proc_write(struct proc_buf *m, const void *data, size_t len)
{
	if (m->overflow || len > m->size - m->len) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->len, data, len);
	m->len += len;
}

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *pi = kzalloc(sizeof(*pi));

	return pi ? &pi->vfs_inode : NULL;
}

static void proc_destroy_inode(struct inode *inode)
{
	struct proc_inode *pi = PROC_I(inode);

	kfree(pi->link);
	kfree(pi);
}

static const struct super_operations proc_super_operations = {
	.alloc_inode = proc_alloc_inode,
	.destroy_inode = proc_destroy_inode,
};

struct inode *proc_new_inode(const struct proc_entry *entry, int pid)
{
	struct inode *inode = new_inode(proc_sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, NULL, entry->mode);
	PROC_I(inode)->entry = entry;
	PROC_I(inode)->pid = pid;
	if (S_ISDIR(entry->mode)) {
		inode->i_nlink = 2;
		inode->i_op = entry->iop;
		inode->i_fop = entry->fop;
	} else if (S_ISLNK(entry->mode)) {
		inode->i_op = &proc_link_inode_operations;
	} else {
		inode->i_op = &proc_file_inode_operations;
		inode->i_fop = pid ? &proc_file_operations : &proc_root_file_operations;
	}
	return inode;
}

int proc_instantiate(struct dentry *dentry, const struct proc_entry *entry, int pid)
{
	struct inode *inode = proc_new_inode(entry, pid);

	if (!inode)
		return -ENOMEM;
	if (pid)
		dentry->d_op = &proc_pid_dentry_operations;
	d_instantiate(dentry, inode);
	return 0;
}

/* Print @inode's file into a new buffer, growing it while the show wants more. */
static struct proc_buf *proc_render(struct inode *inode)
{
	struct proc_inode *pi = PROC_I(inode);
	size_t size = PAGE_SIZE;

	for (;;) {
		struct proc_buf *m = kzalloc(sizeof(*m));
		int err = -ENOMEM;

		if (m)
			m->buf = kmalloc(size);
		if (m && m->buf) {
			m->size = size;
			err = pi->entry->show(m, pi->pid);
			if (!err && !m->overflow)
				return m;
		}
		if (m)
			kfree(m->buf);
		kfree(m);
		if (err)
			return ERR_PTR(err);
		if (size >= PROC_BUF_MAX)
			return ERR_PTR(-ENOMEM);
		size *= 2;
	}
}

static void proc_buf_free(struct proc_buf *m)
{
	if (m) {
		kfree(m->buf);
		kfree(m);
	}
}

/*
 * Under the inode's i_mutex, as seq_file's reads are under its mutex: a
 * file shared by fork() may be read by two processes at once, and one
 * read from 0 frees the picture another is copying from.
 */
static ssize_t proc_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct proc_buf *m;
	ssize_t ret;

	mutex_lock(&inode->i_mutex);
	m = file->private_data;
	if (!m || *pos == 0) {
		struct proc_buf *fresh = proc_render(inode);

		if (IS_ERR(fresh)) {
			ret = PTR_ERR(fresh);
			goto out;
		}
		proc_buf_free(m);
		file->private_data = m = fresh;
	}
	ret = 0;
	if (*pos < (loff_t)m->len) {
		ret = min(count, m->len - (size_t)*pos);
		memcpy(buf, m->buf + *pos, ret);
		*pos += ret;
	}
out:
	mutex_unlock(&inode->i_mutex);
	return ret;
}

static ssize_t proc_root_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return -EIO;
}

static int proc_release(struct inode *inode, struct file *file)
{
	proc_buf_free(file->private_data);
	file->private_data = NULL;
	return 0;
}

static loff_t proc_llseek(struct file *file, loff_t offset, int whence)
{
	return generic_file_llseek_size(file, offset, whence, PROC_BUF_MAX, 0);
}

const struct file_operations proc_file_operations = {
	.llseek = proc_llseek,
	.read = proc_read,
	.release = proc_release,
};

const struct file_operations proc_root_file_operations = {
	.llseek = proc_llseek,
	.read = proc_read,
	.write = proc_root_write,
	.release = proc_release,
};

/* A link's target, printed afresh at each call (whose process asks matters for "self"). */
static const char *proc_get_link(struct dentry *dentry, struct inode *inode)
{
	struct proc_inode *pi = PROC_I(inode);
	struct proc_buf m = { .size = PATH_MAX + 16 };

	if (!pi->entry->link)
		return NULL;
	m.buf = kmalloc(m.size);
	if (!m.buf)
		return NULL;
	if (pi->entry->link(&m, pi) || m.overflow) {
		kfree(m.buf);
		return NULL;
	}
	m.buf[m.len] = '\0';
	kfree(pi->link);
	pi->link = m.buf;
	return pi->link;
}

const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

int proc_readdir_entries(struct file *file, struct dir_context *ctx,
			 const struct proc_entry *entries, size_t n)
{
	struct dentry *dir = file->f_dentry;
	size_t i;

	if (!dir_emit_dots(file, ctx))
		return 0;
	for (i = ctx->pos - 2; i < n; i++) {
		const struct proc_entry *e = &entries[i];

		/* Entries not looked up have no inode yet: a number of their own, never 0. */
		if (!ctx->actor(ctx, e->name, strlen(e->name), i + 3, dir->d_inode->i_ino + 1 + i,
				fs_umode_to_dtype(e->mode)))
			return 0;
		ctx->pos = i + 3;
	}
	return 0;
}

const struct proc_entry *proc_find_entry(const struct proc_entry *entries, size_t n,
					 const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(entries[i].name) == len && !memcmp(entries[i].name, name, len))
			return &entries[i];
	return NULL;
}

void proc_dentry_path(struct proc_buf *m, struct dentry *dentry)
{
	struct dentry *d;
	size_t need = 0, at;

	for (d = dentry; d->d_parent != d; d = d->d_parent)
		need += d->d_namelen + 1;
	if (!need) {
		proc_write(m, "/", 1);
		return;
	}
	if (need > m->size - m->len) {
		m->overflow = true;
		return;
	}
	at = m->len + need;
	for (d = dentry; d->d_parent != d; d = d->d_parent) {
		at -= d->d_namelen;
		memcpy(m->buf + at, d->d_name, d->d_namelen);
		m->buf[--at] = '/';
	}
	m->len += need;
	if (dentry->d_deleted)
		proc_printf(m, " (deleted)");
}

int proc_name_to_int(const char *name, size_t len)
{
	long v = 0;
	size_t i;

	if (!len || len > 10 || (name[0] == '0' && len > 1))
		return -1;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	return v > 0x7fffffff ? -1 : (int)v;
}

int proc_fill_super(void)
{
	proc_sb = kzalloc(sizeof(*proc_sb));
	if (!proc_sb)
		return -ENOMEM;
	proc_sb->s_op = &proc_super_operations;
	proc_sb->s_maxbytes = PROC_BUF_MAX;
	proc_sb->s_type = "proc";
	proc_sb->s_magic = PROC_SUPER_MAGIC; /* statfs()'s f_type: stat -f and df name it */
	return 0;
}
