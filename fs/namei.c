// SPDX-License-Identifier: GPL-2.0
/*
 * The path walk, and the calls that change the namespace.
 *
 * A walk runs with vfs_tree_lock held from its first component to its
 * last, so it takes no reference along the way, and a change (mkdir,
 * unlink...) resolves its parent directory and makes the change under
 * the same hold: nothing comes between the lookup and the change.
 *
 * As in Linux: repeated slashes count as one; "." is the directory
 * itself and ".." its parent, the root's being the root; a trailing
 * slash requires a directory; a component longer than NAME_MAX or a path
 * of PATH_MAX bytes or more is -ENAMETOOLONG; the empty path is -ENOENT;
 * a symbolic link in the middle of a path is always followed, at its end
 * only when asked, and one walk follows at most MAXSYMLINKS (-ELOOP).
 * procfs's root, named /proc in the root's tree, is another file system:
 * no link or rename crosses into or out of it (-EXDEV), and /proc itself
 * is a mount point, which rmdir() and rename() leave alone (-EBUSY).
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

struct nameidata {
	struct dentry *root;
	int links; /* symbolic links followed so far */
};

static bool is_dir(const struct dentry *dentry)
{
	return S_ISDIR(dentry->d_inode->i_mode);
}

static bool is_link(const struct dentry *dentry)
{
	return S_ISLNK(dentry->d_inode->i_mode);
}

/*
 * Whether @dentry is where another file system starts (procfs's root,
 * named /proc in the root's tree): what Linux calls a mount point, which
 * rmdir() and rename() leave alone (-EBUSY).
 */
static bool is_mountpoint(const struct dentry *dentry)
{
	return dentry->d_parent != dentry &&
	       dentry->d_inode->i_sb != dentry->d_parent->d_inode->i_sb;
}

/* Whether two directories are of one file system: no link or rename between two (-EXDEV). */
static bool same_fs(const struct dentry *a, const struct dentry *b)
{
	return a->d_inode->i_sb == b->d_inode->i_sb;
}

/* The next component after *@pp: its length (0 at the end), *@comp its start. */
static size_t next_component(const char **pp, const char **comp)
{
	const char *p = *pp;

	while (*p == '/')
		p++;
	*comp = p;
	while (*p && *p != '/')
		p++;
	*pp = p;
	return p - *comp;
}

/*
 * Ask @dir's file system for a name the tree does not hold: the new
 * dentry joins the tree (its reference is the tree's), as Linux's dcache
 * keeps what a lookup found, until d_revalidate says it is gone or the
 * file system takes it out.  NULL when there is no such name; a lookup
 * that could not allocate answers the same, as there is no error to give.
 */
static struct dentry *lookup_fs(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *dentry = d_alloc(dir, name, len);

	if (!dentry)
		return NULL;
	if (dir->d_inode->i_op->lookup(dir->d_inode, dentry)) {
		__dput(dentry);
		return NULL;
	}
	d_attach(dentry);
	__dput(dentry); /* the tree's reference is left */
	return dentry;
}

/* One step down (or up) from directory @dir; NULL if there is no such name. */
static struct dentry *step(struct nameidata *nd, struct dentry *dir, const char *name, size_t len)
{
	struct dentry *child;

	if (name_is_dot(name, len))
		return dir;
	if (name_is_dotdot(name, len))
		return dir == nd->root ? dir : dir->d_parent;
	child = d_lookup(dir, name, len);
	if (child && child->d_op && child->d_op->d_revalidate &&
	    !child->d_op->d_revalidate(child)) {
		d_invalidate(child);
		child = NULL;
	}
	if (!child && dir->d_inode->i_op->lookup && !dir->d_deleted)
		child = lookup_fs(dir, name, len);
	return child;
}

static int resolve(struct nameidata *nd, struct dentry *base, const char *name, bool follow,
		   struct dentry **result);

/* Follow the symbolic link @link, found in @dir. */
static int follow_link(struct nameidata *nd, struct dentry *dir, struct dentry *link,
		       struct dentry **result)
{
	struct inode *inode = link->d_inode;
	const char *target = inode->i_op->get_link ? inode->i_op->get_link(link, inode) : NULL;

	if (++nd->links > MAXSYMLINKS)
		return -ELOOP;
	if (!target)
		return -EINVAL;
	return resolve(nd, dir, target, true, result);
}

/*
 * Walk every component of @name but the last, from @base (the root for
 * an absolute @name): @last gets the directory the last one is in.
 */
static int walk_to_parent(struct nameidata *nd, struct dentry *base, const char *name,
			  struct last_component *last)
{
	struct dentry *dir = *name == '/' ? nd->root : base;
	const char *p = name, *comp, *next;
	size_t len = next_component(&p, &comp), next_len;
	int err;

	if (!*name)
		return -ENOENT;
	for (;;) {
		const char *q = p;
		struct dentry *child;

		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		next_len = next_component(&q, &next);
		if (!next_len)
			break;
		if (!is_dir(dir))
			return -ENOTDIR;
		child = step(nd, dir, comp, len);
		if (!child)
			return -ENOENT;
		if (is_link(child)) {
			err = follow_link(nd, dir, child, &child);
			if (err)
				return err;
		}
		dir = child;
		comp = next;
		len = next_len;
		p = q;
	}
	if (!is_dir(dir))
		return -ENOTDIR;
	last->dir = dir;
	last->name = comp;
	last->len = len;
	last->trailing_slash = comp[len] == '/';
	return 0;
}

/* The dentry the last component names; a link followed when @follow or a slash says so. */
static int lookup_last(struct nameidata *nd, struct last_component *last, bool follow,
		       struct dentry **result)
{
	struct dentry *dentry;
	int err;

	if (!last->len) { /* "/" */
		*result = last->dir;
		return 0;
	}
	dentry = step(nd, last->dir, last->name, last->len);
	if (!dentry)
		return -ENOENT;
	if (is_link(dentry) && (follow || last->trailing_slash)) {
		err = follow_link(nd, last->dir, dentry, &dentry);
		if (err)
			return err;
	}
	if (last->trailing_slash && !is_dir(dentry))
		return -ENOTDIR;
	*result = dentry;
	return 0;
}

static int resolve(struct nameidata *nd, struct dentry *base, const char *name, bool follow,
		   struct dentry **result)
{
	struct last_component last;
	int err = walk_to_parent(nd, base, name, &last);

	return err ?: lookup_last(nd, &last, follow, result);
}

static struct dentry *start_of(const struct path *start)
{
	return start && start->dentry ? start->dentry : vfs_root_dentry;
}

static int check_name(const char *name)
{
	if (!name)
		return -EINVAL;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	return *name ? 0 : -ENOENT;
}

static struct nameidata nd_init(void)
{
	struct nameidata nd = { .root = vfs_root_dentry };

	return nd;
}

int walk_parent(const struct path *start, const char *name, struct last_component *last)
{
	struct nameidata nd = nd_init();

	return check_name(name) ?: walk_to_parent(&nd, start_of(start), name, last);
}

int walk_last(struct last_component *last, bool follow, struct dentry **result)
{
	struct nameidata nd = nd_init();

	return lookup_last(&nd, last, follow, result);
}

int walk_last_create(struct last_component *last, bool follow, struct dentry **result)
{
	struct nameidata nd = nd_init();

	for (;;) {
		struct dentry *dentry;
		struct inode *inode;
		const char *target;
		int err;

		if (last->trailing_slash)
			return -EISDIR; /* as Linux for O_CREAT, whatever the name is */
		dentry = last->len ? step(&nd, last->dir, last->name, last->len) : last->dir;
		*result = dentry;
		if (!dentry || !is_link(dentry) || !follow)
			return 0;
		if (++nd.links > MAXSYMLINKS)
			return -ELOOP;
		inode = dentry->d_inode;
		target = inode->i_op->get_link ? inode->i_op->get_link(dentry, inode) : NULL;
		if (!target)
			return -EINVAL;
		/* The target's last component is followed in turn: O_NOFOLLOW was the path's. */
		follow = true;
		err = walk_to_parent(&nd, last->dir, target, last);
		if (err)
			return err;
	}
}

int vfs_path_lookup(const struct path *start, const char *name, unsigned int flags,
		    struct path *path)
{
	struct nameidata nd = nd_init();
	struct dentry *dentry;
	int err = check_name(name);

	if (err)
		return err;
	mutex_lock(&vfs_tree_lock);
	err = resolve(&nd, start_of(start), name, flags & LOOKUP_FOLLOW, &dentry);
	if (!err && (flags & LOOKUP_DIRECTORY) && !is_dir(dentry))
		err = -ENOTDIR;
	if (!err) {
		dentry->d_count++;
		path->dentry = dentry;
	}
	mutex_unlock(&vfs_tree_lock);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return vfs_path_lookup(NULL, name, flags, path);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
}

void get_fs_root(struct path *root)
{
	root->dentry = dget(vfs_root_dentry);
}

/*
 * The dentry @last names, not followed, as a walk finds it (asking a file
 * system that looks names up, procfs, for one the tree does not hold);
 * NULL if there is none.  Not for "." and "..".
 */
static struct dentry *lookup_child(struct last_component *last)
{
	struct nameidata nd = nd_init();

	return step(&nd, last->dir, last->name, last->len);
}

/*
 * A directory whose file system looks names up (procfs) makes none: a
 * name it has is -EEXIST, any other -ENOENT, as Linux's procfs lookup
 * answers before a create is tried.  0 for the others (the ramfs).
 */
int makes_no_names(struct last_component *last)
{
	if (!last->dir->d_inode->i_op->lookup)
		return 0;
	return lookup_child(last) ? -EEXIST : -ENOENT;
}

/*
 * Where a new name goes: its directory, or -EEXIST when the path names
 * something that exists already ("/", ".", "..", an existing name).
 */
static int parent_for_create(const struct path *start, const char *name,
			     struct last_component *last)
{
	int err = walk_parent(start, name, last);

	if (err)
		return err;
	if (!last->len || name_is_dot(last->name, last->len) ||
	    name_is_dotdot(last->name, last->len) || d_lookup(last->dir, last->name, last->len))
		return -EEXIST;
	if (last->dir->d_deleted)
		return -ENOENT; /* a removed directory takes no new names */
	return makes_no_names(last);
}

/* What a new name is made with: the mode, a device's number, a link's target. */
struct create_args {
	umode_t mode;
	dev_t dev;
	const char *target;
	struct dentry *old; /* what a hard link names */
};

enum create_kind { CREATE_FILE, CREATE_DIR, CREATE_NODE, CREATE_LINK, CREATE_HARDLINK };

/*
 * Make the name @last names with the directory operation @kind calls
 * for; the new dentry joins the tree only if that succeeds, so a failure
 * leaves nothing behind.  With vfs_tree_lock held.  With @result, the
 * new dentry and a reference to it.
 */
static int create_last(struct last_component *last, enum create_kind kind,
		       const struct create_args *args, struct dentry **result)
{
	struct inode *dir = last->dir->d_inode;
	const struct inode_operations *op = dir->i_op;
	struct dentry *dentry;
	int err;

	if (last->trailing_slash && kind != CREATE_DIR)
		return kind == CREATE_FILE ? -EISDIR : -ENOENT;
	dentry = d_alloc(last->dir, last->name, last->len);
	if (!dentry)
		return -ENOMEM;
	switch (kind) {
	case CREATE_FILE:
		err = op->create ? op->create(dir, dentry, args->mode, true) : -EPERM;
		break;
	case CREATE_DIR:
		err = op->mkdir ? op->mkdir(dir, dentry, args->mode) : -EPERM;
		break;
	case CREATE_NODE:
		err = op->mknod ? op->mknod(dir, dentry, args->mode, args->dev) : -EPERM;
		break;
	case CREATE_LINK:
		err = op->symlink ? op->symlink(dir, dentry, args->target) : -EPERM;
		break;
	default:
		err = op->link ? op->link(args->old, dir, dentry) : -EPERM;
		break;
	}
	if (!err) {
		d_attach(dentry);
		dir->i_mtime = dir->i_ctime = current_time();
	}
	if (!err && result)
		*result = dentry; /* the caller's reference */
	else
		__dput(dentry);
	return err;
}

int vfs_create_last(struct last_component *last, umode_t mode, struct dentry **result)
{
	struct create_args args = { .mode = (mode & S_IALLUGO) | S_IFREG };

	return create_last(last, CREATE_FILE, &args, result);
}

static int make_name(const struct path *start, const char *name, enum create_kind kind,
		     const struct create_args *args)
{
	struct last_component last;
	int err;

	mutex_lock(&vfs_tree_lock);
	err = parent_for_create(start, name, &last) ?: create_last(&last, kind, args, NULL);
	mutex_unlock(&vfs_tree_lock);
	return err;
}

int vfs_mkdir(const struct path *start, const char *name, umode_t mode)
{
	struct create_args args = { .mode = (mode & S_IALLUGO) | S_IFDIR };

	return make_name(start, name, CREATE_DIR, &args);
}

/* Regular files, device nodes, FIFOs and sockets (which nothing can open yet). */
int vfs_mknod(const struct path *start, const char *name, umode_t mode, dev_t dev)
{
	struct create_args args = { .mode = mode, .dev = dev };

	if (!(mode & S_IFMT))
		args.mode |= S_IFREG; /* as Linux: no type is a regular file */
	switch (args.mode & S_IFMT) {
	case S_IFREG:
		return make_name(start, name, CREATE_FILE, &args);
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return make_name(start, name, CREATE_NODE, &args);
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

int vfs_symlink(const struct path *start, const char *target, const char *name)
{
	struct create_args args = { .mode = S_IFLNK | 0777, .target = target };
	int err = check_name(target);

	return err ?: make_name(start, name, CREATE_LINK, &args);
}

/* Remove the name @name: a directory (empty) for rmdir, anything else for unlink. */
static int remove_name(const struct path *start, const char *name, bool dir)
{
	struct last_component last;
	struct dentry *victim;
	struct inode *inode;
	int err;

	mutex_lock(&vfs_tree_lock);
	err = walk_parent(start, name, &last);
	if (err)
		goto out;
	if (!last.len || name_is_dot(last.name, last.len)) {
		err = dir ? (last.len ? -EINVAL : -EBUSY) : -EISDIR;
		goto out;
	}
	if (name_is_dotdot(last.name, last.len)) {
		err = dir ? -ENOTEMPTY : -EISDIR;
		goto out;
	}
	victim = lookup_child(&last);
	if (!victim) {
		err = -ENOENT;
		goto out;
	}
	inode = last.dir->d_inode;
	if (dir) {
		if (!is_dir(victim))
			err = -ENOTDIR;
		else if (!inode->i_op->rmdir)
			err = -EPERM; /* as Linux, before anything about the victim */
		else if (is_mountpoint(victim))
			err = -EBUSY;
		else if (!list_empty(&victim->d_subdirs))
			err = -ENOTEMPTY;
		else
			err = inode->i_op->rmdir(inode, victim);
	} else {
		if (is_dir(victim) || last.trailing_slash)
			err = is_dir(victim) ? -EISDIR : -ENOTDIR;
		else
			err = inode->i_op->unlink ? inode->i_op->unlink(inode, victim) : -EPERM;
	}
	if (!err) {
		inode->i_mtime = inode->i_ctime = current_time();
		d_delete(victim);
	}
out:
	mutex_unlock(&vfs_tree_lock);
	return err;
}

int vfs_unlink(const struct path *start, const char *name)
{
	return remove_name(start, name, false);
}

int vfs_rmdir(const struct path *start, const char *name)
{
	return remove_name(start, name, true);
}

int vfs_link(const struct path *old_start, const char *oldname, bool follow,
	     const struct path *new_start, const char *newname)
{
	struct create_args args = {};
	struct last_component old, last;
	int err;

	mutex_lock(&vfs_tree_lock);
	err = walk_parent(old_start, oldname, &old) ?: walk_last(&old, follow, &args.old);
	if (!err)
		err = parent_for_create(new_start, newname, &last);
	if (err)
		goto out;
	if (last.trailing_slash)
		err = -ENOENT; /* as Linux: only a directory's name may end so */
	else if (!same_fs(args.old, last.dir))
		err = -EXDEV;
	else if (is_dir(args.old))
		err = -EPERM; /* no hard links to directories */
	else if (!args.old->d_inode->i_nlink)
		err = -ENOENT;
	else
		err = create_last(&last, CREATE_HARDLINK, &args, NULL);
out:
	mutex_unlock(&vfs_tree_lock);
	return err;
}

/* Whether @dentry is @ancestor or below it. */
static bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	for (;;) {
		if (dentry == ancestor)
			return true;
		if (dentry->d_parent == dentry)
			return false;
		dentry = dentry->d_parent;
	}
}

/* A copy of @last's name for d_move(), or NULL when the name stays as it is. */
static int rename_name(const struct last_component *last, const struct dentry *dentry, char **copy)
{
	*copy = NULL;
	if (dentry->d_namelen == last->len && !memcmp(dentry->d_name, last->name, last->len))
		return 0;
	*copy = kmalloc(last->len + 1);
	if (!*copy)
		return -ENOMEM;
	memcpy(*copy, last->name, last->len);
	(*copy)[last->len] = '\0';
	return 0;
}

/* The checks of rename(2), in Linux's order; with vfs_tree_lock held. */
static int may_rename(struct last_component *old, struct last_component *new, unsigned int flags,
		      struct dentry **old_dentry, struct dentry **new_dentry)
{
	bool exchange = flags & RENAME_EXCHANGE;
	struct dentry *source, *target;

	if (!old->len || name_is_dot(old->name, old->len) || name_is_dotdot(old->name, old->len))
		return -EBUSY;
	if (!new->len || name_is_dot(new->name, new->len) || name_is_dotdot(new->name, new->len))
		return (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	source = d_lookup(old->dir, old->name, old->len);
	if (!source)
		return -ENOENT;
	target = d_lookup(new->dir, new->name, new->len);
	if (target && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	if (!target && exchange)
		return -ENOENT;
	if (new->dir->d_deleted)
		return -ENOENT;
	if (!is_dir(source) && (old->trailing_slash || (!exchange && new->trailing_slash)))
		return -ENOTDIR;
	if (exchange && !is_dir(target) && new->trailing_slash)
		return -ENOTDIR;
	/* Neither may end up inside itself. */
	if (is_subdir(new->dir, source))
		return -EINVAL;
	if (target && is_subdir(old->dir, target))
		return exchange ? -EINVAL : -ENOTEMPTY;
	*old_dentry = source;
	*new_dentry = target;
	if (!target || exchange)
		return is_mountpoint(source) || (target && is_mountpoint(target)) ? -EBUSY : 0;
	if (target->d_inode == source->d_inode)
		return 0; /* two names of one file: nothing to do, as POSIX says */
	if (is_dir(source) && !is_dir(target))
		return -ENOTDIR;
	if (!is_dir(source) && is_dir(target))
		return -EISDIR;
	if (is_mountpoint(source) || is_mountpoint(target))
		return -EBUSY;
	if (is_dir(target) && !list_empty(&target->d_subdirs))
		return -ENOTEMPTY;
	return 0;
}

int vfs_rename(const struct path *old_start, const char *oldname, const struct path *new_start,
	       const char *newname, unsigned int flags)
{
	struct last_component old, new;
	struct dentry *source, *target, *victim;
	char *old_copy = NULL, *new_copy = NULL;
	struct inode *old_dir, *new_dir;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	mutex_lock(&vfs_tree_lock);
	err = walk_parent(old_start, oldname, &old) ?: walk_parent(new_start, newname, &new);
	if (!err && !same_fs(old.dir, new.dir))
		err = -EXDEV; /* as Linux, before either name is looked up */
	if (!err)
		err = may_rename(&old, &new, flags, &source, &target);
	if (err || (target && target->d_inode == source->d_inode))
		goto out;
	/* Everything that can fail comes before the first change. */
	err = rename_name(&new, source, &new_copy);
	if (!err && (flags & RENAME_EXCHANGE))
		err = rename_name(&old, target, &old_copy);
	if (err)
		goto out;
	old_dir = old.dir->d_inode;
	new_dir = new.dir->d_inode;
	err = old_dir->i_op->rename ? old_dir->i_op->rename(old_dir, source, new_dir, target, flags)
				    : -EPERM;
	if (err)
		goto out;
	victim = target && !(flags & RENAME_EXCHANGE) ? target : NULL;
	if (victim)
		d_delete(victim);
	d_move(source, new.dir, new_copy, new.len);
	new_copy = NULL;
	if (flags & RENAME_EXCHANGE) {
		d_move(target, old.dir, old_copy, old.len);
		old_copy = NULL;
	}
out:
	kfree(new_copy);
	kfree(old_copy);
	mutex_unlock(&vfs_tree_lock);
	return err;
}

int vfs_readlink(const struct path *path, char *buf, int buflen)
{
	struct dentry *dentry = path->dentry;
	struct inode *inode = dentry->d_inode;
	const char *target;
	int len;

	if (!is_link(dentry) || !inode->i_op->get_link)
		return -EINVAL;
	if (buflen <= 0)
		return -EINVAL;
	/* Under the tree's lock: a target made on demand (procfs) lives until the next call. */
	mutex_lock(&vfs_tree_lock);
	target = inode->i_op->get_link(dentry, inode);
	if (target) {
		len = min((int)strlen(target), buflen);
		memcpy(buf, target, len);
	} else {
		len = -ENOENT; /* what it named is gone: a process's exe after it ended */
	}
	mutex_unlock(&vfs_tree_lock);
	return len;
}
