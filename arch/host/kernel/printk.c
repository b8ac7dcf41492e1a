// SPDX-License-Identifier: GPL-2.0
/*
 * printk for the host program: formats with the kernel's own vsnprintf,
 * keeps every message in a kernel_log ring (kernel/log_buf.c) as the
 * kernel does, and hands what passes the log level to host_write()
 * (main.c, or heap_bench.c).  So the KTAP the host tests print went through the code
 * under test, and ktest_log_contains() works on the host as in the kernel.
 */
#include <kernel/log_buf.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>

void host_write(const char *text, size_t len);

static char log_storage[1 << 16] __aligned(8);
struct log_buf kernel_log = LOG_BUF_INIT(log_storage);
int console_loglevel = LOGLEVEL_INFO + 1;

int vprintk_emit(int level, unsigned int flags, const char *fmt, va_list args)
{
	char buf[1024];
	const char *text = buf;
	int len = vscnprintf(buf, sizeof(buf), fmt, args);

	if (buf[0] == KERN_SOH_ASCII && buf[1] >= '0' && buf[1] <= '7') {
		if (level < 0)
			level = buf[1] - '0';
		text += 2;
		len -= 2;
	}
	if (level < 0)
		level = LOGLEVEL_WARNING;
	log_buf_store(&kernel_log, level, flags, text, len);
	if (level < console_loglevel || (flags & LOG_FORCE))
		host_write(text, len);
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
