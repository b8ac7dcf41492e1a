// SPDX-License-Identifier: GPL-2.0
/*
 * Dentries: the names of the namespace, as a tree held in memory.
 *
 * The only file system lives in memory, so the tree is not a cache of a
 * disk's directories, as Linux's dcache is: it is the directories
 * themselves, and every name exists as a dentry for as long as it is
 * linked.  A dentry's references are the tree's (while it is linked),
 * each child's (so that ".." of an open, removed directory still leads
 * somewhere), and each user's (path lookups, open files); it holds one
 * reference to its inode.  vfs_tree_lock guards all of it.
 */
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

DEFINE_MUTEX(vfs_tree_lock);
struct dentry *vfs_root_dentry;

struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len)
{
	struct dentry *dentry = kmalloc(sizeof(*dentry) + len + 1);

	if (!dentry)
		return NULL;
	memset(dentry, 0, sizeof(*dentry));
	dentry->d_name = dentry->d_iname;
	memcpy(dentry->d_name, name, len);
	dentry->d_name[len] = '\0';
	dentry->d_namelen = len;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	dentry->d_next_off = 2; /* after "." and ".." */
	dentry->d_count = 1;	/* the caller's */
	if (parent) {
		parent->d_count++;
		dentry->d_parent = parent;
	} else {
		dentry->d_parent = dentry; /* the root */
	}
	return dentry;
}

/* Link a new, instantiated dentry into its parent's listing: the tree's reference. */
void d_attach(struct dentry *dentry)
{
	struct dentry *parent = dentry->d_parent;

	dentry->d_count++;
	if (parent == dentry)
		return;
	dentry->d_dir_off = parent->d_next_off++;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
}

/* Take an unlinked name out of the tree, and drop the tree's reference. */
void d_delete(struct dentry *dentry)
{
	list_del(&dentry->d_child);
	dentry->d_deleted = true;
	__dput(dentry);
}

/*
 * Children first, so that each d_delete() finds a leaf; a dentry a user
 * holds stays allocated, with its parent, until dput(), but no walk or
 * listing reaches it.  A loop, not recursion, for the reason __dput()
 * gives.
 */
void d_invalidate(struct dentry *dentry)
{
	struct dentry *d = dentry;

	if (dentry->d_deleted || dentry->d_parent == dentry)
		return;
	for (;;) {
		struct dentry *parent;

		while (!list_empty(&d->d_subdirs))
			d = list_first_entry(&d->d_subdirs, struct dentry, d_child);
		parent = d->d_parent;
		if (d == dentry) {
			d_delete(d);
			return;
		}
		d_delete(d); /* the parent keeps the tree's reference */
		d = parent;
	}
}

/*
 * Move @dentry to the end of @parent's listing as @name (a block of the
 * caller's, kmalloc()ed, or NULL to keep the name it has): what rename
 * does once every check has passed, so it cannot fail.  The move is a
 * new entry of @parent's listing, at a new position, as a new name is.
 */
void d_move(struct dentry *dentry, struct dentry *parent, char *name, size_t len)
{
	struct dentry *old_parent = dentry->d_parent;

	list_del(&dentry->d_child);
	if (name) {
		if (dentry->d_name != dentry->d_iname)
			kfree(dentry->d_name);
		dentry->d_name = name;
		dentry->d_namelen = len;
	}
	parent->d_count++;
	dentry->d_parent = parent;
	dentry->d_dir_off = parent->d_next_off++;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	__dput(old_parent); /* never its last: a linked directory is in the tree */
}

struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *child;

	list_for_each_entry (child, &dir->d_subdirs, d_child)
		if (child->d_namelen == len && !memcmp(child->d_name, name, len))
			return child;
	return NULL;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

struct dentry *dget(struct dentry *dentry)
{
	mutex_lock(&vfs_tree_lock);
	dentry->d_count++;
	mutex_unlock(&vfs_tree_lock);
	return dentry;
}

/*
 * Drop a reference; the last one frees the dentry, its inode reference
 * and its reference to the parent, which may be the parent's last in turn
 * (a loop, not recursion: the chain is as deep as the tree).
 */
void __dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent = dentry->d_parent;

		if (!dentry->d_count) {
			pr_err("vfs: dput of \"%s\" with no reference left; ignored\n",
			       dentry->d_name);
			return;
		}
		if (--dentry->d_count)
			return;
		if (dentry->d_inode)
			__iput(dentry->d_inode);
		if (dentry->d_name != dentry->d_iname)
			kfree(dentry->d_name);
		kfree(dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

void dput(struct dentry *dentry)
{
	if (!dentry)
		return;
	mutex_lock(&vfs_tree_lock);
	__dput(dentry);
	mutex_unlock(&vfs_tree_lock);
}
