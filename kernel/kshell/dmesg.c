// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: the kernel log, from the oldest record the ring still holds.
 *
 * Each record is copied out under printk's lock and written after it,
 * so printk never waits for a console on dmesg's account.  A record
 * longer than the copy is cut and marked.
 */
#include <kernel/console.h>
#include <kernel/kshell.h>
#include <kernel/log_buf.h>
#include <kernel/printk.h>

static char text[1024]; /* the shell task's alone */

static bool read_record(u64 *seq, struct log_record *rec)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	bool found = log_buf_read(&kernel_log, seq, rec, text, sizeof(text));

	printk_cpu_sync_put_irqrestore(taken, flags);
	return found;
}

static int dmesg_run(int argc, char **argv)
{
	struct log_record rec;
	bool first = true;
	u64 seq = 0;

	while (read_record(&seq, &rec)) {
		if (first && rec.seq)
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
KSHELL_COMMAND(dmesg, .run = dmesg_run, .help = "the kernel log");
