/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers.  Kernel functions return 0 or a negative errno, with the
 * values Linux uses so that they read the same.
 */
#ifndef _KERNEL_ERRNO_H
#define _KERNEL_ERRNO_H

#define EPERM	     1
#define ENOENT	     2
#define ESRCH	     3
#define EINTR	     4
#define EIO	     5
#define ENXIO	     6
#define E2BIG	     7
#define ENOEXEC	     8
#define EBADF	     9
#define ECHILD	     10
#define EAGAIN	     11
#define ENOMEM	     12
#define EACCES	     13
#define EFAULT	     14
#define ENOTBLK	     15
#define EBUSY	     16
#define EEXIST	     17
#define EXDEV	     18
#define ENODEV	     19
#define ENOTDIR	     20
#define EISDIR	     21
#define EINVAL	     22
#define ENFILE	     23
#define EMFILE	     24
#define ENOTTY	     25
#define ETXTBSY	     26
#define EFBIG	     27
#define ENOSPC	     28
#define ESPIPE	     29
#define EROFS	     30
#define EMLINK	     31
#define EPIPE	     32
#define EDOM	     33
#define ERANGE	     34
#define EDEADLK	     35
#define ENAMETOOLONG 36
#define ENOLCK	     37
#define ENOSYS	     38
#define ENOTEMPTY    39
#define ELOOP	     40
#define ENODATA	     61
#define ETIME	     62
#define EOVERFLOW    75
#define ENOTSOCK     88
#define EOPNOTSUPP   95
#define ETIMEDOUT    110

/*
 * Never seen by a program (Linux's include/linux/errno.h): a system call
 * that a signal interrupted returns one, and the way back to user mode
 * either restarts the call or turns it into -EINTR, as the handler's
 * SA_RESTART says.
 */
#define ERESTARTSYS	      512
#define ERESTARTNOINTR	      513
#define ERESTARTNOHAND	      514
#define ERESTART_RESTARTBLOCK 516

#endif
