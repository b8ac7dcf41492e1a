// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): report why the kernel stops, then stop.
 */
#include <asm/irqflags.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/sprintf.h>

static __printf(1, 2) void panic_print(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk_emit(LOGLEVEL_EMERG, LOG_FORCE, fmt, args);
	va_end(args);
}

__noreturn void panic(const char *fmt, ...)
{
	static char reason[256];
	static bool in_panic;
	va_list args;

	local_irq_disable();
	if (in_panic) /* panicked while panicking: say nothing more */
		goto stop;
	in_panic = true;

	va_start(args, fmt);
	vscnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);

	panic_print("Kernel panic - not syncing: %s\n", reason);
	panic_print("---[ end Kernel panic - not syncing: %s ]---\n", reason);
stop:
	machine_exit(false);
	halt_forever();
}
