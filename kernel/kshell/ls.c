// SPDX-License-Identifier: GPL-2.0
/*
 * ls: list a directory of the VFS, or name a file; -l adds the mode,
 * links, owner, size (or device numbers) and a link's target, as ls -l
 * does.
 *
 * The listing is read a few names at a time: the directory actor runs
 * with the VFS's tree lock held and may not call back into the VFS, so
 * the names are copied out first and looked up after.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/kshell.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define NAMES_PER_READ 16

struct names {
	struct dir_context ctx;
	int count;
	char name[NAMES_PER_READ][NAME_MAX + 1];
};

static bool take_name(struct dir_context *ctx, const char *name, int len, loff_t off, u64 ino,
		      unsigned int type)
{
	struct names *n = container_of(ctx, struct names, ctx);

	if (n->count == NAMES_PER_READ)
		return false;
	if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	memcpy(n->name[n->count], name, len);
	n->name[n->count++][len] = '\0';
	return true;
}

static void mode_string(umode_t mode, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = types[(mode & S_IFMT) >> 12];
	for (i = 0; i < 9; i++)
		s[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
}

static void show(const struct path *path, const char *name, bool long_format)
{
	char mode[11], target[64];
	struct kstat st;
	int len;

	if (!long_format) {
		kshell_printf("%s\n", name);
		return;
	}
	vfs_getattr(path, &st, STATX_BASIC_STATS, 0);
	mode_string(st.mode, mode);
	kshell_printf("%s %3u %4u %4u ", mode, st.nlink, st.uid, st.gid);
	if (S_ISCHR(st.mode) || S_ISBLK(st.mode))
		kshell_printf("%3u, %3u ", MAJOR(st.rdev), MINOR(st.rdev));
	else
		kshell_printf("%8lld ", st.size);
	kshell_printf("%s", name);
	if (S_ISLNK(st.mode)) {
		len = vfs_readlink(path, target, sizeof(target) - 1);
		if (len >= 0)
			kshell_printf(" -> %.*s%s", len, target,
				      len == sizeof(target) - 1 ? "..." : "");
	}
	kshell_printf("\n");
}

static int list_dir(const char *cmd, const struct path *dir, const char *name, bool long_format)
{
	struct file *file = file_open_at(dir, ".", O_RDONLY | O_DIRECTORY, 0);
	struct names *n = kmalloc(sizeof(*n));
	int err = 0, i;

	if (IS_ERR(file) || !n) {
		err = IS_ERR(file) ? PTR_ERR(file) : -ENOMEM;
		kshell_error(cmd, "%s: cannot read the directory (error %d)\n", name, err);
		goto out;
	}
	do {
		n->ctx.actor = take_name;
		n->count = 0;
		err = iterate_dir(file, &n->ctx);
		for (i = 0; i < n->count && !err; i++) {
			struct path path;

			if (vfs_path_lookup(dir, n->name[i], 0, &path))
				continue; /* removed since it was listed */
			show(&path, n->name[i], long_format);
			path_put(&path);
		}
	} while (!err && n->count == NAMES_PER_READ);
out:
	if (!IS_ERR(file))
		filp_close(file);
	kfree(n);
	return err;
}

static int ls_run(int argc, char **argv)
{
	bool long_format = argc > 1 && !strcmp(argv[1], "-l");
	const char *name = argc > 1 + long_format ? argv[1 + long_format] : "/";
	struct path path;
	struct kstat st;
	int err;

	if (argc > 2 + long_format || (argc > 1 && argv[1][0] == '-' && !long_format)) {
		kshell_error(argv[0], "usage: ls [-l] [PATH]\n");
		return -EINVAL;
	}
	/* A link to a directory is listed, as ls does, unless -l asks about the link. */
	err = kern_path(name, long_format ? 0 : LOOKUP_FOLLOW, &path);
	if (err) {
		kshell_error(argv[0], "cannot access %s (error %d)\n", name, err);
		return err;
	}
	vfs_getattr(&path, &st, STATX_BASIC_STATS, 0);
	if (S_ISDIR(st.mode))
		err = list_dir(argv[0], &path, name, long_format);
	else
		show(&path, name, long_format);
	path_put(&path);
	return err;
}
KSHELL_COMMAND(ls, .usage = "[-l] [PATH]", .max_args = 2, .run = ls_run,
	       .help = "list a directory of the file system");
