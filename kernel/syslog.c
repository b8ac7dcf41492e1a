// SPDX-License-Identifier: GPL-2.0
/*
 * syslog(2), which glibc calls klogctl(): the kernel log for programs.
 * BusyBox's dmesg asks for the ring's size (SYSLOG_ACTION_SIZE_BUFFER),
 * then for everything in it (SYSLOG_ACTION_READ_ALL); klogd reads what is
 * new (SYSLOG_ACTION_READ); "dmesg -n" sets the console's level.
 *
 * The text is Linux's: each line of a record starts with "<level>"
 * (facility 0, the kernel's) and ends with a newline, with no time stamp,
 * as a Linux built without CONFIG_PRINTK_TIME prints it.  A record's text
 * is copied out of the ring under printk's lock, and formatted to the
 * user's buffer after it, so printk never waits on a page fault.
 *
 * SYSLOG_ACTION_READ blocks until there is something to read.  printk
 * cannot wake a reader itself: it runs in any context, the scheduler's
 * own included (Linux defers the wake-up to an irq_work, which Kestrel
 * has not got), so a waiting reader looks again every tick instead.
 * What READ has given is kept under syslog_lock, as in Linux, so that two
 * readers (preempted in the middle, with CONFIG_PREEMPT) never give the
 * same text twice; and a record longer than the reader's buffer is given
 * in parts, the rest on the next READ, as Linux's syslog_partial does.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/log_buf.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/timer.h>
#include <kernel/uaccess.h>

enum {
	SYSLOG_ACTION_CLOSE,
	SYSLOG_ACTION_OPEN,
	SYSLOG_ACTION_READ,
	SYSLOG_ACTION_READ_ALL,
	SYSLOG_ACTION_READ_CLEAR,
	SYSLOG_ACTION_CLEAR,
	SYSLOG_ACTION_CONSOLE_OFF,
	SYSLOG_ACTION_CONSOLE_ON,
	SYSLOG_ACTION_CONSOLE_LEVEL,
	SYSLOG_ACTION_SIZE_UNREAD,
	SYSLOG_ACTION_SIZE_BUFFER,
};

/* Linux's lowest console level "dmesg -n" and CONSOLE_OFF may set. */
#define MINIMUM_CONSOLE_LOGLEVEL 1
#define RECORD_TEXT_MAX		 1024 /* printk's LOG_LINE_MAX */

/*
 * Under printk's lock: the first record READ_ALL gives (CLEAR moves it),
 * and the console's level before CONSOLE_OFF (0 while it is not off).
 */
static u64 clear_seq;
static int saved_console_loglevel;

/*
 * Under syslog_lock (written under printk's lock too, for the waiting
 * reader's look): the first record SYSLOG_ACTION_READ has not given in
 * full, and how many of its formatted bytes it has given.
 */
static DEFINE_MUTEX(syslog_lock);
static u64 syslog_seq;
static size_t syslog_partial;

/*
 * Where formatted text goes: a user buffer of @size bytes through a
 * staging buffer, or nowhere (@buf NULL: counting).  @mid_line: the
 * last record ended without a newline, so the next one goes on its line,
 * as the consoles show it.  @skip: bytes still to leave out (neither
 * written nor counted), those of a record a READ gave part of.
 */
struct syslog_out {
	char __user *buf;
	size_t size, pos, skip;
	bool mid_line, fault;
	size_t staged;
	char stage[128];
};

static void out_flush(struct syslog_out *out)
{
	if (out->staged && !out->fault &&
	    copy_to_user(out->buf + out->pos - out->staged, out->stage, out->staged))
		out->fault = true;
	out->staged = 0;
}

static void out_char(struct syslog_out *out, char c)
{
	if (out->skip) {
		out->skip--;
		return;
	}
	if (out->buf) {
		if (out->pos >= out->size)
			return;
		out->stage[out->staged++] = c;
		if (out->staged == sizeof(out->stage)) {
			out->pos++;
			out_flush(out);
			return;
		}
	}
	out->pos++;
}

/*
 * Format a record of @level, its @len bytes of @text: "<L>" at the start
 * of each line.  Returns the bytes it takes; with @out->buf set, written
 * as far as they fit.
 */
static size_t format_record(struct syslog_out *out, const char *text, size_t len, int level)
{
	size_t i, start = out->pos;

	for (i = 0; i < len; i++) {
		if (!out->mid_line) {
			out_char(out, '<');
			out_char(out, '0' + level);
			out_char(out, '>');
		}
		out_char(out, text[i]);
		out->mid_line = text[i] != '\n';
	}
	return out->pos - start;
}

/* With @out writing: whether @n more bytes fit in it. */
static bool out_fits(const struct syslog_out *out, size_t n)
{
	return out->pos + n <= out->size;
}

/* Copy record *@seq (or the oldest left) into @text; false when there is none before @end. */
static bool next_record(u64 *seq, u64 end, struct log_record *rec, char *text)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	u64 at = *seq;
	bool found = at < end && log_buf_read(&kernel_log, seq, rec, text, RECORD_TEXT_MAX);

	printk_cpu_sync_put_irqrestore(taken, flags);
	if (found && rec->seq >= end) {
		*seq = at; /* all before @end dropped: leave the newer one for later */
		return false;
	}
	if (found && rec->text_len >= RECORD_TEXT_MAX)
		rec->text_len = RECORD_TEXT_MAX - 1;
	return found;
}

/* The formatted length of the records from @seq to @end. */
static size_t text_size(u64 seq, u64 end, char *text)
{
	struct syslog_out count = { 0 };
	struct log_record rec;

	while (next_record(&seq, end, &rec, text))
		format_record(&count, text, rec.text_len, rec.level);
	return count.pos;
}

static u64 log_next_seq(void)
{
	return READ_ONCE(kernel_log.next_seq);
}

/* Under printk's lock, the value of @var. */
static u64 read_seq(u64 *var)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	u64 seq = *var;

	printk_cpu_sync_put_irqrestore(taken, flags);
	return seq;
}

static void write_seq(u64 *var, u64 seq)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);

	*var = seq;
	printk_cpu_sync_put_irqrestore(taken, flags);
}

/*
 * READ_ALL: the newest whole records that fit in @len bytes, from those
 * after the last CLEAR, oldest first; the bytes written.  Records that
 * printk adds meanwhile are left for the next call; records it drops
 * only make the text shorter.
 */
static long syslog_read_all(char __user *buf, size_t len, char *text, bool clear)
{
	struct syslog_out count = { 0 }, out = { .buf = buf, .size = len };
	u64 end = log_next_seq(), seq = read_seq(&clear_seq);
	size_t total = text_size(seq, end, text);
	struct log_record rec;

	/* Skip the oldest records until the rest fits. */
	while (total > len && next_record(&seq, end, &rec, text)) {
		size_t before = count.pos;

		format_record(&count, text, rec.text_len, rec.level);
		total -= count.pos - before;
	}
	out.mid_line = count.mid_line;
	while (next_record(&seq, end, &rec, text))
		format_record(&out, text, rec.text_len, rec.level);
	out_flush(&out);
	if (out.fault)
		return -EFAULT;
	if (clear)
		write_seq(&clear_seq, end);
	return out.pos;
}

/* Sleep until a record SYSLOG_ACTION_READ has not given is in the log. */
static int wait_for_unread(void)
{

	might_sleep();
	while (read_seq(&syslog_seq) >= log_next_seq()) {
		/*
		 * Marked before the test: a signal sent after it wakes the
		 * sleep.  Preempted between the mark and the sleep, the task
		 * stays runnable, still marked (kernel/sched/core.c).
		 */
		current->interruptible = true;
		set_current_state(TASK_SLEEPING);
		if (signal_pending(current)) {
			current->interruptible = false;
			__set_current_state(TASK_RUNNING);
			return -ERESTARTSYS;
		}
		__schedule_timeout(1);
		current->interruptible = false;
	}
	return 0;
}

/*
 * Take syslog_lock with a record READ has not given in the log, waiting
 * for one without the lock (as Linux's syslog_print() does), so that a
 * second reader waits where a signal ends its sleep; or -ERESTARTSYS.
 */
static int lock_unread(void)
{
	for (;;) {
		int err = wait_for_unread();

		if (err)
			return err;
		mutex_lock(&syslog_lock);
		if (syslog_seq < log_next_seq())
			return 0;
		mutex_unlock(&syslog_lock);
	}
}

/*
 * Under syslog_lock: the bytes READ has yet to give, from record
 * syslog_seq on (syslog_partial of it given, unless printk dropped it).
 */
static size_t unread_size(char *text)
{
	struct syslog_out count = { .skip = syslog_partial };
	u64 seq = syslog_seq, end = log_next_seq();
	struct log_record rec;

	while (next_record(&seq, end, &rec, text)) {
		if (rec.seq != syslog_seq)
			count.skip = 0;
		format_record(&count, text, rec.text_len, rec.level);
	}
	return count.pos;
}

/*
 * READ: the records not read yet, whole, as many as fit; the first, if
 * it alone does not fit, in parts, the rest kept for the next READ, as
 * Linux's syslog_print() does.  A fault gives -EFAULT and nothing is
 * taken as read.
 */
static long syslog_read(char __user *buf, size_t len, char *text)
{
	struct syslog_out out = { .buf = buf, .size = len };
	struct log_record rec;
	int err = lock_unread();
	size_t partial;
	u64 seq, end;

	if (err)
		return err;
	seq = syslog_seq;
	partial = syslog_partial;
	end = log_next_seq();
	while (out.pos < out.size) {
		struct syslog_out probe = { .mid_line = out.mid_line };
		u64 at = seq;

		if (!next_record(&seq, end, &rec, text))
			break;
		if (rec.seq != at)
			partial = 0; /* dropped meanwhile: the oldest left, from its start */
		probe.skip = partial;
		out.skip = partial;
		if (!out_fits(&out, format_record(&probe, text, rec.text_len, rec.level))) {
			/* The first, alone too long: what fits now, the rest next time. */
			if (!out.pos) {
				format_record(&out, text, rec.text_len, rec.level);
				partial += out.pos;
			}
			seq = rec.seq;
			break;
		}
		format_record(&out, text, rec.text_len, rec.level);
		partial = 0;
	}
	out_flush(&out);
	if (!out.fault) {
		write_seq(&syslog_seq, seq);
		syslog_partial = partial;
	}
	mutex_unlock(&syslog_lock);
	return out.fault ? -EFAULT : (long)out.pos;
}

static long syslog_console_level(int level)
{
	if (level < 1 || level > 8)
		return -EINVAL;
	WRITE_ONCE(console_loglevel, max(level, MINIMUM_CONSOLE_LOGLEVEL));
	saved_console_loglevel = 0; /* CONSOLE_ON now changes nothing */
	return 0;
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	char *text;
	long ret;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (!access_ok(buf, len))
			return -EFAULT;
		text = kmalloc(RECORD_TEXT_MAX);
		if (!text)
			return -ENOMEM;
		if (type == SYSLOG_ACTION_READ)
			ret = syslog_read(buf, len, text);
		else
			ret = syslog_read_all(buf, len, text, type == SYSLOG_ACTION_READ_CLEAR);
		kfree(text);
		return ret;
	case SYSLOG_ACTION_CLEAR:
		write_seq(&clear_seq, log_next_seq());
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (!saved_console_loglevel)
			saved_console_loglevel = READ_ONCE(console_loglevel);
		WRITE_ONCE(console_loglevel, MINIMUM_CONSOLE_LOGLEVEL);
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel) {
			WRITE_ONCE(console_loglevel, saved_console_loglevel);
			saved_console_loglevel = 0;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return syslog_console_level(len);
	case SYSLOG_ACTION_SIZE_UNREAD:
		text = kmalloc(RECORD_TEXT_MAX);
		if (!text)
			return -ENOMEM;
		mutex_lock(&syslog_lock);
		ret = unread_size(text);
		mutex_unlock(&syslog_lock);
		kfree(text);
		return ret;
	case SYSLOG_ACTION_SIZE_BUFFER:
		return kernel_log.size;
	}
	return -EINVAL;
}
