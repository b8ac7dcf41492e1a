// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): from the boot code to the idle loop, in order.
 *
 * Each step only relies on the ones before it: messages printed before any
 * console exists wait in the log buffer and are replayed to each console
 * as it registers, so the order of the console drivers does not matter.
 */
#include <asm/qemu.h>
#include <kernel/bootinfo.h>
#include <kernel/console.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/setup.h>

__noreturn void cpu_idle(void)
{
	/*
	 * No interrupt handlers exist yet, so interrupts stay off and the CPU
	 * sleeps until an NMI or reset.
	 */
	halt_forever();
}

static void run_tests(void)
{
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run_all(NULL);
}

/* The end of initialization: exit QEMU if asked to, else idle. */
static __noreturn void finish_boot(void)
{
	bool ok = !IS_ENABLED(CONFIG_KTEST) || ktest_failures() == 0;

	pr_info("Kernel initialized%s\n", ok ? "" : ", with test failures");
	if (qemu_exit_requested())
		qemu_exit(ok ? QEMU_EXIT_SUCCESS : QEMU_EXIT_FAILURE);
	cpu_idle();
}

__noreturn void start_kernel(phys_addr_t boot_info_phys)
{
	pr_notice("%s\n", kernel_banner);
	setup_arch(boot_info_phys);
	parse_kernel_params(boot_info.cmdline);
	console_init();
	print_boot_info();

	run_tests();
	finish_boot();
}
