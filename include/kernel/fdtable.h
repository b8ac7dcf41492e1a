/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A process's open files: the table from file descriptors to struct file
 * (fs/file.c), as Linux's files_struct.
 *
 * The table has a fixed size, NR_OPEN, which is also the RLIMIT_NOFILE a
 * program is told: a shell keeps its own descriptors from 10 up, and no
 * program here needs hundreds.  Each table belongs to one process, and
 * only that process changes it (fork() copies it, threads that would
 * share one do not exist), so it reads its table without a lock.  But
 * /proc/PID/fd readers on other CPUs look at a slot and the file in it
 * meanwhile: each slot is written under file_lock, and a file is put
 * only once out of its slot, so a reader holding the lock finds the file
 * alive (fs/proc/base.c).  A reader takes it under tasklist_lock, which
 * keeps the table (exit_process() drops it under that lock), by
 * spin_trylock() only (fs/proc/internal.h).
 */
#ifndef _KERNEL_FDTABLE_H
#define _KERNEL_FDTABLE_H

#include <kernel/spinlock.h>
#include <kernel/types.h>

#define NR_OPEN 256

struct file;

struct files_struct {
	spinlock_t file_lock; /* slot writes, against readers elsewhere (above) */
	struct file *fd[NR_OPEN];
	unsigned long close_on_exec[NR_OPEN / (8 * sizeof(unsigned long))];
	/*
	 * The bits new files do not get (umask(2)).  Linux keeps it in
	 * fs_struct with the working directory; here the table is what
	 * fork() copies and execve() keeps, which is what a umask needs.
	 */
	unsigned int umask;
};

#define DEFAULT_UMASK 0022 /* Linux's, for the first process */

/* The calling process's umask (0 for a kernel thread, which has no files). */
unsigned int current_umask(void);

/* An empty table; NULL if no memory. */
struct files_struct *files_alloc(void);
/* A copy for fork(): each file shared, its count raised; NULL if no memory. */
struct files_struct *dup_fd(struct files_struct *files);
/* Close every file and free the table. */
void put_files_struct(struct files_struct *files);

/*
 * The calling process's lowest free descriptor at or above @start, for
 * @file (whose reference it takes), with FD_CLOEXEC if @cloexec; -EMFILE
 * if none is free, -EINVAL if @start is out of range.
 */
int fd_install_from(struct file *file, unsigned int start, bool cloexec);
static inline int fd_install(struct file *file, bool cloexec)
{
	return fd_install_from(file, 0, cloexec);
}
/*
 * The file at @fd, with a reference for the caller (fput() it); NULL if
 * none, or if it is an O_PATH descriptor, which only the calls that use
 * fget_raw() take (fstat, fchdir, fcntl, dup, a dirfd, fstatfs), as in
 * Linux.
 */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
/* Close @fd: 0 or -EBADF. */
int close_fd(unsigned int fd);
/*
 * dup2()/dup3(): make @newfd refer to @oldfd's file, closing what @newfd
 * was; @newfd or -EBADF.
 */
int replace_fd(unsigned int oldfd, unsigned int newfd, bool cloexec);
int get_close_on_exec(unsigned int fd);
int set_close_on_exec(unsigned int fd, bool on);
/* At execve(): close the descriptors marked close-on-exec. */
void do_close_on_exec(struct files_struct *files);
/*
 * close_range(): close (or with @cloexec, mark close-on-exec) every open
 * descriptor from @first to @last.
 */
void close_fd_range(unsigned int first, unsigned int last, bool cloexec);

#endif
