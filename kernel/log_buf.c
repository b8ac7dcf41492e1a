// SPDX-License-Identifier: GPL-2.0
/*
 * Log record ring buffer; see <kernel/log_buf.h> for the layout.
 */
#include <kernel/compiler.h>
#include <kernel/log_buf.h>
#include <kernel/string.h>

struct log_hdr {
	u32 size; /* header + text, rounded up to 8 */
	u16 text_len;
	u8 level;
	u8 flags;
	u64 seq;
};

static void ring_write(struct log_buf *lb, size_t pos, const void *src, size_t len)
{
	size_t first = min(len, lb->size - pos);

	memcpy(lb->data + pos, src, first);
	memcpy(lb->data, (const char *)src + first, len - first);
}

static void ring_read(const struct log_buf *lb, size_t pos, void *dst, size_t len)
{
	size_t first = min(len, lb->size - pos);

	memcpy(dst, lb->data + pos, first);
	memcpy((char *)dst + first, lb->data, len - first);
}

static void drop_oldest(struct log_buf *lb)
{
	struct log_hdr hdr;

	ring_read(lb, lb->tail, &hdr, sizeof(hdr));
	lb->tail = (lb->tail + hdr.size) % lb->size;
	lb->used -= hdr.size;
	lb->first_seq++;
}

size_t log_buf_max_text(const struct log_buf *lb)
{
	size_t room = (lb->size & ~7UL) - sizeof(struct log_hdr);

	return min(room, (size_t)0xffff);
}

void log_buf_store(struct log_buf *lb, int level, unsigned int flags, const char *text, size_t len)
{
	struct log_hdr hdr = {
		.level = level,
		.flags = flags,
		.seq = lb->next_seq++,
	};

	len = min(len, log_buf_max_text(lb));
	hdr.text_len = len;
	hdr.size = ALIGN(sizeof(hdr) + len, 8);
	while (lb->used + hdr.size > lb->size)
		drop_oldest(lb);
	ring_write(lb, lb->head, &hdr, sizeof(hdr));
	ring_write(lb, (lb->head + sizeof(hdr)) % lb->size, text, len);
	lb->head = (lb->head + hdr.size) % lb->size;
	lb->used += hdr.size;
}

/* Where record @seq (which must be in the ring) starts: walk from the tail. */
static size_t find_record(const struct log_buf *lb, u64 seq)
{
	size_t pos = lb->tail;
	u64 s;

	for (s = lb->first_seq; s < seq; s++) {
		struct log_hdr hdr;

		ring_read(lb, pos, &hdr, sizeof(hdr));
		pos = (pos + hdr.size) % lb->size;
	}
	return pos;
}

bool log_buf_read(const struct log_buf *lb, u64 *seq, struct log_record *rec, char *text,
		  size_t size)
{
	struct log_hdr hdr;
	size_t pos, copy;

	if (*seq < lb->first_seq)
		*seq = lb->first_seq;
	if (*seq >= lb->next_seq)
		return false;
	pos = find_record(lb, *seq);
	ring_read(lb, pos, &hdr, sizeof(hdr));
	rec->seq = hdr.seq;
	rec->level = hdr.level;
	rec->flags = hdr.flags;
	rec->text_len = hdr.text_len;
	if (size) {
		copy = min((size_t)hdr.text_len, size - 1);
		ring_read(lb, (pos + sizeof(hdr)) % lb->size, text, copy);
		text[copy] = '\0';
	}
	*seq = hdr.seq + 1;
	return true;
}
