// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of Linux's major 1: /dev/null (minor 3), which
 * reads as empty and swallows writes, /dev/zero (minor 5), which reads
 * as zeros, and /dev/full (minor 7), which reads as zeros and is
 * always full (-ENOSPC): what a full disk does to a program.  None has
 * ->poll: each is always ready, as in Linux.  The first users of
 * register_chrdev(); one major, and open() picks the minor's
 * operations, as Linux's memory_open() does.  /dev/random (minor 8) and
 * /dev/urandom (minor 9) are the random number generator's
 * (drivers/char/random.c).
 */
#define pr_fmt(fmt) "mem: " fmt

#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/string.h>

#define MEM_MAJOR 1

static ssize_t read_null(struct file *file, char *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return count;
}

static ssize_t read_zero(struct file *file, char *buf, size_t count, loff_t *pos)
{
	memset(buf, 0, count);
	return count;
}

static ssize_t write_full(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return -ENOSPC;
}

static const struct file_operations null_fops = {
	.llseek = noop_llseek,
	.read = read_null,
	.write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = noop_llseek,
	.read = read_zero,
	.write = write_null,
};

static const struct file_operations full_fops = {
	.llseek = noop_llseek,
	.read = read_zero,
	.write = write_full,
};

static int memory_open(struct inode *inode, struct file *file)
{
	switch (MINOR(inode->i_rdev)) {
	case 3:
		file->f_op = &null_fops;
		return 0;
	case 5:
		file->f_op = &zero_fops;
		return 0;
	case 7:
		file->f_op = &full_fops;
		return 0;
	case 8:
	case 9:
		file->f_op = &random_fops;
		return 0;
	default:
		return -ENXIO;
	}
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static int chr_dev_init(void)
{
	int ret = register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	if (ret < 0)
		pr_err("cannot register major %d (error %d)\n", MEM_MAJOR, ret);
	return ret < 0 ? ret : 0;
}
device_initcall(chr_dev_init);
