// SPDX-License-Identifier: GPL-2.0
/*
 * printk: log levels, the kernel log and the log level parameters.
 *
 * Every message becomes a record in kernel_log (kernel/log_buf.c); those
 * below console_loglevel also go to the consoles at once.  printk's lock
 * (kernel/printk_cpu_sync.c: one CPU at a time, interrupts off) is held
 * while a message is formatted, stored and written, and guards the static
 * buffers, last_level and the log; so messages from several CPUs at once
 * each reach the log and the consoles whole, one after the other.  A
 * message printed while another is, on the CPU that holds the lock (from
 * a fault or a report inside a console driver), gets a buffer of its own.
 * While another CPU panics, this one prints nothing: it stops instead, in
 * printk's lock (kernel/panic.c).
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/kstrtox.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define LOG_LINE_MAX 1024

static char log_storage[1UL << CONFIG_LOG_BUF_SHIFT] __aligned(8);
struct log_buf kernel_log = LOG_BUF_INIT(log_storage);

static int last_level = LOGLEVEL_INFO; /* for KERN_CONT records */

int console_loglevel = CONFIG_DEFAULT_LOGLEVEL;

/* Strip a KERN_* prefix from *@text; returns its level, -1 for none. */
static int parse_level(const char **text, unsigned int *flags)
{
	const char *s = *text;

	if (s[0] != KERN_SOH_ASCII || !s[1])
		return -1;
	*text = s + 2;
	if (s[1] == 'c') {
		*flags |= LOG_CONT;
		return last_level;
	}
	if (s[1] >= '0' && s[1] <= '7')
		return s[1] - '0';
	*text = s;
	return -1;
}

/*
 * One buffer per level of nesting.  A console driver that faults, or that
 * trips a debug check, prints while printk's re-entrant lock is held and
 * the outer message is still being written from its buffer: the nested
 * message must not be formatted over it, or the consoles after the one
 * that faulted get the nested text (cut to the outer's length) instead.
 * As in Linux (PRINTK_MAX_RECURSION), a message nested deeper than that
 * is dropped: it comes from printing a report about printing a report,
 * and printing it would most likely only nest again.
 */
#define PRINTK_MAX_NESTING 3

static char textbufs[PRINTK_MAX_NESTING][LOG_LINE_MAX];
static unsigned int printk_depth; /* messages being printed; under printk's lock */

/* Format, store and write one message into @textbuf; returns its length. */
static int emit(char *textbuf, int level, unsigned int flags, const char *fmt, va_list args)
{
	const char *text = textbuf;
	int len, prefix_level;

	len = vscnprintf(textbuf, LOG_LINE_MAX, fmt, args);
	prefix_level = parse_level(&text, &flags);
	len -= text - textbuf;
	if (level < 0)
		level = prefix_level >= 0 ? prefix_level : CONFIG_MESSAGE_LOGLEVEL_DEFAULT;
	last_level = level;

	log_buf_store(&kernel_log, level, flags, text, len);
	if (level < console_loglevel || (flags & LOG_FORCE))
		console_write(text, len, level);
	return len;
}

int vprintk_emit(int level, unsigned int flags, const char *fmt, va_list args)
{
	unsigned long irqflags;
	bool taken = printk_cpu_sync_get_irqsave(&irqflags);
	int len = 0;

	if (printk_depth < PRINTK_MAX_NESTING) {
		printk_depth++;
		len = emit(textbufs[printk_depth - 1], level, flags, fmt, args);
		printk_depth--;
	}
	printk_cpu_sync_put_irqrestore(taken, irqflags);
	return len;
}

int vprintk(const char *fmt, va_list args)
{
	return vprintk_emit(-1, 0, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk(fmt, args);
	va_end(args);
	return len;
}

static int set_loglevel(const char *val)
{
	int level;

	if (!val || kstrtoint(val, 10, &level) || level < 1 || level > 8)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
kernel_param("loglevel", set_loglevel);

static int set_quiet(const char *val)
{
	console_loglevel = LOGLEVEL_WARNING;
	return val ? -EINVAL : 0;
}
kernel_param("quiet", set_quiet);

static int set_debug(const char *val)
{
	console_loglevel = LOGLEVEL_DEBUG + 1;
	return val ? -EINVAL : 0;
}
kernel_param("debug", set_debug);

/*
 * Here, not in kernel/console.c, as in Linux: what a new console is owed
 * is the log's business, and the console list knows nothing of the log.
 *
 * The log so far is sent to the new console as live output is, under
 * printk's lock with interrupts off, one record at a time; an interrupt
 * handler's printk between two records is stored and is replayed in its
 * turn.  The console joins the list only when, under the same lock, no
 * record is left: added before, it would be given a message printed
 * during the replay live and again from the log, or in the middle of a
 * replayed one.
 */
void register_console(struct console *con)
{
	static char text[1024]; /* under printk's lock */
	struct log_record rec;
	unsigned long flags;
	u64 seq = 0;
	bool taken;

	for (;;) {
		taken = printk_cpu_sync_get_irqsave(&flags);
		if (!log_buf_read(&kernel_log, &seq, &rec, text, sizeof(text)))
			break;
		if (rec.level < console_loglevel)
			con->write(con, text, min(rec.text_len, sizeof(text) - 1), rec.level);
		printk_cpu_sync_put_irqrestore(taken, flags);
	}
	console_add(con);
	printk_cpu_sync_put_irqrestore(taken, flags);
}

void unregister_console(struct console *con)
{
	console_remove(con);
}
