// SPDX-License-Identifier: GPL-2.0
/*
 * Changing an inode's attributes: permissions, owner, times and, for a
 * regular file, its size (O_TRUNC, truncate(), the unpacking of the
 * initramfs).  The file system's setattr runs under the inode's i_mutex,
 * and so does the dropping of set-ID bits that chown() asks for; a size
 * it cannot reach fails with nothing changed.  An inode with no setattr
 * of its file system's (a pipe's) changes as Linux's simple_setattr().
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include "internal.h"

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	inode->i_ctime = current_time();
}

static int setattr_locked(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if ((attr->ia_valid & ATTR_SIZE) && !S_ISREG(inode->i_mode))
		return S_ISDIR(inode->i_mode) ? -EISDIR : -EINVAL;
	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size < 0)
		return -EINVAL;
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	/* An inode of no file system's (a pipe's): Linux's simple_setattr(). */
	if (attr->ia_valid & ATTR_SIZE)
		return -EINVAL;
	setattr_copy(inode, attr);
	return 0;
}

/* ATTR_KILL_*: what chown() asks, worked out under the lock, as Linux's notify_change(). */
static void kill_set_id(struct inode *inode, struct iattr *attr)
{
	umode_t mode = (attr->ia_valid & ATTR_MODE) ? attr->ia_mode : inode->i_mode;
	umode_t kept = mode;

	if (S_ISDIR(inode->i_mode))
		return;
	if (attr->ia_valid & ATTR_KILL_SUID)
		kept &= ~S_ISUID;
	if ((attr->ia_valid & ATTR_KILL_SGID) && (mode & 0010))
		kept &= ~S_ISGID;
	if (kept != mode) {
		attr->ia_mode = kept;
		attr->ia_valid |= ATTR_MODE;
	}
}

int vfs_setattr(const struct path *path, struct iattr *attr)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	mutex_lock(&inode->i_mutex);
	kill_set_id(inode, attr);
	err = setattr_locked(path->dentry, attr);
	mutex_unlock(&inode->i_mutex);
	return err;
}

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct path path = { .dentry = dentry };
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };

	return vfs_setattr(&path, &attr);
}
