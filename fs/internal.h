/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of fs/ share and nothing outside them calls: the
 * dentry tree's own operations (each with vfs_tree_lock held) and the
 * root.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <kernel/fs.h>

/* The root of the namespace; set once by vfs_caches_init(). */
extern struct dentry *vfs_root_dentry;

/* All with vfs_tree_lock held. */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len);
void d_attach(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *parent, char *name, size_t len);
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len);
void __dput(struct dentry *dentry);
void __iput(struct inode *inode);

/* fs/namei.c, with vfs_tree_lock held: the parent of a path's last component. */
struct last_component {
	struct dentry *dir; /* the directory it is (to be) in */
	const char *name;   /* not NUL-terminated: @len bytes; 0 for "/" */
	size_t len;
	bool trailing_slash;
};

int walk_parent(const struct path *start, const char *name, struct last_component *last);
int walk_last(struct last_component *last, bool follow, struct dentry **result);
/*
 * What open(O_CREAT) finds at @last: 0 and the dentry in *@result, or 0
 * and NULL when there is no such name, @last then naming the place of
 * the new file, which is a dangling link's target's when @follow (as
 * Linux creates it: "echo x > link").
 */
int walk_last_create(struct last_component *last, bool follow, struct dentry **result);
/* Whether @last's directory makes no names (procfs): -EEXIST, -ENOENT, or 0 if it does. */
int makes_no_names(struct last_component *last);

static inline bool name_is_dot(const char *name, size_t len)
{
	return len == 1 && name[0] == '.';
}

static inline bool name_is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}
/* Create the regular file @last names: a referenced dentry in *@result. */
int vfs_create_last(struct last_component *last, umode_t mode, struct dentry **result);

/* The file behind an open of @dentry (a referenced dentry, passed on). */
struct file *do_dentry_open(struct dentry *dentry, int flags);
int do_truncate(struct dentry *dentry, loff_t length);

#endif
