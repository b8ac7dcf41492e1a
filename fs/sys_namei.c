// SPDX-License-Identifier: GPL-2.0
/*
 * The working directory: chdir(), fchdir() and getcwd().  A process's
 * working directory is a reference to a dentry (task->pwd), where
 * relative paths start; getcwd() spells it by walking up to the root.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include "sys_namei.h"

/* Under tasklist_lock, as /proc/PID/cwd reads it (fs/proc/base.c). */
static void set_pwd(struct dentry *dentry)
{
	struct dentry *old = current->pwd;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	current->pwd = dentry;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (old)
		dput(old);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	char *name = getname(filename);
	struct path start, path;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = user_path_start(AT_FDCWD, name, &start);
	if (!err) {
		err = vfs_path_lookup(&start, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
		path_put(&start);
		if (!err)
			set_pwd(path.dentry); /* the lookup's reference is the new pwd's */
	}
	kfree(name);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget_raw(fd);
	int err = 0;

	if (!file)
		return -EBADF;
	if (!S_ISDIR(file_inode(file)->i_mode))
		err = -ENOTDIR;
	else
		set_pwd(dget(file->f_dentry));
	fput(file);
	return err;
}

/*
 * Spell @dentry's path into the end of @buf (@size bytes), under the
 * tree's lock so that no rename or unlink changes it half-way; the path's
 * start, or NULL if it does not fit.
 */
static char *dentry_path(struct dentry *dentry, char *buf, size_t size)
{
	char *p = buf + size;

	*--p = 0;
	mutex_lock(&vfs_tree_lock);
	for (; dentry->d_parent != dentry; dentry = dentry->d_parent) {
		if ((size_t)(p - buf) < dentry->d_namelen + 1) {
			p = NULL;
			break;
		}
		p -= dentry->d_namelen;
		memcpy(p, dentry->d_name, dentry->d_namelen);
		*--p = '/';
	}
	mutex_unlock(&vfs_tree_lock);
	if (p && !*p)
		*--p = '/'; /* the root itself */
	return p;
}

SYSCALL_DEFINE2(getcwd, char __user *, ubuf, unsigned long, size)
{
	char *buf, *path;
	long len;

	if (!current->pwd)
		return -ENOENT;
	if (current->pwd->d_deleted)
		return -ENOENT; /* Linux's answer for a removed working directory */
	buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	path = dentry_path(current->pwd, buf, PATH_MAX);
	if (!path) {
		len = -ENAMETOOLONG;
	} else {
		len = buf + PATH_MAX - path;
		if ((unsigned long)len > size)
			len = -ERANGE;
		else if (copy_to_user(ubuf, path, len))
			len = -EFAULT;
	}
	kfree(buf);
	return len;
}
