/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Making newc archives in memory, for the tests of the reader
 * (cpio_test.c), of the unpacking (initramfs_test.c) and for the host
 * fuzzer: what scripts/gen_initramfs.py writes, entry by entry.
 */
#ifndef _FS_CPIO_TEST_H
#define _FS_CPIO_TEST_H

#include <kernel/sprintf.h>
#include <kernel/stat.h>
#include <kernel/string.h>
#include <kernel/types.h>

struct cpio_builder {
	u8 *buf;
	size_t len, cap; /* bytes written, room */
	u32 ino;
};

/* One entry, its fields as given; the builder's buffer must have room. */
static inline void cpio_put(struct cpio_builder *b, const char *name, u32 mode, u32 rmaj, u32 rmin,
			    const void *data, size_t size)
{
	size_t namesize = strlen(name) + 1;
	char hdr[111];

	snprintf(hdr, sizeof(hdr), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ++b->ino, mode, 0, 0, S_ISDIR(mode) ? 2 : 1, 1700000000, (u32)size, 0, 0, rmaj,
		 rmin, (u32)namesize, 0);
	if (b->len + 110 + namesize + size + 8 > b->cap)
		return;
	memcpy(b->buf + b->len, hdr, 110);
	memcpy(b->buf + b->len + 110, name, namesize);
	b->len = ALIGN(b->len + 110 + namesize, 4);
	memcpy(b->buf + b->len, data, size);
	b->len = ALIGN(b->len + size, 4);
}

static inline void cpio_trailer(struct cpio_builder *b)
{
	cpio_put(b, "TRAILER!!!", 0, 0, 0, NULL, 0);
}

#endif
