// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: the kernel log, from the oldest record the ring still holds, or
 * its last COUNT records ("dmesg 20", as "dmesg | tail -n 20" would).
 *
 * Each record is copied out under printk's lock and written after it,
 * so printk never waits for a console on dmesg's account.  A record
 * longer than the copy is cut and marked.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/log_buf.h>
#include <kernel/printk.h>

#define DMESG_MAX_COUNT 100000

static char text[1024]; /* the shell task's alone */

static bool read_record(u64 *seq, struct log_record *rec)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	bool found = log_buf_read(&kernel_log, seq, rec, text, sizeof(text));

	printk_cpu_sync_put_irqrestore(taken, flags);
	return found;
}

/* The sequence number of the first of the last @count records. */
static u64 last_records(int count)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	u64 next = kernel_log.next_seq;

	printk_cpu_sync_put_irqrestore(taken, flags);
	return next > (u64)count ? next - count : 0;
}

static int dmesg_run(int argc, char **argv)
{
	struct log_record rec;
	bool first = true;
	int count = 0;
	u64 seq;

	if (argc > 1 && kshell_parse_int(argv[0], "COUNT", argv[1], 1, DMESG_MAX_COUNT, &count))
		return -EINVAL;
	seq = count ? last_records(count) : 0;
	while (read_record(&seq, &rec)) {
		if (first && rec.seq && !count)
			kshell_printf("(the %llu oldest records were dropped from the ring)\n",
				      (unsigned long long)rec.seq);
		first = false;
		if (rec.text_len >= sizeof(text)) {
			kshell_printf("%s [... %lu more bytes]\n", text,
				      (unsigned long)(rec.text_len - (sizeof(text) - 1)));
			continue;
		}
		console_write(text, rec.text_len, rec.level);
	}
	return 0;
}
KSHELL_COMMAND(dmesg, .usage = "[COUNT]", .max_args = 1, .run = dmesg_run,
	       .help = "the kernel log, or its last COUNT records");
