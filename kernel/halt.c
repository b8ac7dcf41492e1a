// SPDX-License-Identifier: GPL-2.0
/*
 * Stopping the machine in order, as Linux's kernel_halt(),
 * kernel_restart() and kernel_power_off() do: the other CPUs first
 * (smp_send_stop()), so that no task runs on elsewhere while this CPU
 * halts, and no CPU is mid-write to a device when it resets; then the
 * architecture's machine_*().  reboot(2), the shell's halt, poweroff and
 * reboot, and Ctrl-Alt-Del come here; panic() stops the CPUs its own way.
 */
#include <kernel/reboot.h>
#include <kernel/smp.h>

static void stop_other_cpus(void)
{
	if (IS_ENABLED(CONFIG_SMP))
		smp_send_stop();
}

__noreturn void kernel_halt(void)
{
	stop_other_cpus();
	machine_halt();
}

__noreturn void kernel_restart(void)
{
	stop_other_cpus();
	machine_restart();
}

__noreturn void kernel_power_off(void)
{
	stop_other_cpus();
	machine_power_off();
}
