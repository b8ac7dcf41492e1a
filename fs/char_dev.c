// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: a driver registers the file operations of a major
 * number, and opening a device node of that major hands the open file
 * to them (the driver's open() may pick others by minor, as
 * drivers/char/mem.c does).  A node whose major has no driver opens
 * with -ENXIO, as in Linux.
 *
 * chrdevs_lock guards the table.  Linux keeps a range of minors per
 * registration; register_chrdev() there takes all 256 of a major, and
 * so does this one, which keeps only whole majors.
 */
#define pr_fmt(fmt) "chrdev: " fmt

#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

/* Majors register_chrdev(0, ...) hands out, from the top, as Linux's dynamic range. */
#define CHRDEV_MAJOR_DYN_END 234
#define CHRDEV_MAJOR_DYN_TOP 254

struct char_device {
	const char *name;
	const struct file_operations *fops;
};

static struct char_device chrdevs[CHRDEV_MAJOR_MAX];
static DEFINE_MUTEX(chrdevs_lock);

/* @major, or a free one when it is 0: the major number, or -errno. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	int ret;

	if (!name || !fops || major >= CHRDEV_MAJOR_MAX)
		return -EINVAL;
	mutex_lock(&chrdevs_lock);
	if (!major) {
		for (major = CHRDEV_MAJOR_DYN_TOP; major >= CHRDEV_MAJOR_DYN_END; major--)
			if (!chrdevs[major].fops)
				break;
		if (major < CHRDEV_MAJOR_DYN_END) {
			ret = -EBUSY;
			goto out;
		}
	}
	if (chrdevs[major].fops) {
		pr_err("major %u is %s's already; %s not registered\n", major, chrdevs[major].name,
		       name);
		ret = -EBUSY;
		goto out;
	}
	chrdevs[major].name = name;
	chrdevs[major].fops = fops;
	ret = major;
out:
	mutex_unlock(&chrdevs_lock);
	return ret;
}

void unregister_chrdev(unsigned int major, const char *name)
{
	mutex_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX && chrdevs[major].fops && name &&
	    !strcmp(chrdevs[major].name, name))
		chrdevs[major].fops = NULL;
	else
		pr_err("unregister_chrdev(%u, %s): not registered so; ignored\n", major,
		       name ?: "(null)");
	mutex_unlock(&chrdevs_lock);
}

static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = NULL;
	unsigned int major = MAJOR(inode->i_rdev);

	mutex_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX)
		fops = chrdevs[major].fops;
	mutex_unlock(&chrdevs_lock);
	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	return fops->open ? fops->open(inode, file) : 0;
}

/* What every character device node opens with, before the driver's own. */
const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
