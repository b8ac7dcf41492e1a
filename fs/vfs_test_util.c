// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the VFS suites (vfs_test.h): tree removal through the
 * public calls only, and the leak snapshot.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "vfs_test.h"

void vfs_snap(struct vfs_snapshot *s)
{
	s->files = nr_open_files();
	s->heap = heap_in_use();
	s->frames = nr_free_pages();
}

void vfs_expect_no_leak(struct ktest *t, const struct vfs_snapshot *s, const char *where)
{
	struct vfs_snapshot now;

	vfs_snap(&now);
	ktest_check(t, now.files == s->files && now.heap == s->heap && now.frames == s->frames,
		    __FILE__, __LINE__,
		    "%s: open files %ld -> %ld, heap in use %lu -> %lu, free frames %lu -> %lu",
		    where, s->files, now.files, s->heap, now.heap, s->frames, now.frames);
}

int vfs_stat(const char *name, struct kstat *st)
{
	struct path path;
	int err = kern_path(name, 0, &path);

	if (err)
		return err;
	err = vfs_getattr(&path, st, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);
	path_put(&path);
	return err;
}

ssize_t vfs_write_all(struct file *file, const void *buf, size_t len, loff_t *pos)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = kernel_write(file, (const char *)buf + done, len - done, pos);

		if (n <= 0)
			return n ? n : -EIO;
		done += n;
	}
	return done;
}

/* One directory entry's name, for removal after the listing (the actor may not call the VFS). */
struct first_child {
	struct dir_context ctx;
	char name[NAME_MAX + 1];
	bool found;
};

static bool take_first(struct dir_context *ctx, const char *name, int len, loff_t off, u64 ino,
		       unsigned int type)
{
	struct first_child *c = container_of(ctx, struct first_child, ctx);

	if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	memcpy(c->name, name, len);
	c->name[len] = '\0';
	c->found = true;
	return false;
}

int vfs_remove_tree(const char *path)
{
	struct kstat st;
	int err = vfs_stat(path, &st);

	if (err)
		return err;
	if (!S_ISDIR(st.mode))
		return vfs_unlink(NULL, path);
	for (;;) {
		struct first_child c = { .ctx.actor = take_first };
		struct file *dir = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
		char *child;

		if (IS_ERR(dir))
			return PTR_ERR(dir);
		err = iterate_dir(dir, &c.ctx);
		filp_close(dir);
		if (err)
			return err;
		if (!c.found)
			break;
		child = kmalloc(PATH_MAX);
		if (!child)
			return -ENOMEM;
		snprintf(child, PATH_MAX, "%s/%s", path, c.name);
		err = vfs_remove_tree(child);
		kfree(child);
		if (err)
			return err;
	}
	return vfs_rmdir(NULL, path);
}

bool vfs_test_setup(struct ktest *t, const char *top)
{
	vfs_remove_tree(top);
	return ktest_check(t, vfs_mkdir(NULL, top, 0755) == 0, __FILE__, __LINE__, "cannot make %s",
			   top);
}
