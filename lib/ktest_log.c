// SPDX-License-Identifier: GPL-2.0
/*
 * Test helpers that look at the kernel log: a case that feeds bad input on
 * purpose mutes the consoles, so that the boot log shows no false alarms,
 * and then checks that the right complaint was logged.
 */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static int saved_loglevel = -1;

u64 ktest_mute_console(void)
{
	if (saved_loglevel < 0)
		saved_loglevel = console_loglevel;
	console_loglevel = LOGLEVEL_EMERG + 1;
	return kernel_log.next_seq;
}

void ktest_unmute_console(void)
{
	if (saved_loglevel >= 0)
		console_loglevel = saved_loglevel;
	saved_loglevel = -1;
}

bool ktest_log_contains(u64 since, const char *needle)
{
	static char text[256];
	struct log_record rec;
	u64 seq = since;

	/* log_buf_read() starts at @since, or at the oldest record left. */
	while (log_buf_read(&kernel_log, &seq, &rec, text, sizeof(text)))
		if (strstr(text, needle))
			return true;
	return false;
}

bool ktest_log_kept(u64 since)
{
	static char text[16];
	struct log_record rec;
	u64 seq = since;

	return !log_buf_read(&kernel_log, &seq, &rec, text, sizeof(text)) || rec.seq == since;
}
