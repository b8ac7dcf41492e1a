// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the VFS and ramfs through the calls the system calls will
 * use, with hostile arguments: path walks (".", ".." above the root, the
 * empty path, a file used as a directory, names and paths one byte too
 * long, symbolic link loops), open's flags, reads and writes across page
 * boundaries and past the end, lseek's edges, a 2 MiB file, listings
 * that see every entry once, the rules of mkdir, rmdir and unlink, and
 * no reference, heap object or frame left behind.  Each case works under
 * /ktest-vfs and removes it.
 */
#include <asm/page.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/page_alloc.h>
#include <kernel/preempt.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "vfs_test.h"

#define TOP "/ktest-vfs"

static bool setup(struct ktest *t)
{
	return vfs_test_setup(t, TOP);
}

static void teardown(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP), 0);
}

/* The dentry @name resolves to from @start, with its reference dropped; or NULL. */
static struct dentry *lookup(const struct path *start, const char *name, unsigned int flags,
			     int *err)
{
	struct path path;

	*err = vfs_path_lookup(start, name, flags, &path);
	if (*err)
		return NULL;
	path_put(&path); /* the tree keeps it while the case runs */
	return path.dentry;
}

static int lookup_err(const char *name, unsigned int flags)
{
	int err;

	lookup(NULL, name, flags, &err);
	return err;
}

static int make_file(const char *name, const char *text)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = text ? vfs_write_all(f, text, strlen(text), &pos) : 0;
	filp_close(f);
	return n < 0 ? n : 0;
}

static void walk_handles_dots_and_slashes(struct ktest *t)
{
	struct dentry *b, *root, *d;
	struct path start;
	int err;

	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/a", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/a/b", 0755), 0);
	b = lookup(NULL, TOP "/a/b", 0, &err);
	root = lookup(NULL, "/", 0, &err);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, "//ktest-vfs///a//b//", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, TOP "/./a/./b/.", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, TOP "/a/b/../b/../../a/b", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, "/../../..", 0, &err) == root);
	KTEST_EXPECT_TRUE(t, lookup(NULL, "/../ktest-vfs/../../ktest-vfs/a/b", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, "ktest-vfs/a/b", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, "/", 0, &err) == root);
	KTEST_EXPECT_TRUE(t, lookup(NULL, "///", 0, &err) == root);
	/* From a working directory: relative names start there, absolute ones at the root. */
	KTEST_ASSERT_EQ(t, vfs_path_lookup(NULL, TOP "/a", 0, &start), 0);
	KTEST_EXPECT_TRUE(t, lookup(&start, "b", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(&start, "./b/", 0, &err) == b);
	d = lookup(&start, "..", 0, &err);
	KTEST_EXPECT_TRUE(t, d && d == lookup(NULL, TOP, 0, &err));
	KTEST_EXPECT_TRUE(t, lookup(&start, "/", 0, &err) == root);
	KTEST_EXPECT_TRUE(t, lookup(&start, "../../../..", 0, &err) == root);
	path_put(&start);
	teardown(t);
}

static void walk_errors_are_linux_errors(struct ktest *t)
{
	char *name = kmalloc(PATH_MAX + 8);

	KTEST_ASSERT_NOT_NULL(t, name);
	if (!setup(t)) {
		kfree(name);
		return;
	}
	KTEST_EXPECT_EQ(t, make_file(TOP "/f", "x"), 0);
	KTEST_EXPECT_EQ(t, lookup_err("", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/f/x", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/f/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/f/.", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/f/..", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/f", LOOKUP_DIRECTORY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/nothing", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/nothing/x", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/nothing/../f", 0), -ENOENT);
	/* 255 bytes is a name, 256 is not. */
	memcpy(name, TOP "/", sizeof(TOP));
	memset(name + sizeof(TOP), 'n', 256);
	name[sizeof(TOP) + 255] = '\0';
	KTEST_EXPECT_EQ(t, lookup_err(name, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, name, 0755), 0);
	name[sizeof(TOP) + 255] = 'n';
	name[sizeof(TOP) + 256] = '\0';
	KTEST_EXPECT_EQ(t, lookup_err(name, 0), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, name, 0755), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, make_file(name, NULL), -ENAMETOOLONG);
	/* A path of 4095 bytes is one; 4096 is not. */
	memset(name, '/', PATH_MAX);
	memcpy(name + PATH_MAX - 1 - strlen(TOP "/f"), TOP "/f", strlen(TOP "/f"));
	name[PATH_MAX - 1] = '\0';
	KTEST_EXPECT_EQ(t, lookup_err(name, 0), 0);
	memset(name, '/', PATH_MAX);
	memcpy(name + PATH_MAX - strlen(TOP "/f"), TOP "/f", strlen(TOP "/f"));
	name[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(t, lookup_err(name, 0), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, vfs_path_lookup(NULL, NULL, 0, NULL), -EINVAL);
	kfree(name);
	teardown(t);
}

static void symlinks_are_followed_and_loops_stop(struct ktest *t)
{
	char target[16];
	struct dentry *b;
	struct path path;
	struct kstat st;
	int err, i;

	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/a", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/a/b", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_symlink(NULL, "a", TOP "/rel"), 0);
	KTEST_ASSERT_EQ(t, vfs_symlink(NULL, TOP "/a/b", TOP "/abs"), 0);
	KTEST_EXPECT_EQ(t, vfs_symlink(NULL, "a", TOP "/rel"), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_symlink(NULL, "", TOP "/empty"), -ENOENT);
	b = lookup(NULL, TOP "/a/b", 0, &err);
	KTEST_EXPECT_TRUE(t, lookup(NULL, TOP "/rel/b", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, TOP "/abs", LOOKUP_FOLLOW, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, TOP "/abs/", 0, &err) == b);
	KTEST_EXPECT_TRUE(t, lookup(NULL, TOP "/abs/../b", 0, &err) == b);
	/* Not followed at the end unless asked: the link itself. */
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/abs", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(t, st.size, strlen(TOP "/a/b"));
	KTEST_ASSERT_EQ(t, kern_path(TOP "/rel", 0, &path), 0);
	KTEST_EXPECT_EQ(t, vfs_readlink(&path, target, sizeof(target)), 1);
	KTEST_EXPECT_EQ(t, target[0], 'a');
	path_put(&path);
	/* Loops and dangling links. */
	KTEST_ASSERT_EQ(t, vfs_symlink(NULL, "loop2", TOP "/loop1"), 0);
	KTEST_ASSERT_EQ(t, vfs_symlink(NULL, "loop1", TOP "/loop2"), 0);
	KTEST_ASSERT_EQ(t, vfs_symlink(NULL, "nothing", TOP "/dangling"), 0);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/loop1", LOOKUP_FOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/loop1/x", 0), -ELOOP);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/loop1", 0), 0);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/dangling", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT_TRUE(t, IS_ERR(filp_open(TOP "/loop1", O_RDONLY, 0)));
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/rel", O_RDONLY | O_NOFOLLOW, 0)), -ELOOP);
	/* A chain of 40 links resolves; 41 is one too many. */
	KTEST_ASSERT_EQ(t, vfs_symlink(NULL, "a", TOP "/l0"), 0);
	for (i = 1; i <= MAXSYMLINKS; i++) {
		char from[32], to[8];

		snprintf(to, sizeof(to), "l%d", i - 1);
		snprintf(from, sizeof(from), TOP "/l%d", i);
		KTEST_ASSERT_EQ(t, vfs_symlink(NULL, to, from), 0);
	}
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/l39/b", 0), 0);
	KTEST_EXPECT_EQ(t, lookup_err(TOP "/l40/b", 0), -ELOOP);
	teardown(t);
}

static void open_flags_follow_linux(struct ktest *t)
{
	struct file *f;
	char buf[16];
	loff_t pos = 0;
	struct kstat st;

	if (!setup(t))
		return;
	f = filp_open(TOP "/f", O_RDWR | O_CREAT | O_EXCL, 0640);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "hello", 5, &pos), 5);
	filp_close(f);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(t, st.size, 5);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/f", O_RDWR | O_CREAT | O_EXCL, 0640)), -EEXIST);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/f", O_RDONLY | O_DIRECTORY, 0)), -ENOTDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP, O_WRONLY, 0)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP, O_RDONLY | O_CREAT, 0644)), -EISDIR);
	/* Linux: a slash after the name is -EISDIR before O_EXCL is looked at. */
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/", O_RDONLY | O_CREAT | O_EXCL, 0)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/new/", O_RDWR | O_CREAT, 0644)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/no/new", O_RDWR | O_CREAT, 0644)), -ENOENT);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/f", O_ACCMODE, 0)), -EINVAL);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/g", O_CREAT | O_DIRECTORY, 0644)), -EINVAL);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(TOP "/nothing", O_RDONLY, 0)), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/new", &st), -ENOENT); /* nothing left behind */
	/* The open mode decides what may be done. */
	f = filp_open(TOP "/f", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, &pos), -EBADF);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 5);
	filp_close(f);
	f = filp_open(TOP "/f", O_WRONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), -EBADF);
	filp_close(f);
	/* O_APPEND writes at the end wherever the position is. */
	f = filp_open(TOP "/f", O_WRONLY | O_APPEND, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_write(f, " world", 6, &pos), 6);
	KTEST_EXPECT_EQ(t, pos, 11);
	pos = 1;
	KTEST_EXPECT_EQ(t, kernel_write(f, "!", 1, &pos), 1);
	filp_close(f);
	f = filp_open(TOP "/f", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = 0;
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 12);
	KTEST_EXPECT_STREQ(t, buf, "hello world!");
	filp_close(f);
	/* O_TRUNC empties it, and O_CREAT without O_EXCL opens what is there. */
	f = filp_open(TOP "/f", O_RDWR | O_CREAT | O_TRUNC, 0600);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	filp_close(f);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0640); /* the mode is for new files only */
	KTEST_EXPECT_EQ(t, st.blocks, 0);
	/* A directory opens for reading, and reads as -EISDIR. */
	f = filp_open(TOP, O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), -EISDIR);
	filp_close(f);
	KTEST_EXPECT_EQ(t, filp_close(ERR_PTR(-ENOENT)), -EBADF);
	teardown(t);
}

/* A byte pattern that differs from page to page and from the page offset. */
static u8 pattern(loff_t at)
{
	return (u8)(at * 7 + (at >> 12) * 13 + 1);
}

static void reads_and_writes_cross_pages_and_holes(struct ktest *t)
{
	u8 *buf = kmalloc(3 * PAGE_SIZE);
	struct kstat st;
	struct file *f;
	loff_t pos;
	size_t i;
	bool ok;

	KTEST_ASSERT_NOT_NULL(t, buf);
	if (!setup(t)) {
		kfree(buf);
		return;
	}
	f = filp_open(TOP "/f", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	/* 20 bytes across the first page boundary. */
	for (i = 0; i < 20; i++)
		buf[i] = pattern(PAGE_SIZE - 6 + i);
	pos = PAGE_SIZE - 6;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 20, &pos), 20);
	KTEST_EXPECT_EQ(t, pos, PAGE_SIZE + 14);
	/* A write far past the end leaves a hole of two untouched pages. */
	pos = 4 * PAGE_SIZE + 5;
	KTEST_EXPECT_EQ(t, kernel_write(f, "end", 3, &pos), 3);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, 4 * PAGE_SIZE + 8);
	KTEST_EXPECT_EQ(t, st.blocks, 3 * (PAGE_SIZE / 512)); /* pages 0, 1 and 4 only */
	/* Everything read back: the written bytes, and zeros in the holes. */
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 3 * PAGE_SIZE, &pos), 3 * PAGE_SIZE);
	for (ok = true, i = 0; i < 3 * PAGE_SIZE; i++) {
		bool written = i >= PAGE_SIZE - 6 && i < PAGE_SIZE + 14;

		ok &= buf[i] == (written ? pattern(i) : 0);
	}
	KTEST_EXPECT_TRUE(t, ok);
	memset(buf, 0xaa, 16);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 16, &pos), 16); /* in the hole */
	KTEST_EXPECT_MEMEQ(t, buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	pos = 4 * PAGE_SIZE + 3;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 16, &pos), 5);
	KTEST_EXPECT_MEMEQ(t, buf, "\0\0end", 5);
	/* At and past the end: nothing, and the position stays. */
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 16, &pos), 0);
	pos = 1LL << 40;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 16, &pos), 0);
	KTEST_EXPECT_EQ(t, pos, 1LL << 40);
	pos = -1;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 16, &pos), -EINVAL);
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 16, &pos), -EINVAL);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 16, NULL), -EINVAL);
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 0, &pos), 0);
	/* Beyond the largest file: -EFBIG, and nothing written. */
	pos = f->f_inode->i_sb->s_maxbytes;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 1, &pos), -EFBIG);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, 4 * PAGE_SIZE + 8);
	filp_close(f);
	/* Shrinking into a page and growing again reads zeros where data was. */
	{
		struct path path;
		struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = PAGE_SIZE - 3 };

		KTEST_ASSERT_EQ(t, kern_path(TOP "/f", 0, &path), 0);
		KTEST_EXPECT_EQ(t, vfs_setattr(&path, &attr), 0);
		attr.ia_size = 2 * PAGE_SIZE;
		KTEST_EXPECT_EQ(t, vfs_setattr(&path, &attr), 0);
		attr.ia_size = -1;
		KTEST_EXPECT_EQ(t, vfs_setattr(&path, &attr), -EINVAL);
		path_put(&path);
	}
	f = filp_open(TOP "/f", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = PAGE_SIZE - 4;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 8, &pos), 8);
	KTEST_EXPECT_EQ(t, buf[0], pattern(PAGE_SIZE - 4));
	KTEST_EXPECT_MEMEQ(t, buf + 1, "\0\0\0\0\0\0\0", 7);
	filp_close(f);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.blocks, PAGE_SIZE / 512);
	kfree(buf);
	teardown(t);
}

static void lseek_edges(struct ktest *t)
{
	const loff_t max = 0x7fffffffffffffffLL;
	struct file *f;
	loff_t pos = 0;

	if (!setup(t))
		return;
	f = filp_open(TOP "/f", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "0123456789", 10, &pos), 10);
	f->f_pos = 0;
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 4, SEEK_SET), 4);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_CUR), 6);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_END), 9);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 100, SEEK_END), 110); /* past the end is allowed */
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), 0);
	/* Failures leave the position where it was. */
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -11, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, 3), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, f->f_inode->i_sb->s_maxbytes + 1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 5, SEEK_SET), 5);
	/* A sum past LLONG_MAX: Linux's wraps negative (no -EOVERFLOW on 64-bit). */
	KTEST_EXPECT_EQ(t, vfs_llseek(f, max, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, max, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -6, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(t, f->f_pos, 5);
	filp_close(f);
	/* A directory's position counts entries; it has no end to seek from. */
	f = filp_open(TOP, O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_SET), 2);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -3, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, max, SEEK_CUR), -EINVAL);
	filp_close(f);
	teardown(t);
}

/* Write 2 MiB in odd-sized chunks, read it back in others, remove it. */
static bool big_file_round_trip(struct ktest *t, u8 *buf)
{
	const size_t size = 2 << 20, wchunk = 3001, rchunk = 4999;
	struct kstat st;
	struct file *f;
	loff_t pos = 0;
	size_t at, i;
	bool ok = true;

	f = filp_open(TOP "/big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (IS_ERR(f))
		return ktest_check(t, false, __FILE__, __LINE__, "open: %ld", PTR_ERR(f));
	for (at = 0; at < size && ok; at += wchunk) {
		size_t n = min(wchunk, size - at);

		for (i = 0; i < n; i++)
			buf[i] = pattern(at + i);
		ok = kernel_write(f, buf, n, &pos) == (ssize_t)n;
		cond_resched(); /* a long loop, under PREEMPT_NONE too */
	}
	ktest_check(t, ok && pos == (loff_t)size, __FILE__, __LINE__, "write stopped at %lld", pos);
	pos = 0;
	for (at = 0; at < size && ok; at += rchunk) {
		size_t n = min(rchunk, size - at);

		ok = kernel_read(f, buf, n, &pos) == (ssize_t)n;
		for (i = 0; i < n && ok; i++)
			ok = buf[i] == pattern(at + i);
		cond_resched();
	}
	ktest_check(t, ok, __FILE__, __LINE__, "read back differs near %zu", at);
	filp_close(f);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/big", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, size);
	KTEST_EXPECT_EQ(t, st.blocks, size / 512);
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/big"), 0);
	return ok;
}

static void two_megabyte_file(struct ktest *t)
{
	struct vfs_snapshot before;
	u8 *buf = kmalloc(8192);

	KTEST_ASSERT_NOT_NULL(t, buf);
	if (!setup(t)) {
		kfree(buf);
		return;
	}
	/* Once for the heap's caches to grow, then counted. */
	if (big_file_round_trip(t, buf)) {
		vfs_snap(&before);
		big_file_round_trip(t, buf);
		vfs_expect_no_leak(t, &before, "2 MiB file written, read, removed");
	}
	kfree(buf);
	teardown(t);
}

#define NR_ENTRIES 40

struct listing {
	struct dir_context ctx;
	int seen[NR_ENTRIES];
	int dots, dotdots, others, taken, stop_after;
};

static bool count_entry(struct dir_context *ctx, const char *name, int len, loff_t off, u64 ino,
			unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	int n;

	if (l->taken == l->stop_after)
		return false;
	l->taken++;
	if (len == 1 && name[0] == '.')
		l->dots++;
	else if (len == 2 && name[0] == '.' && name[1] == '.')
		l->dotdots++;
	else if (len >= 2 && name[0] == 'e' && type == DT_REG) {
		n = 0;
		while (--len)
			n = n * 10 + (*++name - '0');
		if (n >= 0 && n < NR_ENTRIES)
			l->seen[n]++;
		else
			l->others++;
	} else {
		l->others++;
	}
	return true;
}

static void listing_sees_every_entry_once(struct ktest *t)
{
	struct listing l = { .ctx.actor = count_entry };
	struct file *dir;
	char name[32];
	int i, rounds = 0, once = 0;

	if (!setup(t))
		return;
	for (i = 0; i < NR_ENTRIES; i++) {
		snprintf(name, sizeof(name), TOP "/e%d", i);
		KTEST_ASSERT_EQ(t, make_file(name, NULL), 0);
	}
	dir = filp_open(TOP, O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	/* Seven entries a call, removing and adding between calls. */
	do {
		l.taken = 0;
		l.stop_after = 7;
		KTEST_ASSERT_EQ(t, iterate_dir(dir, &l.ctx), 0);
		if (rounds == 2) {
			KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/e3"), 0); /* seen already */
			KTEST_EXPECT_EQ(t, make_file(TOP "/e3", NULL), 0);  /* comes again, once */
		}
		rounds++;
	} while (l.taken && rounds < 100);
	for (i = 0; i < NR_ENTRIES; i++)
		once += l.seen[i] == (i == 3 ? 2 : 1);
	KTEST_EXPECT_EQ(t, once, NR_ENTRIES);
	KTEST_EXPECT_EQ(t, l.dots, 1);
	KTEST_EXPECT_EQ(t, l.dotdots, 1);
	KTEST_EXPECT_EQ(t, l.others, 0);
	/* Once at the end, nothing more; from 0 again, everything. */
	l.taken = 0;
	l.stop_after = 1000;
	KTEST_EXPECT_EQ(t, iterate_dir(dir, &l.ctx), 0);
	KTEST_EXPECT_EQ(t, l.taken, 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(dir, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, iterate_dir(dir, &l.ctx), 0);
	KTEST_EXPECT_EQ(t, l.taken, NR_ENTRIES + 2);
	filp_close(dir);
	/* Not a directory, or no actor. */
	dir = filp_open(TOP "/e1", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	KTEST_EXPECT_EQ(t, iterate_dir(dir, &l.ctx), -ENOTDIR);
	filp_close(dir);
	teardown(t);
}

static void namespace_rules(struct ktest *t)
{
	struct file *f, *d;
	struct kstat st;
	char buf[8];
	loff_t pos = 0;

	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/d", 0755), 0);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, TOP "/d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, TOP "/d/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, "/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, TOP "/d/.", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, TOP "/d/..", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, TOP "/x/y", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, "", 0755), -ENOENT);
	KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/d/sub/", 0700), 0);
	KTEST_EXPECT_EQ(t, make_file(TOP "/d/f", "data"), 0);
	/* A directory's links: its name, its ".", and each subdirectory's "..". */
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/d", &st), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 3);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, vfs_rmdir(NULL, TOP "/d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, vfs_rmdir(NULL, TOP "/d/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_rmdir(NULL, TOP "/d/."), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_rmdir(NULL, TOP "/d/.."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, vfs_rmdir(NULL, "/"), -EBUSY);
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/d/sub"), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/d/f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/d/none"), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, "/"), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_mknod(NULL, TOP "/d/fifo", S_IFIFO | 0644, 0), 0);
	KTEST_EXPECT_EQ(t, vfs_mknod(NULL, TOP "/d/bad", S_IFMT | 0644, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_mknod(NULL, TOP "/d/dir", S_IFDIR | 0755, 0), -EPERM);
	KTEST_EXPECT_EQ(t, vfs_mknod(NULL, TOP "/d/plain", 0644, 0), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/d/plain", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/d/fifo", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFIFO | 0644);
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/d/fifo"), 0);
	/* An open file outlives its name; an open directory its removal. */
	f = filp_open(TOP "/d/f", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	d = filp_open(TOP "/d/sub", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(d));
	KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/d/f"), 0);
	KTEST_EXPECT_EQ(t, vfs_rmdir(NULL, TOP "/d/sub"), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/d/f", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 4);
	KTEST_EXPECT_EQ(t, f->f_inode->i_nlink, 0);
	{
		struct path start = { .dentry = d->f_dentry };
		struct listing l = { .ctx.actor = count_entry, .stop_after = 100 };

		KTEST_EXPECT_EQ(t, vfs_mkdir(&start, "new", 0755), -ENOENT);
		KTEST_EXPECT_EQ(t, PTR_ERR(file_open_at(&start, "new", O_RDWR | O_CREAT, 0)),
				-ENOENT);
		KTEST_EXPECT_EQ(t, iterate_dir(d, &l.ctx), -ENOENT);
		KTEST_EXPECT_EQ(t, lookup_err(TOP "/d", 0), 0);
	}
	filp_close(f);
	filp_close(d);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/d", &st), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	teardown(t);
}

/* Every reference comes back: dentries, open files, heap objects and frames. */
static void references_return_to_zero(struct ktest *t)
{
	struct vfs_snapshot before;
	unsigned int top_count;
	struct file *f[8];
	struct path path;
	int round, i;

	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, kern_path(TOP, 0, &path), 0);
	top_count = path.dentry->d_count;
	for (round = 0; round < 2; round++) {
		vfs_snap(&before);
		KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/r", 0755), 0);
		KTEST_ASSERT_EQ(t, make_file(TOP "/r/f", "some data"), 0);
		KTEST_ASSERT_EQ(t, vfs_symlink(NULL, "f", TOP "/r/l"), 0);
		for (i = 0; i < 8; i++) {
			f[i] = filp_open(i % 2 ? TOP "/r/l" : TOP "/r/f", O_RDWR, 0);
			KTEST_ASSERT_TRUE(t, !IS_ERR(f[i]));
		}
		KTEST_EXPECT_EQ(t, nr_open_files(), before.files + 8);
		get_file(f[0]);
		fput(f[0]);
		KTEST_EXPECT_EQ(t, f[0]->f_count, 1);
		KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP "/r"), 0);
		for (i = 0; i < 8; i++)
			filp_close(f[i]);
		if (round) /* the first round grew the heap's caches */
			vfs_expect_no_leak(t, &before, "files made, opened, removed, closed");
	}
	KTEST_EXPECT_EQ(t, path.dentry->d_count, top_count);
	path_put(&path);
	teardown(t);
}

/* The contents of the file @name, NUL-terminated in @buf; its length or -errno. */
static int read_text(const char *name, char *buf, size_t size)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, &pos);
	filp_close(f);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

/* rename(2)'s rules, Linux's errors, and what an open file sees of a rename. */
static void rename_rules(struct ktest *t)
{
	struct vfs_snapshot before;
	struct kstat st;
	struct file *f;
	char buf[16];
	int round;

	if (!setup(t))
		return;
	for (round = 0; round < 2; round++) {
		vfs_snap(&before);
		KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/a", 0755), 0);
		KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/a/sub", 0755), 0);
		KTEST_ASSERT_EQ(t, vfs_mkdir(NULL, TOP "/b", 0755), 0);
		KTEST_ASSERT_EQ(t, make_file(TOP "/a/f", "one"), 0);
		KTEST_ASSERT_EQ(t, make_file(TOP "/b/g", "two"), 0);
		/* Over an existing file: one step, the old one gone, an open one still readable. */
		f = filp_open(TOP "/b/g", O_RDONLY, 0);
		KTEST_ASSERT_TRUE(t, !IS_ERR(f));
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/f", NULL, TOP "/b/g", 0), 0);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/a/f", &st), -ENOENT);
		KTEST_EXPECT_EQ(t, read_text(TOP "/b/g", buf, sizeof(buf)), 3);
		KTEST_EXPECT_EQ(t, strcmp(buf, "one"), 0);
		KTEST_EXPECT_EQ(t, f->f_inode->i_nlink, 0);
		filp_close(f);
		/* Over itself, and a longer name, which needs a block of its own. */
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/b/g", NULL, TOP "/b/g", 0), 0);
		KTEST_EXPECT_EQ(t,
				vfs_rename(NULL, TOP "/b/g", NULL,
					   TOP "/b/a-much-longer-name-than-before", 0),
				0);
		KTEST_EXPECT_EQ(t,
				vfs_rename(NULL, TOP "/b/a-much-longer-name-than-before", NULL,
					   TOP "/b/g", 0),
				0);
		/* Linux's errors. */
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/none", NULL, TOP "/b/x", 0), -ENOENT);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a", NULL, TOP "/a/sub/x", 0), -EINVAL);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a", NULL, TOP "/a", 0), 0);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/sub", NULL, TOP "/b/g", 0), -ENOTDIR);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/b/g", NULL, TOP "/a/sub", 0), -EISDIR);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/b", NULL, TOP "/a", 0), -ENOTEMPTY);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/sub", NULL, TOP "/a/sub/..", 0),
				-EBUSY);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/sub/..", NULL, TOP "/c", 0), -EBUSY);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, "/", NULL, TOP "/c", 0), -EBUSY);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/b/g/", NULL, TOP "/c", 0), -ENOTDIR);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/b/g", NULL, TOP "/c/", 0), -ENOTDIR);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/sub", NULL, TOP "/a", 0), -ENOTEMPTY);
		KTEST_EXPECT_EQ(t,
				vfs_rename(NULL, TOP "/a/sub", NULL, TOP "/b/g", RENAME_NOREPLACE),
				-EEXIST);
		KTEST_EXPECT_EQ(t,
				vfs_rename(NULL, TOP "/a/sub", NULL, TOP "/b/x", RENAME_EXCHANGE),
				-ENOENT);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a", NULL, TOP "/b", 4), -EINVAL);
		/* A directory moves with its "..": the link counts follow. */
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/sub", NULL, TOP "/b/sub", 0), 0);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/a", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 2);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/b", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 3);
		KTEST_EXPECT_EQ(t, lookup_err(TOP "/b/sub/../g", 0), 0);
		/* An empty directory replaces another. */
		KTEST_EXPECT_EQ(t, vfs_mkdir(NULL, TOP "/a/empty", 0755), 0);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/b/sub", NULL, TOP "/a/empty", 0), 0);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/a", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 3);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/b", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 2);
		/* RENAME_EXCHANGE swaps a file and a directory. */
		KTEST_EXPECT_EQ(
			t, vfs_rename(NULL, TOP "/a/empty", NULL, TOP "/b/g", RENAME_EXCHANGE), 0);
		KTEST_EXPECT_EQ(t, read_text(TOP "/a/empty", buf, sizeof(buf)), 3);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/b/g", &st), 0);
		KTEST_EXPECT_TRUE(t, S_ISDIR(st.mode));
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/a", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 2);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/b", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 3);
		/* Hard links: one inode, two names, the count in nlink. */
		KTEST_EXPECT_EQ(t, vfs_link(NULL, TOP "/a/empty", false, NULL, TOP "/b/h"), 0);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/b/h", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 2);
		KTEST_EXPECT_EQ(t, vfs_link(NULL, TOP "/a", false, NULL, TOP "/b/d"), -EPERM);
		KTEST_EXPECT_EQ(t, vfs_link(NULL, TOP "/a/empty", false, NULL, TOP "/b/h"),
				-EEXIST);
		KTEST_EXPECT_EQ(t, vfs_link(NULL, TOP "/a/none", false, NULL, TOP "/b/i"), -ENOENT);
		KTEST_EXPECT_EQ(t, vfs_rename(NULL, TOP "/a/empty", NULL, TOP "/b/h", 0), 0);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/a/empty", &st), 0);
		KTEST_EXPECT_EQ(t, vfs_unlink(NULL, TOP "/a/empty"), 0);
		KTEST_EXPECT_EQ(t, read_text(TOP "/b/h", buf, sizeof(buf)), 3);
		KTEST_EXPECT_EQ(t, vfs_stat(TOP "/b/h", &st), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 1);
		KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP "/a"), 0);
		KTEST_EXPECT_EQ(t, vfs_remove_tree(TOP "/b"), 0);
		if (round) /* the first round grew the heap's caches */
			vfs_expect_no_leak(t, &before, "renames and links");
	}
	teardown(t);
}

/* Take every free frame, linked through themselves; give them back with unhog(). */
static void **hog_frames(void)
{
	void **head = NULL, **p;

	while ((p = alloc_page())) {
		p[0] = head;
		head = p;
	}
	return head;
}

static void unhog(void **head)
{
	while (head) {
		void **next = head[0];

		free_page(head);
		head = next;
	}
}

/*
 * With no frame left, a write that needs a new page is -ENOMEM and the
 * file stays as it was (size, blocks, bytes); one into a page it has
 * goes in.  With the frames back, the same write works.  So for a pipe.
 */
static void out_of_memory_changes_nothing(struct ktest *t)
{
	char buf[8] = "XXXXXXX";
	struct kstat st;
	struct file *f;
	void **hog;
	loff_t pos;

	if (!setup(t))
		return;
	KTEST_ASSERT_EQ(t, make_file(TOP "/f", "abc"), 0);
	f = filp_open(TOP "/f", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	hog = hog_frames();
	pos = 3 * PAGE_SIZE;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, sizeof(buf), &pos), -ENOMEM);
	KTEST_EXPECT_EQ(t, pos, 3 * PAGE_SIZE);
	pos = 1;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 1, &pos), 1);
	unhog(hog);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, 3);
	KTEST_EXPECT_EQ(t, st.blocks, PAGE_SIZE / 512);
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "aXc", 3);
	pos = 3 * PAGE_SIZE;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, sizeof(buf), &pos), sizeof(buf));
	filp_close(f);
	/* A pipe's first write needs a page: -ENOMEM, and nothing in the pipe. */
	if (IS_ENABLED(CONFIG_USER_MODE)) {
		struct file *ends[2];

		KTEST_ASSERT_EQ(t, create_pipe_files(ends, O_NONBLOCK), 0);
		hog = hog_frames();
		KTEST_EXPECT_EQ(t, kernel_write(ends[1], buf, 1, &pos), -ENOMEM);
		unhog(hog);
		KTEST_EXPECT_EQ(t, kernel_read(ends[0], buf, 1, &pos), -EAGAIN);
		KTEST_EXPECT_EQ(t, kernel_write(ends[1], "p", 1, &pos), 1);
		KTEST_EXPECT_EQ(t, kernel_read(ends[0], buf, sizeof(buf), &pos), 1);
		KTEST_EXPECT_EQ(t, buf[0], 'p');
		fput(ends[0]);
		fput(ends[1]);
	}
	teardown(t);
}

/*
 * An O_TRUNC open that cannot get its struct file (no frame, and no free
 * object of its size in the heap) fails with -ENOMEM and truncates
 * nothing: as in Linux, a file is truncated only once it is open.
 */
static void failed_open_truncates_nothing(struct ktest *t)
{
	void **objs = NULL, **p, **hog;
	struct kstat st;
	struct file *f;

	if (!IS_ENABLED(CONFIG_HEAP_SLAB)) {
		ktest_skip(t, "only the slab heap gives back what the case takes");
		return;
	}
	if (!setup(t))
		return;
	/* A hole of 10000 bytes: the truncation frees no page the heap could take. */
	KTEST_ASSERT_EQ(t, make_file(TOP "/f", NULL), 0);
	f = filp_open(TOP "/f", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	{
		struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = 10000 };
		struct path path = { .dentry = f->f_dentry };

		KTEST_EXPECT_EQ(t, vfs_setattr(&path, &attr), 0);
	}
	filp_close(f);
	hog = hog_frames();
	while ((p = kmalloc(sizeof(struct file)))) {
		p[0] = objs;
		objs = p;
	}
	f = filp_open(TOP "/f", O_RDWR | O_TRUNC, 0);
	while (objs) {
		p = objs[0];
		kfree(objs);
		objs = p;
	}
	unhog(hog);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOMEM);
	if (!IS_ERR(f))
		filp_close(f);
	KTEST_EXPECT_EQ(t, vfs_stat(TOP "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, 10000);
	teardown(t);
}

/*
 * What the release of a file closed with a table (a process's exit, an
 * execve()'s close-on-exec) sees: its slot already empty.  A reader of
 * another process's table (/proc/PID/fd) must never find a file there
 * that is being freed, or has been.
 */
static struct files_struct *closing_table;
static int closing_fd;
static bool slot_held_file;

static int note_slot(struct inode *inode, struct file *file)
{
	slot_held_file = closing_table->fd[closing_fd] == file;
	return 0;
}

static const struct file_operations note_slot_fops = { .release = note_slot };

static struct file *file_noting_slot(struct ktest *t, struct files_struct *files, int fd)
{
	struct file *f = filp_open("/", O_RDONLY | O_DIRECTORY, 0);

	if (IS_ERR(f))
		return NULL;
	f->f_op = &note_slot_fops;
	files->fd[fd] = f;
	closing_table = files;
	closing_fd = fd;
	slot_held_file = true;
	return f;
}

static void closed_files_leave_their_slot_first(struct ktest *t)
{
	struct files_struct *files;

	if (!IS_ENABLED(CONFIG_USER_MODE)) {
		ktest_skip(t, "no file tables without CONFIG_USER_MODE");
		return;
	}
	files = files_alloc();
	KTEST_ASSERT_TRUE(t, files != NULL);
	KTEST_ASSERT_TRUE(t, file_noting_slot(t, files, 5) != NULL);
	files->close_on_exec[0] |= 1UL << 5;
	do_close_on_exec(files);
	KTEST_EXPECT_FALSE(t, slot_held_file);
	KTEST_EXPECT_TRUE(t, files->fd[5] == NULL);
	KTEST_ASSERT_TRUE(t, file_noting_slot(t, files, 7) != NULL);
	put_files_struct(files);
	KTEST_EXPECT_FALSE(t, slot_held_file);
}

static const struct ktest_case vfs_cases[] = {
	KTEST_CASE(walk_handles_dots_and_slashes),
	KTEST_CASE(walk_errors_are_linux_errors),
	KTEST_CASE(symlinks_are_followed_and_loops_stop),
	KTEST_CASE(open_flags_follow_linux),
	KTEST_CASE(reads_and_writes_cross_pages_and_holes),
	KTEST_CASE(lseek_edges),
	KTEST_CASE(two_megabyte_file),
	KTEST_CASE(listing_sees_every_entry_once),
	KTEST_CASE(namespace_rules),
	KTEST_CASE(references_return_to_zero),
	KTEST_CASE(rename_rules),
	KTEST_CASE(out_of_memory_changes_nothing),
	KTEST_CASE(failed_open_truncates_nothing),
	KTEST_CASE(closed_files_leave_their_slot_first),
	{},
};
KTEST_SUITE(vfs, vfs_cases);
