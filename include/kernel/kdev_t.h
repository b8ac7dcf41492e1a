/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device numbers inside the kernel, as Linux keeps them: 12 bits of major
 * and 20 of minor in a dev_t.  stat(2) will encode them the way glibc's
 * makedev() does, which is the system call's business, not this one's.
 */
#ifndef _KERNEL_KDEV_T_H
#define _KERNEL_KDEV_T_H

#include <kernel/stat.h>

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev)    ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)    ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (dev_t)(mi))
#define MAJOR_MAX     4095
#define MINOR_MAX     MINORMASK

#endif
