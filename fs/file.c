// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptors: each process's table from small integers to open
 * files, with Linux's rules: the lowest free number is taken, dup2() onto
 * an open descriptor closes it first, close-on-exec is a property of the
 * descriptor (not the file), and fork() shares every file with the child.
 * Only the process changes its table, so it reads it without a lock;
 * each slot is written under file_lock, for /proc readers on other CPUs
 * (<kernel/fdtable.h>).
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define BITS_PER_LONG (8 * sizeof(unsigned long))

static void set_bit_to(unsigned long *map, unsigned int n, bool on)
{
	if (on)
		map[n / BITS_PER_LONG] |= 1UL << (n % BITS_PER_LONG);
	else
		map[n / BITS_PER_LONG] &= ~(1UL << (n % BITS_PER_LONG));
}

static bool test_bit_in(const unsigned long *map, unsigned int n)
{
	return map[n / BITS_PER_LONG] & (1UL << (n % BITS_PER_LONG));
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(struct files_struct));

	if (files) {
		spin_lock_init(&files->file_lock);
		files->umask = DEFAULT_UMASK;
	}
	return files;
}

/*
 * Fill or empty slot @fd.  A file is put only after it has left its slot,
 * so a reader that finds it there under the lock finds it alive.
 */
static void fd_set(struct files_struct *files, unsigned int fd, struct file *file)
{
	spin_lock(&files->file_lock);
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

unsigned int current_umask(void)
{
	return current->files ? current->files->umask : 0;
}

struct files_struct *dup_fd(struct files_struct *files)
{
	struct files_struct *copy = kmalloc(sizeof(*copy));
	unsigned int fd;

	if (!copy)
		return NULL;
	memcpy(copy, files, sizeof(*copy));
	spin_lock_init(&copy->file_lock); /* a reader may hold the original's */
	for (fd = 0; fd < NR_OPEN; fd++)
		if (copy->fd[fd])
			get_file(copy->fd[fd]);
	return copy;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0; fd < NR_OPEN; fd++) {
		struct file *file = files->fd[fd];

		/* The process has let go of the table: nobody else can reach it. */
		files->fd[fd] = NULL;
		if (file)
			fput(file);
	}
	kfree(files);
}

int fd_install_from(struct file *file, unsigned int start, bool cloexec)
{
	struct files_struct *files = current->files;
	unsigned int fd;

	if (start >= NR_OPEN)
		return -EINVAL;
	if (!files)
		return -EMFILE;
	for (fd = start; fd < NR_OPEN && fd < rlimit(RLIMIT_NOFILE); fd++) {
		if (files->fd[fd])
			continue;
		set_bit_to(files->close_on_exec, fd, cloexec);
		fd_set(files, fd, get_file(file));
		return fd;
	}
	return -EMFILE;
}

struct file *fget_raw(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN || !files->fd[fd])
		return NULL;
	return get_file(files->fd[fd]);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN || !files->fd[fd] || (files->fd[fd]->f_mode & FMODE_PATH))
		return NULL;
	return get_file(files->fd[fd]);
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	if (!files || fd >= NR_OPEN || !files->fd[fd])
		return -EBADF;
	file = files->fd[fd];
	fd_set(files, fd, NULL);
	set_bit_to(files->close_on_exec, fd, false);
	fput(file);
	return 0;
}

int replace_fd(unsigned int oldfd, unsigned int newfd, bool cloexec)
{
	struct files_struct *files = current->files;
	struct file *old;

	if (!files || oldfd >= NR_OPEN || !files->fd[oldfd] || newfd >= NR_OPEN ||
	    newfd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	old = files->fd[newfd];
	fd_set(files, newfd, get_file(files->fd[oldfd]));
	set_bit_to(files->close_on_exec, newfd, cloexec);
	if (old)
		fput(old);
	return newfd;
}

int get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN || !files->fd[fd])
		return -EBADF;
	return test_bit_in(files->close_on_exec, fd);
}

int set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN || !files->fd[fd])
		return -EBADF;
	set_bit_to(files->close_on_exec, fd, on);
	return 0;
}

void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0; fd < NR_OPEN; fd++) {
		if (!test_bit_in(files->close_on_exec, fd))
			continue;
		set_bit_to(files->close_on_exec, fd, false);
		if (files->fd[fd]) {
			struct file *file = files->fd[fd];

			fd_set(files, fd, NULL);
			fput(file);
		}
	}
}

void close_fd_range(unsigned int first, unsigned int last, bool cloexec)
{
	struct files_struct *files = current->files;
	unsigned int fd;

	if (!files)
		return;
	for (fd = first; fd < NR_OPEN && fd <= last; fd++) {
		if (!files->fd[fd])
			continue;
		if (cloexec) {
			set_bit_to(files->close_on_exec, fd, true);
		} else {
			struct file *file = files->fd[fd];

			fd_set(files, fd, NULL);
			set_bit_to(files->close_on_exec, fd, false);
			fput(file);
		}
	}
}
