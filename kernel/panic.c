// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): report why the kernel stops, then stop.
 *
 * On SMP one CPU reports, as in Linux: the first to panic claims
 * panic_cpu (one compare-and-swap, no lock, so a panic with any lock held
 * still gets there), stops the other CPUs (smp_send_stop()), and only then
 * prints, so that nothing another CPU prints can follow the report.  A
 * CPU that panics while another does halts quietly: two reports at once
 * would interleave, and the first is the one that matters.  A CPU that
 * printk()s during another's panic stops there too (kernel/printk.c), and
 * printk's lock, if a stopped CPU held it, is taken from it
 * (printk_cpu_sync_bust()).
 */
#include <asm/irqflags.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>

#define PANIC_CPU_INVALID -1

/* The CPU that panics, or PANIC_CPU_INVALID; set once, by compare-and-swap. */
static int panic_cpu = PANIC_CPU_INVALID;

bool other_cpu_in_panic(void)
{
	int cpu = __atomic_load_n(&panic_cpu, __ATOMIC_ACQUIRE);

	return cpu != PANIC_CPU_INVALID && cpu != (int)smp_processor_id();
}

static __noreturn void stop_this_cpu(void)
{
	if (IS_ENABLED(CONFIG_SMP))
		smp_stop_self();
	halt_forever();
}

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
	int old = PANIC_CPU_INVALID, me;
	va_list args;

	local_irq_disable();
	me = smp_processor_id();
	if (!__atomic_compare_exchange_n(&panic_cpu, &old, me, false, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE)) {
		if (old != me) /* another CPU reports: say nothing */
			stop_this_cpu();
		goto stop; /* panicked while panicking: say nothing more */
	}
	if (IS_ENABLED(CONFIG_SMP)) {
		smp_send_stop();
		printk_cpu_sync_bust();
	}

	va_start(args, fmt);
	vscnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);

	panic_print("Kernel panic - not syncing: %s\n", reason);
	panic_print("---[ end Kernel panic - not syncing: %s ]---\n", reason);
stop:
	machine_exit(false);
	halt_forever();
}
