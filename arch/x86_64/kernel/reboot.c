// SPDX-License-Identifier: GPL-2.0
/*
 * halt_forever(), machine_restart() and machine_power_off()
 * (<kernel/reboot.h>): stop the CPU, reset the PC, or turn it off.
 *
 * The keyboard controller's "pulse output port" command (0xFE) drives
 * the CPU's reset line, the way PCs have rebooted since the AT.  A
 * machine without an i8042 gets a triple fault instead: an empty IDT
 * leaves an exception nowhere to go, and the CPU resets.  QEMU run with
 * -no-reboot (as "make run" and the tests do) exits at either.
 *
 * Turning a PC off is ACPI's business (drivers/acpi/poweroff.c): the
 * firmware's tables name the ports and values.  Without them the
 * machine halts, which is all that is left to do.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/reboot.h>

#define I8042_STATUS	  0x64
#define I8042_COMMAND	  0x64
#define STATUS_INPUT_FULL 0x02
#define CMD_PULSE_RESET	  0xfe
#define WAIT_LOOPS	  100000

__noreturn void halt_forever(void)
{
	local_irq_disable();
	for (;;)
		halt();
}

static void i8042_reset(void)
{
	int i;

	for (i = 0; i < WAIT_LOOPS && (inb(I8042_STATUS) & STATUS_INPUT_FULL); i++)
		;
	outb(I8042_COMMAND, CMD_PULSE_RESET);
	for (i = 0; i < WAIT_LOOPS; i++) /* the reset takes a moment */
		inb(I8042_STATUS);
}

static __noreturn void triple_fault(void)
{
	static const struct desc_ptr no_idt = { .limit = 0, .base = 0 };

	asm volatile("cli; lidt %0; int3" : : "m"(no_idt));
	__builtin_unreachable();
}

__noreturn void machine_restart(void)
{
	i8042_reset();
	triple_fault();
}

__noreturn void machine_power_off(void)
{
	if (IS_ENABLED(CONFIG_ACPI_POWEROFF))
		acpi_power_off();
	machine_halt();
}
