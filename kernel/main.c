// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): from the boot code to the idle loop, in order.
 *
 * Each step only relies on the ones before it: messages printed before any
 * console exists wait in the log buffer and are replayed to each console
 * as it registers, so the order of the console drivers does not matter.
 * The boot flow ends as the idle task (pid 0); init (pid 1) runs the
 * initcalls, the tests and then the shell, or the echo of what is typed.
 */
#include <asm/irqflags.h>
#include <asm/stackprotector.h>
#include <kernel/boot_mode.h>
#include <kernel/bootinfo.h>
#include <kernel/console.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/kshell.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/sched.h>
#include <kernel/setup.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <kernel/tty.h>
#include <kernel/watchdog.h>
#include <kernel/workqueue.h>

/*
 * init's last job, for good: the shell (which init restarts should it
 * end), or without one an echo of what is typed, as a terminal would.
 */
static __noreturn void console_loop(void)
{
	if (IS_ENABLED(CONFIG_KSHELL))
		kshell_run();
	for (;;) {
		tty_wait_pending(console_tty());
		tty_echo(console_tty());
	}
}

/*
 * A boot mode the command line chose (a fault, a heap, lock or scheduler
 * bug, a benchmark: include/kernel/boot_mode.h) takes the place of the
 * suites.
 */
static void run_tests(void)
{
	if (boot_mode_run())
		return;
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run_all(NULL);
}

/* The end of initialization: exit QEMU if asked to, else go on as the console. */
static __noreturn void finish_boot(void)
{
	bool ok = !IS_ENABLED(CONFIG_KTEST) || ktest_failures() == 0;

	heap_report();
	if (ok)
		pr_info("Kernel initialized\n");
	else
		pr_info("Kernel initialized, with test failures: %s\n", ktest_failed_cases());
	machine_exit(ok);
	run_user_init();
	console_loop();
}

/*
 * pid 1, as Linux's kernel_init(): the rest of the boot, then the console.
 * The other CPUs come up first, as Linux's smp_init() in
 * kernel_init_freeable(): the boot CPU's timekeeping and heap are there
 * to make and time them with.
 * The lockup detector starts before the initcalls, as in Linux, so that a
 * driver or a test that keeps the CPU is named too; the initramfs is
 * unpacked before them too, as Linux's rootfs_initcall is.
 */
static int kernel_init(void *unused)
{
	if (IS_ENABLED(CONFIG_SMP))
		smp_init();
	workqueue_init();
	if (IS_ENABLED(CONFIG_SOFTLOCKUP_DETECTOR))
		lockup_detector_init();
	populate_rootfs();
	do_initcalls();
	run_tests();
	finish_boot();
}

/*
 * As Linux's rest_init(): start init, and become the idle task, which
 * runs only when nothing else can.  Interrupts come on here for good.
 */
static __noreturn void rest_init(void)
{
	struct task_struct *init = kthread_run(kernel_init, NULL, "init");

	if (IS_ERR(init))
		panic("cannot create the init task (error %ld)", PTR_ERR(init));
	local_irq_enable();
	cpu_idle();
}

__noreturn void start_kernel(phys_addr_t boot_info_phys)
{
	pr_notice("%s\n", kernel_banner);
	boot_init_stack_canary();
	setup_arch(boot_info_phys);
	parse_kernel_params(boot_info.cmdline);
	console_init();
	print_boot_info();
	mm_init();
	console_init_late();
	vfs_caches_init();

	init_IRQ();
	time_init();
	sched_init();
	rest_init();
}
