// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): from the boot code to the idle loop, in order.
 *
 * Each step only relies on the ones before it: messages printed before any
 * console exists wait in the log buffer and are replayed to each console
 * as it registers, so the order of the console drivers does not matter.
 */
#include <asm/irqflags.h>
#include <kernel/bootinfo.h>
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/input.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/setup.h>
#include <kernel/slab.h>
#include <kernel/time.h>

/*
 * Sleep until an interrupt, then echo what was typed.  The queue is
 * checked with interrupts off and the CPU halts in the same breath as it
 * enables them (safe_halt()), so a key that arrives in between wakes the
 * halt instead of waiting for the next one.
 */
__noreturn void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (input_pending()) {
			local_irq_enable();
			input_echo();
			continue;
		}
		safe_halt();
	}
}

/*
 * A fault test ("ktest.fault="), a slab bug test ("ktest.slab_bug=") or a
 * benchmark ("heap_bench", "time_bench") takes the place of the suites; a
 * fault never returns.
 */
static void run_tests(void)
{
	if (IS_ENABLED(CONFIG_KTEST_FAULTS))
		ktest_provoke_fault();
	if (IS_ENABLED(CONFIG_KTEST_SLAB_BUGS) && ktest_commit_slab_bug())
		return;
	if (IS_ENABLED(CONFIG_HEAP_BENCH) && heap_bench())
		return;
	if (IS_ENABLED(CONFIG_TIME_BENCH) && time_bench())
		return;
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run_all(NULL);
}

/* The end of initialization: exit QEMU if asked to, else idle. */
static __noreturn void finish_boot(void)
{
	bool ok = !IS_ENABLED(CONFIG_KTEST) || ktest_failures() == 0;

	heap_report();
	pr_info("Kernel initialized%s\n", ok ? "" : ", with test failures");
	machine_exit(ok);
	cpu_idle();
}

__noreturn void start_kernel(phys_addr_t boot_info_phys)
{
	pr_notice("%s\n", kernel_banner);
	setup_arch(boot_info_phys);
	parse_kernel_params(boot_info.cmdline);
	console_init();
	print_boot_info();
	mm_init();

	init_IRQ();
	time_init();
	do_initcalls();
	local_irq_enable();

	run_tests();
	finish_boot();
}
