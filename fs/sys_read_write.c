// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that move bytes: read, write, readv, writev, pread64,
 * pwrite64 and lseek, on the calling process's file descriptors.
 *
 * Files take kernel buffers (struct file_operations), so the bytes pass
 * through a page of the kernel's, a page at a time, with copy_to_user()
 * and copy_from_user() on the user's side.  A bad user pointer gives
 * -EFAULT if nothing was moved yet, else the count moved so far, as Linux
 * does.  Two processes that share a file (after fork()) share its
 * position too; on one CPU their updates do not tear, and Linux's f_pos
 * lock comes with threads and SMP.
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/page_alloc.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

#define IOV_MAX 1024 /* Linux's UIO_MAXIOV */

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* Move up to @count bytes between @ubuf and @file at *@pos. */
static ssize_t rw_user(struct file *file, char __user *ubuf, size_t count, loff_t *pos, bool write)
{
	size_t done = 0;
	ssize_t n = 0;
	char *kbuf;

	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!access_ok(ubuf, count))
		return -EFAULT;
	kbuf = alloc_page();
	if (!kbuf)
		return -ENOMEM;
	while (done < count) {
		size_t chunk = min(count - done, PAGE_SIZE);

		if (write) {
			if (copy_from_user(kbuf, ubuf + done, chunk)) {
				n = -EFAULT;
				break;
			}
			n = kernel_write(file, kbuf, chunk, pos);
		} else {
			n = kernel_read(file, kbuf, chunk, pos);
			if (n > 0) {
				unsigned long left = copy_to_user(ubuf + done, kbuf, n);

				/*
				 * The bytes the caller did not get stay unread, as
				 * in Linux: the position goes back over them.
				 */
				if (left) {
					*pos -= left;
					done += n - left;
					n = -EFAULT;
					break;
				}
			}
		}
		if (n <= 0)
			break;
		done += n;
		if ((size_t)n < chunk)
			break; /* a short read or write: the file has no more for now */
	}
	free_page(kbuf);
	return done ? (ssize_t)done : n;
}

static ssize_t do_rw(unsigned int fd, char __user *buf, size_t count, bool write)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = rw_user(file, buf, count, &file->f_pos, write);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return do_rw(fd, buf, count, false);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return do_rw(fd, (char __user *)buf, count, true);
}

static ssize_t do_prw(unsigned int fd, char __user *buf, size_t count, loff_t pos, bool write)
{
	struct file *file;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!file->f_op->llseek || file->f_op->llseek == noop_llseek)
		ret = -ESPIPE; /* a device without positions */
	else
		ret = rw_user(file, buf, count, &pos, write);
	fput(file);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return do_prw(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count, loff_t, pos)
{
	return do_prw(fd, (char __user *)buf, count, pos, true);
}

static ssize_t do_rwv(unsigned int fd, const struct iovec __user *uvec, unsigned long vlen,
		      bool write)
{
	struct file *file;
	size_t total = 0;
	unsigned long i;
	ssize_t ret = 0;

	if (vlen > IOV_MAX)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	for (i = 0; i < vlen; i++) {
		struct iovec iov;

		if (copy_from_user(&iov, uvec + i, sizeof(iov))) {
			ret = -EFAULT;
			break;
		}
		if ((ssize_t)iov.iov_len < 0 || total + iov.iov_len < total) {
			ret = -EINVAL;
			break;
		}
		if (!iov.iov_len)
			continue;
		ret = rw_user(file, iov.iov_base, iov.iov_len, &file->f_pos, write);
		if (ret <= 0)
			break;
		total += ret;
		if ((size_t)ret < iov.iov_len)
			break;
	}
	fput(file);
	return total ? (ssize_t)total : ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_rwv(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_rwv(fd, vec, vlen, true);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = whence > SEEK_END ? -EINVAL : vfs_llseek(file, offset, whence);
	fput(file);
	return ret;
}
