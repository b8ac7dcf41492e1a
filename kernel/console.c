// SPDX-License-Identifier: GPL-2.0
/*
 * The console list.  Drivers register from console_initcall()s; see
 * <kernel/console.h>.
 */
#include <asm/irqflags.h>
#include <kernel/compiler.h>
#include <kernel/console.h>
#include <kernel/printk.h>

extern const console_initcall_t __console_initcalls_start[], __console_initcalls_end[];

static struct console *console_list;

/* Send the log so far to a new console, as the live output would have. */
static void replay_log(struct console *con)
{
	static char text[1024];
	struct log_record rec;
	u64 seq = 0;

	while (log_buf_read(&kernel_log, &seq, &rec, text, sizeof(text)))
		if (rec.level < console_loglevel)
			con->write(con, text, min(rec.text_len, sizeof(text) - 1), rec.level);
}

void register_console(struct console *con)
{
	struct console **link = &console_list;

	while (*link)
		link = &(*link)->next;
	con->next = NULL;
	*link = con;
	replay_log(con);
}

void unregister_console(struct console *con)
{
	struct console **link;

	for (link = &console_list; *link; link = &(*link)->next) {
		if (*link == con) {
			*link = con->next;
			return;
		}
	}
}

/*
 * Under printk's lock: neither another CPU's message nor an interrupt
 * handler's may split this one, and the drivers' state (cursor, FIFO)
 * changes one message at a time.
 */
void console_write(const char *text, size_t len, int level)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	struct console *con;

	for (con = console_list; con; con = con->next)
		con->write(con, text, len, level);
	printk_cpu_sync_put_irqrestore(taken, flags);
}

/* Under printk's lock too: a keyboard interrupt must not page mid-message. */
void console_scroll(int dir)
{
	unsigned long flags;
	bool taken = printk_cpu_sync_get_irqsave(&flags);
	struct console *con;

	for (con = console_list; con; con = con->next)
		if (con->scroll)
			con->scroll(con, dir);
	printk_cpu_sync_put_irqrestore(taken, flags);
}

void console_init(void)
{
	const console_initcall_t *call;

	/* A driver that cannot start says why itself; the others go on. */
	for (call = __console_initcalls_start; call < __console_initcalls_end; call++)
		(*call)();
}
