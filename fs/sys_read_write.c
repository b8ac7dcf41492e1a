// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that move bytes: read, write, readv, writev, pread64,
 * pwrite64 and lseek, on the calling process's file descriptors, and
 * sendfile() and copy_file_range() between two of them.
 *
 * Files take kernel buffers (struct file_operations), so the bytes pass
 * through a page of the kernel's, a page at a time, with copy_to_user()
 * and copy_from_user() on the user's side.  A bad user pointer gives
 * -EFAULT if nothing was moved yet, else the count moved so far, as Linux
 * does; readv() and writev() check every vector before the first moves a
 * byte, as Linux's import_iovec().  Two processes that share a file
 * (after fork()) share its position too; on one CPU their updates do not
 * tear, and Linux's f_pos lock comes with threads and SMP.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/page_alloc.h>
#include <kernel/preempt.h>
#include <kernel/process.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>

#define IOV_MAX 1024 /* Linux's UIO_MAXIOV */

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/*
 * Whether a read that has bytes already may ask @file for more: a file
 * that can make a reader wait (it has ->poll: a pipe, a terminal) is
 * asked again only if it has more now, as one read of Linux's would
 * return what is there rather than wait for the rest.
 */
static bool more_ready(struct file *file)
{
	return !file->f_op->poll || (file->f_op->poll(file, NULL) & (POLLIN | POLLHUP | POLLERR));
}

/*
 * Between two pages of a long copy (a cat of /dev/zero moves 2 GiB in one
 * sendfile()): offer the CPU, which under PREEMPT_NONE nothing else would
 * get until the call ends, and stop for a signal that is ending the
 * process (SIGKILL, a ^C), whose count nobody will read.
 */
static bool copy_goes_on(void)
{
	cond_resched();
	return !fatal_signal_pending(current);
}

/*
 * How many of the @count bytes at @ubuf a copy_to_user() can write now: a
 * byte of each page is read and written back, the same value.  A read
 * from a file with no position to move back over what the caller did not
 * get (a pipe) asks first, so that a bad buffer takes nothing from it, as
 * Linux's pipe_read() leaves in the pipe what it could not copy out.
 * (Linux finds the fault only once there is a byte to copy: there a read
 * of an empty pipe into a bad buffer waits first.  A terminal's line is
 * lost to a bad buffer in Linux's tty_read(), and here too.)
 */
static size_t writable_prefix(char __user *ubuf, size_t count)
{
	unsigned long start = (unsigned long)ubuf;
	size_t done = 0;
	char c;

	while (done < count) {
		if (get_user(c, ubuf + done) || put_user(c, ubuf + done))
			break;
		done = min(count, ((start + done) & ~(PAGE_SIZE - 1)) + PAGE_SIZE - start);
	}
	return done;
}

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

		if (done && !copy_goes_on())
			break;
		if (!write && done && !more_ready(file))
			break;

		if (write) {
			if (copy_from_user(kbuf, ubuf + done, chunk)) {
				n = -EFAULT;
				break;
			}
			n = kernel_write(file, kbuf, chunk, pos);
		} else {
			loff_t before = *pos;

			if (!file->f_op->llseek)
				chunk = writable_prefix(ubuf + done, chunk);
			if (!chunk) {
				n = -EFAULT;
				break;
			}
			n = kernel_read(file, kbuf, chunk, pos);
			if (n > 0) {
				unsigned long left = copy_to_user(ubuf + done, kbuf, n);

				/*
				 * The bytes the caller did not get stay unread, as
				 * in Linux: the position goes back over them, if
				 * the read moved it (a stream's has no meaning).
				 */
				if (left) {
					if (*pos != before)
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
	if (!file->f_op->llseek)
		ret = -ESPIPE; /* a stream: a pipe, a terminal */
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

#define FAST_IOV 8 /* Linux's UIO_FASTIOV: vectors this few need no allocation */

/*
 * The user's @vlen vectors, each checked before a byte moves, as Linux's
 * import_iovec(): a negative length is -EINVAL, an address range outside
 * user space -EFAULT, and the lengths are cut so that their sum stays
 * within MAX_RW_COUNT.  @fast holds them if it can, else a block to
 * kfree(); an ERR_PTR on failure.
 */
static struct iovec *import_iovec(const struct iovec __user *uvec, unsigned long vlen,
				  struct iovec *fast)
{
	struct iovec *iov = vlen <= FAST_IOV ? fast : kmalloc(vlen * sizeof(*iov));
	size_t total = 0;
	unsigned long i;
	int err = 0;

	if (!iov)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(iov, uvec, vlen * sizeof(*iov)))
		err = -EFAULT;
	for (i = 0; !err && i < vlen; i++)
		if ((ssize_t)iov[i].iov_len < 0)
			err = -EINVAL;
	for (i = 0; !err && i < vlen; i++) {
		if (!access_ok(iov[i].iov_base, iov[i].iov_len))
			err = -EFAULT;
		iov[i].iov_len = min(iov[i].iov_len, MAX_RW_COUNT - total);
		total += iov[i].iov_len;
	}
	if (!err)
		return iov;
	if (iov != fast)
		kfree(iov);
	return ERR_PTR(err);
}

static ssize_t do_rwv(unsigned int fd, const struct iovec __user *uvec, unsigned long vlen,
		      bool write)
{
	struct iovec fast[FAST_IOV], *iov;
	struct file *file;
	size_t total = 0;
	unsigned long i;
	ssize_t ret = 0;

	if (vlen > IOV_MAX)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	iov = import_iovec(uvec, vlen, fast);
	if (IS_ERR(iov)) {
		fput(file);
		return PTR_ERR(iov);
	}
	for (i = 0; i < vlen; i++) {
		if (!iov[i].iov_len)
			continue;
		if (!write && total && !more_ready(file))
			break;
		ret = rw_user(file, iov[i].iov_base, iov[i].iov_len, &file->f_pos, write);
		if (ret <= 0)
			break;
		total += ret;
		if ((size_t)ret < iov[i].iov_len)
			break;
	}
	if (iov != fast)
		kfree(iov);
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

/*
 * Move up to @count bytes from @in at *@ppos to @out, through a page of
 * the kernel's: what sendfile() and copy_file_range() share.  The bytes
 * moved, or -errno if none.  A short write stops it; the bytes read past
 * what was written are not consumed (*@ppos goes back over them), but for
 * a stream's (a terminal's), whose read has no position to move.
 */
static ssize_t copy_between(struct file *in, loff_t *ppos, struct file *out, loff_t *opos,
			    size_t count)
{
	size_t done = 0;
	ssize_t ret = 0;
	char *kbuf;

	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	kbuf = alloc_page();
	if (!kbuf)
		return -ENOMEM;
	while (done < count) {
		loff_t before = *ppos;
		ssize_t n;

		if (done && (!copy_goes_on() || !more_ready(in)))
			break;
		n = kernel_read(in, kbuf, min(count - done, PAGE_SIZE), ppos);

		if (n <= 0) {
			ret = n;
			break;
		}
		ret = kernel_write(out, kbuf, n, opos);
		if (ret > 0)
			done += ret;
		if (ret < n) {
			if (*ppos != before) /* a stream's read does not move it */
				*ppos -= n - (ret > 0 ? ret : 0);
			break;
		}
	}
	free_page(kbuf);
	return done ? (ssize_t)done : ret;
}

static bool seekable(struct file *file)
{
	return file->f_op->llseek;
}

/* The largest file of @file's file system; 0 for one with no positions (pipefs). */
static loff_t max_bytes(struct file *file)
{
	return file_inode(file)->i_sb->s_maxbytes;
}

/*
 * Linux's do_sendfile() checks, after the descriptors': a count above
 * SSIZE_MAX or an end past LLONG_MAX is -EINVAL, as rw_verify_area()
 * says; a start at or past the largest file of either side -EOVERFLOW,
 * and a count that runs past it is cut there; a directory has nothing to
 * send (-EINVAL: no splice_read).
 */
static int sendfile_checks(struct file *in, loff_t pos, struct file *out, size_t *count)
{
	loff_t end, max = max_bytes(in);

	if ((ssize_t)*count < 0 || __builtin_add_overflow(pos, (loff_t)*count, &end))
		return -EINVAL;
	if (S_ISDIR(file_inode(in)->i_mode))
		return -EINVAL;
	if (!max || (max_bytes(out) && max_bytes(out) < max))
		max = max_bytes(out);
	if (max && end > max) {
		if (pos >= max)
			return -EOVERFLOW;
		*count = max - pos;
	}
	return 0;
}

/*
 * sendfile(): what cat and cp use first.  @in must be open for reading,
 * @out for writing, and not with O_APPEND (-EINVAL, as Linux); with
 * @offset, @in is read from there (it must be seekable) and its own
 * position stays.  @in may not be a pipe (-EINVAL, as Linux).
 */
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	loff_t pos, *ppos;
	ssize_t ret;

	ret = !in || !(in->f_mode & FMODE_READ) || !out || !(out->f_mode & FMODE_WRITE) ? -EBADF
											: 0;
	if (!ret && (out->f_flags & O_APPEND))
		ret = -EINVAL;
	if (!ret && offset) {
		if (copy_from_user(&pos, offset, sizeof(pos)))
			ret = -EFAULT;
		else if (!seekable(in))
			ret = -ESPIPE;
		else if (pos < 0)
			ret = -EINVAL;
	}
	/* A pipe has no splice_read in Linux: what it holds cannot be given back. */
	if (!ret && S_ISFIFO(file_inode(in)->i_mode))
		ret = -EINVAL;
	if (!ret) {
		ppos = offset ? &pos : &in->f_pos;
		ret = sendfile_checks(in, *ppos, out, &count)
			      ?: copy_between(in, ppos, out, &out->f_pos, count);
		if (offset && ret >= 0 && put_user(pos, offset))
			ret = -EFAULT;
	}
	if (in)
		fput(in);
	if (out)
		fput(out);
	return ret;
}

/*
 * What copy_file_range() copies of @len bytes at @pos of @in: no more
 * than the file holds from there, cut before the overlap check, as
 * Linux's generic_copy_file_checks() does (a file copies onto its own
 * end).
 */
static size_t copy_len(struct file *in, loff_t pos, size_t len)
{
	struct inode *inode = file_inode(in);
	loff_t size;

	mutex_lock(&inode->i_mutex);
	size = inode->i_size;
	mutex_unlock(&inode->i_mutex);
	return pos >= size ? 0 : min((u64)len, (u64)(size - pos));
}

/* Between two regular files, with Linux's checks (no flags, no overlap in one file). */
SYSCALL_DEFINE6(copy_file_range, int, fd_in, loff_t __user *, off_in, int, fd_out, loff_t __user *,
		off_out, size_t, len, unsigned int, flags)
{
	struct file *in = fget(fd_in), *out = fget(fd_out);
	loff_t pin, pout, *ppin, *ppout;
	ssize_t ret = 0;

	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (!in || !(in->f_mode & FMODE_READ) || !out || !(out->f_mode & FMODE_WRITE))
		ret = -EBADF;
	else if (flags)
		ret = -EINVAL;
	else if (!S_ISREG(file_inode(in)->i_mode) || !S_ISREG(file_inode(out)->i_mode))
		ret = S_ISDIR(file_inode(in)->i_mode) || S_ISDIR(file_inode(out)->i_mode) ? -EISDIR
											  : -EINVAL;
	else if (out->f_flags & O_APPEND)
		ret = -EBADF;
	else if ((off_in && copy_from_user(&pin, off_in, sizeof(pin))) ||
		 (off_out && copy_from_user(&pout, off_out, sizeof(pout))))
		ret = -EFAULT;
	if (!ret) {
		ppin = off_in ? &pin : &in->f_pos;
		ppout = off_out ? &pout : &out->f_pos;
		if (*ppin < 0 || *ppout < 0) {
			ret = -EINVAL;
		} else {
			len = copy_len(in, *ppin, len);
			if (file_inode(in) == file_inode(out) && (u64)*ppin + len > (u64)*ppout &&
			    (u64)*ppout + len > (u64)*ppin)
				ret = -EINVAL; /* the ranges overlap */
			else
				ret = copy_between(in, ppin, out, ppout, len);
		}
		if (ret >= 0 &&
		    ((off_in && put_user(pin, off_in)) || (off_out && put_user(pout, off_out))))
			ret = -EFAULT;
	}
	if (in)
		fput(in);
	if (out)
		fput(out);
	return ret;
}
