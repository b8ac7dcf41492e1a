// SPDX-License-Identifier: GPL-2.0
/*
 * The console list.  Drivers register from console_initcall()s; see
 * <kernel/console.h>.  register_console(), which also replays the log to
 * the new console, is printk's (kernel/printk.c): this file knows nothing
 * of the log, and calls nothing of printk's but the lock that keeps a
 * message whole (kernel/printk_cpu_sync.c).
 */
#include <kernel/compiler.h>
#include <kernel/console.h>
#include <kernel/printk.h>
#include <kernel/string.h>

extern const console_initcall_t __console_initcalls_start[], __console_initcalls_end[];
extern const console_initcall_t __console_late_initcalls_start[], __console_late_initcalls_end[];

/* Changed at boot and by the printk tests, under no lock: one CPU, no preemption there. */
static struct console *console_list;

void console_add(struct console *con)
{
	struct console **link = &console_list;

	while (*link)
		link = &(*link)->next;
	con->next = NULL;
	*link = con;
}

void console_remove(struct console *con)
{
	struct console **link;

	for (link = &console_list; *link; link = &(*link)->next) {
		if (*link == con) {
			*link = con->next;
			return;
		}
	}
}

struct console *console_find(const char *name)
{
	struct console *con;

	for (con = console_list; con; con = con->next)
		if (!strcmp(con->name, name))
			return con;
	return NULL;
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

/* A driver that cannot start says why itself; the others go on. */
static void run_initcalls(const console_initcall_t *call, const console_initcall_t *end)
{
	for (; call < end; call++)
		(*call)();
}

void console_init(void)
{
	run_initcalls(__console_initcalls_start, __console_initcalls_end);
}

void console_init_late(void)
{
	run_initcalls(__console_late_initcalls_start, __console_late_initcalls_end);
}
