// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacking the initramfs: the cpio archive GRUB loaded as a module
 * ("module2 /boot/initramfs.cpio initramfs") becomes files in the root
 * ramfs, then its memory goes back to the frame allocator.
 *
 * This runs where Linux's populate_rootfs() does, before the drivers'
 * initcalls, so that everything after it finds its files.  Each entry is
 * made whole or not at all: the reader (fs/cpio.c) checks all of an
 * entry before it is returned, and a file whose data cannot all be
 * written is removed again.  The first bad entry stops the unpacking,
 * with a message naming it; what came before it stays, as in Linux.
 *
 * A name already there is replaced by a file, link or node, and kept if
 * both are directories (a list may name /dev after the base list did).
 * The reader refuses hard links (there is no link() yet).
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include <asm/page.h>
#include <kernel/bootinfo.h>
#include <kernel/cpio.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static int write_data(const struct cpio_entry *e)
{
	struct file *file = filp_open(e->name, O_WRONLY | O_CREAT | O_TRUNC, e->mode & S_IALLUGO);
	size_t done = 0;
	loff_t pos = 0;
	int err = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	while (done < e->size) {
		ssize_t n = kernel_write(file, e->data + done, e->size - done, &pos);

		if (n <= 0) {
			err = n ? n : -EIO;
			break;
		}
		done += n;
	}
	filp_close(file);
	if (err)
		vfs_unlink(NULL, e->name); /* nothing half made */
	return err;
}

static int make_symlink(const struct cpio_entry *e)
{
	char *target = kmalloc(e->size + 1);
	int err;

	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	err = vfs_symlink(NULL, target, e->name);
	kfree(target);
	return err;
}

/* Make way for a new entry: a directory stays for a directory, anything else goes. */
static int clear_name(const struct cpio_entry *e, bool *keep)
{
	struct path path;
	struct kstat st;
	int err = kern_path(e->name, 0, &path);

	*keep = false;
	if (err)
		return err == -ENOENT ? 0 : err;
	vfs_getattr(&path, &st, STATX_BASIC_STATS, 0);
	path_put(&path);
	if (S_ISDIR(st.mode))
		*keep = S_ISDIR(e->mode);
	if (*keep)
		return 0;
	return S_ISDIR(st.mode) ? vfs_rmdir(NULL, e->name) : vfs_unlink(NULL, e->name);
}

/* The owner, permissions and modification time the archive gives. */
static int set_attributes(const struct cpio_entry *e)
{
	struct iattr attr = {
		.ia_valid = ATTR_UID | ATTR_GID | ATTR_MTIME | ATTR_MODE,
		.ia_mode = e->mode & S_IALLUGO,
		.ia_uid = e->uid,
		.ia_gid = e->gid,
		.ia_mtime = { .tv_sec = e->mtime },
	};
	struct path path;
	int err = kern_path(e->name, 0, &path);

	if (err)
		return err;
	if (S_ISLNK(e->mode))
		attr.ia_valid &= ~ATTR_MODE; /* a link's permissions mean nothing */
	err = vfs_setattr(&path, &attr);
	path_put(&path);
	return err;
}

static int make_entry(const struct cpio_entry *e)
{
	bool keep;
	int err;

	if (!*e->name)
		return 0; /* "." : the root exists */
	err = clear_name(e, &keep);
	if (err)
		return err;
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = keep ? 0 : vfs_mkdir(NULL, e->name, e->mode);
		break;
	case S_IFREG:
		err = write_data(e);
		break;
	case S_IFLNK:
		err = make_symlink(e);
		break;
	default: /* the reader let only device nodes through */
		err = vfs_mknod(NULL, e->name, e->mode, MKDEV(e->rdevmajor, e->rdevminor));
		break;
	}
	return err ?: set_attributes(e);
}

int unpack_to_rootfs(const void *buf, size_t len)
{
	struct cpio_reader r;
	struct cpio_entry e;
	int made = 0, ret, err;

	cpio_init(&r, buf, len);
	while ((ret = cpio_next(&r, &e)) > 0) {
		err = make_entry(&e);
		if (err) {
			pr_err("entry %u (\"%s\"): cannot make it (error %d); unpacking stopped\n",
			       e.index, e.name, err);
			return err;
		}
		made++;
	}
	return ret ?: made;
}

static bool overlaps(phys_addr_t s1, phys_addr_t e1, phys_addr_t s2, phys_addr_t e2)
{
	return s1 < e2 && s2 < e1;
}

/*
 * Where the module's memory ends for the frame allocator: its last page
 * whole when nothing else the boot loader left (the information block,
 * another module) shares it, else the last whole page.  The module
 * alignment tag (arch/x86_64/boot/header.asm) makes its start a page's.
 */
static phys_addr_t freeable_end(const struct boot_module *mod)
{
	phys_addr_t tail = mod->end & ~(PAGE_SIZE - 1), end = ALIGN(mod->end, PAGE_SIZE);
	size_t i;

	if (overlaps(tail, end, boot_info.info_phys, boot_info.info_phys + boot_info.info_size))
		return tail;
	for (i = 0; i < boot_info.nr_modules; i++)
		if (&boot_info.modules[i] != mod &&
		    overlaps(tail, end, boot_info.modules[i].start, boot_info.modules[i].end))
			return tail;
	return end;
}

void populate_rootfs(void)
{
	const struct boot_module *mod = boot_find_module(&boot_info, "initramfs");
	size_t len;
	int ret;

	if (!mod) {
		pr_warn("no initramfs module from the boot loader: the root is empty\n");
		return;
	}
	len = mod->end - mod->start;
	if (mod->end > memblock_end(&memblock)) {
		pr_err("module at %#llx-%#llx lies outside memory; not unpacked\n",
		       (unsigned long long)mod->start, (unsigned long long)mod->end);
		return;
	}
	pr_info("unpacking %zu KiB at %#llx (module \"%s\")\n", len >> 10,
		(unsigned long long)mod->start, mod->string);
	ret = unpack_to_rootfs(phys_to_virt(mod->start), len);
	if (ret >= 0)
		pr_info("%d entries unpacked\n", ret);
	else
		pr_err("unpacking failed (error %d): the root holds what came before it\n", ret);
	if (mod->freeable)
		free_reserved_area(mod->start, freeable_end(mod), "initrd");
	else
		pr_warn("module at %#llx-%#llx shares memory in use: not freed\n",
			(unsigned long long)mod->start, (unsigned long long)mod->end);
}
