/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers.  Kernel functions return 0 or a negative errno, with the
 * values Linux uses so that they read the same.
 */
#ifndef _KERNEL_ERRNO_H
#define _KERNEL_ERRNO_H

#define ENOENT	  2
#define ESRCH	  3
#define EINTR	  4
#define E2BIG	  7
#define ECHILD	  10
#define EAGAIN	  11
#define ENOMEM	  12
#define EACCES	  13
#define EBUSY	  16
#define EEXIST	  17
#define ENODEV	  19
#define EINVAL	  22
#define ERANGE	  34
#define EDEADLK	  35
#define ETIMEDOUT 110

#endif
