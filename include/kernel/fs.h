/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system (fs/): inodes, dentries and open files, with
 * Linux's names and meanings, and the in-kernel calls that the system
 * calls (openat, read, lseek, getdents64...) will be built on.
 *
 * Ownership and locking (Documentation/fs/vfs.md has the why):
 *  - the dentry tree (every d_parent, d_subdirs, d_child, d_name), each
 *    directory's listing, i_nlink, and the reference counts d_count and
 *    i_count are guarded by one mutex, vfs_tree_lock (fs/dcache.c).  A
 *    path walk holds it from its first component to its last, so that a
 *    walk never sees a half-made change;
 *  - a file's data, i_size, i_blocks and times are guarded by the inode's
 *    i_mutex (Linux's i_rwsem).  Lock order: vfs_tree_lock, then i_mutex;
 *  - struct file's f_count is atomic; f_pos belongs to whoever holds the
 *    file (the file table will serialize read() on a shared file as
 *    Linux's fdget_pos() does);
 *  - the character device table has its own mutex (fs/char_dev.c).
 * Every call here may sleep: none is for interrupt context.
 */
#ifndef _KERNEL_FS_H
#define _KERNEL_FS_H

#include <kernel/compiler.h>
#include <kernel/fcntl.h>
#include <kernel/kdev_t.h>
#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/poll.h>
#include <kernel/stat.h>
#include <kernel/types.h>

#define PATH_MAX    4096 /* bytes in a path, its NUL included */
#define NAME_MAX    255	 /* bytes in one component */
#define MAXSYMLINKS 40	 /* symbolic links one walk follows, as Linux */

/* The largest count one read or write moves, as Linux's MAX_RW_COUNT. */
#define MAX_RW_COUNT (0x7fffffffL & ~(long)(4096 - 1))

/* d_type values of struct dir_context's actor (Linux's DT_*). */
#define DT_UNKNOWN 0
#define DT_FIFO	   1
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_BLK	   6
#define DT_REG	   8
#define DT_LNK	   10
#define DT_SOCK	   12

struct dentry;
struct file;
struct inode;
struct kstatfs;
struct pipe_inode_info;
struct super_block;

/* What setattr changes (Linux's ATTR_* bits, the ones used here). */
#define ATTR_MODE      (1U << 0)
#define ATTR_UID       (1U << 1)
#define ATTR_GID       (1U << 2)
#define ATTR_SIZE      (1U << 3)
#define ATTR_ATIME     (1U << 4)
#define ATTR_MTIME     (1U << 5)
/* Drop the set-user-ID bit, and the set-group-ID bit if group execution makes it mean something. */
#define ATTR_KILL_SUID (1U << 11)
#define ATTR_KILL_SGID (1U << 12)

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode; /* permission bits only: the type never changes */
	kuid_t ia_uid;
	kgid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
};

struct dir_context;
/* Called once per entry; false stops the iteration (the entry is not consumed). */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			  u64 ino, unsigned int d_type);

struct dir_context {
	filldir_t actor;
	loff_t pos; /* where the next entry is; iterate_dir() keeps f_pos in step */
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char *buf, size_t count, loff_t *pos);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	/* A device's own requests (ioctl()); NULL: -ENOTTY, not a terminal. */
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* What can be done now, POLL*; NULL: always ready (<kernel/poll.h>). */
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
};

/*
 * Directory operations get the directory's inode and a new dentry, not
 * yet in the tree, to instantiate (d_instantiate()); vfs_tree_lock is
 * held.  For a file system in memory the dentry tree is the directory,
 * and there is no lookup; one whose entries are made when asked (procfs)
 * has a lookup, which the walk calls for a name the tree does not hold:
 * it instantiates the dentry and returns 0, or returns -ENOENT.
 */
struct inode_operations {
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/*
	 * A new name @dentry in @dir for @old's inode (a hard link): the
	 * file system counts the link and instantiates @dentry.
	 */
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *dentry);
	/*
	 * @old (in @old_dir) is to take the place of @new (in @new_dir;
	 * NULL if the name is free), or, with RENAME_EXCHANGE,
	 * the two swap: the file system's bookkeeping (link counts, times),
	 * done before the VFS moves the dentries.  It must not fail once it
	 * has changed anything.
	 */
	int (*rename)(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
		      struct dentry *new, unsigned int flags);
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	/* Called with i_mutex held; ATTR_SIZE may fail (-EFBIG, -ENOMEM). */
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

struct super_operations {
	/* A zeroed inode, in whatever the file system wraps it in; NULL without memory. */
	struct inode *(*alloc_inode)(struct super_block *sb);
	/* Free an inode whose last reference went: its data and itself. */
	void (*destroy_inode)(struct inode *inode);
	/* What statfs() says of the space; NULL: nothing (the type and name length only). */
	void (*statfs)(struct super_block *sb, struct kstatfs *buf);
};

/* What statfs(2) reports, in Linux's struct kstatfs's terms. */
struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail;
	u64 f_files, f_ffree;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

struct super_block {
	dev_t s_dev;
	loff_t s_maxbytes; /* the largest file size */
	const struct super_operations *s_op;
	struct dentry *s_root;
	const char *s_type;    /* "tmpfs", for messages */
	unsigned long s_magic; /* statfs()'s f_type: TMPFS_MAGIC... */
};

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;
	kuid_t i_uid;
	kgid_t i_gid;
	dev_t i_rdev; /* device nodes */
	unsigned long i_ino;
	loff_t i_size;
	u64 i_blocks; /* 512-byte units held */
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned int i_count; /* one per dentry naming it */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	const char *i_link; /* a symbolic link's target */
	/* A FIFO's pipe while it is open (fs/pipe.c), under i_mutex. */
	struct pipe_inode_info *i_pipe;
	struct mutex i_mutex;
	void *i_private; /* the file system's */
};

/*
 * A dentry's own operations.  d_revalidate, with vfs_tree_lock held,
 * says whether a name a lookup made still names something (false: a
 * process that has gone); the walk takes a stale one out of the tree
 * (d_invalidate()) and asks the directory's lookup again.
 */
struct dentry_operations {
	bool (*d_revalidate)(struct dentry *dentry);
};

struct dentry {
	struct dentry *d_parent; /* the root's is itself */
	const struct dentry_operations *d_op;
	struct inode *d_inode;
	struct list_head d_child;   /* in the parent's d_subdirs */
	struct list_head d_subdirs; /* children, by increasing d_dir_off */
	loff_t d_dir_off;	    /* its position in the parent's listing */
	loff_t d_next_off;	    /* the position its next child gets */
	unsigned int d_count;	    /* the tree's, children's, users' */
	bool d_deleted;		    /* unlinked: out of the tree */
	unsigned int d_namelen;
	char *d_name;	/* NUL-terminated: d_iname, or its own block after a rename */
	char d_iname[]; /* the name it was made with */
};

/* A place in the namespace: Linux's also names a mount, which there is none of. */
struct path {
	struct dentry *dentry;
};

#define FMODE_READ  (1U << 0)
#define FMODE_WRITE (1U << 1)
#define FMODE_PATH  (1U << 2) /* O_PATH: a place, not an open file: fget() refuses it */

struct file {
	struct dentry *f_dentry;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags; /* O_* as opened, less O_CREAT, O_EXCL, O_TRUNC */
	unsigned int f_mode;  /* FMODE_* */
	loff_t f_pos;
	long f_count;		 /* atomic */
	unsigned long f_version; /* a FIFO reader's: the writers opened before it (fs/pipe.c) */
	void *private_data;
};

static inline struct inode *file_inode(const struct file *file)
{
	return file->f_inode;
}

/* fs/dcache.c and fs/inode.c */
extern struct mutex vfs_tree_lock;
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
void d_instantiate(struct dentry *dentry, struct inode *inode);
/*
 * Take @dentry and everything under it out of the tree (vfs_tree_lock
 * held): what a file system whose entries come and go calls when one
 * goes.  Users of an entry keep it, out of the tree, until they let go.
 */
void d_invalidate(struct dentry *dentry);
struct inode *new_inode(struct super_block *sb);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t dev);
struct timespec64 current_time(void);
unsigned int fs_umode_to_dtype(umode_t mode);

/* fs/namei.c: the path walk; LOOKUP_* flags */
#define LOOKUP_FOLLOW	 (1U << 0) /* follow a symbolic link at the end */
#define LOOKUP_DIRECTORY (1U << 1) /* the end must be a directory */

/*
 * Resolve @name from @start (NULL: the root; an absolute @name starts at
 * the root anyway).  0 and a referenced @path (path_put() it), or
 * -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP.
 */
int vfs_path_lookup(const struct path *start, const char *name, unsigned int flags,
		    struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
void path_put(const struct path *path);
void get_fs_root(struct path *root);

/*
 * Changes to the namespace, each resolving @name from @start (NULL: the
 * root) under one hold of vfs_tree_lock.  Linux's vfs_mkdir() takes a
 * looked-up dentry instead: here the walk and the change are one call, so
 * that nothing can come between them.  0 or -errno; a failure changes
 * nothing.
 */
int vfs_mkdir(const struct path *start, const char *name, umode_t mode);
int vfs_mknod(const struct path *start, const char *name, umode_t mode, dev_t dev);
int vfs_symlink(const struct path *start, const char *target, const char *name);
int vfs_unlink(const struct path *start, const char *name);
int vfs_rmdir(const struct path *start, const char *name);
/*
 * rename(2) with Linux's rules: @oldname (from @old_start) takes the
 * place of @newname (from @new_start), replacing what was there in one
 * step; RENAME_NOREPLACE refuses to replace, RENAME_EXCHANGE swaps two
 * existing names.
 */
#define RENAME_NOREPLACE (1U << 0)
#define RENAME_EXCHANGE	 (1U << 1)
int vfs_rename(const struct path *old_start, const char *oldname, const struct path *new_start,
	       const char *newname, unsigned int flags);
/* A hard link @newname to what @oldname names (a link itself only if !@follow). */
int vfs_link(const struct path *old_start, const char *oldname, bool follow,
	     const struct path *new_start, const char *newname);
/* A symbolic link's target into @buf (not NUL-terminated): its length or -errno. */
int vfs_readlink(const struct path *path, char *buf, int buflen);
/* Change attributes (i_mutex taken here); ATTR_SIZE only on regular files. */
int vfs_setattr(const struct path *path, struct iattr *attr);
/* For a file system's setattr: mode, owner and times as @attr asks; ctime now (i_mutex held). */
void setattr_copy(struct inode *inode, const struct iattr *attr);

/* fs/open.c */
struct file *filp_open(const char *name, int flags, umode_t mode);
/* As filp_open(), from @start (a working or an open directory): what openat() needs. */
struct file *file_open_at(const struct path *start, const char *name, int flags, umode_t mode);
int filp_close(struct file *file);
struct file *get_file(struct file *file);
void fput(struct file *file);
/* Open files, for the tests' leak checks. */
long nr_open_files(void);

/* fs/read_write.c */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/* For file systems: SEEK_SET/CUR/END against @maxsize and @eof, as Linux's. */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);

/* fs/stat.c */
#define STATX_BASIC_STATS     0x7ffU
#define AT_STATX_SYNC_AS_STAT 0
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags);
void generic_fillattr(struct inode *inode, struct kstat *stat);

/* fs/readdir.c */
int iterate_dir(struct file *file, struct dir_context *ctx);
int dcache_readdir(struct file *file, struct dir_context *ctx);
/* "." and "..", at positions 0 and 1, unless past them: false if the actor stopped. */
bool dir_emit_dots(struct file *file, struct dir_context *ctx);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
extern const struct file_operations simple_dir_operations;

/* fs/char_dev.c */
#define CHRDEV_MAJOR_MAX 512 /* majors below this, as Linux */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
extern const struct file_operations def_chr_fops;

/* fs/pipe.c: pipes, and the FIFOs that open one by name (CONFIG_USER_MODE) */
#define PIPE_BUF 4096 /* the most bytes a pipe writes without interleaving */
extern const struct file_operations pipefifo_fops;
/* A pipe's two ends, each with a reference for the caller; 0 or -ENFILE/-ENOMEM. */
int create_pipe_files(struct file **res, int flags);

/* fs/statfs.c */
#define TMPFS_MAGIC	 0x01021994
#define PIPEFS_MAGIC	 0x50495045
#define PROC_SUPER_MAGIC 0x9fa0
int vfs_statfs(const struct path *path, struct kstatfs *buf);

/* fs/ramfs/ */
struct super_block *ramfs_fill_super(void);

/* fs/super.c: the root file system, and the initramfs in it */
#if IS_ENABLED(CONFIG_VFS)
void vfs_caches_init(void);
#else
static inline void vfs_caches_init(void)
{
}
#endif
#if IS_ENABLED(CONFIG_INITRAMFS)
/* Unpack a newc archive into the root: the entries made, or -errno (fs/initramfs.c). */
int unpack_to_rootfs(const void *buf, size_t len);
void populate_rootfs(void);
#else
static inline void populate_rootfs(void)
{
}
#endif

#endif
