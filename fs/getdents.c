// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64() and the older getdents(): a directory's entries, as many
 * as fit the user's buffer, in Linux's struct linux_dirent64 records (or
 * struct linux_dirent, whose type byte is the record's last).  The entries are gathered in
 * a page of the kernel's first, then copied out in one piece; a buffer
 * larger than a page gets a page's worth, and the program asks again.
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/page_alloc.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off; /* where the next entry is: what lseek() takes */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[]; /* NUL, padding, and d_type in the record's last byte */
};

struct getdents_callback {
	struct dir_context ctx;
	char *buf;
	size_t used, size;
	int error;
};

static bool filldir(struct dir_context *ctx, const char *name, int namelen, loff_t offset, u64 ino,
		    unsigned int d_type)
{
	struct getdents_callback *cb = container_of(ctx, struct getdents_callback, ctx);
	size_t reclen = ALIGN(offsetof(struct linux_dirent, d_name) + namelen + 2, sizeof(long));
	struct linux_dirent *d;

	if (cb->used + reclen > cb->size) {
		if (!cb->used)
			cb->error = -EINVAL;
		return false;
	}
	d = (struct linux_dirent *)(cb->buf + cb->used);
	d->d_ino = ino;
	d->d_off = offset;
	d->d_reclen = reclen;
	memcpy(d->d_name, name, namelen);
	memset(d->d_name + namelen, 0, reclen - offsetof(struct linux_dirent, d_name) - namelen);
	((char *)d)[reclen - 1] = d_type;
	cb->used += reclen;
	return true;
}

static bool filldir64(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback *cb = container_of(ctx, struct getdents_callback, ctx);
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namelen + 1, sizeof(u64));
	struct linux_dirent64 *d;

	if (cb->used + reclen > cb->size) {
		if (!cb->used)
			cb->error = -EINVAL; /* not even one entry fits */
		return false;
	}
	d = (struct linux_dirent64 *)(cb->buf + cb->used);
	d->d_ino = ino;
	d->d_off = offset; /* iterate_dir() passes the next entry's position */
	d->d_reclen = reclen;
	d->d_type = d_type;
	memcpy(d->d_name, name, namelen);
	memset(d->d_name + namelen, 0, reclen - offsetof(struct linux_dirent64, d_name) - namelen);
	cb->used += reclen;
	return true;
}

static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count, filldir_t actor)
{
	struct getdents_callback cb = { .ctx.actor = actor };
	struct file *file;
	int err;

	if (!access_ok(dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	cb.buf = alloc_page();
	cb.size = min((size_t)count, PAGE_SIZE);
	if (!cb.buf) {
		fput(file);
		return -ENOMEM;
	}
	err = iterate_dir(file, &cb.ctx);
	if (!err)
		err = cb.error;
	if (!err && cb.used && copy_to_user(dirent, cb.buf, cb.used))
		err = -EFAULT;
	free_page(cb.buf);
	fput(file);
	return err ?: (long)cb.used;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	return do_getdents(fd, dirent, count, filldir64);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	return do_getdents(fd, dirent, count, filldir);
}
