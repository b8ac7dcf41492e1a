// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the initramfs: what the boot unpacked is what
 * usr/initramfs_base.list lists (so a kernel booted without its module,
 * or with a broken archive, fails here), and unpack_to_rootfs() on
 * archives made here: entries whole or not at all, names replaced, the
 * attributes the archive gives, and nothing left behind.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "cpio_test.h"
#include "vfs_test.h"

struct expected {
	const char *name;
	umode_t mode;
	dev_t rdev;
};

/* usr/initramfs_base.list, line by line. */
static const struct expected base_list[] = {
	{ "/dev", S_IFDIR | 0755, 0 },
	{ "/dev/console", S_IFCHR | 0600, MKDEV(5, 1) },
	{ "/dev/tty", S_IFCHR | 0666, MKDEV(5, 0) },
	{ "/dev/tty0", S_IFCHR | 0620, MKDEV(4, 0) },
	{ "/dev/null", S_IFCHR | 0666, MKDEV(1, 3) },
	{ "/dev/zero", S_IFCHR | 0666, MKDEV(1, 5) },
	{ "/root", S_IFDIR | 0700, 0 },
	{ "/bin", S_IFDIR | 0755, 0 },
};

static void base_list_is_unpacked(struct ktest *t)
{
	struct kstat st;
	struct file *f;
	unsigned int i;
	char c = 1;
	loff_t pos = 0;

	for (i = 0; i < ARRAY_SIZE(base_list); i++) {
		const struct expected *e = &base_list[i];
		int err = vfs_stat(e->name, &st);

		if (!ktest_check(t, !err, __FILE__, __LINE__,
				 "%s: error %d (was the initramfs module loaded?)", e->name, err))
			continue;
		ktest_check(t, st.mode == e->mode && st.rdev == e->rdev && !st.uid && !st.gid,
			    __FILE__, __LINE__, "%s: mode %o rdev %u:%u uid %u gid %u", e->name,
			    st.mode, MAJOR(st.rdev), MINOR(st.rdev), st.uid, st.gid);
	}
	f = filp_open("/dev/zero", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, &c, 1, &pos), 1);
	KTEST_EXPECT_EQ(t, c, 0);
	filp_close(f);
}

#define ARCHIVE_SIZE 16384
#define BIG	     6000

static struct cpio_builder b;

static void begin(u8 *buf)
{
	b.buf = buf;
	b.len = 0;
	b.cap = ARCHIVE_SIZE;
	b.ino = 0;
}

/* Unpack the archive with the expected complaints kept off the consoles. */
static void unpack(int *result)
{
	ktest_mute_console();
	*result = unpack_to_rootfs(b.buf, b.len);
	ktest_unmute_console();
}

static void unpacking_is_whole_or_nothing(struct ktest *t)
{
	u8 *buf = kzalloc(ARCHIVE_SIZE), *data = kmalloc(BIG), back[16];
	struct kstat st;
	struct file *f;
	size_t i, cut;
	loff_t pos = BIG - 16;
	int ret;

	KTEST_ASSERT_TRUE(t, buf && data);
	vfs_remove_tree("/ktest-initramfs");
	for (i = 0; i < BIG; i++)
		data[i] = i * 31 + 7;
	begin(buf);
	cpio_put(&b, "ktest-initramfs", S_IFDIR | 0750, 0, 0, NULL, 0);
	cpio_put(&b, "ktest-initramfs/a", S_IFREG | 0604, 0, 0, data, BIG);
	cpio_put(&b, "./ktest-initramfs/link", S_IFLNK | 0777, 0, 0, "a", 1);
	cpio_put(&b, "/ktest-initramfs/tty", S_IFCHR | 0620, 4, 1, NULL, 0);
	cut = b.len;
	cpio_put(&b, "ktest-initramfs/b", S_IFREG | 0644, 0, 0, data, BIG);
	/* The last entry cut short: refused, and not made at all. */
	b.len -= 100;
	unpack(&ret);
	KTEST_EXPECT_EQ(t, ret, -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_stat("/ktest-initramfs/b", &st), -ENOENT);
	KTEST_ASSERT_EQ(t, vfs_stat("/ktest-initramfs", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 0750);
	KTEST_ASSERT_EQ(t, vfs_stat("/ktest-initramfs/a", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0604);
	KTEST_EXPECT_EQ(t, st.size, BIG);
	KTEST_EXPECT_EQ(t, st.mtime.tv_sec, 1700000000);
	KTEST_ASSERT_EQ(t, vfs_stat("/ktest-initramfs/tty", &st), 0);
	KTEST_EXPECT_EQ(t, st.rdev, MKDEV(4, 1));
	f = filp_open("/ktest-initramfs/link", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, back, sizeof(back), &pos), 16);
	KTEST_EXPECT_MEMEQ(t, back, data + BIG - 16, 16);
	filp_close(f);
	/* Again, whole, over what is there: the file becomes a directory, the link a file. */
	b.len = cut;
	cpio_put(&b, "ktest-initramfs/a", S_IFDIR | 0700, 0, 0, NULL, 0);
	cpio_put(&b, "ktest-initramfs/link", S_IFREG | 0600, 0, 0, "new", 3);
	cpio_trailer(&b);
	unpack(&ret);
	KTEST_EXPECT_EQ(t, ret, 6);
	KTEST_EXPECT_EQ(t, vfs_stat("/ktest-initramfs/a", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 0700);
	KTEST_EXPECT_EQ(t, vfs_stat("/ktest-initramfs/link", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0600);
	KTEST_EXPECT_EQ(t, st.size, 3);
	/* Nothing escapes the root. */
	begin(buf);
	cpio_put(&b, "ktest-initramfs/../../escaped", S_IFREG | 0644, 0, 0, "x", 1);
	cpio_trailer(&b);
	unpack(&ret);
	KTEST_EXPECT_EQ(t, ret, -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_stat("/escaped", &st), -ENOENT);
	/* A name whose directory is missing stops the unpacking there. */
	begin(buf);
	cpio_put(&b, "ktest-initramfs/none/x", S_IFREG | 0644, 0, 0, "x", 1);
	cpio_trailer(&b);
	unpack(&ret);
	KTEST_EXPECT_EQ(t, ret, -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_remove_tree("/ktest-initramfs"), 0);
	kfree(buf);
	kfree(data);
}

static const struct ktest_case initramfs_cases[] = {
	KTEST_CASE(base_list_is_unpacked),
	KTEST_CASE(unpacking_is_whole_or_nothing),
	{},
};
KTEST_SUITE(initramfs, initramfs_cases);
