// SPDX-License-Identifier: GPL-2.0
/*
 * printk for the host build of lib/: formats with the kernel's own
 * vsnprintf and hands the text to host_write() (host_main.c), so that the
 * KTAP the host tests print went through the code under test.
 */
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>

void host_write(const char *text, size_t len);

int vprintk_emit(int level, unsigned int flags, const char *fmt, va_list args)
{
	char buf[1024];
	int len = vscnprintf(buf, sizeof(buf), fmt, args);

	host_write(buf, len);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk_emit(-1, 0, fmt, args);
	va_end(args);
	return len;
}

/* The host tests never ask for ktest.panic; stop loudly if one does. */
void panic(const char *fmt, ...)
{
	host_write("panic\n", 6);
	__builtin_trap();
}
