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

/*
 * A device number as programs see it (struct stat's st_dev, st_rdev),
 * Linux's new_encode_dev(): the minor's low byte, the major, the rest of
 * the minor, so that old 8:8 numbers read the same.
 */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}
#define MINOR_MAX MINORMASK

#endif
