/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles: where printk output appears (kernel/console.c).
 *
 * A console driver registers itself from a console_initcall, so the kernel
 * core never names a driver: the consoles a kernel has are the drivers its
 * configuration built.  A newly registered console is first sent every
 * message already in the log, so nothing printed before it is lost.  A
 * console that needs memory management (a framebuffer must be mapped
 * with ioremap(), its text grid allocated) starts from a
 * console_late_initcall, right after mm_init().
 */
#ifndef _KERNEL_CONSOLE_H
#define _KERNEL_CONSOLE_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct console {
	const char *name;
	/* Write @len bytes of a message of log level @level. */
	void (*write)(struct console *con, const char *text, size_t len, int level);
	/*
	 * Page the view half a screen back into what scrolled away (@dir -1)
	 * or forward (+1); NULL for a console whose scrollback is elsewhere
	 * (a terminal on the serial port has its own).
	 */
	void (*scroll)(struct console *con, int dir);
	struct console *next;
};

/* Add @con, first sending it the log so far (kernel/printk.c). */
void register_console(struct console *con);
void unregister_console(struct console *con);
/* The list alone, for register_console(): append @con, or take it out. */
void console_add(struct console *con);
void console_remove(struct console *con);
/* The registered console called @name, or NULL (for benchmarks and tests). */
struct console *console_find(const char *name);
/* Write a message to every registered console. */
void console_write(const char *text, size_t len, int level);
/* Page every console that can back (@dir -1) or forward (+1): Shift-PgUp/PgDn. */
void console_scroll(int dir);
/* Run every console_initcall. */
void console_init(void);
/* Run every console_late_initcall: memory management is up. */
void console_init_late(void);

typedef int (*console_initcall_t)(void);

#define console_initcall(fn)                                                      \
	static const console_initcall_t __console_initcall_##fn __used __section( \
		".console_initcalls") = fn

#define console_late_initcall(fn)                                                      \
	static const console_initcall_t __console_late_initcall_##fn __used __section( \
		".console_late_initcalls") = fn

#endif
