/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A ring buffer of log records (kernel/log_buf.c): the storage behind
 * printk, kept separate so that tests can exercise a small ring of their
 * own.
 *
 * A record is a fixed header (size, level, flags, sequence number) and the
 * text.  Records are stored byte-wise modulo the ring size, so one may wrap
 * around the end; when a new record does not fit, the oldest ones are
 * dropped.  Sequence numbers never repeat, so a reader can tell that it
 * missed records.
 */
#ifndef _KERNEL_LOG_BUF_H
#define _KERNEL_LOG_BUF_H

#include <kernel/types.h>

struct log_buf {
	char *data;
	size_t size;
	size_t head;   /* where the next record goes */
	size_t tail;   /* the oldest record */
	size_t used;   /* bytes of records in the ring */
	u64 first_seq; /* sequence number of the oldest record */
	u64 next_seq;  /* sequence number of the next record */
};

#define LOG_BUF_INIT(storage)                              \
	{                                                  \
		.data = (storage), .size = sizeof(storage) \
	}

/* A record read back from a log buffer. */
struct log_record {
	u64 seq;
	int level;
	unsigned int flags;
	size_t text_len; /* length of the whole text, maybe more than copied */
};

/* The longest text a record of @lb can hold; longer text is cut. */
size_t log_buf_max_text(const struct log_buf *lb);

void log_buf_store(struct log_buf *lb, int level, unsigned int flags, const char *text, size_t len);

/*
 * Read the record with sequence number *@seq, or the oldest one still in
 * the buffer if that was dropped, and copy its text (NUL-terminated,
 * truncated to @size) to @text.  Advances *@seq past it.  Returns false
 * when there is no such record yet.
 */
bool log_buf_read(const struct log_buf *lb, u64 *seq, struct log_record *rec, char *text,
		  size_t size);

#endif
