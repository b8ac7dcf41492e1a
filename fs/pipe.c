// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs: a ring of bytes between a writing end and a reading
 * end, with Linux's rules (pipe(7)).
 *
 * The ring holds PIPE_SIZE bytes (Linux's default, 64 KiB) in pages that
 * are allocated when bytes first reach them and kept until the pipe goes,
 * so a busy pipe costs no allocation per write.  A read takes what is
 * there, up to what was asked, and waits only when the ring is empty; it
 * reads 0 (end of file) once no writer is left.  A write of at most
 * PIPE_BUF bytes goes in whole or waits, so that writers never interleave
 * within one; a longer one goes in as room appears.  Writing with no
 * reader left gives SIGPIPE and -EPIPE.  With O_NONBLOCK, what would wait
 * gives -EAGAIN instead.  The waits are interruptible: a signal ends them
 * with -ERESTARTSYS, or with the count moved so far.
 *
 * A pipe made by pipe2() has an inode and a dentry of its own, outside
 * the namespace, so that fstat() and the rest see a FIFO.  A FIFO made by
 * mknod() gets a pipe on its first open, in i_pipe, and loses it on its
 * last close, as in Linux; opening one end waits for the other (unless
 * O_NONBLOCK, or O_RDWR, which is both).
 *
 * Locking: each pipe has a mutex for its ring and counts; the wait
 * conditions read them without it and are checked again under it, as
 * Linux's pipe_readable() does.  A FIFO's i_mutex guards i_pipe and comes
 * before the pipe's mutex.
 */
#include <asm/page.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fcntl.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>
#include "internal.h"

#define PIPE_SIZE  (16 * PAGE_SIZE) /* Linux's default capacity, 64 KiB */
#define PIPE_PAGES (PIPE_SIZE / PAGE_SIZE)
#define FIONREAD   0x541B

struct pipe_inode_info {
	struct mutex mutex;
	struct wait_queue_head rd_wait;	   /* readers wait here for bytes or the last writer */
	struct wait_queue_head wr_wait;	   /* writers for room or the last reader */
	unsigned int readers, writers;	   /* open ends */
	unsigned int r_counter, w_counter; /* ends ever opened: a FIFO's open waits on them */
	size_t head;			   /* where the next byte goes, modulo PIPE_SIZE */
	size_t len;			   /* bytes in the ring, ending at head */
	void *pages[PIPE_PAGES];
	struct inode *fifo; /* the FIFO whose i_pipe this is; NULL for pipe2()'s */
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe));

	if (!pipe)
		return NULL;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = 0; i < PIPE_PAGES; i++)
		if (pipe->pages[i])
			free_page(pipe->pages[i]);
	kfree(pipe);
}

/* Copy @count bytes out of the ring, oldest first; with the pipe's mutex. */
static void ring_take(struct pipe_inode_info *pipe, char *buf, size_t count)
{
	size_t tail = (pipe->head + PIPE_SIZE - pipe->len) % PIPE_SIZE, done = 0;

	while (done < count) {
		size_t off = (tail + done) % PIPE_SIZE;
		size_t chunk = min(count - done, PAGE_SIZE - off % PAGE_SIZE);

		memcpy(buf + done, (char *)pipe->pages[off / PAGE_SIZE] + off % PAGE_SIZE, chunk);
		done += chunk;
	}
	pipe->len -= count;
}

/* Room for @count more bytes at head: every page they reach, or -ENOMEM. */
static int ring_reserve(struct pipe_inode_info *pipe, size_t count)
{
	size_t off;

	for (off = 0; off < count; off += PAGE_SIZE - (pipe->head + off) % PAGE_SIZE) {
		unsigned int page = (pipe->head + off) % PIPE_SIZE / PAGE_SIZE;

		if (!pipe->pages[page]) {
			pipe->pages[page] = alloc_page();
			if (!pipe->pages[page])
				return -ENOMEM;
		}
	}
	return 0;
}

static void ring_put(struct pipe_inode_info *pipe, const char *buf, size_t count)
{
	size_t done = 0;

	while (done < count) {
		size_t off = pipe->head;
		size_t chunk = min(count - done, PAGE_SIZE - off % PAGE_SIZE);

		memcpy((char *)pipe->pages[off / PAGE_SIZE] + off % PAGE_SIZE, buf + done, chunk);
		done += chunk;
		pipe->head = (pipe->head + chunk) % PIPE_SIZE;
		pipe->len += chunk;
	}
}

static ssize_t pipe_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	ssize_t ret;

	mutex_lock(&pipe->mutex);
	for (;;) {
		if (pipe->len) {
			ret = min(count, pipe->len);
			ring_take(pipe, buf, ret);
			wake_up(&pipe->wr_wait);
			break;
		}
		if (!pipe->writers) {
			ret = 0;
			break;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		ret = wait_event_interruptible(pipe->rd_wait, pipe->len || !pipe->writers);
		mutex_lock(&pipe->mutex);
		if (ret)
			break;
	}
	mutex_unlock(&pipe->mutex);
	return ret;
}

static ssize_t pipe_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t done = 0;
	ssize_t err = 0;

	mutex_lock(&pipe->mutex);
	while (done < count) {
		/* A write up to PIPE_BUF goes in whole; a longer one as room appears. */
		size_t want = count <= PIPE_BUF ? count : 1;
		size_t room = PIPE_SIZE - pipe->len, n;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			err = -EPIPE;
			break;
		}
		if (room >= want) {
			n = min(room, count - done);
			err = ring_reserve(pipe, n);
			if (err)
				break;
			ring_put(pipe, buf + done, n);
			done += n;
			wake_up(&pipe->rd_wait);
			continue;
		}
		if (file->f_flags & O_NONBLOCK) {
			err = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		err = wait_event_interruptible(pipe->wr_wait,
					       PIPE_SIZE - pipe->len >= want || !pipe->readers);
		mutex_lock(&pipe->mutex);
		if (err)
			break;
	}
	mutex_unlock(&pipe->mutex);
	return done ? (ssize_t)done : err;
}

static __poll_t pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	__poll_t mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &pipe->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &pipe->wr_wait, pt);
	/* One word each, read whole on one CPU: no lock, as Linux's pipe_poll(). */
	if (file->f_mode & FMODE_READ) {
		if (pipe->len)
			mask |= POLLIN | POLLRDNORM;
		/* A FIFO reader that has seen no writer yet is not hung up on, as in Linux. */
		if (!pipe->writers && file->f_version != pipe->w_counter)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (PIPE_SIZE - pipe->len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	int count;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pipe->mutex);
	count = pipe->len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg) ? -EFAULT : 0;
}

/* Drop @file's end of the pipe; the last end frees it. */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;
	bool last;

	if (!pipe)
		return 0;
	if (pipe->fifo)
		mutex_lock(&pipe->fifo->i_mutex);
	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	mutex_unlock(&pipe->mutex);
	if (pipe->fifo) {
		if (last)
			pipe->fifo->i_pipe = NULL;
		mutex_unlock(&pipe->fifo->i_mutex);
	}
	if (last)
		free_pipe_info(pipe);
	return 0;
}

/*
 * Opening a FIFO by name: the pipe it has, or a new one, and Linux's
 * waits: a reader for a writer and a writer for a reader, unless
 * O_NONBLOCK (a lone writer then gets -ENXIO) or O_RDWR.
 */
static int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe;
	bool nonblock = file->f_flags & O_NONBLOCK;
	unsigned int seen;
	int err = 0;

	mutex_lock(&inode->i_mutex);
	pipe = inode->i_pipe;
	if (!pipe) {
		pipe = alloc_pipe_info();
		if (!pipe) {
			mutex_unlock(&inode->i_mutex);
			return -ENOMEM;
		}
		pipe->fifo = inode;
		inode->i_pipe = pipe;
	}
	file->private_data = pipe;
	mutex_lock(&pipe->mutex);
	switch (file->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->readers++;
		pipe->r_counter++;
		seen = pipe->w_counter;
		file->f_version = seen;
		if (!pipe->writers && !nonblock) {
			mutex_unlock(&pipe->mutex);
			mutex_unlock(&inode->i_mutex);
			err = wait_event_interruptible(pipe->rd_wait, pipe->w_counter != seen);
			mutex_lock(&inode->i_mutex);
			mutex_lock(&pipe->mutex);
		}
		break;
	case FMODE_WRITE:
		if (!pipe->readers && nonblock) {
			err = -ENXIO;
			break;
		}
		pipe->writers++;
		pipe->w_counter++;
		seen = pipe->r_counter;
		if (!pipe->readers) {
			mutex_unlock(&pipe->mutex);
			mutex_unlock(&inode->i_mutex);
			err = wait_event_interruptible(pipe->wr_wait, pipe->r_counter != seen);
			mutex_lock(&inode->i_mutex);
			mutex_lock(&pipe->mutex);
		}
		break;
	default:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		break;
	}
	/* A new end is news for the other side's open, read and poll. */
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	mutex_unlock(&pipe->mutex);
	mutex_unlock(&inode->i_mutex);
	if (err) {
		if (err == -ENXIO)
			file->f_mode &= ~FMODE_WRITE; /* counted nothing: release takes nothing */
		pipe_release(inode, file);
		file->private_data = NULL;
	}
	return err;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* pipe2()'s ends: the same, with the pipe made already. */
static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* pipe2()'s pipes: inodes of a file system of their own, which nothing can name. */
static struct inode *pipefs_alloc_inode(struct super_block *sb)
{
	return kzalloc(sizeof(struct inode));
}

static void pipefs_destroy_inode(struct inode *inode)
{
	kfree(inode);
}

static const struct super_operations pipefs_ops = {
	.alloc_inode = pipefs_alloc_inode,
	.destroy_inode = pipefs_destroy_inode,
};

static struct super_block pipefs_sb = {
	.s_dev = MKDEV(0, 2),
	.s_op = &pipefs_ops,
	.s_type = "pipefs",
	.s_magic = PIPEFS_MAGIC,
};

static struct file *pipe_end(struct dentry *dentry, struct pipe_inode_info *pipe, int flags)
{
	struct file *file = do_dentry_open(dentry, flags); /* takes @dentry's reference */

	if (!IS_ERR(file))
		file->private_data = pipe;
	return file;
}

int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();
	struct dentry *dentry = NULL;
	struct inode *inode = NULL;
	struct file *r, *w;

	if (!pipe)
		return -ENOMEM;
	mutex_lock(&vfs_tree_lock);
	inode = new_inode(&pipefs_sb);
	if (inode)
		dentry = d_alloc(NULL, "pipe:", 5);
	if (inode && !dentry)
		__iput(inode);
	mutex_unlock(&vfs_tree_lock);
	if (!dentry) {
		free_pipe_info(pipe);
		return -ENOMEM;
	}
	inode->i_mode = S_IFIFO | 0600;
	inode->i_fop = &pipe_fops;
	d_instantiate(dentry, inode);
	pipe->readers = pipe->writers = 1;
	pipe->r_counter = pipe->w_counter = 1;
	/* Each end holds a reference to the dentry: d_alloc()'s and one more. */
	flags &= O_NONBLOCK;
	dget(dentry);
	r = pipe_end(dentry, pipe, O_RDONLY | flags);
	if (IS_ERR(r)) {
		dput(dentry); /* the write end's: the failed open dropped its own */
		free_pipe_info(pipe);
		return PTR_ERR(r);
	}
	w = pipe_end(dentry, pipe, O_WRONLY | flags);
	if (IS_ERR(w)) {
		pipe->writers = 0;
		fput(r); /* the last end: frees the pipe */
		return PTR_ERR(w);
	}
	res[0] = r;
	res[1] = w;
	return 0;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL; /* O_DIRECT, packet mode, is not here */
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = fd_install(files[0], flags & O_CLOEXEC);
	fd[1] = fd[0] < 0 ? fd[0] : fd_install(files[1], flags & O_CLOEXEC);
	fput(files[0]);
	fput(files[1]);
	if (fd[1] < 0) {
		if (fd[0] >= 0)
			close_fd(fd[0]);
		return fd[1];
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		close_fd(fd[0]);
		close_fd(fd[1]);
		return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
