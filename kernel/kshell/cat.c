// SPDX-License-Identifier: GPL-2.0
/*
 * cat: print files of the VFS.  A key stops it, since a device such as
 * /dev/zero never ends.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/kshell.h>

#define CHUNK 256

static int cat_one(const char *cmd, const char *name)
{
	struct file *file = filp_open(name, O_RDONLY, 0);
	char buf[CHUNK];
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file)) {
		kshell_error(cmd, "%s: cannot open (error %ld)\n", name, PTR_ERR(file));
		return PTR_ERR(file);
	}
	while ((n = kernel_read(file, buf, sizeof(buf), &pos)) > 0) {
		kshell_printf("%.*s", (int)n, buf);
		if (kshell_key_pressed(0))
			break;
	}
	filp_close(file);
	if (n < 0) {
		kshell_error(cmd, "%s: cannot read (error %zd)\n", name, n);
		return n;
	}
	return 0;
}

static int cat_run(int argc, char **argv)
{
	int i, err = 0;

	for (i = 1; i < argc; i++)
		err = cat_one(argv[0], argv[i]) ?: err;
	return err;
}
KSHELL_COMMAND(cat, .usage = "FILE...", .min_args = 1, .max_args = 8, .run = cat_run,
	       .help = "print files of the file system");
