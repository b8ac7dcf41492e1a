/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A reader of cpio "newc" archives (fs/cpio.c), the initramfs format
 * (Linux's Documentation/driver-api/early-userspace/buffer-format.rst):
 * each entry is a 110-byte header of ASCII hex fields, its NUL-terminated
 * name padded to 4 bytes, its data padded to 4 bytes; the entry named
 * TRAILER!!! ends the archive.
 *
 * The reader only checks and describes; it creates nothing.  An entry is
 * returned only once all of it (header, name, data) has been checked, so
 * a rejected entry is never half made by whoever acts on them.
 */
#ifndef _KERNEL_CPIO_H
#define _KERNEL_CPIO_H

#include <kernel/types.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_TRAILER	 "TRAILER!!!"

struct cpio_entry {
	/*
	 * The name inside the archive, NUL-terminated, with any leading
	 * "/" and "./" taken off ("" for the root itself).  No component
	 * is "..", none is longer than 255 bytes, the whole is shorter
	 * than 4096.
	 */
	const char *name;
	u32 ino, mode, uid, gid, nlink, mtime;
	u32 rdevmajor, rdevminor;
	const u8 *data; /* inside the archive */
	size_t size;
	size_t offset;	    /* of the header, for messages */
	unsigned int index; /* 0 for the first entry */
};

struct cpio_reader {
	const u8 *buf;
	size_t len, pos;
	unsigned int index;
	bool done;  /* the trailer was read, or an error */
	int result; /* then what every later call returns */
};

void cpio_init(struct cpio_reader *r, const void *buf, size_t len);

/*
 * The next entry: 1 and *@e filled, 0 at the trailer, or -EINVAL when the
 * archive is bad there (after a printk that names the entry and the
 * reason); after 0 or -EINVAL, every later call returns the same.
 * Supported types: regular files (not hard-linked: nlink 1), directories,
 * symbolic links (the data is the target), character and block device
 * nodes; magic 070701, or 070702 with its checksum verified.
 */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);

#endif
