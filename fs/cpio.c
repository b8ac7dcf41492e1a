// SPDX-License-Identifier: GPL-2.0
/*
 * The cpio "newc" reader: the initramfs archive, checked entry by entry.
 *
 * The archive comes from outside the kernel (a file on the boot disk),
 * so every field is checked before it is used: the magic, that each
 * field is 8 hex digits, that the header, the name and the data each lie
 * inside the archive (with sums that cannot overflow), that the name ends
 * in its NUL and has no NUL before, that it cannot leave the root (no
 * ".." component), and that the type is one ramfs can hold.  A rejected
 * entry is reported by index, offset and name with the reason.  Pure
 * code: the host program runs it under ASan and a fuzzer.
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include <kernel/cpio.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/stat.h>
#include <kernel/string.h>

#define CPIO_PATH_MAX 4096
#define CPIO_NAME_MAX 255

/* The header's fields after the 6-byte magic, in order. */
enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
	NR_FIELDS
};

void cpio_init(struct cpio_reader *r, const void *buf, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->buf = buf;
	r->len = len;
}

static int hex_field(const u8 *p, u32 *val)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		u8 c = p[i];

		if (c >= '0' && c <= '9')
			v = v << 4 | (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v << 4 | (c - 'A' + 10);
		else
			return -EINVAL;
	}
	*val = v;
	return 0;
}

static __printf(3, 4) int reject(struct cpio_reader *r, const char *name, const char *fmt, ...)
{
	char why[96];
	va_list args;

	va_start(args, fmt);
	vscnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	if (name)
		pr_err("entry %u (\"%.64s\") at offset %zu: %s; archive rejected from here\n",
		       r->index, name, r->pos, why);
	else
		pr_err("entry %u at offset %zu: %s; archive rejected from here\n", r->index, r->pos,
		       why);
	r->done = true;
	r->result = -EINVAL;
	return -EINVAL;
}

/* NULL if @name may be created under the root, else why not. */
static const char *bad_name(const char *name)
{
	const char *p = name;

	while (*p) {
		const char *start = p;

		while (*p && *p != '/')
			p++;
		if (p - start == 2 && start[0] == '.' && start[1] == '.')
			return "a \"..\" component would leave the root";
		if (p - start > CPIO_NAME_MAX)
			return "a component is longer than 255 bytes";
		while (*p == '/')
			p++;
	}
	return NULL;
}

static const char *strip_root(const char *name)
{
	for (;;) {
		if (*name == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else if (name[0] == '.' && !name[1])
			name++;
		else
			return name;
	}
}

static const char *bad_type(u32 mode, u32 nlink, size_t size)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		/*
		 * newc keeps a hard-linked file's data once, with its last
		 * name: the names before it would come out empty.
		 */
		return nlink > 1 ? "hard links are not supported" : NULL;
	case S_IFLNK:
		return size && size < CPIO_PATH_MAX
			       ? NULL
			       : "a symbolic link's target must be 1 to 4095 bytes";
	case S_IFDIR:
	case S_IFCHR:
	case S_IFBLK:
		return size ? "a directory or device node with data" : NULL;
	default:
		return "unsupported file type (FIFO, socket or unknown)";
	}
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	const u8 *hdr = r->buf + r->pos;
	size_t left = r->len - r->pos, name_end, data_end;
	u32 f[NR_FIELDS], sum = 0;
	const char *name, *why;
	bool crc;
	int i;

	if (r->done)
		return r->result;
	if (!left)
		return reject(r, NULL, "the archive ends without a " CPIO_TRAILER " entry");
	if (left < CPIO_HEADER_SIZE)
		return reject(r, NULL, "truncated header (%zu of %d bytes)", left,
			      CPIO_HEADER_SIZE);
	if (memcmp(hdr, "07070", 5) || (hdr[5] != '1' && hdr[5] != '2'))
		return reject(r, NULL, "wrong magic (not 070701 or 070702: not a newc archive)");
	crc = hdr[5] == '2';
	for (i = 0; i < NR_FIELDS; i++)
		if (hex_field(hdr + 6 + 8 * i, &f[i]))
			return reject(r, NULL, "header field %d is not 8 hex digits", i);
	if (!f[F_NAMESIZE])
		return reject(r, NULL, "the name size is 0 (no room for its NUL)");
	if (f[F_NAMESIZE] > left - CPIO_HEADER_SIZE)
		return reject(r, NULL, "truncated name (%u bytes claimed, %zu left)", f[F_NAMESIZE],
			      left - CPIO_HEADER_SIZE);
	name = (const char *)hdr + CPIO_HEADER_SIZE;
	if (name[f[F_NAMESIZE] - 1] != '\0')
		return reject(r, NULL, "the name does not end with its NUL");
	if (strlen(name) != f[F_NAMESIZE] - 1)
		return reject(r, NULL, "the name has a NUL inside");
	if (f[F_NAMESIZE] > CPIO_PATH_MAX)
		return reject(r, NULL, "the name is %u bytes, the limit 4096", f[F_NAMESIZE]);
	/* In bounds by now: the header and name are inside the archive. */
	name_end = ALIGN(r->pos + CPIO_HEADER_SIZE + f[F_NAMESIZE], 4);
	if (!strcmp(name, CPIO_TRAILER)) {
		r->done = true;
		r->result = 0;
		return 0;
	}
	if (name_end > r->len || f[F_FILESIZE] > r->len - name_end)
		return reject(r, name, "truncated data (%u bytes claimed, %zu left)", f[F_FILESIZE],
			      name_end > r->len ? 0 : r->len - name_end);
	data_end = name_end + f[F_FILESIZE];
	why = bad_name(name) ?: bad_type(f[F_MODE], f[F_NLINK], f[F_FILESIZE]);
	if (why)
		return reject(r, name, "%s", why);
	if ((f[F_MODE] & S_IFMT) == S_IFLNK && memchr(r->buf + name_end, '\0', f[F_FILESIZE]))
		return reject(r, name, "a NUL inside the symbolic link's target");
	if (crc) {
		for (i = 0; (u32)i < f[F_FILESIZE]; i++)
			sum += r->buf[name_end + i];
		if (sum != f[F_CHECK])
			return reject(r, name, "checksum %#x, the header says %#x", sum,
				      f[F_CHECK]);
	}
	e->name = strip_root(name);
	if (!*e->name && (f[F_MODE] & S_IFMT) != S_IFDIR)
		return reject(r, name, "only a directory can name the root");
	e->ino = f[F_INO];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->rdevmajor = f[F_RDEVMAJOR];
	e->rdevminor = f[F_RDEVMINOR];
	e->data = r->buf + name_end;
	e->size = f[F_FILESIZE];
	e->offset = r->pos;
	e->index = r->index++;
	/* The next header is 4-aligned; the padding may be cut at the very end. */
	r->pos = min(ALIGN(data_end, 4), r->len);
	return 1;
}
