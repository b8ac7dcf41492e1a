// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of character devices: /dev/null, /dev/zero and /dev/full through
 * nodes made here (so they run with or without an initramfs), nodes of majors and
 * minors nobody drives (-ENXIO), block device nodes (no driver: -ENXIO),
 * and register_chrdev()'s own rules: dynamic majors, a major taken twice,
 * bad arguments, open and release reaching the driver, and
 * unregistering.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include "vfs_test.h"

#define TOP "/ktest-chrdev"

static bool setup(struct ktest *t)
{
	return vfs_test_setup(t, TOP);
}

static void null_and_zero(struct ktest *t)
{
	struct vfs_snapshot before;
	char buf[64];
	struct file *f;
	struct kstat st;
	loff_t pos = 0;

	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/null", S_IFCHR | 0666, MKDEV(1, 3)), 0);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/zero", S_IFCHR | 0666, MKDEV(1, 5)), 0);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/full", S_IFCHR | 0666, MKDEV(1, 7)), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/null", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFCHR | 0666);
	KTEST_EXPECT_EQ(t, st.rdev, MKDEV(1, 3));
	KTEST_EXPECT_EQ(t, st.size, 0);
	vfs_snap(&before);
	f = filp_open(TOP "/null", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, sizeof(buf), &pos), sizeof(buf));
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 100, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, 7), -EINVAL);
	filp_close(f);
	f = filp_open(TOP "/zero", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KTEST_EXPECT_MEMEQ(t, buf, "\0\0\0\0\0\0\0\0", 8);
	KTEST_EXPECT_EQ(t, buf[sizeof(buf) - 1], 0);
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 1, &pos), -EBADF);
	filp_close(f);
	/* /dev/full: zeros to read, no room to write. */
	f = filp_open(TOP "/full", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 1, &pos), -ENOSPC);
	filp_close(f);
	vfs_expect_no_leak(t, &before, "/dev/null, /dev/zero and /dev/full opened and closed");
	KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP), 0);
}

static void undriven_nodes_are_enxio(struct ktest *t)
{
	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/mem6", S_IFCHR | 0600, MKDEV(1, 6)), 0);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/nobody", S_IFCHR | 0600, MKDEV(200, 0)), 0);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/huge", S_IFCHR | 0600, MKDEV(4095, 1)), 0);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/disk", S_IFBLK | 0600, MKDEV(8, 0)), 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/mem6", O_RDONLY, 0)), -ENXIO);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/nobody", O_RDONLY, 0)), -ENXIO);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/huge", O_RDONLY, 0)), -ENXIO);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/disk", O_RDONLY, 0)), -ENXIO);
	KTEST_EXPECT_EQ(t, vfs_mknod(NULL, TOP "/mem6", S_IFCHR | 0600, MKDEV(1, 3)), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP), 0);
}

static int opens, releases;

static int test_open(struct inode *inode, struct file *file)
{
	opens++;
	file->private_data = (void *)(unsigned long)MINOR(inode->i_rdev);
	return MINOR(inode->i_rdev) == 9 ? -EIO : 0;
}

static int test_release(struct inode *inode, struct file *file)
{
	releases++;
	return 0;
}

static ssize_t test_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	buf[0] = 'A' + (unsigned long)file->private_data;
	return 1;
}

static const struct file_operations test_fops = {
	.open = test_open,
	.release = test_release,
	.read = test_read,
};

static void register_rules(struct ktest *t)
{
	struct vfs_snapshot before;
	int major, other;
	struct file *f;
	char c = 0;
	loff_t pos = 0;
	u64 since;

	if (!setup(t))
		return;
	major = register_chrdev(0, "ktest", &test_fops);
	KTEST_ASSERT_TRUE(t, major >= 234 && major <= 254);
	other = register_chrdev(0, "ktest2", &test_fops);
	KTEST_EXPECT_TRUE(t, other >= 234 && other < major);
	since = ktest_mute_console();
	KTEST_EXPECT_EQ(t, register_chrdev(major, "again", &test_fops), -EBUSY);
	KTEST_EXPECT_EQ(t, register_chrdev(1, "mem again", &test_fops), -EBUSY);
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "is mem's already"));
	KTEST_EXPECT_EQ(t, register_chrdev(CHRDEV_MAJOR_MAX, "x", &test_fops), -EINVAL);
	KTEST_EXPECT_EQ(t, register_chrdev(100, NULL, &test_fops), -EINVAL);
	KTEST_EXPECT_EQ(t, register_chrdev(100, "x", NULL), -EINVAL);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/t2", S_IFCHR | 0600, MKDEV(major, 2)), 0);
	KTEST_ASSERT_EQ(t, vfs_mknod(NULL, TOP "/t9", S_IFCHR | 0600, MKDEV(major, 9)), 0);
	vfs_snap(&before);
	opens = releases = 0;
	f = filp_open(TOP "/t2", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, &c, 1, &pos), 1);
	KTEST_EXPECT_EQ(t, c, 'C');
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -ESPIPE); /* no llseek: a pipe-like device */
	filp_close(f);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/t9", O_RDONLY, 0)), -EIO);
	KTEST_EXPECT_EQ(t, opens, 2);
	KTEST_EXPECT_EQ(t, releases, 1); /* a failed open is not released */
	vfs_expect_no_leak(t, &before, "a driver's device opened, read and closed");
	/* Unregistering by the wrong name changes nothing; by the right one, the node is ENXIO. */
	since = ktest_mute_console();
	unregister_chrdev(major, "wrong");
	ktest_unmute_console();
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "not registered so"));
	f = filp_open(TOP "/t2", O_RDONLY, 0);
	KTEST_EXPECT_TRUE(t, !IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f);
	unregister_chrdev(major, "ktest");
	unregister_chrdev(other, "ktest2");
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/t2", O_RDONLY, 0)), -ENXIO);
	KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP), 0);
}

static const struct ktest_case chrdev_cases[] = {
	KTEST_CASE(null_and_zero),
	KTEST_CASE(undriven_nodes_are_enxio),
	KTEST_CASE(register_rules),
	{},
};
KTEST_SUITE(chrdev, chrdev_cases);
